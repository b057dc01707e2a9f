"""`strikeledger import-mmau FILE.csv [--db DB]`: the Air Force history as ledger claims."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError
from ..ledger.mmau import import_mmau


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-mmau",
        help="import the Air Force figures of the 'Massive Missile Attacks on Ukraine' dataset",
        description="Load missile_attacks_daily.csv of the 'Massive Missile Attacks on Ukraine' "
        "dataset into the ledger: one synthetic document per row (kind 'mmau'), its figures "
        "claimed by the Ukrainian Air Force. Importing twice changes nothing.",
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--db", help="DuckDB file or postgresql:// URL (default: setting ledger_path)")
    p.add_argument("--quiet", action="store_true", help="do not list skipped rows")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    def on_error(e: InputError) -> None:
        if not args.quiet:
            print(f"strikeledger: skipped {e.describe()}", file=sys.stderr)

    summary = import_mmau(args.file, args.db, on_error=on_error)
    print("\n".join(summary.lines()))
    return 0
