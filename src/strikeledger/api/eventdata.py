"""Events, timeline, regions and conflicts, read from the events package; and ingest.

The index itself (``EventIndex``, the per-server cache) lives in ``eventindex``; this module
queries it. Nothing here links or reconciles: ``strikeledger.ledger.events.EventSet`` does, over the
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

import functools
import itertools
from typing import Any

from ..errors import LedgerUnavailableError, NotFoundError
from .data import Ledger
from .eventindex import (
    WEAPON_CATEGORIES,
    EventIndex,
    cache_of,
    conflict_out,
    index,
    place_coordinates,
    value_of,
)
from .params import Filters, Page

__all__ = [
    "CONFLICT_KINDS",
    "TIMELINE_MEASURES",
    "WEAPON_CATEGORIES",
    "EventIndex",
    "conflicts",
    "event",
    "events",
    "events_of_document",
    "index",
    "ingest",
    "place_coordinates",
    "regions",
    "timeline",
]

CONFLICT_KINDS = ("different", "rounded", "category_confusion", "stale")
TIMELINE_MEASURES = ("launched", "neutralized", "shot_down", "suppressed", "hit")


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
        r["killed"] += value_of(row["values"], "killed", "people") or 0
        r["injured"] += value_of(row["values"], "injured", "people") or 0
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
    for key, c in reversed(idx.conflicts):
        if f.date_from and key.night_of < f.date_from:
            continue
        if f.date_to and key.night_of > f.date_to:
            continue
        if f.attacker and key.attacker != f.attacker:
            continue
        if f.area and f.area not in (key.area, key.region):
            continue
        claim = c.claim
        if f.measure and claim.measure != f.measure:
            continue
        if f.category and claim.subject != f.category:
            continue
        if f.model and claim.model != f.model:
            continue
        if kind and c.kind != kind:
            continue
        if skip:
            skip -= 1
            continue
        out.append(conflict_out(key, c))
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
    from ..ingest.run import extractor_version

    with ledger.writer() as store:
        result = store.add_batch([(document, report)], extractor_version=extractor_version())
    is_new = document.id in result.new_ids
    if result.near_duplicate_of and document.id in result.near_duplicate_of:
        report["document"]["duplicate_of"] = result.near_duplicate_of[document.id]
    event_ids = cache_of(ledger).add(ledger, report) if is_new else []
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
