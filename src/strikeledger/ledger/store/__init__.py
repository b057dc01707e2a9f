"""The ledger store: one interface over DuckDB (an embedded file, the default) and PostgreSQL.

See docs/LEDGER.md for the API other components use.
"""

from __future__ import annotations

import os
from pathlib import Path

from ... import settings
from .base import BatchResult, Store

__all__ = ["BatchResult", "Store", "is_postgres_url", "open_store"]


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open (and, for writing, migrate) the ledger at ``db``: a DuckDB path or a PostgreSQL URL."""
    target = str(db) if db is not None else settings.LEDGER_PATH.get()
    store: Store
    if is_postgres_url(target):
        from .pg import PgStore

        store = PgStore(target, read_only=read_only)
    else:
        from .duck import DuckStore

        store = DuckStore(
            str(Path(target)) if target != ":memory:" else target, read_only=read_only
        )
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
