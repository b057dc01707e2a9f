"""From report-v1 dicts to table rows, collected column-wise per batch for bulk loading.

The column lists here mirror ``migrations/0001_initial.sql``; a test checks they agree with the
tables the migrations create. Rows are gathered into :class:`Columns` (one list per column) and
turned into one Arrow table per table and batch, which DuckDB reads directly and PostgreSQL
receives through ``COPY``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

# (column, arrow type name) per table, in table order.
_EV = [("evidence_start", "int32"), ("evidence_end", "int32"), ("evidence_text", "string")]
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "string"),
        ("text", "string"),
        ("source", "string"),
        ("url", "string"),
        ("path", "string"),
        ("title", "string"),
        ("published", "string"),
        ("published_date", "date"),
        ("language", "string"),
        ("kind", "string"),
        ("duplicate_of", "string"),
        ("similarity", "float64"),
        ("numbers_hash", "string"),
        ("minhash", "string"),
        ("ingested_at", "string"),
    ],
    "reports": [
        ("document_id", "string"),
        ("schema", "string"),
        ("extractor_version", "string"),
        ("language", "string"),
        ("report_json", "string"),
        ("created_at", "string"),
    ],
    "figures": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("measure", "string"),
        ("category", "string"),
        ("model", "string"),
        ("models", "string"),
        ("value", "int64"),
        ("qualifier", "string"),
        ("night_of", "date"),
        ("window_start", "string"),
        ("window_end", "string"),
        ("area", "string"),
        ("attacker", "string"),
        ("claimant_name", "string"),
        ("claimant_kind", "string"),
        *_EV,
        ("rule", "string"),
    ],
    "casualties": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("measure", "string"),
        ("who", "string"),
        ("value", "int64"),
        ("qualifier", "string"),
        ("place_id", "string"),
        ("claimant_name", "string"),
        ("claimant_kind", "string"),
        *_EV,
        ("rule", "string"),
    ],
    "damage": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("category", "string"),
        ("place_id", "string"),
        *_EV,
        ("rule", "string"),
    ],
    "places": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("place_id", "string"),
        ("name", "string"),
        ("level", "string"),
        ("country", "string"),
        ("region", "string"),
        ("katottg", "string"),
        ("lat", "float64"),
        ("lon", "float64"),
        ("mentions", "int32"),
        *_EV,
        ("evidence_json", "string"),
        ("rule", "string"),
    ],
    "statements": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("speaker", "string"),
        ("role", "string"),
        ("quote", "string"),
        ("kind", "string"),
        *_EV,
        ("rule", "string"),
    ],
    "persons": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("name", "string"),
        ("role_stated", "string"),
        ("country", "string"),
        ("role_status", "string"),
        ("role_as_of", "string"),
        ("role_holder", "string"),
        ("role_since", "string"),
        *_EV,
        ("rule", "string"),
    ],
    "flags": [
        ("document_id", "string"),
        ("idx", "int32"),
        ("code", "string"),
        ("message", "string"),
        ("refs", "string"),
    ],
    "doc_bands": [("band", "int32"), ("hash", "int64"), ("document_id", "string")],
}

# Tables whose rows belong to one document (deleted together, counted per document).
ITEM_TABLES = ("figures", "casualties", "damage", "places", "statements", "persons", "flags")


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "date": pa.date32(),
    }
    return pa.schema([(name, types[t]) for name, t in TABLES[table]])


class Columns:
    """Rows of every table for one batch, kept column-wise."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list[Any]]] = {
            t: {c: [] for c in columns(t)} for t in TABLES
        }

    def add(self, table: str, row: dict[str, Any]) -> None:
        cols = self.data[table]
        for name, values in cols.items():
            values.append(row.get(name))

    def extend(self, table: str, columns: dict[str, list[Any]]) -> None:
        """Several rows at once, given column-wise (every column of the table, equal lengths)."""
        for name, values in self.data[table].items():
            values.extend(columns[name])

    def count(self, table: str) -> int:
        return len(next(iter(self.data[table].values())))

    def arrow(self, table: str) -> pa.Table:
        import pyarrow as pa

        try:
            return pa.Table.from_pydict(self.data[table], schema=arrow_schema(table))
        except UnicodeEncodeError:
            # A lone surrogate (a file name with bad bytes, half an emoji) cannot be stored as
            # UTF-8: it becomes U+FFFD, the rest of the value is kept.
            clean = {
                name: [_unsurrogate(v) if isinstance(v, str) else v for v in values]
                for name, values in self.data[table].items()
            }
            return pa.Table.from_pydict(clean, schema=arrow_schema(table))


