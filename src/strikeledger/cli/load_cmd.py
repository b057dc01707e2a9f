"""`strikeledger load DIR [--db …]`: bulk-load a batch output into the ledger."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "load",
        help="bulk-load the Parquet output of `batch` into the ledger",
        description="Load a `strikeledger batch` output folder into the ledger (DuckDB file or "
        "postgresql:// URL). Idempotent: documents already in the ledger are skipped.",
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument(
        "--db", help="ledger: a DuckDB file (default ledger.duckdb) or postgresql:// URL"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import load_batch

    summary = load_batch(args.dir, args.db)
    print(summary.describe(), file=sys.stderr)
    return 0
