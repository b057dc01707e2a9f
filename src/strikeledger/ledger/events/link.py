"""Linking: which reports are about the same attack.

An **attack** event is identified by the night it ends (``night_of``), who attacked and which
country was attacked: ``ev:2025-07-04:RU>UA``. Ukrainian strikes on Russian regions are their own
attacks (``ev:2025-07-04:UA>RU``). A **local** event is one city or region struck that night,
child of its attack: ``ev:2025-07-04:RU>UA:UA-30`` (Kyiv city),
``ev:2025-07-04:RU>UA:UA-63:kharkiv`` (a city inside an oblast), ``ev:2025-07-04:UA>RU:RU-ROS``.

Ids are derived from the keys, never from a counter, so re-running over the same reports gives
the same ids and adding a report never renumbers an existing event. Every link records which keys
matched (night and where it came from, attacker, area, weapons and their overlap with what the
event already had, region and place), so a reader can see why a report joined an event.

Where the keys come from, per item of a report:
- a figure: its own ``night_of``, ``attacker`` and the country of its ``area`` (figures without a
  night — weekly totals, undated texts — are not linked); a figure whose area names a region
  ("over Belgorod Oblast 30 drones", area ``["RU", "RU-BEL"]``) counts for that region's local
  event, not for the nationwide tally — and so does a figure claimed by a regional authority
  (local authority, Russian governor) in a report whose places are mostly in one region;
- a casualty or damage item: the report's main night (the most frequent night of its figures, else
  the publication date) and the country of its place (a place in Russia means attacker UA);
  its place, made city- or region-level, gives the local event; an item with no place goes to the
  report's only local event when there is exactly one, else to the attack.

Near-duplicates: a report the ledger marks as a near-duplicate (``document.duplicate_of`` or
``document.near_duplicate_of``), or whose numbers and their evidence wording equal an earlier
report's, is linked with ``duplicate_of`` set and contributes no claims.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any

from ...errors import BadReportError
from .claimants import claimant_of
from .dataset import is_dataset_row
from .model import Event, EventKey, Link

# First-level regions that are themselves a city: a place inside them needs no city slug.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
CITY_REGIONS = frozenset({"UA-30", "UA-40"})
CITY_LEVELS = frozenset({"city", "settlement", "hromada", "foreign_city"})
# Claimants whose numbers are about their own region (a regional administration, a governor).
REGIONAL_CLAIMANTS = frozenset({"local_authority", "russian_official"})
# A window starting in these local hours of its own date is a daytime attack.
DAY_STARTS_HOUR, DAY_ENDS_HOUR = 6, 20

Report = Mapping[str, Any]


@dataclass(slots=True)
class LinkedReport:
    """The outcome of linking one report: its links and the event of each of its items."""

    document_id: str
    links: list[Link] = field(default_factory=list)
    figure_events: list[str | None] = field(default_factory=list)
    casualty_events: list[str | None] = field(default_factory=list)
    duplicate_of: str | None = None
    unlinked_reason: str | None = None

    @property
    def event_ids(self) -> list[str]:
        return [lk.event_id for lk in self.links]


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x"


def country_of(area: Iterable[str] | None, default: str = "UA") -> str:
    for code in area or ():
        if code:
            return code.split("-", 1)[0].upper()
    return default


def region_of(area: Iterable[str] | None) -> str | None:
    """The first-level region of an area list (``["UA", "UA-63"]`` -> ``UA-63``), if any."""
    for code in area or ():
        if code and "-" in code:
            return str(code).upper()
    return None


def _dominant_region(places: list[Mapping[str, Any]]) -> str | None:
    """The first-level region of more than half of a report's places, if one is."""
    regions: dict[str, int] = {}
    for p in places:
        r = p.get("region")
        if r:
            regions[str(r)] = regions.get(str(r), 0) + 1
    if not regions:
        return None
    region = max(sorted(regions), key=lambda k: regions[k])
    return region if regions[region] * 2 > sum(regions.values()) else None


def _region_name(region: str, places: list[Mapping[str, Any]]) -> str:
    for p in places:
        if p.get("region") == region and p.get("level") in ("oblast", "foreign_region"):
            return str(p.get("name") or region)
    return region


