"""Reconciliation: per event, measure and weapon (or group of people), every claim, a consensus
value with the rule that chose it, and the claims that conflict with it, by kind.

Claims come from linked reports (``claims_of``). Besides the numbers a document states, each
document contributes **derived** totals of its own parts — the sum of its models per category
(539 Shahed = 539 drones) and the sum of its categories (539 drones + 11 missiles = 550 in all) —
when it does not state them. Derived totals are used to compare and, when nobody states a value,
as the consensus; they are never reported as conflicts themselves.

Consensus (rule ids, in the order they are applied; the rule recorded is the first one that set
the winner apart from the best candidate with a different value):
- ``consensus.air_force_for_weapons.v1`` — for weapon figures of attacks on Ukraine the Ukrainian
  Air Force, then the military, government, local authorities, emergency services, media;
  ``consensus.russian_mod_for_weapons.v1`` — for attacks on Russia the Russian MoD first;
- ``consensus.local_for_casualties.v1`` — for casualties local authorities and emergency services
  first (in Russia: regional officials), then government, military, media;
- ``consensus.primary_source.v1`` — a claimant's own post over a text quoting it;
- ``consensus.stated_over_derived.v1`` — a stated number over a sum computed from parts;
- ``consensus.latest_update.v1`` — the latest update (rising tolls, revised counts);
- ``consensus.majority.v1`` — the value more documents give;
- ``consensus.highest.v1`` — last resort, deterministic.
A consensus nobody disputes records its claimant's rule (or ``consensus.single_value.v1``).

Conflict kinds (checked in this order): ``category_confusion`` (the number equals the event's
total of all weapons, the sum of its categories, or another category: "550 drones" where 550 is
drones and missiles together), ``rounded`` (a round number within ``events_rounding_tolerance``
of the consensus: 550 vs 548, 700 vs "more than 700"), ``stale`` (a lower number published before
the update that became the consensus), ``different``. Qualifiers are intervals: "at least 23"
agrees with 25, "about 500" with 478 within ``events_approx_tolerance``.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from ... import settings
from .claimants import claimant_of, is_primary
from .link import LinkedReport
from .model import (
    CATEGORY_CONFUSION,
    DIFFERENT,
    ROUNDED,
    STALE,
    Claim,
    Conflict,
    Consensus,
    Reconciliation,
    model_key,
)

ClaimKey = tuple[str, str, str, str | None]

WEAPON_CATEGORIES = ("drone", "missile", "guided_bomb")
# How much a claimant's word weighs, by what is counted and who was attacked (lower = first).
_WEAPONS_UA = ("air_force", "military", "government", "local_authority", "emergency_service")
_WEAPONS_RU = ("russian_mod", "russian_official", "military", "government")
_CASUALTIES_UA = ("local_authority", "emergency_service", "government", "military", "air_force")
_CASUALTIES_RU = ("russian_official", "local_authority", "emergency_service", "russian_mod")
_TAIL = ("media", "other")

R_WEAPONS_AF = "consensus.air_force_for_weapons.v1"
R_WEAPONS_MOD = "consensus.russian_mod_for_weapons.v1"
R_CASUALTIES = "consensus.local_for_casualties.v1"
R_AUTHORITY = "consensus.authority_rank.v1"
R_PRIMARY = "consensus.primary_source.v1"
R_STATED = "consensus.stated_over_derived.v1"
R_LATEST = "consensus.latest_update.v1"
R_MAJORITY = "consensus.majority.v1"
R_HIGHEST = "consensus.highest.v1"
R_SINGLE = "consensus.single_value.v1"
CONSENSUS_RULES = (
    R_WEAPONS_AF,
    R_WEAPONS_MOD,
    R_CASUALTIES,
    R_AUTHORITY,
    R_PRIMARY,
    R_STATED,
    R_LATEST,
    R_MAJORITY,
    R_HIGHEST,
    R_SINGLE,
)


@lru_cache(maxsize=65536)
def _attacker(event_id: str) -> str:
    # "ev:2025-07-04:RU>UA[:…]"
    parts = event_id.split(":")
    return parts[2].split(">")[0] if len(parts) > 2 else "RU"


def authority_order(kind: str, event_id: str) -> tuple[str, ...]:
    attacked_ru = _attacker(event_id) == "UA"
    if kind == "casualty":
        return (_CASUALTIES_RU if attacked_ru else _CASUALTIES_UA) + _TAIL
    return (_WEAPONS_RU if attacked_ru else _WEAPONS_UA) + _TAIL


@lru_cache(maxsize=256)
def _rank_of(kind: str, attacker: str, claimant_kind: str | None) -> int:
    order = authority_order(kind, f"ev:-:{attacker}>-")
    try:
        return order.index(claimant_kind or "")
    except ValueError:
        return len(order)


def _rank(claim: Claim) -> int:
    return _rank_of(claim.kind, _attacker(claim.event_id), claim.claimant_kind)


def _authority_rule(claim: Claim) -> str:
    if claim.kind == "casualty":
        return (
            R_CASUALTIES
            if claim.claimant_kind in _CASUALTIES_UA[:2] + _CASUALTIES_RU[:1]
            else (R_AUTHORITY)
        )
    if claim.claimant_kind == "air_force":
        return R_WEAPONS_AF
    if claim.claimant_kind == "russian_mod":
        return R_WEAPONS_MOD
    return R_AUTHORITY


@lru_cache(maxsize=65536)
def timestamp(published: str | None) -> float:
    """Seconds since the epoch of an ISO date or timestamp; -inf when absent or unreadable."""
    if not published:
        return -math.inf
    s = str(published).strip().replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        return -math.inf
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


# -- claims -------------------------------------------------------------------------------------


def _in(s: Any) -> Any:
    """Intern the small strings claims repeat a million times on a big ledger (memory)."""
    return sys.intern(s) if type(s) is str and len(s) < 64 else s


def claims_of(report: Mapping[str, Any], linked: LinkedReport) -> list[Claim]:
    """The claims of one linked report (none for a near-duplicate), derived totals included."""
    if linked.duplicate_of:
        return []
    doc = report.get("document") or {}
    doc_id = linked.document_id
    source = _in(doc.get("source"))
    published = doc.get("published")
    out: list[Claim] = []
    for f, ev in zip(report.get("figures") or (), linked.figure_events, strict=False):
        if ev is None:
            continue
        w = f.get("weapon") or {}
        name, kind = claimant_of(f, doc)
        name, kind = _in(name), _in(kind)
        out.append(
            Claim(
                event_id=ev,
                document_id=doc_id,
                kind="figure",
                measure=_in(str(f.get("measure"))),
                subject=_in(str(w.get("category") or "any")),
                model=_in(model_key(w)),
                value=int(f.get("value") or 0),
                qualifier=_in(str(f.get("qualifier") or "exact")),
                claimant=name,
                claimant_kind=kind,
                source=source,
                published=published,
                primary=is_primary(doc, kind),
                night_of=_in(f.get("night_of")),
                evidence=f.get("evidence"),
                rule=_in(f.get("rule")),
            )
        )
    for c, ev in zip(report.get("casualties") or (), linked.casualty_events, strict=False):
        if ev is None:
            continue
        name, kind = claimant_of(c, doc)
        name, kind = _in(name), _in(kind)
        out.append(
            Claim(
                event_id=ev,
                document_id=doc_id,
                kind="casualty",
                measure=_in(str(c.get("measure"))),
                subject=_in(str(c.get("who") or "people")),
                model=None,
                value=int(c.get("value") or 0),
                qualifier=_in(str(c.get("qualifier") or "exact")),
                claimant=name,
                claimant_kind=kind,
                source=source,
                published=published,
                primary=is_primary(doc, kind),
                evidence=c.get("evidence"),
                rule=_in(c.get("rule")),
            )
        )
    return _dedupe(out) + derived_totals(out)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """A document repeating a number (headline and body) states it once."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in claims:
        k = (c.event_id, c.key, c.value, c.qualifier)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _sum_qualifier(parts: list[Claim]) -> str:
    qs = {p.qualifier for p in parts}
    if qs <= {"exact"}:
        return "exact"
    if qs <= {"exact", "at_least", "more_than"}:
        return "at_least"
    return "approx"


