"""The store interface shared by the DuckDB and PostgreSQL backends.

Everything that is the same on both databases lives here: migrations, the batch writer
(duplicates, near-duplicates, rows), and the read functions documented in ``docs/LEDGER.md``.
A backend supplies only the primitives: run SQL, fetch rows, a transaction, and a bulk insert of
an Arrow table. SQL here uses ``?`` placeholders; backends translate them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ...document import Document
from ...errors import LedgerError, LedgerSchemaError
from ...report import SCHEMA
from .. import dedup
from . import rows as rowsmod

if TYPE_CHECKING:
    import pyarrow as pa

MIGRATIONS = Path(__file__).parent / "migrations"
CORE = "ledger"
_MIGRATION_FILE = re.compile(r"^(\d{4})_(\w+)\.sql$")
_PAGE = 1000


@dataclass
class BatchResult:
    """What one ``add_batch`` did."""

    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    new_ids: list[str] = field(default_factory=list)
    near_duplicate_of: dict[str, str] = field(default_factory=dict)


def _split_sql(script: str) -> list[str]:
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", "\n".join(lines)) if s.strip()]


def _json_ready(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


class Store:
    """A ledger. Open one with :func:`strikeledger.ledger.open_store`."""

    backend = "abstract"
    read_only = False
    name = ""

    # --- primitives a backend provides -------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        """Insert all rows of an Arrow table in one bulk statement (inside a transaction)."""
        raise NotImplementedError

    def _band_candidates(self, keys: list[tuple[int, int]]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _table_exists(self, table: str) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- context manager ---------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- migrations --------------------------------------------------------------------------
    def _ensure_version_table(self) -> None:
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (component TEXT NOT NULL, "
            "version INTEGER NOT NULL, name TEXT, applied_at TEXT, "
            "PRIMARY KEY (component, version))"
        )

    @staticmethod
    def _migration_files(directory: Path) -> list[tuple[int, str, Path]]:
        found = []
        for p in sorted(directory.glob("*.sql")):
            m = _MIGRATION_FILE.match(p.name)
            if not m:
                raise LedgerSchemaError(f"migration file names are NNNN_name.sql, got {p.name}")
            found.append((int(m.group(1)), m.group(2), p))
        return found

    def applied_versions(self, component: str = CORE) -> set[int]:
        if not self._table_exists("schema_version"):
            return set()
        rows = self._fetch("SELECT version FROM schema_version WHERE component = ?", [component])
        return {int(r["version"]) for r in rows}

    def schema_version(self, component: str = CORE) -> int:
        return max(self.applied_versions(component), default=0)

    def migrate(self, component: str = CORE, directory: Path | None = None) -> list[int]:
        """Apply the pending numbered migrations of ``component``, each in one transaction.
        Returns the versions applied now."""
        directory = directory or MIGRATIONS
        files = self._migration_files(directory)
        done = self.applied_versions(component)
        pending = [f for f in files if f[0] not in done]
        if self.read_only:
            if pending:
                raise LedgerSchemaError(
                    f"the ledger's schema ({component} v{max(done, default=0)}) is older than "
                    f"this strikeledger (v{files[-1][0]}); open it for writing once to migrate",
                    item=self.name,
                )
            return []
        if done and files and max(done) > files[-1][0]:
            raise LedgerSchemaError(
                f"the ledger's schema ({component} v{max(done)}) is newer than this strikeledger",
                item=self.name,
            )
        applied = []
        for version, name, path in pending:
            with self.transaction():
                self._ensure_version_table()
                for statement in _split_sql(path.read_text(encoding="utf-8")):
                    self.execute(statement)
                self.execute(
                    "INSERT INTO schema_version (component, version, name, applied_at) "
                    "VALUES (?, ?, ?, ?)",
                    [component, version, name, _now()],
                )
            applied.append(version)
        return applied

    # --- writing -----------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        known: set[str] = set()
        for i in range(0, len(ids), _PAGE):
            chunk = ids[i : i + _PAGE]
            marks = ",".join("?" * len(chunk))
            rows = self._fetch(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)
            known.update(r["id"] for r in rows)
        return known

    def add_batch(
        self,
        pairs: Sequence[tuple[Document, dict[str, Any]]],
        *,
        kind: str = "text",
        extractor_version: str | None = None,
        near_duplicates: bool = True,
        fingerprints: dict[str, dedup.Fingerprint] | None = None,
    ) -> BatchResult:
        """Write documents with their report-v1 dicts in one transaction (see docs/LEDGER.md).
        ``fingerprints`` (document id -> ``dedup.fingerprint(text)``) may be computed ahead,
        e.g. in the worker processes that extracted the reports."""
        if self.read_only:
            raise LedgerError("the ledger is open read-only", item=self.name)
        result = BatchResult()
        fresh: dict[str, tuple[Document, dict[str, Any]]] = {}
        for doc, report in pairs:
            if doc.id in fresh:
                result.duplicate += 1
            else:
                fresh[doc.id] = (doc, report)
        known = self.known_ids(fresh)
        result.duplicate += len(known)
        todo = [pair for doc_id, pair in fresh.items() if doc_id not in known]
        if not todo:
            return result
        given = fingerprints or {}
        prints = (
            {doc.id: given.get(doc.id) or dedup.fingerprint(doc.text) for doc, _ in todo}
            if near_duplicates
            else {}
        )
        originals = self._near_duplicates(todo, prints) if near_duplicates else {}
        cols = rowsmod.Columns()
        now = _now()
        for doc, report in todo:
            fp = prints.get(doc.id)
            orig = originals.get(doc.id)
            cols.add(
                "documents",
                {
                    "id": doc.id,
                    "text": doc.text,
                    "source": doc.source,
                    "url": doc.url,
                    "path": doc.path,
                    "title": doc.title,
                    "published": doc.published,
                    "published_date": rowsmod.iso_date(doc.published),
                    "language": report.get("document", {}).get("language") or doc.language,
                    "kind": kind,
                    "duplicate_of": orig[0] if orig else None,
                    "similarity": orig[1] if orig else None,
                    "numbers_hash": fp.numbers_hash if fp else None,
                    "minhash": fp.minhash_hex() if fp else None,
                    "ingested_at": now,
                },
            )
            cols.add(
                "reports",
                {
                    "document_id": doc.id,
                    "schema": report.get("schema", SCHEMA),
                    "extractor_version": extractor_version,
                    "language": report.get("document", {}).get("language"),
                    "report_json": json.dumps(report, ensure_ascii=False),
                    "created_at": now,
                },
            )
            rowsmod.add_report(cols, doc.id, report)
            if fp and not orig:
                bands = fp.bands()
                cols.extend(
                    "doc_bands",
                    {
                        "band": [band for band, _ in bands],
                        "hash": [h for _, h in bands],
                        "document_id": [doc.id] * len(bands),
                    },
                )
            result.new += 1
            result.new_ids.append(doc.id)
            if orig:
                result.near_duplicate += 1
                result.near_duplicate_of[doc.id] = orig[0]
        with self.transaction():
            for table in rowsmod.TABLES:
                if cols.count(table):
                    self.insert_arrow(table, cols.arrow(table))
        return result

    def _near_duplicates(
        self,
        todo: list[tuple[Document, dict[str, Any]]],
        prints: dict[str, dedup.Fingerprint],
    ) -> dict[str, tuple[str, float]]:
        """new id -> (original id, similarity) for the documents of a batch that repeat an
        earlier one (in the ledger or earlier in the batch)."""
        threshold = _setting_threshold()
        keys = sorted({k for fp in prints.values() for k in fp.bands()})
        index: dict[tuple[int, int], list[tuple[str, Any, str, str | None]]] = {}
        if keys:
            for r in self._band_candidates(keys):
                sig = dedup.minhash_from_hex(r["minhash"])
                if sig is not None:
                    index.setdefault((int(r["band"]), int(r["hash"])), []).append(
                        (r["document_id"], sig, r["numbers_hash"], r["duplicate_of"])
                    )
        found: dict[str, tuple[str, float]] = {}
        for doc, _ in todo:
            fp = prints[doc.id]
            if fp.minhash is None:
                continue
            best: tuple[str, float] | None = None
            seen: set[str] = set()
            for key in fp.bands():
                for cand_id, sig, numbers_hash, dup_of in index.get(key, ()):
                    if cand_id in seen or numbers_hash != fp.numbers_hash:
                        continue
                    seen.add(cand_id)
                    sim = dedup.similarity(fp.minhash, sig)
                    if sim >= threshold and (best is None or sim > best[1]):
                        best = (dup_of or cand_id, sim)
            if best:
                found[doc.id] = best
            else:
                for key in fp.bands():
                    index.setdefault(key, []).append((doc.id, fp.minhash, fp.numbers_hash, None))
        return found

    # --- reading -----------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only SQL query (``?`` placeholders), dates as ISO strings."""
        return [_json_ready(r) for r in self._fetch(sql, params)]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "reports", *rowsmod.ITEM_TABLES):
            out[table] = int(self._fetch(f"SELECT count(*) AS n FROM {table}")[0]["n"])
        out["near_duplicates"] = int(
            self._fetch("SELECT count(*) AS n FROM documents WHERE duplicate_of IS NOT NULL")[0][
                "n"
            ]
        )
        return out

    _DOC_COLS = (
        "id, source, url, path, title, published, published_date, language, kind, "
        "duplicate_of, similarity, ingested_at"
    )

    def documents(
        self,
        *,
        source: str | None = None,
        published_from: str | date | None = None,
        published_to: str | date | None = None,
        kind: str | None = None,
        include_near_duplicates: bool = False,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if published_from is not None:
            where.append("published_date >= ?")
            params.append(rowsmod.iso_date(published_from))
        if published_to is not None:
            where.append("published_date <= ?")
            params.append(rowsmod.iso_date(published_to))
        if not include_near_duplicates:
            where.append("duplicate_of IS NULL")
        sql = (
            f"SELECT {self._DOC_COLS} FROM documents WHERE {' AND '.join(where)} "
            "ORDER BY published_date DESC NULLS LAST, published DESC NULLS LAST, id "
            "LIMIT ? OFFSET ?"
        )
        return self.query(sql, [*params, int(limit), int(offset)])

    def document(self, doc_id: str, *, with_report: bool = True) -> dict[str, Any] | None:
        rows = self.query(f"SELECT {self._DOC_COLS}, text FROM documents WHERE id = ?", [doc_id])
        if not rows:
            return None
        row = rows[0]
        if with_report:
            row["report"] = self.report(doc_id)
        return row

    def report(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._fetch("SELECT report_json FROM reports WHERE document_id = ?", [doc_id])
        return json.loads(rows[0]["report_json"]) if rows else None

    def iter_reports(
        self,
        *,
        include_near_duplicates: bool = False,
        night_from: str | date | None = None,
        night_to: str | date | None = None,
        kind: str | None = None,
        batch_size: int = 500,
    ) -> Iterator[dict[str, Any]]:
        where: list[str] = ["d.id > ?"]
        params: list[Any] = []
        if not include_near_duplicates:
            where.append("d.duplicate_of IS NULL")
        if kind is not None:
            where.append("d.kind = ?")
            params.append(kind)
        if night_from is not None or night_to is not None:
            sub = ["f.document_id = d.id"]
            if night_from is not None:
                sub.append("f.night_of >= ?")
                params.append(rowsmod.iso_date(night_from))
            if night_to is not None:
                sub.append("f.night_of <= ?")
                params.append(rowsmod.iso_date(night_to))
            where.append(f"EXISTS (SELECT 1 FROM figures f WHERE {' AND '.join(sub)})")
        sql = (
            "SELECT d.id, r.report_json FROM documents d JOIN reports r ON r.document_id = d.id "
            f"WHERE {' AND '.join(where)} ORDER BY d.id LIMIT ?"
        )
        last = ""
        while True:
            rows = self._fetch(sql, [last, *params, int(batch_size)])
            for r in rows:
                yield json.loads(r["report_json"])
            if len(rows) < batch_size:
                return
            last = rows[-1]["id"]

    def _items(
        self,
        table: str,
        filters: dict[str, Any],
        *,
        order: str,
    ) -> list[dict[str, Any]]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        include = filters.pop("include_near_duplicates", False)
        limit = filters.pop("limit", None)
        offset = filters.pop("offset", 0)
        if not include:
            where.append("d.duplicate_of IS NULL")
        cols = set(rowsmod.columns(table))
        for key, value in filters.items():
            if value is None:
                continue
            if key in ("night_from", "night_to") and "night_of" in cols:
                where.append("t.night_of " + (">=" if key == "night_from" else "<=") + " ?")
                params.append(rowsmod.iso_date(value))
            elif key == "area" and "area" in cols:
                where.append("(',' || COALESCE(t.area, '') || ',') LIKE ?")
                params.append(f"%,{value},%")
            elif key == "model" and "model" in cols:
                where.append("(t.model = ? OR (',' || COALESCE(t.models, '') || ',') LIKE ?)")
                params.extend([value, f"%,{value},%"])
            elif key in ("source", "kind"):
                where.append(f"d.{key} = ?")
                params.append(value)
            elif key in cols:
                if isinstance(value, list | tuple | set | frozenset):
                    values = list(value)
                    where.append(f"t.{key} IN ({','.join('?' * len(values))})")
                    params.extend(values)
                else:
                    where.append(f"t.{key} = ?")
                    params.append(value)
            else:
                raise LedgerError(f"unknown filter {key!r} for {table}")
        sql = (
            f"SELECT t.*, d.source, d.url, d.published, d.kind AS document_kind "
            f"FROM {table} t JOIN documents d ON d.id = t.document_id "
            f"WHERE {' AND '.join(where)} ORDER BY {order}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([int(limit), int(offset)])
        return self.query(sql, params)

    def figures(self, **filters: Any) -> list[dict[str, Any]]:
        """Figure rows; filters in docs/LEDGER.md."""
        return self._items("figures", filters, order="t.night_of NULLS LAST, t.document_id, t.idx")

    def casualties(self, **filters: Any) -> list[dict[str, Any]]:
        return self._items("casualties", filters, order="t.document_id, t.idx")

    def places(self, **filters: Any) -> list[dict[str, Any]]:
        return self._items("places", filters, order="t.document_id, t.idx")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _setting_threshold() -> float:
    from ... import settings

    return float(settings.NEAR_DUPLICATE_THRESHOLD.get())
