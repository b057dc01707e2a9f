"""The PostgreSQL backend (psycopg 3): for teams sharing one ledger; bulk loads with COPY."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ...errors import LedgerConnectError
from . import rows as rowsmod
from .base import Store

if TYPE_CHECKING:
    import pyarrow as pa


def safe_name(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        d = conninfo_to_dict(url)
    except Exception:  # a malformed URL: say only what kind of thing it was
        return "postgresql://…"
    host = d.get("host") or "localhost"
    port = f":{d['port']}" if d.get("port") else ""
    user = f"{d['user']}@" if d.get("user") else ""
    return f"postgresql://{user}{host}{port}/{d.get('dbname') or ''}"


def _no_nul(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL characters (DuckDB can): they become spaces."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", " ")
    return value


def _sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PgStore(Store):
    backend = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise LedgerConnectError(
                "psycopg is not installed: pip install 'strikeledger[postgres]'",
                item=safe_name(url),
            ) from None
        self.name = safe_name(url)
        self.read_only = read_only
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise LedgerConnectError(msg, item=self.name) from None
        if read_only:
            self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.conn.cursor() as cur:
            cur.execute(_sql(sql) if params else sql, list(params) or None)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.conn.cursor() as cur:
            cur.execute(_sql(sql) if params else sql, list(params) or None)
            if cur.description is None:
                return []
            names = [d.name for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def transaction(self) -> Any:
        return self._transaction()

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        names = rowsmod.columns(table) if table in rowsmod.TABLES else data.column_names
        columns = [data.column(n).to_pylist() for n in names]
        with (
            self.conn.cursor() as cur,
            cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy,
        ):
            for row in zip(*columns, strict=True):
                copy.write_row([_no_nul(v) for v in row])

    def _band_candidates(self, keys: list[tuple[int, int]]) -> list[dict[str, Any]]:
        wanted = set(keys)
        rows = self._fetch(
            "SELECT b.band, b.hash, b.document_id, d.minhash, d.numbers_hash, d.duplicate_of "
            "FROM doc_bands b JOIN documents d ON d.id = b.document_id WHERE b.hash = ANY(?)",
            [[k[1] for k in keys]],
        )
        return [r for r in rows if (int(r["band"]), int(r["hash"])) in wanted]

    def _table_exists(self, table: str) -> bool:
        rows = self._fetch("SELECT to_regclass(?) IS NOT NULL AS found", [table])
        return bool(rows[0]["found"])

    def close(self) -> None:
        self.conn.close()
