"""Events, timeline, regions and conflicts, read from the events package; and ingest.

Nothing here links or reconciles: ``strikeledger.ledger.events.EventSet`` does, over the
ledger's reports. The server builds one ``EventSet`` per process on first use
(``events.store.load_event_set``), keeps a summary row per event sorted by night (so a page of
events or of the timeline is a bisect and a slice, whatever the ledger's size), and adds each
document ingested through the API to it incrementally.

Timeline values are the consensus values the events package chose: per attack event,
``launched`` / ``neutralized`` / ``hit`` for all weapons ("any") and per category; when an
event has no "neutralized" consensus, shot down + suppressed stand in. The interception rate is
neutralized / launched.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import LedgerUnavailableError, NotFoundError
from .data import Ledger
from .params import Filters, Page

log = logging.getLogger("strikeledger.api")

CONFLICT_KINDS = ("different", "rounded", "category_confusion", "stale")
TIMELINE_MEASURES = ("launched", "neutralized", "shot_down", "suppressed", "hit")
WEAPON_CATEGORIES = ("drone", "missile", "guided_bomb")


def _events_module() -> Any:
    try:
        from ..ledger import events
    except ImportError as e:  # the events package is missing or broken
        raise LedgerUnavailableError(f"events are not available: {e}") from None
    if not hasattr(events, "EventSet"):
        raise LedgerUnavailableError("events are not available in this strikeledger yet")
    return events


@dataclass
class EventIndex:
    """An ``EventSet`` and a summary row per event, sorted by (night, id)."""

    es: Any
    rows: list[dict[str, Any]] = field(default_factory=list)
    nights: list[str] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
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
        conflicts = []
        for c in rec.conflicts:
            d = c.to_dict()
            d.update(
                night_of=ev.key.night_of,
                attacker=ev.key.attacker,
                area=ev.key.area,
                region=ev.key.region,
            )
            conflicts.append(d)
        row["_conflicts"] = conflicts
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
        conflicts.sort(key=lambda c: (c["night_of"], c["event"]))
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


def _cache(ledger: Ledger) -> EventCache:
    cache = getattr(ledger, "event_cache", None)
    if cache is None:
        cache = EventCache(ledger.settings.events_refresh_seconds)
        ledger.event_cache = cache  # type: ignore[attr-defined]
    return cache


def index(ledger: Ledger) -> EventIndex:
    return _cache(ledger).get(ledger)


def _match(row: dict[str, Any], f: Filters, level: str | None) -> bool:
    if level and row["level"] != level:
        return False
    if f.attacker and row["attacker"] != f.attacker:
        return False
    if f.area and f.area not in (row["area"], row["region"]):
        return False
    if f.category and f.category != "any" and f.category not in row["weapons"]:
        return False
    return not (f.measure and f.measure not in row["values"])


def events(
    ledger: Ledger, f: Filters, page: Page, *, level: str | None = None
) -> list[dict[str, Any]]:
    """Events in the period, newest night first; ``size + 1`` rows (the extra one says there
    is a next page)."""
    idx = index(ledger)
    rows = idx.between(f, level)
    if not (f.attacker or f.area or f.category or f.measure):  # a slice, whatever the size
        end = len(rows) - page.offset
        picked = rows[max(0, end - page.size - 1) : max(0, end)][::-1]
        return [_event_out(r, idx) for r in picked]
    out: list[dict[str, Any]] = []
    skip = page.offset
    for row in reversed(rows):
        if not _match(row, f, None):
            continue
        if skip:
            skip -= 1
            continue
        out.append(_event_out(row, idx))
        if len(out) > page.size:
            break
    return out


@functools.lru_cache(maxsize=1)
def region_centres() -> dict[str, tuple[float, float]]:
    """Centre (mean of the outline's vertices) of each of Ukraine's first-level regions."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "web" / "data" / "ukraine_oblasts.json"
    out = {}
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        pts = [p for poly in f["geometry"]["coordinates"] for p in poly[0]]
        out[f["id"]] = (
            round(sum(p[1] for p in pts) / len(pts), 3),
            round(sum(p[0] for p in pts) / len(pts), 3),
        )
    return out


def place_coordinates(ledger: Ledger) -> dict[tuple[str, str], tuple[float, float]]:
    """Coordinates of the places reports name, by (region, name), for locating local events."""
    rows = ledger.query(
        "SELECT region, name, avg(lat) AS lat, avg(lon) AS lon FROM places "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL AND region IS NOT NULL GROUP BY region, name"
    )
    return {(r["region"], r["name"]): (float(r["lat"]), float(r["lon"])) for r in rows}


def _event_out(row: dict[str, Any], idx: EventIndex) -> dict[str, Any]:
    """An event row for the API: a local event is located at its place (as reports give its
    coordinates), else at the centre of its region; an attack has no point."""
    out = {k: v for k, v in row.items() if not k.startswith("_")}
    point = None
    if row["region"]:
        point = idx.places.get((row["region"], row["place"] or "")) or region_centres().get(
            row["region"]
        )
    out["lat"], out["lon"] = point if point else (None, None)
    out["values"] = {k: dict(v) for k, v in row["values"].items()}
    return out


def event(ledger: Ledger, event_id: str) -> dict[str, Any]:
    idx = index(ledger)
    d = idx.es.describe(event_id)
    if d is None:
        raise NotFoundError("no such event", item=event_id)
    store = ledger.store()
    docs = []
    for doc_id in d.get("documents") or []:
        row = store.document(doc_id, with_report=False)
        if row is not None:
            docs.append(
                {
                    k: row.get(k)
                    for k in ("id", "title", "source", "url", "published", "language", "text")
                }
            )
    children = [idx.by_id[c] for c in d.get("children") or [] if c in idx.by_id]
    summary = idx.by_id.get(event_id, {})
    return {
        "event": {
            k: d.get(k)
            for k in (
                "id",
                "level",
                "parent",
                "night_of",
                "attacker",
                "area",
                "region",
                "place",
                "weapons",
            )
        },
        "values": summary.get("values", {}),
        "claims": d.get("claims") or [],
        "by_measure": _by_measure(d.get("claims") or [], d.get("consensus") or []),
        "consensus": d.get("consensus") or [],
        "conflicts": d.get("conflicts") or [],
        "links": d.get("links") or [],
        "documents": docs,
        "children": [
            {k: c.get(k) for k in ("id", "region", "place", "night_of")} for c in children
        ],
    }


def _by_measure(
    claims: list[dict[str, Any]], consensus: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Claims grouped by what they count (kind, measure, subject, model), with the consensus."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for c in consensus:
        key = (c.get("kind"), c.get("measure"), c.get("subject"), c.get("model"))
        groups[key] = {
            "kind": key[0],
            "measure": key[1],
            "subject": key[2],
            "model": key[3],
            "consensus": {
                "value": c.get("value"),
                "qualifier": c.get("qualifier"),
                "rule": c.get("rule"),
                "document": c.get("document"),
            },
            "claims": [],
        }
    for c in claims:
        key = (c.get("kind"), c.get("measure"), c.get("subject"), c.get("model"))
        g = groups.setdefault(
            key,
            {
                "kind": key[0],
                "measure": key[1],
                "subject": key[2],
                "model": key[3],
                "consensus": None,
                "claims": [],
            },
        )
        g["claims"].append(
            {
                k: c.get(k)
                for k in (
                    "value",
                    "qualifier",
                    "claimant",
                    "document",
                    "source",
                    "published",
                    "evidence",
                    "rule",
                )
            }
        )
    return list(groups.values())


def _num(values: dict[str, dict[str, int]], measure: str, subject: str) -> int | None:
    return values.get(measure, {}).get(subject)


def _night_values(values: dict[str, dict[str, int]], subject: str) -> dict[str, int | None]:
    def get(measure: str) -> int | None:
        v = _num(values, measure, subject)
        if v is None and subject == "any":
            parts = [_num(values, measure, c) for c in WEAPON_CATEGORIES]
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


def timeline(
    ledger: Ledger, f: Filters, page: Page, *, newest_first: bool = False
) -> list[dict[str, Any]]:
    """One row per attack event (night, attacker, attacked country), oldest first (or newest
    first: the dashboard shows the latest nights of a long ledger)."""
    idx = index(ledger)
    subject = f.category or "any"
    rows = idx.between(f, "attack")
    if newest_first:
        rows = rows[::-1]
    entries = (
        row["_timeline"][subject]
        for row in rows
        if subject in row["_timeline"]
        and (not f.attacker or row["attacker"] == f.attacker)
        and (not f.area or f.area == row["area"] or f.area.startswith(row["area"] + "-"))
    )
    return list(itertools.islice(entries, page.offset, page.offset + page.size + 1))


def regions(ledger: Ledger, f: Filters) -> list[dict[str, Any]]:
    """Per first-level region: local events (strikes) in the period and their casualties
    (consensus killed + injured, people)."""
    acc: dict[str, dict[str, Any]] = {}
    for row in index(ledger).between(f, "local"):
        if not row["region"]:
            continue
        if f.attacker and row["attacker"] != f.attacker:
            continue
        if f.area and f.area not in (row["area"], row["region"]):
            continue
        r = acc.setdefault(
            row["region"], {"region": row["region"], "strikes": 0, "killed": 0, "injured": 0}
        )
        r["strikes"] += 1
        r["killed"] += _num(row["values"], "killed", "people") or 0
        r["injured"] += _num(row["values"], "injured", "people") or 0
    out = sorted(acc.values(), key=lambda r: r["region"])
    for r in out:
        r["casualties"] = r["killed"] + r["injured"]
    return out


def conflicts(
    ledger: Ledger, f: Filters, page: Page, *, kind: str | None = None
) -> list[dict[str, Any]]:
    idx = index(ledger)
    out: list[dict[str, Any]] = []
    skip = page.offset
    for c in reversed(idx.conflicts):
        if f.date_from and c["night_of"] < f.date_from:
            continue
        if f.date_to and c["night_of"] > f.date_to:
            continue
        if f.attacker and c["attacker"] != f.attacker:
            continue
        if f.area and f.area not in (c["area"], c["region"]):
            continue
        claim = c["claim"]
        if f.measure and claim["measure"] != f.measure:
            continue
        if f.category and claim["subject"] != f.category:
            continue
        if f.model and claim["model"] != f.model:
            continue
        if kind and c["kind"] != kind:
            continue
        if skip:
            skip -= 1
            continue
        out.append(c)
        if len(out) > page.size:
            break
    return out


def ingest(ledger: Ledger, doc: dict[str, Any]) -> dict[str, Any]:
    """Extract one posted document, add it to the ledger and to the events: the same library
    functions ``strikeledger ingest`` uses (extract, ``Store.add_batch``, ``EventSet.add``)."""
    from .. import settings
    from ..document import Document, parse_published
    from ..errors import InputError, TooLargeError
    from ..extract.guard import extract_within_limit  # setting max_extract_seconds

    limit = settings.MAX_DOCUMENT_BYTES.get()
    size = len(doc["text"].encode("utf-8", "replace"))
    if size > limit:
        raise TooLargeError(f"{size} bytes exceeds max_document_bytes={limit}", item="text")
    try:
        parse_published(doc.get("published"))
    except ValueError:
        raise InputError("expected an ISO 8601 date or time", item="published") from None

    document = Document.from_text(
        doc["text"],
        published=doc.get("published"),
        url=doc.get("url"),
        title=doc.get("title"),
        source=doc.get("source"),
    )
    if not document.text:
        from ..errors import EmptyInputError

        raise EmptyInputError("empty text", item="text")
    report = extract_within_limit(document).to_dict()  # over the limit: 400 (SL-E120)
    with ledger.writer() as store:
        result = store.add_batch([(document, report)])
    is_new = document.id in (getattr(result, "new_ids", None) or [document.id] * int(result.new))
    if result.near_duplicate_of and document.id in result.near_duplicate_of:
        report["document"]["duplicate_of"] = result.near_duplicate_of[document.id]
    event_ids = _cache(ledger).add(ledger, report) if is_new else []
    return {
        "id": document.id,
        "new": bool(is_new),
        "duplicate_of": (result.near_duplicate_of or {}).get(document.id),
        "events": event_ids,
        "figures": len(report.get("figures") or []),
    }


def events_of_document(ledger: Ledger, doc_id: str) -> list[dict[str, Any]]:
    """The events a document is linked to (empty when the events are not available)."""
    try:
        idx = index(ledger)
    except LedgerUnavailableError:
        return []
    linked = idx.es.linker.linked.get(doc_id)
    if linked is None:
        return []
    return [_event_out(idx.by_id[e], idx) for e in linked.event_ids if e in idx.by_id]
