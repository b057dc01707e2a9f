"""The events index the API serves from: one ``EventSet`` per server and a sorted summary row
per event, so that a page of events or of the timeline is a bisect and a slice.

Split out of ``eventdata`` (the queries over the index); ``eventdata`` re-exports ``index``,
``EventIndex`` and ``place_coordinates``.
"""

from __future__ import annotations

import bisect
import gc
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import LedgerUnavailableError
from .data import Ledger
from .params import Filters

log = logging.getLogger("strikeledger.api")

WEAPON_CATEGORIES = ("drone", "missile", "guided_bomb")


def _events_module() -> Any:
    try:
        from ..ledger import events
    except ImportError as e:  # the events package is missing or broken
        raise LedgerUnavailableError(f"events are not available: {e}") from None
    if not hasattr(events, "EventSet"):
        raise LedgerUnavailableError("events are not available in this strikeledger yet")
    return events


def conflict_out(key: Any, conflict: Any) -> dict[str, Any]:
    """One conflict of the index as the API shows it: the conflict with its event's keys."""
    d: dict[str, Any] = conflict.to_dict()
    d.update(night_of=key.night_of, attacker=key.attacker, area=key.area, region=key.region)
    return d


@dataclass
class EventIndex:
    """An ``EventSet`` and a summary row per event, sorted by (night, id)."""

    es: Any
    rows: list[dict[str, Any]] = field(default_factory=list)
    nights: list[str] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    conflicts: list[tuple[Any, Any]] = field(default_factory=list)  # (event key, Conflict)
    places: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    attacks: list[dict[str, Any]] = field(default_factory=list)
    attack_nights: list[str] = field(default_factory=list)
    locals: list[dict[str, Any]] = field(default_factory=list)
    local_nights: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, reports: Iterable[dict[str, Any]]) -> EventIndex:
        es = _events_module().EventSet()
        for report in reports:
            es.add(report)
        return cls.of(es)

    @classmethod
    def of(cls, es: Any) -> EventIndex:
        index = cls(es)
        index.refresh()
        return index

    def add(self, report: dict[str, Any]) -> list[str]:
        linked = self.es.add(report)
        ids = set(linked.event_ids)
        self.refresh(ids | {p for e in ids if (p := self._parent(e))})
        return list(linked.event_ids)

    def _parent(self, event_id: str) -> str | None:
        ev = self.es.event(event_id)
        return ev.parent_id if ev is not None else None

    def _row(self, ev: Any, children: int) -> dict[str, Any]:
        rec = self.es.reconciliation(ev.id)
        row: dict[str, Any] = ev.to_dict()
        row["documents_count"] = len(row.pop("documents"))
        row["conflicts"] = len(rec.conflicts)
        row["children"] = children
        row["values"] = _values(rec)
        # (event key, Conflict): the JSON of a conflict is made when a page shows it
        # (conflict_out) — a big ledger has a million of them
        row["_conflicts"] = [(ev.key, c) for c in rec.conflicts]
        if ev.key.level == "attack":
            base = {
                "night_of": row["night_of"],
                "attacker": row["attacker"],
                "area": row["area"],
                "event": row["id"],
            }
            row["_timeline"] = {
                subject: {**base, "weapon": subject, **entry}
                for subject, entry in _timeline_entries(row["values"]).items()
            }
        return row

    def refresh(self, changed: set[str] | None = None) -> None:
        """Recompute the summary rows of ``changed`` events (all when None), then the sorted
        views: all events, attacks, local events, conflicts."""
        children: dict[str, int] = defaultdict(int)
        for ev in self.es.events.values():
            if ev.parent_id:
                children[ev.parent_id] += 1
        todo = list(self.es.events) if changed is None else changed
        for event_id in todo:
            ev = self.es.event(event_id)
            if ev is not None:
                self.by_id[event_id] = self._row(ev, children.get(event_id, 0))
        rows = sorted(self.by_id.values(), key=lambda r: (r["night_of"], r["id"]))
        self.rows = rows
        self.nights = [r["night_of"] for r in rows]
        self.attacks = [r for r in rows if r["level"] == "attack"]
        self.attack_nights = [r["night_of"] for r in self.attacks]
        self.locals = [r for r in rows if r["level"] == "local"]
        self.local_nights = [r["night_of"] for r in self.locals]
        conflicts = [c for r in rows for c in r["_conflicts"]]
        conflicts.sort(key=lambda kc: (kc[0].night_of, kc[1].event_id))
        self.conflicts = conflicts

    def between(self, f: Filters, level: str | None = None) -> list[dict[str, Any]]:
        rows, nights = {
            None: (self.rows, self.nights),
            "attack": (self.attacks, self.attack_nights),
            "local": (self.locals, self.local_nights),
        }[level]
        lo = bisect.bisect_left(nights, f.date_from) if f.date_from else 0
        hi = bisect.bisect_right(nights, f.date_to) if f.date_to else len(rows)
        return rows[lo:hi]


