"""Ingest: readers that turn sources (files, feeds, exports, archives) into Documents.

``read_source(path_or_url, **options)`` streams ``Document`` and ``Skipped`` items from any
supported source; ``ingest(sources, db)`` reads, extracts and files them in the ledger.
Readers are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["FORMATS", "IngestSummary", "Skipped", "ingest", "read_source"]

if TYPE_CHECKING:
    from .base import Skipped
    from .run import IngestSummary, ingest
    from .sources import FORMATS, read_source


def __getattr__(name: str) -> Any:
    if name == "Skipped":
        from .base import Skipped

        return Skipped
    if name in ("ingest", "IngestSummary"):
        from . import run

        return getattr(run, name)
    if name in ("read_source", "FORMATS"):
        from . import sources

        return getattr(sources, name)
    raise AttributeError(name)