def derived_totals(claims: list[Claim]) -> list[Claim]:
    """Per document, event and measure: category totals from models, and the total of all
    weapons from two or more categories, where the document does not state them."""
    by: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "figure" and not c.derived:
            by[(c.event_id, c.measure)].append(c)
    out: list[Claim] = []
    for (_ev, _measure), group in by.items():
        stated = {(c.subject, c.model): c for c in group}
        category_totals: dict[str, Claim] = {}
        for cat in WEAPON_CATEGORIES:
            if (cat, None) in stated:
                category_totals[cat] = stated[(cat, None)]
                continue
            models = [c for c in group if c.subject == cat and c.model is not None]
            if not models:
                continue
            # one number per model — the largest: a second, smaller number of the same model in
            # one text is a part of it ("728 drones … about 400 of them Shaheds")
            best: dict[str | None, Claim] = {}
            for c in models:
                if c.model not in best or c.value > best[c.model].value:
                    best[c.model] = c
            d = _derive(list(best.values()), cat)
            category_totals[cat] = d
            out.append(d)
        if ("any", None) not in stated and len(category_totals) >= 2:
            out.append(_derive(list(category_totals.values()), "any"))
    return out


def _derive(parts: list[Claim], subject: str) -> Claim:
    first = max(parts, key=lambda c: (c.claimant_kind is not None, c.primary))
    names = tuple(f"{p.subject}{'/' + p.model if p.model else ''} {p.value}" for p in parts)
    return Claim(
        event_id=first.event_id,
        document_id=first.document_id,
        kind="figure",
        measure=first.measure,
        subject=subject,
        model=None,
        value=sum(p.value for p in parts),
        qualifier=_sum_qualifier(parts),
        claimant=first.claimant,
        claimant_kind=first.claimant_kind,
        source=first.source,
        published=first.published,
        primary=first.primary,
        night_of=first.night_of,
        evidence=None,
        rule="events.derived.sum_of_parts.v1",
        parts=names,
    )