_SURROGATES = re.compile("[\ud800-\udfff]")


def _unsurrogate(value: str) -> str:
    return _SURROGATES.sub("\ufffd", value)


def iso_date(value: Any) -> date | None:
    """A date from an ISO date or timestamp string; None when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if len(s) < 10:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    ev = item.get("evidence") or {}
    return {
        "evidence_start": ev.get("start"),
        "evidence_end": ev.get("end"),
        "evidence_text": ev.get("text"),
    }


def _claimant(item: dict[str, Any]) -> dict[str, Any]:
    c = item.get("claimant") or {}
    return {"claimant_name": c.get("name"), "claimant_kind": c.get("kind")}


def add_report(cols: Columns, doc_id: str, report: dict[str, Any]) -> None:
    """The item rows of one report-v1 dict."""
    for i, f in enumerate(report.get("figures") or []):
        w = f.get("weapon") or {}
        win = f.get("window") or {}
        models = w.get("models") or []
        cols.add(
            "figures",
            {
                "document_id": doc_id,
                "idx": i,
                "measure": f.get("measure"),
                "category": w.get("category") or "any",
                "model": w.get("model"),
                "models": ",".join(models) if len(models) > 1 else None,
                "value": int(f.get("value") or 0),
                "qualifier": f.get("qualifier"),
                "night_of": iso_date(f.get("night_of")),
                "window_start": win.get("start"),
                "window_end": win.get("end"),
                "area": ",".join(f.get("area") or []) or None,
                "attacker": f.get("attacker"),
                **_claimant(f),
                **_evidence(f),
                "rule": f.get("rule"),
            },
        )
    for i, c in enumerate(report.get("casualties") or []):
        cols.add(
            "casualties",
            {
                "document_id": doc_id,
                "idx": i,
                "measure": c.get("measure"),
                "who": c.get("who"),
                "value": int(c.get("value") or 0),
                "qualifier": c.get("qualifier"),
                "place_id": c.get("place"),
                **_claimant(c),
                **_evidence(c),
                "rule": c.get("rule"),
            },
        )
    for i, d in enumerate(report.get("damage") or []):
        cols.add(
            "damage",
            {
                "document_id": doc_id,
                "idx": i,
                "category": d.get("category"),
                "place_id": d.get("place"),
                **_evidence(d),
                "rule": d.get("rule"),
            },
        )
    for i, p in enumerate(report.get("places") or []):
        evs = p.get("evidence") or []
        first = evs[0] if evs else {}
        cols.add(
            "places",
            {
                "document_id": doc_id,
                "idx": i,
                "place_id": p.get("id"),
                "name": p.get("name"),
                "level": p.get("level"),
                "country": p.get("country"),
                "region": p.get("region"),
                "katottg": p.get("katottg"),
                "lat": p.get("lat"),
                "lon": p.get("lon"),
                "mentions": len(evs),
                "evidence_start": first.get("start"),
                "evidence_end": first.get("end"),
                "evidence_text": first.get("text"),
                "evidence_json": json.dumps(evs, ensure_ascii=False),
                "rule": p.get("rule"),
            },
        )
    for i, s in enumerate(report.get("statements") or []):
        cols.add(
            "statements",
            {
                "document_id": doc_id,
                "idx": i,
                "speaker": s.get("speaker"),
                "role": s.get("role"),
                "quote": s.get("quote"),
                "kind": s.get("kind"),
                **_evidence(s),
                "rule": s.get("rule"),
            },
        )
    for i, p in enumerate(report.get("persons") or []):
        rc = p.get("role_check") or {}
        cols.add(
            "persons",
            {
                "document_id": doc_id,
                "idx": i,
                "name": p.get("name"),
                "role_stated": p.get("role_stated"),
                "country": p.get("country"),
                "role_status": rc.get("status"),
                "role_as_of": rc.get("as_of"),
                "role_holder": rc.get("holder"),
                "role_since": rc.get("since"),
                **_evidence(p),
                "rule": p.get("rule"),
            },
        )
    for i, fl in enumerate(report.get("flags") or []):
        cols.add(
            "flags",
            {
                "document_id": doc_id,
                "idx": i,
                "code": fl.get("code"),
                "message": fl.get("message"),
                "refs": json.dumps(fl.get("refs") or [], ensure_ascii=False),
            },
        )
