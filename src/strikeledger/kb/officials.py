"""Officials and the dates they held each office (``kb/data/officials.yaml``).

The knowledge base answers one question for the persons component: who held an office on a
given date (``Officials.holder_on(office_id, day)``), and which offices a role phrase can mean
(``Officials.offices(role, country, region)``). Terms are half-open: ``from`` is the first day
in office, ``to`` the successor's first day (exclusive), absent while in office.

The file is parsed once per process (``load()`` is cached) and validated on load: dates in
order, a source for every term, holders of one office not overlapping, every holder a known
person. ``validate(raw)`` returns the problems without raising, for the build/check script
(``python scripts/build_officials.py --check``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml

from ..errors import KnowledgeDataError

__all__ = ["Office", "Official", "Officials", "Term", "load", "validate"]

_REGION = re.compile(r"^(?:[A-Z]{2}-[A-Z0-9]{2,3})$")
_LANGS = ("en", "uk", "ru")


@dataclass(frozen=True, slots=True)
class Official:
    id: str
    name: str
    country: str
    variants: dict[str, tuple[str, ...]]  # lang -> other spellings ("en" excludes `name`)
    alone: bool = True  # whether the surname alone may name them (False for common surnames)

    def spellings(self, lang: str) -> tuple[str, ...]:
        own = (self.name,) if lang == "en" else ()
        return own + self.variants.get(lang, ())


@dataclass(frozen=True, slots=True)
class Term:
    who: str
    start: date
    end: date | None
    source: str
    acting: bool = False
    uncertain: tuple[str, ...] = ()
    acting_until: date | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def acting_on(self, day: date) -> bool:
        """Whether the holder was only acting on that day (``acting: true`` for the whole
        term, or before ``acting_until``). An acting holder holds the office: the role check
        does not tell "acting governor" from "governor" (see officials.yaml)."""
        return self.covers(day) and (
            self.acting or (self.acting_until is not None and day < self.acting_until)
        )


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    country: str
    role: str
    label: str
    region: str | None
    city: str | None
    where: dict[str, tuple[str, ...]]
    terms: tuple[Term, ...]

    def holder_on(self, day: date) -> Term | None:
        for term in self.terms:
            if term.covers(day):
                return term
        return None

    def named_by(self, word: str) -> bool:
        """Whether a place word in a role phrase ("Kharkiv", "Харківської") names this office's
        place: it starts with one of the office's stems (case-insensitive)."""
        low = word.lower()
        return any(low.startswith(stem.lower()) for stems in self.where.values() for stem in stems)


@dataclass
class Officials:
    people: dict[str, Official]
    offices: dict[str, Office]
    _by_role: dict[str, list[Office]] = field(default_factory=dict)
    _terms_of: dict[str, list[tuple[Office, Term]]] = field(default_factory=dict)
    _place_stems: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        stems: set[str] = set()
        for office in self.offices.values():
            self._by_role.setdefault(office.role, []).append(office)
            for term in office.terms:
                self._terms_of.setdefault(term.who, []).append((office, term))
            stems.update(stem.lower() for forms in office.where.values() for stem in forms)
        self._place_stems = tuple(sorted(stems))

    def names_a_place(self, word: str) -> bool:
        """Whether ``word`` names the place of some office (``Office.named_by`` of any office,
        in one ``startswith``: a text full of distinct place words asks it of each)."""
        return word.lower().startswith(self._place_stems)

    def offices_for(
        self, role: str, country: str | None = None, place_word: str | None = None
    ) -> list[Office]:
        """Offices a role can mean, narrowed by country and by a place word when given."""
        found = [o for o in self._by_role.get(role, []) if country is None or o.country == country]
        if place_word:
            found = [o for o in found if o.named_by(place_word)]
        return found

    def holder(
        self, role: str, country: str, day: date, place: str | None = None
    ) -> tuple[Official, Term, Office] | None:
        """Who held a role in a country (and place) on a day: ``holder("foreign_minister",
        "UA", date(2025, 7, 4))`` -> Andrii Sybiha. None when the role and place do not name
        exactly one office, or nobody is recorded that day."""
        offices = self.offices_for(role, country, place)
        if place is None:
            offices = [o for o in offices if o.region is None] or offices
        if len(offices) != 1:
            return None
        term = offices[0].holder_on(day)
        if term is None:
            return None
        return self.people[term.who], term, offices[0]

    def terms_of(self, person_id: str) -> list[tuple[Office, Term]]:
        return list(self._terms_of.get(person_id, []))

    def holder_on(self, office_id: str, day: date) -> tuple[Official, Term] | None:
        """The official holding an office on a day, with their term; None when nobody is
        recorded (gap, before the first recorded term, or unknown office)."""
        office = self.offices.get(office_id)
        term = office.holder_on(day) if office else None
        if term is None:
            return None
        return self.people[term.who], term


