"""`strikeledger ingest SOURCE… [--db DB] [--format F] [--field NAME=KEY …] [--jobs N]`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..ingest.base import Skipped
from ..ingest.records import parse_field_options
from ..ingest.run import ingest
from ..ingest.sources import FORMATS


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="read sources, extract reports and file them in the ledger",
        description="Read text files, HTML pages, RSS/Atom feeds, Telegram exports (result.json), "
        "JSON Lines / JSON / CSV records and WARC archives (files, directories or http(s) URLs), "
        "extract a report from each new document and store both in the ledger. Re-ingesting "
        "changes nothing; bad items are reported (one line each on stderr) and skipped.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--db", help="DuckDB file or postgresql:// URL (default: setting ledger_path)")
    p.add_argument("--format", choices=FORMATS, help="force a reader instead of sniffing")
    p.add_argument("--source", help="source name for every document (feed, channel, outlet)")
    p.add_argument("--channel", help="Telegram channel username, for t.me message links")
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=KEY",
        help="JSON Lines / CSV field mapping, e.g. --field text=body --field published=meta.date",
    )
    p.add_argument("--delimiter", help="CSV delimiter (default: sniffed)")
    p.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    p.add_argument("--progress", action="store_true", help="show a progress bar even off a TTY")
    p.add_argument("--quiet", action="store_true", help="do not list skipped items")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any item was skipped (without it: only when nothing could be read)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    fields = parse_field_options(args.field)

    def on_skip(item: Skipped) -> None:
        if not args.quiet:
            print(f"strikeledger: skipped {item.describe()}", file=sys.stderr, flush=True)

    options: dict[str, Any] = {"fields": fields}
    for name in ("source", "channel", "delimiter"):
        if getattr(args, name):
            options[name] = getattr(args, name)
    summary = ingest(
        args.sources,
        args.db,
        jobs=max(1, args.jobs),
        progress=args.progress or sys.stderr.isatty(),
        on_skip=on_skip,
        format=args.format,
        **options,
    )
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        print("\n".join(summary.lines()))
    if summary.skipped and (args.strict or not summary.read):
        return 1  # --strict, or nothing could be read at all (a mistyped path)
    return 0