def _values(rec: Any) -> dict[str, dict[str, int]]:
    """Consensus values of an event: {"launched": {"any": 550, "drone": 539, …}, "killed": …}."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for cons in rec.consensus:
        kind, measure, subject, model = cons.key
        if model is not None:
            continue
        if kind == "figure" or (kind == "casualty" and subject == "people"):
            out[measure][subject] = int(cons.value)
    return dict(out)


class EventCache:
    """One ``EventIndex`` per server, built on first use under a lock.

    Another process may add documents to a PostgreSQL ledger while the server runs: at most
    every ``refresh_seconds`` a request counts the ledger's documents, and when the count moved
    a new index is built in a background thread and swapped in (requests keep the old one
    meanwhile). Documents posted to this server are added at once.
    """

    def __init__(self, refresh_seconds: float) -> None:
        self._index: EventIndex | None = None
        self._lock = threading.Lock()
        self.refresh_seconds = refresh_seconds
        self._checked = 0.0
        self._documents = -1
        self._rebuilding = False

    @staticmethod
    def _count(ledger: Ledger) -> int:
        return int(ledger.query("SELECT count(*) AS n FROM documents")[0]["n"])

    @staticmethod
    def _load(ledger: Ledger) -> EventIndex:
        _events_module()
        from ..ledger.events.store import load_event_set

        index = EventIndex.of(load_event_set(ledger.store()))
        index.places = place_coordinates(ledger)
        # The index is long-lived and large: move it out of the collector's way, so that a
        # full collection during a request does not walk millions of objects (latency spikes).
        gc.collect()
        gc.freeze()
        return index

    def get(self, ledger: Ledger) -> EventIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    count = self._count(ledger)
                    self._index = self._load(ledger)
                    self._documents, self._checked = count, time.monotonic()
        elif self.refresh_seconds > 0 and time.monotonic() - self._checked > self.refresh_seconds:
            self._maybe_rebuild(ledger)
        return self._index

    def _maybe_rebuild(self, ledger: Ledger) -> None:
        with self._lock:
            if self._rebuilding or time.monotonic() - self._checked <= self.refresh_seconds:
                return
            self._checked = time.monotonic()
            count = self._count(ledger)
            if count == self._documents:
                return
            self._rebuilding = True

        def rebuild() -> None:
            try:
                fresh = self._load(ledger)
                with self._lock:
                    self._index, self._documents = fresh, count
            except Exception:  # keep serving the old index; the failure is logged
                log.exception("rebuilding the events index failed")
            finally:
                self._rebuilding = False

        threading.Thread(target=rebuild, name="events-index", daemon=True).start()

    def add(self, ledger: Ledger, report: dict[str, Any]) -> list[str]:
        index = self.get(ledger)
        with self._lock:
            self._documents += 1
            return index.add(report)


def cache_of(ledger: Ledger) -> EventCache:
    cache = getattr(ledger, "event_cache", None)
    if cache is None:
        cache = EventCache(ledger.settings.events_refresh_seconds)
        ledger.event_cache = cache  # type: ignore[attr-defined]
    return cache


def index(ledger: Ledger) -> EventIndex:
    return cache_of(ledger).get(ledger)


def place_coordinates(ledger: Ledger) -> dict[tuple[str, str], tuple[float, float]]:
    """Coordinates of the places reports name, by (region, name), for locating local events."""
    rows = ledger.query(
        "SELECT region, name, avg(lat) AS lat, avg(lon) AS lon FROM places "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL AND region IS NOT NULL GROUP BY region, name"
    )
    return {(r["region"], r["name"]): (float(r["lat"]), float(r["lon"])) for r in rows}


def value_of(values: dict[str, dict[str, int]], measure: str, subject: str) -> int | None:
    return values.get(measure, {}).get(subject)


def _night_values(values: dict[str, dict[str, int]], subject: str) -> dict[str, int | None]:
    def get(measure: str) -> int | None:
        v = value_of(values, measure, subject)
        if v is None and subject == "any":
            parts = [value_of(values, measure, c) for c in WEAPON_CATEGORIES]
            known = [p for p in parts if p is not None]
            v = sum(known) if known else None
        return v

    launched, neutralized, hit = get("launched"), get("neutralized"), get("hit")
    if neutralized is None:
        sd, sp = get("shot_down"), get("suppressed")
        if sd is not None or sp is not None:
            neutralized = (sd or 0) + (sp or 0)
    return {"launched": launched, "neutralized": neutralized, "hit": hit}


def _timeline_entries(values: dict[str, dict[str, int]]) -> dict[str, dict[str, Any]]:
    """Per weapon subject ("any" and each category): launched, neutralized, hit, the rate and
    (for "any") the categories' own numbers. Computed once per event when the index refreshes."""
    out: dict[str, dict[str, Any]] = {}
    for subject in ("any", *WEAPON_CATEGORIES):
        nv = _night_values(values, subject)
        if all(v is None for v in nv.values()):
            continue
        launched, neutralized = nv["launched"], nv["neutralized"]
        rate = round(neutralized / launched, 4) if launched and neutralized is not None else None
        out[subject] = {**nv, "interception_rate": rate}
    by_category = {
        c: {k: v for k, v in out[c].items() if k != "interception_rate"}
        for c in WEAPON_CATEGORIES
        if c in out
    }
    if "any" in out:
        out["any"]["by_category"] = by_category
    for c in WEAPON_CATEGORIES:
        if c in out:
            out[c]["by_category"] = {c: by_category[c]}
    return out
