"""What the API and the dashboard read, as plain dicts: one function per route.

Everything goes through the ledger's public ``Store`` (its read functions, and ``Store.query``
for read-only SQL where they offer no filter) and the events package; nothing here extracts or
reconciles. One ``Store`` per thread (a ``Store`` is not thread-safe), opened lazily.

DuckDB allows one configuration per file per process, so a server with writes enabled (a token
configured) opens its DuckDB file read-write for every thread; reads still call read functions
only. Otherwise, and always on PostgreSQL, reading connections are read-only.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import LedgerError, LedgerUnavailableError, NotFoundError
from .config import ApiSettings
from .params import Filters, Page
from .spans import report_spans


class Ledger:
    def __init__(self, settings: ApiSettings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._stores: list[Any] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()

    @property
    def read_only(self) -> bool:
        return self.settings.is_postgres or not self.settings.writes_enabled

    def store(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            from ..ledger import open_store

            try:
                store = open_store(self.settings.db, read_only=self.read_only)
            except LedgerError as e:
                raise LedgerUnavailableError(f"the ledger cannot be opened: {e.message}") from None
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    @contextmanager
    def writer(self) -> Iterator[Any]:
        """A store to write with: the thread's own on DuckDB, a separate one on PostgreSQL."""
        with self._write_lock:
            if not self.settings.is_postgres:
                yield self.store()
                return
            from ..ledger import open_store

            with open_store(self.settings.db, read_only=False) as store:
                yield store

    def close(self) -> None:
        with self._lock:
            for s in self._stores:
                with contextlib.suppress(Exception):  # closing at shutdown: nobody to tell
                    s.close()
            self._stores.clear()
        self._local = threading.local()

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return list(self.store().query(sql, list(params)))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def paged(rows: list[dict[str, Any]], page: Page) -> dict[str, Any]:
    """Rows fetched with ``limit = size + 1``: the extra row only says there is a next page."""
    return {
        "items": rows[: page.size],
        "page": page.number,
        "page_size": page.size,
        "has_more": len(rows) > page.size,
    }


def _published_where(
    f: Filters, *, prefix: str = "", place: str | None = None
) -> tuple[list[str], list[Any]]:
    """Conditions on documents that count (not near-duplicates) published in the filter's date
    range and, with ``place`` (an alias of places), naming a place in its area."""
    where = [f"{prefix}duplicate_of IS NULL"]
    params: list[Any] = []
    if f.date_from:
        where.append(f"{prefix}published_date >= CAST(? AS DATE)")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{prefix}published_date <= CAST(? AS DATE)")
        params.append(f.date_to)
    if place and f.area:
        col = "country" if len(f.area) == 2 else "region"
        where.append(f"{place}.{col} = ?")
        params.append(f.area)
    return where, params


