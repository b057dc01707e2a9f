"""`strikeledger watch FEEDS.toml [--db DB] [--once] [--max-polls N]`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..ingest.base import Skipped
from ..ingest.watch import watch_file


def register(sub: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="poll RSS/Atom feeds and file their new entries in the ledger",
        description="Poll the feeds listed in a TOML file ([[feed]] url=…, source=…, "
        "interval=…) with conditional requests, extract new entries and store them. "
        "Failing feeds back off exponentially. Ctrl-C stops cleanly.",
    )
    p.add_argument("feeds", metavar="FEEDS.toml")
    p.add_argument("--db", help="DuckDB file or postgresql:// URL (default: setting ledger_path)")
    p.add_argument("--once", action="store_true", help="poll every feed once, then stop")
    p.add_argument("--max-polls", type=int, metavar="N", help="stop after N polls in all")
    p.add_argument("--quiet", action="store_true", help="print only the final summary")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    def say(msg: str) -> None:
        if not args.quiet:
            print(f"strikeledger watch: {msg}", file=sys.stderr, flush=True)

    def on_skip(item: Skipped) -> None:
        say(f"skipped {item.describe()}")

    summary = watch_file(
        args.feeds, args.db, once=args.once, max_polls=args.max_polls, on_event=say, on_skip=on_skip
    )
    print("\n".join(summary.lines()))
    return 0