@lru_cache(maxsize=65536)
def local_date(published: str | None) -> str | None:
    """The Kyiv-time date of a publication time (``2025-07-03T23:30:00Z`` -> ``2025-07-04``);
    a bare date or a time without offset is taken as it is."""
    if not published:
        return None
    s = str(published).strip()
    m = re.match(r"\d{4}-\d{2}-\d{2}", s)
    if not m:
        return None
    if len(s) > 10:
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return m.group(0)
        if dt.tzinfo is not None:
            return dt.astimezone(_kyiv()).date().isoformat()
    return m.group(0)


@lru_cache(maxsize=1)
def _kyiv() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Kyiv")
    except (ImportError, KeyError):  # no tz database: the summer offset is the better guess
        return timezone(timedelta(hours=3))


def daytime(figure: Mapping[str, Any]) -> bool:
    """A figure of a daytime attack: its window starts on its own date (a night's window starts
    the evening before) between ``DAY_STARTS_HOUR`` and ``DAY_ENDS_HOUR`` local time and, when
    it has an end, ends the same date. An end alone ("as of 09:00") says nothing."""
    w = figure.get("window") or {}
    night = figure.get("night_of")
    start = _local_dt(w.get("start"))
    if start is None or not night or start.date().isoformat() != night:
        return False
    if not DAY_STARTS_HOUR <= start.hour < DAY_ENDS_HOUR:
        return False
    end = _local_dt(w.get("end"))
    return end is None or end.date() == start.date()


def _local_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.astimezone(_kyiv()) if dt.tzinfo is not None else dt


def items_night(report: Report) -> tuple[str | None, str]:
    """The night of a report with no dated figure, and where it came from: the ``night_of`` its
    casualty or damage items carry (when an extractor gives them one), else the document's own
    ``night_of``, else the publication date — one day earlier when an item's evidence says
    "yesterday" ("вчора", "вчера"; ``yesterday`` in extract/lang/*/records.yaml): a toll
    updated the next morning belongs to the attack it updates."""
    doc = report.get("document") or {}
    items = [*(report.get("casualties") or ()), *(report.get("damage") or ())]
    nights: dict[str, int] = {}
    for it in items:
        n = it.get("night_of")
        if n and _ISO_DATE.match(str(n)):
            nights[str(n)] = nights.get(str(n), 0) + 1
    if nights:
        return max(sorted(nights), key=lambda k: nights[k]), "items"
    own = doc.get("night_of")
    if own and _ISO_DATE.match(str(own)):
        return str(own), "document"
    published = local_date(doc.get("published"))
    if published is None:
        return None, "published"
    from .records import says_yesterday

    lang = doc.get("language")
    for it in items:
        text = (it.get("evidence") or {}).get("text")
        if text and says_yesterday(str(text), lang):
            day = datetime.fromisoformat(published).date() - timedelta(days=1)
            return day.isoformat(), "yesterday"
    return published, "published"


def _attacker_for(country: str) -> str:
    return "UA" if country == "RU" else "RU"


def signature(report: Report) -> tuple[Any, ...] | None:
    """The numbers of a report with their evidence wording: equal signatures mean a syndicated
    copy (same numbers, same sentences). None when the report has fewer than two numbers, too few
    to call two texts copies of each other."""
    items: list[tuple[Any, ...]] = []
    for f in report.get("figures") or ():
        w = f.get("weapon") or {}
        ev = (f.get("evidence") or {}).get("text")
        items.append(
            (
                "f",
                f.get("measure"),
                w.get("category"),
                w.get("model"),
                f.get("value"),
                f.get("night_of"),
                ev,
            )
        )
    for c in report.get("casualties") or ():
        ev = (c.get("evidence") or {}).get("text")
        items.append(("c", c.get("measure"), c.get("who"), c.get("value"), ev))
    if len(items) < 2:
        return None
    return tuple(sorted(items, key=repr))


def _local_key(
    attack: EventKey, place: Mapping[str, Any], places: list[Mapping[str, Any]]
) -> tuple[EventKey, str] | None:
    """The local event of a place (city-level when the place is in a city, else its region)."""
    region = place.get("region")
    if not region and place.get("level") == "oblast":
        region = None
    if not region:
        return None
    level = place.get("level")
    name = str(place.get("name") or region)
    if region in CITY_REGIONS:
        city = next(
            (p for p in places if p.get("region") == region and p.get("level") in CITY_LEVELS),
            None,
        )
        return attack.local(region), (str(city.get("name") or name) if city else name)
    if level in CITY_LEVELS:
        return attack.local(region, slug(name)), name
    if level == "city_district":
        city = next(
            (p for p in places if p.get("region") == region and p.get("level") in CITY_LEVELS),
            None,
        )
        if city is not None:
            cname = city.get("name") or name
            return attack.local(region, slug(cname)), cname
    return attack.local(region), name