# -- comparing ----------------------------------------------------------------------------------


_SUBJECT_WORDS = {
    "any": "all weapons together",
    "drone": "drones",
    "missile": "missiles",
    "guided_bomb": "guided bombs",
}


def interval(value: int, qualifier: str, approx: float) -> tuple[float, float]:
    if qualifier == "at_least":
        return (value, math.inf)
    if qualifier == "more_than":
        return (value + 1, math.inf)
    if qualifier == "at_most":
        return (0, value)
    if qualifier == "less_than":
        return (0, max(0, value - 1))
    if qualifier == "approx":
        return (math.floor(value * (1 - approx)), math.ceil(value * (1 + approx)))
    return (value, value)


def _gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0.0


def is_round(value: int) -> bool:
    return value >= 10 and (value % 10 == 0 or (value < 100 and value % 5 == 0))


class Tolerances:
    __slots__ = ("approx", "rounding")

    def __init__(self) -> None:
        self.approx = float(settings.EVENTS_APPROX_TOLERANCE.get())
        self.rounding = float(settings.EVENTS_ROUNDING_TOLERANCE.get())


def agrees(claim: Claim, value: int, qualifier: str, tol: float) -> bool:
    return _gap(interval(claim.value, claim.qualifier, tol), interval(value, qualifier, tol)) == 0


def compare(
    claim: Claim, cons: Consensus, refs: list[Claim], tol: Tolerances | None = None
) -> Conflict | None:
    """The conflict of one claim with its consensus, or None when they agree."""
    tol = tol or Tolerances()
    ci = interval(claim.value, claim.qualifier, tol.approx)
    ki = interval(cons.value, cons.qualifier, tol.approx)
    gap = _gap(ci, ki)
    if gap == 0:
        return None
    delta = claim.value - cons.value
    who = cons.claim.claimant or cons.claim.source or cons.claim.document_id
    # category confusion: the number is another total of the same measure
    for ref in refs:
        if ref.subject == claim.subject or ref.document_id == claim.document_id:
            continue
        if _gap(ci, interval(ref.value, ref.qualifier, tol.approx)) == 0:
            what = _SUBJECT_WORDS.get(ref.subject, ref.subject)
            if ref.parts:
                what += " (" + " + ".join(ref.parts) + ")"
            own = _SUBJECT_WORDS.get(claim.subject, claim.subject)
            return Conflict(
                claim.event_id,
                CATEGORY_CONFUSION,
                claim,
                cons,
                delta,
                f"{claim.stated()} is given as {own}, but {ref.value} is {what} "
                f"per {ref.claimant or ref.source}; {own} were {cons.claim.stated()} ({who})",
                matches=f"{ref.measure} {ref.subject} {ref.value}"
                + (f" = {' + '.join(ref.parts)}" if ref.parts else ""),
            )
    if is_round(claim.value) and gap <= max(1.0, tol.rounding * max(cons.value, 1)):
        return Conflict(
            claim.event_id,
            ROUNDED,
            claim,
            cons,
            delta,
            None,  # Conflict.explanation writes it
        )
    if (
        claim.value < cons.value
        and -math.inf < timestamp(claim.published) < timestamp(cons.claim.published)
        and (claim.kind == "casualty" or claim.claimant_kind == cons.claim.claimant_kind)
    ):
        return Conflict(
            claim.event_id,
            STALE,
            claim,
            cons,
            delta,
            None,  # Conflict.explanation writes it
        )
    return Conflict(
        claim.event_id,
        DIFFERENT,
        claim,
        cons,
        delta,
        None,  # Conflict.explanation writes it
    )