def _date(value: Any, where: str, problems: list[str]) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not an ISO date")
        return None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def validate(raw: Any) -> list[str]:
    """Every problem of the raw (parsed YAML) knowledge base, as readable messages."""
    _officials, problems = _build(raw)
    return problems


def _build(raw: Any) -> tuple[Officials, list[str]]:
    problems: list[str] = []
    people: dict[str, Official] = {}
    offices: dict[str, Office] = {}
    if not isinstance(raw, dict) or not isinstance(raw.get("people"), dict):
        return Officials(people, offices), ["the file needs `people` and `offices` mappings"]
    for pid, entry in raw["people"].items():
        where = f"people.{pid}"
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("country"):
            problems.append(f"{where}: needs `name` and `country`")
            continue
        variants = {lang: _strings(entry.get(lang)) for lang in _LANGS if entry.get(lang)}
        people[str(pid)] = Official(
            str(pid),
            str(entry["name"]),
            str(entry["country"]),
            variants,
            bool(entry.get("alone", True)),
        )
    for oid, entry in (raw.get("offices") or {}).items():
        where = f"offices.{oid}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a mapping")
            continue
        missing = [k for k in ("country", "role", "label", "holders") if not entry.get(k)]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        region = entry.get("region")
        if region is not None and not _REGION.match(str(region)):
            problems.append(f"{where}: region {region!r} is not an ISO 3166-2 code")
        terms: list[Term] = []
        for i, h in enumerate(entry["holders"]):
            hw = f"{where}.holders[{i}]"
            if not isinstance(h, dict):
                problems.append(f"{hw}: not a mapping")
                continue
            who = str(h.get("who"))
            if who not in people:
                problems.append(f"{hw}: unknown person {who!r}")
            if not str(h.get("source") or "").strip():
                problems.append(f"{hw}: no source")
            start = _date(h.get("from"), hw + ".from", problems)
            end = _date(h["to"], hw + ".to", problems) if h.get("to") is not None else None
            if start is None:
                continue
            if end is not None and end <= start:
                problems.append(f"{hw}: `to` {end} is not after `from` {start}")
            bad = [
                u for u in _strings(h.get("uncertain")) if u not in ("from", "to", "acting_until")
            ]
            if bad:
                problems.append(f"{hw}: uncertain may list only from/to/acting_until, not {bad}")
            acting_until = (
                _date(h["acting_until"], hw + ".acting_until", problems)
                if h.get("acting_until") is not None
                else None
            )
            if acting_until is not None and (
                acting_until <= start or (end is not None and acting_until > end)
            ):
                problems.append(f"{hw}: `acting_until` {acting_until} is not inside the term")
                acting_until = None
            terms.append(
                Term(
                    who,
                    start,
                    end,
                    str(h.get("source") or ""),
                    bool(h.get("acting")),
                    _strings(h.get("uncertain")),
                    acting_until,
                )
            )
        terms.sort(key=lambda t: t.start)
        for a, b in pairwise(terms):
            if a.end is None or a.end > b.start:
                problems.append(
                    f"{where}: {a.who} ({a.start}–{a.end or 'now'}) overlaps {b.who} "
                    f"(from {b.start})"
                )
        where_stems = {
            lang: _strings(v) for lang, v in (entry.get("where") or {}).items() if lang in _LANGS
        }
        offices[str(oid)] = Office(
            str(oid),
            str(entry["country"]),
            str(entry["role"]),
            str(entry["label"]),
            str(region) if region else None,
            str(entry["city"]) if entry.get("city") else None,
            where_stems,
            tuple(terms),
        )
    return Officials(people, offices), problems


def read_raw(path: str | None = None) -> Any:
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if path is None:
        ref = resources.files("strikeledger.kb").joinpath("data", "officials.yaml")
        text = ref.read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return yaml.load(text, Loader=loader)


@cache
def load() -> Officials:
    """The packaged knowledge base, parsed once. Raises KnowledgeDataError when invalid."""
    officials, problems = _build(read_raw())
    if problems:
        raise KnowledgeDataError("; ".join(problems[:5]), item="kb/data/officials.yaml")
    return officials


def all_spellings(officials: Officials, langs: Iterable[str] = _LANGS) -> dict[str, set[str]]:
    """person id -> every spelling of their full name in the given languages."""
    return {
        pid: {s for lang in langs for s in p.spellings(lang)} for pid, p in officials.people.items()
    }