# --- documents -------------------------------------------------------------------------------
def documents(
    ledger: Ledger, f: Filters, page: Page, *, q: str | None = None, source: str | None = None
) -> list[dict[str, Any]]:
    where, params = _published_where(f)
    if source:
        where.append("source = ?")
        params.append(source)
    if q:
        where.append("(text ILIKE ? ESCAPE '\\' OR COALESCE(title, '') ILIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    if f.area or f.attacker or f.category or f.model or f.measure:
        sub, sub_params = _figure_where(f, alias="x", dates=False)
        where.append(
            f"EXISTS (SELECT 1 FROM figures x WHERE x.document_id = documents.id AND {sub})"
        )
        params += sub_params
    sql = (
        "SELECT id, source, url, title, published, language, kind, "
        "(SELECT count(*) FROM figures x WHERE x.document_id = documents.id) AS figures "
        f"FROM documents WHERE {' AND '.join(where)} "
        "ORDER BY published_date DESC NULLS LAST, published DESC NULLS LAST, id LIMIT ? OFFSET ?"
    )
    return ledger.query(sql, [*params, page.size + 1, page.offset])


def document(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    """One document with its text, its report-v1 report and every evidence span (sorted,
    labelled: figure, casualty, damage, place) as offsets into the text."""
    row = ledger.store().document(doc_id, with_report=True)
    if row is None:
        raise NotFoundError("no such document", item=doc_id)
    out = dict(row)
    out["spans"] = [
        {"start": sp.start, "end": sp.end, "kind": sp.kind, "label": sp.label}
        for sp in sorted(report_spans(out.get("report")), key=lambda sp: (sp.start, sp.end))
    ]
    return out


# --- figures, casualties, places ---------------------------------------------------------------
def _figure_where(f: Filters, *, alias: str = "t", dates: bool = True) -> tuple[str, list[Any]]:
    where, params = ["1 = 1"], []
    a = alias
    if dates and f.date_from:
        where.append(f"{a}.night_of >= CAST(? AS DATE)")
        params.append(f.date_from)
    if dates and f.date_to:
        where.append(f"{a}.night_of <= CAST(? AS DATE)")
        params.append(f.date_to)
    if f.area:
        where.append(f"(',' || COALESCE({a}.area, '') || ',') LIKE ?")
        params.append(f"%,{f.area},%")
    if f.attacker:
        where.append(f"{a}.attacker = ?")
        params.append(f.attacker)
    if f.category:
        where.append(f"{a}.category = ?")
        params.append(f.category)
    if f.model:
        where.append(f"({a}.model = ? OR (',' || COALESCE({a}.models, '') || ',') LIKE ?)")
        params += [f.model, f"%,{f.model},%"]
    if f.measure:
        where.append(f"{a}.measure = ?")
        params.append(f.measure)
    return " AND ".join(where), params


def figures(ledger: Ledger, f: Filters, page: Page) -> list[dict[str, Any]]:
    rows = ledger.store().figures(
        night_from=f.date_from,
        night_to=f.date_to,
        area=f.area,
        attacker=f.attacker,
        category=f.category,
        model=f.model,
        measure=f.measure,
        limit=page.size + 1,
        offset=page.offset,
    )
    return [_figure_row(r) for r in rows]


def _figure_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "document": r.get("document_id"),
        "idx": r.get("idx"),
        "night_of": r.get("night_of"),
        "measure": r.get("measure"),
        "category": r.get("category"),
        "model": r.get("model"),
        "value": r.get("value"),
        "qualifier": r.get("qualifier"),
        "area": [a for a in (r.get("area") or "").split(",") if a],
        "attacker": r.get("attacker"),
        "claimant": {"name": r.get("claimant_name"), "kind": r.get("claimant_kind")},
        "source": r.get("source"),
        "published": r.get("published"),
        "url": r.get("url"),
        "evidence": {
            "start": r.get("evidence_start"),
            "end": r.get("evidence_end"),
            "text": r.get("evidence_text"),
        },
        "rule": r.get("rule"),
    }


def casualties(ledger: Ledger, f: Filters, page: Page) -> list[dict[str, Any]]:
    """Casualty items; the date range applies to the publication date (casualty items carry no
    night of their own; per-event tolls are in /api/events/{id})."""
    where, params = _published_where(f, prefix="d.", place="p")
    if f.measure:
        where.append("t.measure = ?")
        params.append(f.measure)
    sql = (
        "SELECT t.document_id, t.idx, t.measure, t.who, t.value, t.qualifier, t.claimant_name, "
        "t.claimant_kind, t.evidence_start, t.evidence_end, t.evidence_text, t.rule, "
        "d.published, d.source, p.name AS place, p.region, p.lat, p.lon "
        "FROM casualties t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN places p ON p.document_id = t.document_id AND p.place_id = t.place_id "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY d.published_date DESC NULLS LAST, t.document_id, t.idx LIMIT ? OFFSET ?"
    )
    rows = ledger.query(sql, [*params, page.size + 1, page.offset])
    return [
        {
            "document": r["document_id"],
            "idx": r["idx"],
            "measure": r["measure"],
            "who": r["who"],
            "value": r["value"],
            "qualifier": r["qualifier"],
            "place": r["place"],
            "region": r["region"],
            "lat": r["lat"],
            "lon": r["lon"],
            "claimant": {"name": r["claimant_name"], "kind": r["claimant_kind"]},
            "published": r["published"],
            "source": r["source"],
            "evidence": {
                "start": r["evidence_start"],
                "end": r["evidence_end"],
                "text": r["evidence_text"],
            },
            "rule": r["rule"],
        }
        for r in rows
    ]


def places(ledger: Ledger, f: Filters, page: Page) -> list[dict[str, Any]]:
    """Places named by reports, one row per place (name, level, region), with how many
    documents name it and how many times; filtered by the
    publication date of the documents and by area (country or region code)."""
    where, params = _published_where(f, prefix="d.", place="p")
    sql = (
        "SELECT p.name, p.level, p.country, p.region, max(p.katottg) AS katottg, "
        "avg(p.lat) AS lat, avg(p.lon) AS lon, count(DISTINCT p.document_id) AS documents, "
        "sum(p.mentions) AS mentions "
        "FROM places p JOIN documents d ON d.id = p.document_id "
        f"WHERE {' AND '.join(where)} "
        "GROUP BY p.name, p.level, p.country, p.region "
        "ORDER BY documents DESC, p.name LIMIT ? OFFSET ?"
    )
    rows = ledger.query(sql, [*params, page.size + 1, page.offset])
    out = []
    for r in rows:
        r = dict(r)
        r["id"] = f"{r['country']}:{r['level']}:{r['name']}"
        for k in ("lat", "lon"):
            if r[k] is not None:
                r[k] = round(float(r[k]), 4)
        for k in ("documents", "mentions"):
            r[k] = int(r[k] or 0)
        out.append(r)
    return out
