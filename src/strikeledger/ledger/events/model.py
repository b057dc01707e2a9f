"""The types of events: links, claims, consensus values, conflicts and record checks.

Everything here is plain data with ``to_dict()`` giving JSON; the functions that make these
objects (``link``, ``reconcile``, ``records``, ``check``) are pure, so the same reports always
give the same events, ids and conflicts, with or without a ledger store behind them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Conflict kinds (see docs/EVENTS.md).
DIFFERENT = "different"
ROUNDED = "rounded"
CATEGORY_CONFUSION = "category_confusion"
STALE = "stale"
CONFLICT_KINDS = (DIFFERENT, ROUNDED, CATEGORY_CONFUSION, STALE)

_ID_ALIAS = re.compile(
    r"^ev:(\d{4}-\d{2}-\d{2}(?:-day)?):([A-Za-z]{2})[>_~.-]([A-Za-z]{2})((?::[^:]+)*)$"
)


def canonical_event_id(text: str) -> str:
    """An event id as typed by a person: ``ev:2025-07-04:RU-UA`` or ``ev:2025-07-04:ru_ua`` (a
    bare ``>`` on a command line is a shell redirection) -> ``ev:2025-07-04:RU>UA``."""
    m = _ID_ALIAS.match(text.strip())
    if not m:
        return text.strip()
    night, attacker, area, rest = m.groups()
    if rest:
        parts = rest.split(":")[1:]
        parts[0] = parts[0].upper()  # the region code; a city slug stays as it is
        rest = ":" + ":".join(parts)
    return f"ev:{night}:{attacker.upper()}>{area.upper()}{rest}"


# Event levels.
ATTACK = "attack"  # a nationwide overnight (or daytime) attack: night, attacker, area country
LOCAL = "local"  # a strike on one city or region on that date, child of an attack


@dataclass(frozen=True, slots=True)
class EventKey:
    """What identifies an event: the id is derived from it, so ids are stable across runs."""

    night_of: str
    attacker: str
    area: str  # ISO 3166-1 alpha-2 of the attacked country
    region: str | None = None  # ISO 3166-2 for local events
    place: str | None = None  # a city's slug within its region, for local events
    day: bool = False  # a daytime attack on that date (its own event, id ``ev:DATE-day:...``)
    id: str = field(init=False, compare=False, repr=False, default="")

    def __post_init__(self) -> None:
        date = self.night_of + ("-day" if self.day else "")
        base = f"ev:{date}:{self.attacker}>{self.area}"
        if self.region is not None:
            base += f":{self.region}" + (f":{self.place}" if self.place else "")
        object.__setattr__(self, "id", sys.intern(base))  # one string per event, shared

    @property
    def level(self) -> str:
        return ATTACK if self.region is None else LOCAL

    def parent(self) -> EventKey:
        return EventKey(self.night_of, self.attacker, self.area, day=self.day)

    def local(self, region: str, place: str | None = None) -> EventKey:
        """The local event of ``region`` (and city slug ``place``) within this attack."""
        return EventKey(self.night_of, self.attacker, self.area, region, place, day=self.day)


@dataclass(slots=True)
class Event:
    key: EventKey
    place_name: str | None = None
    weapons: set[str] = field(default_factory=set)  # categories mentioned by linked reports
    documents: list[str] = field(default_factory=list)  # linked document ids, in arrival order

    @property
    def id(self) -> str:
        return self.key.id

    @property
    def parent_id(self) -> str | None:
        return None if self.key.level == ATTACK else self.key.parent().id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.key.level,
            "parent": self.parent_id,
            "night_of": self.key.night_of,
            "daytime": self.key.day,
            "attacker": self.key.attacker,
            "area": self.key.area,
            "region": self.key.region,
            "place": self.place_name,
            "weapons": sorted(self.weapons),
            "documents": list(self.documents),
        }


@dataclass(frozen=True, slots=True)
class Link:
    """One report linked to one event, with the keys that matched (why it was linked)."""

    event_id: str
    document_id: str
    matched: dict[str, Any]
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event_id,
            "document": self.document_id,
            "matched": dict(self.matched),
            "duplicate_of": self.duplicate_of,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One number stated by one claimant in one document about one event.

    ``subject`` is the weapon category for figures and the group of people for casualties.
    A derived claim (``parts`` non-empty) is a total computed from one document's own parts
    (539 drones + 11 missiles = 550 in all); it is evidence for comparison, never a consensus
    on its own when a stated value exists.
    """

    event_id: str
    document_id: str
    kind: str  # figure | casualty
    measure: str
    subject: str
    model: str | None
    value: int
    qualifier: str = "exact"
    claimant: str | None = None
    claimant_kind: str | None = None
    source: str | None = None
    published: str | None = None
    primary: bool = False
    night_of: str | None = None
    evidence: dict[str, Any] | None = None
    rule: str | None = None
    parts: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        return (self.kind, self.measure, self.subject, self.model)

    @property
    def derived(self) -> bool:
        return bool(self.parts)

    def label(self) -> str:
        what = self.subject + (f"/{self.model}" if self.model else "")
        return f"{self.measure} {what}"

    def stated(self) -> str:
        q = {
            "exact": "",
            "at_least": "at least ",
            "more_than": "more than ",
            "approx": "about ",
            "at_most": "up to ",
            "less_than": "fewer than ",
        }.get(self.qualifier, "")
        return f"{q}{self.value}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event_id,
            "document": self.document_id,
            "kind": self.kind,
            "measure": self.measure,
            "subject": self.subject,
            "model": self.model,
            "value": self.value,
            "qualifier": self.qualifier,
            "claimant": {"name": self.claimant, "kind": self.claimant_kind},
            "source": self.source,
            "published": self.published,
            "primary": self.primary,
            "night_of": self.night_of,
            "evidence": self.evidence,
            "rule": self.rule,
            "parts": list(self.parts),
        }


