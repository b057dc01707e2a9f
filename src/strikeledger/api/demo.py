"""The demo: a ledger built from the bundled example reports, served by the dashboard.

``build_demo_ledger`` runs the same library pipeline as ``strikeledger ingest`` (read, extract,
``Store.add_batch``) over ``examples/*.txt`` into an embedded DuckDB file; nothing is
downloaded and nothing extra is installed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def example_files(folder: Path | None = None) -> list[Path]:
    folder = folder or EXAMPLES
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError("no example reports (*.txt) found", item=str(folder))
    return files


def build_demo_ledger(db: str | None = None, examples: Path | None = None) -> tuple[str, Any]:
    """Ingest the example reports into ``db`` (a fresh file in a temporary folder when None).
    Returns the database path and the ingest summary."""
    from ..ingest import ingest

    files = example_files(examples)
    if db is None:
        db = os.path.join(tempfile.mkdtemp(prefix="strikeledger-demo-"), "demo.duckdb")
    summary = ingest([str(p) for p in files], db)
    return db, summary
