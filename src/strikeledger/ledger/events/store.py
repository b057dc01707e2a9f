"""Events over a ledger store: read the reports, link and reconcile them, optionally save the
result as tables (``events``, ``event_links``, ``event_claims``, ``event_consensus``,
``event_conflicts``; migrations in ``events/migrations``, component ``events``).

Computation is on demand (``load_event_set``); ``save_event_set`` rewrites the tables in one
transaction so that readers (API, dashboard, exports) can query events without recomputing.

The imported Air Force history (documents of kind ``mmau``, one per dataset row) is marked so
that ``EventSet`` merges a night's rows into one tally (``dataset.py``).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ... import settings
from . import EventSet
from .records import find_record_claims

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
COMPONENT = "events"


_ORDER = "ORDER BY (d.kind = 'mmau') DESC NULLS LAST, d.ingested_at, d.id"
_READ_SQL = (
    "SELECT d.id, d.kind, d.duplicate_of, r.report_json "
    "FROM documents d JOIN reports r ON r.document_id = d.id {where} " + _ORDER
)


def _mark(rep: dict[str, Any], kind: Any, duplicate_of: Any) -> dict[str, Any]:
    doc = rep.setdefault("document", {})
    if duplicate_of:
        doc["duplicate_of"] = duplicate_of
    if kind == "mmau":
        doc["kind"] = "mmau"
    return rep


def _iter_duck(store: Any, after: str | None) -> Iterator[dict[str, Any]]:
    """One ordered query streamed as Arrow batches (DuckDB): the sort spills to disk past
    ``events_read_memory_mb`` instead of holding every report text at once."""
    con = store.con
    old = con.execute("SELECT current_setting('memory_limit')").fetchone()
    limit = int(settings.EVENTS_READ_MEMORY_MB.get())
    con.execute(f"SET memory_limit = '{limit}MB'")
    try:
        where = "" if after is None else "WHERE d.ingested_at > $after"
        rel = con.sql(
            _READ_SQL.format(where=where), params=None if after is None else {"after": after}
        )
        for batch in rel.to_arrow_reader(2048):
            cols = batch.to_pydict()
            for kind, dup, text in zip(
                cols["kind"], cols["duplicate_of"], cols["report_json"], strict=True
            ):
                yield _mark(json.loads(text), kind, dup)
    finally:
        if old and old[0]:
            con.execute(f"SET memory_limit = '{old[0]}'")


def _iter_any(store: Any, after: str | None) -> Iterator[dict[str, Any]]:
    """Any backend: the ordered document list, then their reports fetched in chunks by id."""
    where = "" if after is None else "WHERE d.ingested_at > ?"
    meta = store.query(
        f"SELECT d.id, d.kind, d.duplicate_of FROM documents d {where} {_ORDER}",
        [] if after is None else [after],
    )
    step = 500
    for i in range(0, len(meta), step):
        chunk = meta[i : i + step]
        marks = ",".join("?" for _ in chunk)
        got = {
            r["document_id"]: r["report_json"]
            for r in store.query(
                f"SELECT document_id, report_json FROM reports WHERE document_id IN ({marks})",
                [m["id"] for m in chunk],
            )
        }
        for m in chunk:
            text = got.get(m["id"])
            if text is not None:
                yield _mark(json.loads(text), m["kind"], m["duplicate_of"])


def iter_ledger_reports(store: Any, *, after: str | None = None) -> Iterator[dict[str, Any]]:
    """The ledger's reports ready for linking, in linking order: near-duplicates kept and marked
    with ``duplicate_of`` (linked, never counted), rows of the imported Air Force history marked
    ``kind: mmau`` (``EventSet`` merges them per night, see ``dataset.py``) and yielded first,
    then the rest in the order they were ingested (``ingested_at``, then id). With ``after``,
    only documents ingested after that time. Streams: memory does not grow with the ledger."""
    if getattr(store, "backend", None) == "duckdb" and hasattr(store, "con"):
        yield from _iter_duck(store, after)
    else:
        yield from _iter_any(store, after)


# -- the saved event set (snapshot) --------------------------------------------------------------

_SNAPSHOT_FORMAT = 1
_CODE = ("__init__.py", "link.py", "reconcile.py", "claimants.py", "dataset.py", "model.py")


@lru_cache(maxsize=1)
def _code_version() -> str:
    """A hash of the code and data that decide events: a snapshot made by other code is stale."""
    h = hashlib.sha256(str(_SNAPSHOT_FORMAT).encode())
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    for f in sorted((here / "data").glob("*")):
        if f.is_file():
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _settings_version() -> str:
    return repr((settings.EVENTS_APPROX_TOLERANCE.get(), settings.EVENTS_ROUNDING_TOLERANCE.get()))


def snapshot_path(store: Any) -> Path | None:
    """Where the saved event set of a DuckDB ledger file lives (beside it), or None (a
    PostgreSQL or in-memory ledger, or ``events_snapshot`` off)."""
    if not settings.EVENTS_SNAPSHOT.get() or getattr(store, "backend", None) != "duckdb":
        return None
    name = str(getattr(store, "name", "") or "")
    if not name or name == ":memory:":
        return None
    return Path(name + ".events.pickle")


def _watermark(store: Any, upto: str | None = None) -> tuple[int, str | None]:
    if upto is None:
        row = store.query("SELECT count(*) AS n, max(ingested_at) AS m FROM documents")[0]
    else:
        row = store.query(
            "SELECT count(*) AS n, max(ingested_at) AS m FROM documents WHERE ingested_at <= ?",
            [upto],
        )[0]
    return int(row["n"]), (str(row["m"]) if row["m"] is not None else None)


def _read_snapshot(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            gc.disable()  # millions of objects: no collection while they are made
            try:
                state = pickle.load(fh)
            finally:
                gc.enable()
    except FileNotFoundError:
        return None
    except Exception as e:  # a damaged or foreign file: rebuild
        log.warning("events snapshot %s unreadable, rebuilding: %s", path, e)
        return None
    if (
        not isinstance(state, dict)
        or state.get("code") != _code_version()
        or state.get("settings") != _settings_version()
        or not isinstance(state.get("events"), EventSet)
    ):
        return None
    return state


def _write_snapshot(path: Path, es: EventSet, mark: tuple[int, str | None]) -> None:
    state = {
        "code": _code_version(),
        "settings": _settings_version(),
        "documents": mark[0],
        "ingested_at": mark[1],
        "events": es,
    }
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:  # a read-only directory: events still work, just not saved
        log.info("events snapshot %s not written: %s", path, e)
        tmp.unlink(missing_ok=True)


def load_event_set(store: Any, *, snapshot: bool = True) -> EventSet:
    """Link and reconcile every report in the ledger.

    For a DuckDB ledger file the result is saved beside it (``<ledger>.events.pickle``) with the
    ledger's watermark (document count, latest ``ingested_at``): the next call reads it and links
    only the documents ingested since, in the same order a full build uses, so the outcome equals
    a full rebuild. It rebuilds in full when the code or settings of the events package changed,
    when documents were removed, or when new Air Force history rows arrived (they link first)."""
    path = snapshot_path(store) if snapshot else None
    now = _watermark(store)
    if path is not None:
        state = _read_snapshot(path)
        if state is not None:
            es: EventSet = state["events"]
            saved = (state["documents"], state["ingested_at"])
            if saved == now:
                return es
            if saved[1] is not None and _watermark(store, saved[1]) == saved:
                kinds = store.query(
                    "SELECT count(*) AS n FROM documents WHERE ingested_at > ? AND kind = 'mmau'",
                    [saved[1]],
                )[0]["n"]
                if not kinds:
                    for rep in iter_ledger_reports(store, after=saved[1]):
                        es.add(rep)
                    # a few new documents are linked again next time rather than rewriting a
                    # snapshot of the whole ledger (seconds, and memory, on a big one)
                    if now[0] - saved[0] >= int(settings.EVENTS_SNAPSHOT_REWRITE_DOCS.get()):
                        es.reconcile_all()
                        _write_snapshot(path, es, now)
                    return es
    es = EventSet.build(iter_ledger_reports(store))
    if path is not None:
        es.reconcile_all()
        _write_snapshot(path, es, now)
    return es


def open_event_set(db: str | None) -> EventSet:
    from .. import open_store

    with open_store(db, read_only=True) as store:
        return load_event_set(store)


def record_claims_of_event(store: Any, es: EventSet, event_id: str) -> list[dict[str, Any]]:
    """The record claims made in the documents of one event, checked against the history."""
    from .records import check_record

    ev = es.event(event_id)
    if ev is None:
        return []
    out = []
    history = es.history()
    for doc_id in dict.fromkeys(ev.documents):
        row = store.document(doc_id, with_report=True)
        if not row or not row.get("text") or not row.get("report"):
            continue
        for rc in find_record_claims(row["text"], row["report"]):
            out.append(check_record(rc, history).to_dict())
    return out


# -- saving -------------------------------------------------------------------------------------

_TABLES = ("event_conflicts", "event_consensus", "event_claims", "event_links", "events")
_T, _I, _B = "string", "int64", "bool_"
# Column order and Arrow type of each table, as in migrations/0001_events.sql.
_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("id", _T),
        ("level", _T),
        ("parent", _T),
        ("night_of", "date32"),
        ("attacker", _T),
        ("area", _T),
        ("region", _T),
        ("place", _T),
        ("weapons", _T),
        ("documents", _I),
    ],
    "event_links": [
        ("event_id", _T),
        ("document_id", _T),
        ("matched_json", _T),
        ("duplicate_of", _T),
    ],
    "event_claims": [
        ("event_id", _T),
        ("idx", _I),
        ("document_id", _T),
        ("kind", _T),
        ("measure", _T),
        ("subject", _T),
        ("model", _T),
        ("value", _I),
        ("qualifier", _T),
        ("claimant_name", _T),
        ("claimant_kind", _T),
        ("source", _T),
        ("published", _T),
        ("is_primary", _B),
        ("derived_from", _T),
        ("evidence_start", _I),
        ("evidence_end", _I),
        ("evidence_text", _T),
    ],
    "event_consensus": [
        ("event_id", _T),
        ("kind", _T),
        ("measure", _T),
        ("subject", _T),
        ("model", _T),
        ("value", _I),
        ("qualifier", _T),
        ("rule", _T),
        ("document_id", _T),
        ("claimant_name", _T),
        ("claimant_kind", _T),
    ],
    "event_conflicts": [
        ("event_id", _T),
        ("idx", _I),
        ("kind", _T),
        ("document_id", _T),
        ("measure", _T),
        ("subject", _T),
        ("model", _T),
        ("value", _I),
        ("qualifier", _T),
        ("consensus_value", _I),
        ("consensus_document_id", _T),
        ("delta", _I),
        ("matches", _T),
        ("explanation", _T),
    ],
}


def _arrow(table: str, rows: list[dict[str, Any]]) -> Any:
    import datetime as dt

    import pyarrow as pa

    fields = []
    for name, typ in _COLUMNS[table]:
        fields.append(pa.field(name, getattr(pa, typ)()))
    if table == "events":
        rows = [{**r, "night_of": dt.date.fromisoformat(r["night_of"])} for r in rows]
    return pa.Table.from_pylist(rows, schema=pa.schema(fields))


def save_event_set(store: Any, es: EventSet) -> dict[str, int]:
    """Rewrite the events tables from ``es`` in one transaction; returns row counts."""
    store.migrate(COMPONENT, MIGRATIONS)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in _TABLES}
    for ev in es.events.values():
        d = ev.to_dict()
        rows["events"].append(
            {
                "id": d["id"],
                "level": d["level"],
                "parent": d["parent"],
                "night_of": d["night_of"],
                "attacker": d["attacker"],
                "area": d["area"],
                "region": d["region"],
                "place": d["place"],
                "weapons": ",".join(d["weapons"]),
                "documents": len(set(d["documents"])),
            }
        )
    for lk in es.links():
        rows["event_links"].append(
            {
                "event_id": lk.event_id,
                "document_id": lk.document_id,
                "matched_json": json.dumps(lk.matched, ensure_ascii=False),
                "duplicate_of": lk.duplicate_of,
            }
        )
    for ev_id, rec in es.reconcile_all().items():
        for i, c in enumerate(rec.claims):
            ev_ = c.evidence or {}
            rows["event_claims"].append(
                {
                    "event_id": ev_id,
                    "idx": i,
                    "document_id": c.document_id,
                    "kind": c.kind,
                    "measure": c.measure,
                    "subject": c.subject,
                    "model": c.model,
                    "value": c.value,
                    "qualifier": c.qualifier,
                    "claimant_name": c.claimant,
                    "claimant_kind": c.claimant_kind,
                    "source": c.source,
                    "published": c.published,
                    "is_primary": c.primary,
                    "derived_from": " + ".join(c.parts) or None,
                    "evidence_start": ev_.get("start"),
                    "evidence_end": ev_.get("end"),
                    "evidence_text": ev_.get("text"),
                }
            )
        for c2 in rec.consensus:
            kind, measure, subject, model = c2.key
            rows["event_consensus"].append(
                {
                    "event_id": ev_id,
                    "kind": kind,
                    "measure": measure,
                    "subject": subject,
                    "model": model,
                    "value": c2.value,
                    "qualifier": c2.qualifier,
                    "rule": c2.rule,
                    "document_id": c2.claim.document_id,
                    "claimant_name": c2.claim.claimant,
                    "claimant_kind": c2.claim.claimant_kind,
                }
            )
        for i, cf in enumerate(rec.conflicts):
            rows["event_conflicts"].append(
                {
                    "event_id": ev_id,
                    "idx": i,
                    "kind": cf.kind,
                    "document_id": cf.claim.document_id,
                    "measure": cf.claim.measure,
                    "subject": cf.claim.subject,
                    "model": cf.claim.model,
                    "value": cf.claim.value,
                    "qualifier": cf.claim.qualifier,
                    "consensus_value": cf.against.value,
                    "consensus_document_id": cf.against.claim.document_id,
                    "delta": cf.delta,
                    "matches": cf.matches,
                    "explanation": cf.explanation,
                }
            )
    with store.transaction():
        for table in _TABLES:
            store.execute(f"DELETE FROM {table}")
        for table in reversed(_TABLES):
            if rows[table]:
                store.insert_arrow(table, _arrow(table, rows[table]))
    return {t: len(rows[t]) for t in _TABLES}


# -- what the commands call ---------------------------------------------------------------------


def list_events(
    db: str | None,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    area: str | None = None,
    attacker: str | None = None,
    weapon: str | None = None,
    level: str | None = None,
    save: bool = False,
) -> list[dict[str, Any]]:
    """Events of the ledger at ``db`` matching the filters, each with its conflict count and its
    consensus launch figures; with ``save`` the events tables are rewritten first."""
    from .. import open_store

    with open_store(db, read_only=not save) as store:
        es = load_event_set(store)
        if save:
            save_event_set(store, es)
    out = []
    for ev in es.select(
        date_from=date_from,
        date_to=date_to,
        area=area,
        attacker=attacker,
        weapon=weapon,
        level=level,
    ):
        d = ev.to_dict()
        rec = es.reconciliation(ev.id)
        d["documents"] = len(set(ev.documents))
        d["claims"] = sum(1 for c in rec.claims if not c.derived)
        d["conflicts"] = len(rec.conflicts)
        d["launched"] = {
            c.key[2]: c.value
            for c in rec.consensus
            if c.key[0] == "figure" and c.key[1] == "launched" and c.key[3] is None
        }
        d["casualties"] = {
            f"{c.key[1]}:{c.key[2]}": c.value for c in rec.consensus if c.key[0] == "casualty"
        }
        out.append(d)
    return out


def show_event(db: str | None, event_id: str) -> dict[str, Any] | None:
    """One event with its links, claims, consensus values, conflicts and record claims."""
    from .. import open_store

    with open_store(db, read_only=True) as store:
        es = load_event_set(store)
        d = es.describe(event_id)
        if d is None:
            return None
        d["records"] = record_claims_of_event(store, es, event_id)
    return d


def check_article(report: Mapping[str, Any], text: str, db: str | None) -> Any:
    """Check one article (its report-v1 dict and normalised text) against the ledger at ``db``:
    a ``CheckResult``. The article is not stored. (The caller extracts: the ledger does not
    import the extractor.)"""
    from .. import open_store
    from .check import check_report

    with open_store(db, read_only=True) as store:
        es = load_event_set(store)
    return check_report(report, text, es)
