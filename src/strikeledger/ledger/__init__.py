"""The ledger: documents, reports and their items in DuckDB or PostgreSQL; events.

``open_store`` is the entry point (docs/LEDGER.md). Backends are imported on first use, so
importing this package stays cheap.
"""

from __future__ import annotations

from .store import BatchResult, Store, open_store

__all__ = ["BatchResult", "Store", "open_store"]