def validate(report: Any) -> None:
    """Refuse what is not a usable report-v1 dict, naming the report and the item."""
    doc = report.get("document") if isinstance(report, Mapping) else None
    if not isinstance(doc, Mapping) or not doc.get("id"):
        raise BadReportError("a report needs document.id", item="<report>")
    item = str(doc.get("path") or doc["id"])
    for section in ("figures", "casualties"):
        items = report.get(section) or ()
        if not isinstance(items, list | tuple):
            raise BadReportError(f"{section} must be a list", item=item, position=section)
        for i, it in enumerate(items):
            if not isinstance(it, Mapping):
                raise BadReportError("not an object", item=item, position=f"{section}[{i}]")
            v = it.get("value")
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise BadReportError(
                    f"value must be a non-negative integer, got {v!r}",
                    item=item,
                    position=f"{section}[{i}]",
                )
            night = it.get("night_of")
            if night is not None and not _ISO_DATE.match(str(night)):
                raise BadReportError(
                    f"night_of must be an ISO date, got {night!r}",
                    item=item,
                    position=f"{section}[{i}]",
                )


class Linker:
    """Links reports to events incrementally; the state is the events and links so far.

    ``add`` is deterministic given the order of arrival (the first of two copies is the one that
    counts), and an event's id depends only on its keys.
    """

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}
        self.linked: dict[str, LinkedReport] = {}
        self.event_links: dict[str, list[Link]] = {}  # event id -> its links, in arrival order
        # digests of signatures (16 bytes each, not the tuples: a big ledger has 100,000s)
        self._signatures: dict[bytes, str] = {}

    # -- public -------------------------------------------------------------------------------
    def add(self, report: Report) -> LinkedReport:
        validate(report)
        doc = report["document"]
        doc_id = str(doc["id"])
        if doc_id in self.linked:
            return self.linked[doc_id]
        out = LinkedReport(doc_id)
        marked = doc.get("duplicate_of") or doc.get("near_duplicate_of")
        full = None if is_dataset_row(report) else signature(report)
        sig = (
            None if full is None else hashlib.blake2b(repr(full).encode(), digest_size=16).digest()
        )
        if marked:
            out.duplicate_of = str(marked)
        elif sig is not None and sig in self._signatures:
            out.duplicate_of = self._signatures[sig]
        elif sig is not None:
            self._signatures[sig] = doc_id
        self._assign(report, out)
        self.linked[doc_id] = out
        return out

    def add_all(self, reports: Iterable[Report]) -> list[LinkedReport]:
        return [self.add(r) for r in reports]

    def event(self, event_id: str) -> Event | None:
        return self.events.get(event_id)

    # -- internals ----------------------------------------------------------------------------
    def _assign(self, report: Report, out: LinkedReport) -> None:
        doc = report.get("document") or {}
        places: list[Mapping[str, Any]] = list(report.get("places") or ())
        by_id = {p.get("id"): p for p in places}
        figures = list(report.get("figures") or ())
        casualties = list(report.get("casualties") or ())

        own_region = _dominant_region(places)
        # Attack keys of the figures, and the report's main night.
        fig_keys: list[EventKey | None] = []
        fig_local: list[EventKey | None] = []  # a figure about one region (area "UA-63")
        weapons: dict[EventKey, set[str]] = {}
        for f in figures:
            night = f.get("night_of")
            if not night:
                fig_keys.append(None)
                fig_local.append(None)
                continue
            attacker = (f.get("attacker") or "RU").upper()
            fkey = EventKey(str(night), attacker, country_of(f.get("area")), day=daytime(f))
            fig_keys.append(fkey)
            region = region_of(f.get("area"))
            if (
                region is None
                and own_region
                and own_region.split("-")[0] == fkey.area
                and claimant_of(f, doc)[1] in REGIONAL_CLAIMANTS
            ):
                region = own_region  # a regional authority speaks for its region
            fig_local.append(fkey.local(region) if region else None)
            cat = (f.get("weapon") or {}).get("category")
            if cat and cat != "any":
                weapons.setdefault(fkey, set()).add(cat)
        counts: dict[EventKey, int] = {}
        for k in fig_keys:
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
        main: EventKey | None
        main_night: str | None
        if counts:
            main = max(counts.items(), key=lambda kv: (kv[1], kv[0].night_of))[0]
            main_night, night_from = main.night_of, "figures"
        else:
            main = None
            main_night, night_from = items_night(report)

        # Local keys of the casualties and damage (by their place).
        local: dict[EventKey, str] = {}
        by: dict[EventKey, str] = {}
        for lk_ in fig_local:
            if lk_ is not None and lk_ not in local:
                local[lk_] = _region_name(lk_.region or "", places)
                by[lk_] = "figure area"
        cas_keys: list[EventKey | None] = []
        place_items = [(c, True) for c in casualties] + [
            (d, False) for d in report.get("damage") or ()
        ]
        for item, is_casualty in place_items:
            place = by_id.get(item.get("place"))
            key: EventKey | None = None
            if place is not None and main_night:
                country = (place.get("country") or "UA").upper()
                if main is not None and main.area == country:
                    attack = EventKey(main_night, main.attacker, country, day=main.day)
                else:
                    attack = EventKey(main_night, _attacker_for(country), country)
                lk = _local_key(attack, place, places)
                if lk is not None:
                    key = lk[0]
                    local.setdefault(key, lk[1])
                    by.setdefault(key, "place")
                else:
                    key = attack
            if is_casualty:
                cas_keys.append(key)
        # Items with no place: the only local event of the report's main attack, else the attack.
        if main_night:
            if main is not None:
                default_attack = main
            else:
                countries = {k.area for k in local}
                country = countries.pop() if len(countries) == 1 else "UA"
                default_attack = EventKey(main_night, _attacker_for(country), country)
            own = [k for k in local if k.parent() == default_attack and by[k] == "place"]
            fallback = own[0] if len(own) == 1 else default_attack
            cas_keys = [k if k is not None else fallback for k in cas_keys]
        else:
            cas_keys = [None for _ in cas_keys]

        attack_keys: dict[EventKey, str] = {}
        for k in fig_keys:
            if k is not None:
                attack_keys.setdefault(k, "figures")
        for k in [*local, *(k for k in cas_keys if k is not None)]:
            attack_keys.setdefault(k.parent(), night_from)
        if not attack_keys:
            out.unlinked_reason = (
                "no figure has a night and the report has no publication date"
                if not main_night
                else "no figures, casualties or damage"
            )
        for key in sorted(attack_keys, key=lambda k: k.id):
            cats = weapons.get(key, set())
            ev = self._event(key, None)
            matched: dict[str, Any] = {
                "night_of": key.night_of,
                "night_from": attack_keys[key],
                "attacker": key.attacker,
                "area": key.area,
                "weapons": sorted(cats),
                "weapons_overlap": sorted(cats & ev.weapons),
            }
            self._link(ev, out, matched, cats)
        for key in sorted(local, key=lambda k: k.id):
            ev = self._event(key, local[key])
            matched = {
                "night_of": key.night_of,
                "night_from": night_from,
                "attacker": key.attacker,
                "area": key.area,
                "region": key.region,
                "place": local[key],
                "by": by[key],
            }
            self._link(ev, out, matched, set())
        out.figure_events = [
            (lo or k).id if k else None for k, lo in zip(fig_keys, fig_local, strict=True)
        ]
        out.casualty_events = [k.id if k else None for k in cas_keys]

    def _event(self, key: EventKey, place_name: str | None) -> Event:
        ev = self.events.get(key.id)
        if ev is None:
            ev = Event(key, place_name=place_name)
            self.events[key.id] = ev
        return ev

    def _link(self, ev: Event, out: LinkedReport, matched: dict[str, Any], cats: set[str]) -> None:
        link = Link(ev.id, out.document_id, matched, out.duplicate_of)
        out.links.append(link)
        self.event_links.setdefault(ev.id, []).append(link)
        ev.documents.append(out.document_id)
        ev.weapons |= cats


def link_reports(reports: Iterable[Report]) -> Linker:
    """Link all reports, in the order given, and return the linker holding the events."""
    linker = Linker()
    linker.add_all(reports)
    return linker
