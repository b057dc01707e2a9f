"""The DuckDB backend: one embedded file (the default ledger), bulk loads from Arrow."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import LedgerConnectError
from . import rows as rowsmod
from .base import Store

if TYPE_CHECKING:
    import pyarrow as pa


class DuckStore(Store):
    backend = "duckdb"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        import duckdb

        self.name = path
        self.read_only = read_only
        if path != ":memory:":
            p = Path(path)
            if read_only and not p.exists():
                raise LedgerConnectError("no such ledger file", item=path)
            if not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path, read_only=read_only and path != ":memory:")
        except duckdb.Error as e:
            raise LedgerConnectError(str(e).splitlines()[0], item=path) from None
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.con.rollback()
            raise
        self._depth = 0
        self.con.commit()

    def transaction(self) -> Any:
        return self._transaction()

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        cols = ", ".join(rowsmod.columns(table)) if table in rowsmod.TABLES else "*"
        view = f"_arrow_{table}"
        self.con.register(view, data)
        try:
            if cols == "*":
                self.con.execute(f"INSERT INTO {table} SELECT * FROM {view}")
            else:
                self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
        finally:
            self.con.unregister(view)

    def _band_candidates(self, keys: list[tuple[int, int]]) -> list[dict[str, Any]]:
        import pyarrow as pa

        wanted = pa.table(
            {
                "band": pa.array([k[0] for k in keys], pa.int32()),
                "hash": pa.array([k[1] for k in keys], pa.int64()),
            }
        )
        self.con.register("_wanted_bands", wanted)
        try:
            return self._fetch(
                "SELECT b.band, b.hash, b.document_id, d.minhash, d.numbers_hash, d.duplicate_of "
                "FROM _wanted_bands w JOIN doc_bands b ON b.hash = w.hash AND b.band = w.band "
                "JOIN documents d ON d.id = b.document_id"
            )
        finally:
            self.con.unregister("_wanted_bands")

    def _table_exists(self, table: str) -> bool:
        rows = self._fetch(
            "SELECT count(*) AS n FROM information_schema.tables "
            "WHERE table_name = ? AND table_schema = current_schema()",
            [table],
        )
        return bool(rows[0]["n"])

    def close(self) -> None:
        self.con.close()
