"""`strikeledger check ARTICLE [--db …] [--published …] [--format text|json]`."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="fact-check one article against the ledger (without storing it)",
        description="Extract one article, link it to the ledger's events without storing it, "
        "and say of each of its numbers whether it agrees with the ledger, conflicts (with "
        "whom, by how much, of what kind) or cannot be verified; list its stale roles and "
        "check its record claims against the ledger's history.",
    )
    p.add_argument("article", metavar="ARTICLE", help="a text file ('-' reads stdin)")
    p.add_argument(
        "--db", help="ledger: a DuckDB file (default ledger.duckdb) or postgresql:// URL"
    )
    p.add_argument("--published", help="publication time (ISO 8601), overrides the header")
    p.add_argument("--url")
    p.add_argument("--title")
    p.add_argument("--source")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..extract import extract
    from ..ledger.events.store import check_article
    from .extract_cmd import read_document

    doc = read_document(args.article, args)
    result = check_article(extract(doc).to_dict(), doc.text, args.db)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.to_text())
    return 0
