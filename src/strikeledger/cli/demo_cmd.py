"""`strikeledger demo [--db FILE] [--port …] [--no-serve]`: build a demo ledger from the bundled
example reports and serve the dashboard over it."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="build a demo ledger from examples/ and serve the dashboard",
        description="Ingest the bundled example reports (examples/*.txt) into an embedded DuckDB "
        "ledger (a temporary file unless --db is given) and serve the dashboard, printing its URL.",
    )
    p.add_argument("--db", help="DuckDB file to build (default: a new temporary file)")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--no-serve", action="store_true", help="build the ledger and stop")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..api.demo import build_demo_ledger
    from ..api.server import serve

    db, summary = build_demo_ledger(args.db)
    print(
        f"strikeledger demo: {summary.read} example reports read, {summary.new} new in {db}"
        + (f", {summary.skipped} skipped ({dict(summary.reasons)})" if summary.skipped else ""),
        flush=True,
    )
    if not args.no_serve:
        serve(db, host=args.host, port=args.port)
    return 0