@dataclass(frozen=True, slots=True)
class Consensus:
    event_id: str
    key: tuple[str, str, str, str | None]
    value: int
    qualifier: str
    rule: str  # a documented rule id, e.g. "consensus.air_force.v1"
    claim: Claim

    def to_dict(self) -> dict[str, Any]:
        kind, measure, subject, model = self.key
        return {
            "event": self.event_id,
            "kind": kind,
            "measure": measure,
            "subject": subject,
            "model": model,
            "value": self.value,
            "qualifier": self.qualifier,
            "rule": self.rule,
            "document": self.claim.document_id,
            "claimant": {"name": self.claim.claimant, "kind": self.claim.claimant_kind},
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """A claim that disagrees with the consensus of its event: of which kind, with whom, by how
    much, and (for category confusion) which total the number really matches."""

    event_id: str
    kind: str
    claim: Claim
    against: Consensus
    delta: int
    # the explanation when it cannot be told from the fields (category confusion); else None and
    # ``explanation`` writes it on demand (a big ledger has a million conflicts: no strings kept)
    why: str | None = None
    matches: str | None = None

    @property
    def explanation(self) -> str:
        if self.why is not None:
            return self.why
        c, k = self.claim, self.against.claim
        who = k.claimant or k.source or k.document_id
        if self.kind == ROUNDED:
            return f"{c.stated()} looks rounded from {k.stated()} ({who})"
        if self.kind == STALE:
            return f"{c.stated()} was superseded by {k.stated()} ({who}, {k.published})"
        return f"{c.stated()} differs from {k.stated()} ({who}) by {self.delta:+d}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event_id,
            "kind": self.kind,
            "claim": self.claim.to_dict(),
            "consensus": self.against.to_dict(),
            "delta": self.delta,
            "explanation": self.explanation,
            "matches": self.matches,
        }


@dataclass(slots=True)
class Reconciliation:
    """Every claim of one event, its consensus values and its conflicts."""

    event_id: str
    claims: list[Claim] = field(default_factory=list)
    consensus: list[Consensus] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def consensus_for(self, key: tuple[str, str, str, str | None]) -> Consensus | None:
        for c in self.consensus:
            if c.key == key:
                return c
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event_id,
            "claims": [c.to_dict() for c in self.claims if not c.derived],
            "consensus": [c.to_dict() for c in self.consensus],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


@dataclass(frozen=True, slots=True)
class RecordClaim:
    """A figure the text calls a record ("a record 550 drones", "рекордна кількість")."""

    document_id: str
    cue: str
    cue_start: int
    figure: dict[str, Any]  # the report-v1 figure the cue qualifies

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "figure": self.figure,
        }


@dataclass(frozen=True, slots=True)
class RecordCheck:
    claim: RecordClaim
    status: str  # supported | refuted | unverified
    value_checked: int
    previous: dict[str, Any] | None  # {"night_of", "value", "document", "claimant"} of the max
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "status": self.status,
            "value_checked": self.value_checked,
            "previous_max": self.previous,
            "explanation": self.explanation,
        }


def model_key(weapon: Mapping[str, Any]) -> str | None:
    """The model a figure is compared under: its model, or all its models joined when it counts
    several types together ("11 missiles (Kh-101/Iskander-K, Iskander-M/KN-23)" is not a count
    of Kh-101s)."""
    models = weapon.get("models") or ()
    if len(models) > 1:
        return "/".join(str(m) for m in models)
    model = weapon.get("model")
    return str(model) if model else None
