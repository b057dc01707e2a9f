"""Events over a ledger store: read the reports, link and reconcile them, optionally save the
result as tables (``events``, ``event_links``, ``event_claims``, ``event_consensus``,
``event_conflicts``; migrations in ``events/migrations``, component ``events``).

Computation is on demand (``load_event_set``); ``save_event_set`` rewrites the tables in one
transaction so that readers (API, dashboard, exports) can query events without recomputing.

The imported Air Force history (documents of kind ``mmau``, one per dataset row) is marked so
that ``EventSet`` merges a night's rows into one tally (``dataset.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import EventSet
from .records import find_record_claims

MIGRATIONS = Path(__file__).parent / "migrations"
COMPONENT = "events"


def _document_meta(store: Any) -> dict[str, dict[str, Any]]:
    rows = store.query("SELECT id, kind, duplicate_of, source, url FROM documents")
    return {r["id"]: r for r in rows}


def iter_ledger_reports(store: Any) -> Iterator[dict[str, Any]]:
    """The ledger's reports ready for linking: near-duplicates marked with ``duplicate_of``,
    rows of the imported Air Force history marked ``kind: mmau`` (``EventSet`` merges them per
    night, see ``dataset.py``) and yielded first."""
    meta = _document_meta(store)
    rest: list[dict[str, Any]] = []
    for rep in store.iter_reports(include_near_duplicates=True):
        doc = rep.setdefault("document", {})
        m = meta.get(str(doc.get("id")))
        if m is not None:
            if m.get("duplicate_of"):
                doc["duplicate_of"] = m["duplicate_of"]
            if m.get("kind") == "mmau":
                doc["kind"] = "mmau"
                yield rep
                continue
        rest.append(rep)
    yield from rest


def load_event_set(store: Any) -> EventSet:
    """Link and reconcile every report in the ledger."""
    return EventSet.build(iter_ledger_reports(store))


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
