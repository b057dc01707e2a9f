"""The report-v1 contract (``spec/REPORT.md``) as Python types.

Extraction builds these objects; ``Report.to_dict()`` gives the JSON that every later stage
and every outside tool relies on. Field names and meanings here are the contract: change them
only with a new schema version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "strikeledger/report-v1"

MEASURES = (
    "launched",
    "neutralized",
    "shot_down",
    "suppressed",
    "hit",
    "hit_locations",
    "debris_locations",
    "in_flight",
)
CATEGORIES = ("drone", "missile", "guided_bomb", "any")
# The canonical weapon model ids of REPORT.md ("Canonical weapon models").
WEAPON_MODELS = (
    "shahed",
    "gerbera",
    "decoy",
    "geran-3",
    "lancet",
    "orlan",
    "zala",
    "supercam",
    "molniya",
    "recon_uav",
    "kh-101",
    "kh-555",
    "kh-55",
    "kalibr",
    "iskander-k",
    "iskander-m",
    "kn-23",
    "kinzhal",
    "kh-22",
    "kh-32",
    "kh-59",
    "kh-69",
    "kh-31p",
    "kh-35",
    "oniks",
    "zircon",
    "s-300",
    "s-400",
    "tochka-u",
    "kab",
    "missile_other",
    "drone_other",
)
QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "less_than")
CLAIMANT_KINDS = (
    "air_force",
    "military",
    "government",
    "local_authority",
    "emergency_service",
    "russian_mod",
    "russian_official",
    "media",
    "other",
)
CASUALTY_MEASURES = ("killed", "injured", "missing", "rescued", "hospitalized", "trapped")
CASUALTY_GROUPS = (
    "people",
    "children",
    "civilians",
    "rescuers",
    "medics",
    "police",
    "soldiers",
    "women",
    "men",
)
DAMAGE_CATEGORIES = (
    "residential",
    "energy",
    "railway",
    "transport",
    "vehicles",
    "education",
    "healthcare",
    "industrial",
    "commercial",
    "administrative",
    "diplomatic",
    "cultural",
    "religious",
    "agricultural",
    "port",
    "water",
    "telecom",
    "military",
    "other",
)
PLACE_LEVELS = (
    "country",
    "oblast",
    "raion",
    "hromada",
    "city",
    "settlement",
    "city_district",
    "foreign_region",
    "foreign_city",
)
FLAG_CODES = (
    "STALE_ROLE",
    "PARTS_EXCEED_TOTAL",
    "NEUTRALIZED_EXCEEDS_LAUNCHED",
    "TOTAL_MISMATCH",
    "NO_DATE",
)


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the normalised text, with the text they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    # The frozen classes pickle through their constructor: unpickling by setattr, the default,
    # is refused by the compiled build's frozen classes (strikeledger/native.py).
    def __reduce__(self) -> tuple[type[Span], tuple[Any, ...]]:
        return (Span, (self.start, self.end, self.text))

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    kind: str | None

    def __reduce__(self) -> tuple[type[Claimant], tuple[Any, ...]]:
        return (Claimant, (self.name, self.kind))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Weapon:
    category: str
    model: str | None = None
    models: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Weapon], tuple[Any, ...]]:
        return (Weapon, (self.category, self.model, self.models))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"category": self.category, "model": self.model}
        if len(self.models) > 1:
            d["models"] = list(self.models)
        return d


@dataclass(frozen=True, slots=True)
class Window:
    start: str | None
    end: str | None

    def __reduce__(self) -> tuple[type[Window], tuple[Any, ...]]:
        return (Window, (self.start, self.end))

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Figure:
    measure: str
    weapon: Weapon
    value: int
    evidence: Span
    rule: str
    qualifier: str = "exact"
    night_of: str | None = None
    window: Window | None = None
    area: list[str] = field(default_factory=lambda: ["UA"])
    attacker: str | None = "RU"
    claimant: Claimant | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "weapon": self.weapon.to_dict(),
            "value": self.value,
            "qualifier": self.qualifier,
            "night_of": self.night_of,
            "window": self.window.to_dict() if self.window else None,
            "area": list(self.area),
            "attacker": self.attacker,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Casualty:
    measure: str
    value: int
    evidence: Span
    rule: str
    who: str = "people"
    qualifier: str = "exact"
    place: str | None = None
    claimant: Claimant | None = None
    # Who attacked, where the place tells ("RU" for Ukrainian places, "UA" for Russian ones):
    # an addition to report-v1's listed fields, so that a casualty in Rostov Oblast is not
    # counted against Russia's attack.
    attacker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "who": self.who,
            "value": self.value,
            "qualifier": self.qualifier,
            "place": self.place,
            "attacker": self.attacker,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Damage:
    category: str
    evidence: Span
    rule: str
    place: str | None = None
    attacker: str | None = None  # as for Casualty

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "place": self.place,
            "attacker": self.attacker,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Place:
    id: str
    name: str
    level: str
    country: str
    evidence: list[Span]
    rule: str
    region: str | None = None
    katottg: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "country": self.country,
            "region": self.region,
            "katottg": self.katottg,
            "lat": self.lat,
            "lon": self.lon,
            "evidence": [e.to_dict() for e in self.evidence],
            "rule": self.rule,
        }


@dataclass(slots=True)
class Statement:
    speaker: str
    quote: str
    kind: str
    evidence: Span
    rule: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "role": self.role,
            "quote": self.quote,
            "kind": self.kind,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class RoleCheck:
    status: str
    as_of: str | None = None
    holder: str | None = None
    since: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "as_of": self.as_of,
            "holder": self.holder,
            "since": self.since,
        }


@dataclass(slots=True)
class Person:
    name: str
    role_stated: str | None
    country: str | None
    role_check: RoleCheck
    evidence: Span | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role_stated": self.role_stated,
            "country": self.country,
            "role_check": self.role_check.to_dict(),
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Flag:
    code: str
    message: str
    refs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "refs": list(self.refs)}


@dataclass(slots=True)
class Report:
    document: dict[str, Any]
    figures: list[Figure] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    damage: list[Damage] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": dict(self.document),
            "figures": [f.to_dict() for f in self.figures],
            "casualties": [c.to_dict() for c in self.casualties],
            "damage": [d.to_dict() for d in self.damage],
            "places": [p.to_dict() for p in self.places],
            "statements": [s.to_dict() for s in self.statements],
            "persons": [p.to_dict() for p in self.persons],
            "flags": [f.to_dict() for f in self.flags],
        }

    def flag(self, code: str, message: str, refs: list[str] | None = None) -> None:
        if not any(f.code == code and f.message == message for f in self.flags):
            self.flags.append(Flag(code, message, refs or []))
