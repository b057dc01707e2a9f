"""`strikeledger batch INPUT… --out DIR [--scheduler ADDRESS | --workers N]`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="extract many sources on Dask and write Parquet",
        description="Read sources in shards (text files, JSON Lines, Parquet of documents, WARC "
        "and other formats), run ingest+extract as Dask tasks (a local cluster by default, or a "
        "running scheduler by address) and write Parquet under --out: documents, reports, one "
        "table per item kind, errors. An interrupted batch resumes from out/manifest.jsonl.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, help="output folder")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument(
        "--workers", type=int, help="local workers (default: one per core; 0 = no Dask)"
    )
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="OURS=THEIRS",
        help="field mapping for JSON Lines/Parquet records (e.g. text=body, published=date)",
    )
    p.add_argument("--docs-per-shard", type=int)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import run_batch
    from ..ingest.records import parse_field_options

    fields = parse_field_options(args.field)
    summary = run_batch(
        args.inputs,
        args.out,
        scheduler=args.scheduler,
        workers=args.workers,
        fields=fields or None,
        docs_per_shard=args.docs_per_shard,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    print(summary.describe(), file=sys.stderr)
    return 1 if summary.failed_shards else 0