# -- consensus ----------------------------------------------------------------------------------


def _order(c: Claim, support: Mapping[int, int]) -> tuple[Any, ...]:
    return (
        _rank(c),
        not c.primary,
        c.derived,
        -timestamp(c.published),
        -support.get(c.value, 0),
        -c.value,
        c.document_id,
    )


_CRITERIA = (None, R_PRIMARY, R_STATED, R_LATEST, R_MAJORITY, R_HIGHEST, R_HIGHEST)


def choose(claims: list[Claim]) -> tuple[Claim, str]:
    """The claim that sets the consensus, and the id of the rule that chose it."""
    support: dict[int, int] = defaultdict(int)
    for c in claims:
        if not c.derived:
            support[c.value] += 1
    ranked = sorted(claims, key=lambda c: _order(c, support))
    best = ranked[0]
    bo = _order(best, support)
    for other in ranked[1:]:
        if other.value == best.value and other.qualifier == best.qualifier:
            continue
        oo = _order(other, support)
        for i, (x, y) in enumerate(zip(bo, oo, strict=False)):
            if x != y:
                rule = _CRITERIA[i]
                return best, rule or _authority_rule(best)
        break
    if len({c.document_id for c in claims}) == 1 and best.claimant_kind is None:
        return best, R_SINGLE
    return best, _authority_rule(best)


def reconcile_event(event_id: str, claims: list[Claim]) -> Reconciliation:
    tol = Tolerances()
    rec = Reconciliation(event_id, claims=list(claims))
    groups: dict[ClaimKey, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[c.key].append(c)
    by_key: dict[ClaimKey, Consensus] = {}
    for key in sorted(groups, key=repr):
        winner, rule = choose(groups[key])
        cons = Consensus(event_id, key, winner.value, winner.qualifier, rule, winner)
        rec.consensus.append(cons)
        by_key[key] = cons
    for key, cons in by_key.items():
        refs = references(rec, cons) if key[0] == "figure" else []
        for c in groups[key]:
            # a document disagreeing with itself is a flag of its report, not a conflict here
            if c.derived or c.document_id == cons.claim.document_id:
                continue
            conflict = compare(c, cons, refs, tol)
            if conflict is not None:
                rec.conflicts.append(conflict)
    return rec


def references(rec: Reconciliation, cons: Consensus) -> list[Claim]:
    """Totals of the same measure given by claimants as authoritative as the consensus's:
    what a mislabelled number may really be."""
    kind, measure, subject, _model = cons.key
    rank = _rank(cons.claim)
    out = []
    for c in rec.claims:
        if c.kind != kind or c.measure != measure or c.model is not None:
            continue
        if c.subject == subject or _rank(c) > rank:
            continue
        out.append(c)
    # stated before derived, most authoritative first
    out.sort(key=lambda c: (_rank(c), c.derived, c.subject, c.value))
    return out


def reconcile(claims: Iterable[Claim]) -> dict[str, Reconciliation]:
    """Reconcile claims of any number of events: event id -> reconciliation."""
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_event[c.event_id].append(c)
    return {ev: reconcile_event(ev, cs) for ev, cs in sorted(by_event.items())}
