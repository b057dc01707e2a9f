"""`strikeledger events [--db …] [--from DATE --to DATE --area … --attacker … --weapon …]`."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "events",
        help="list the attacks (events) the ledger's reports were linked into",
        description="Link the ledger's reports into events (a night's attack: night, attacker, "
        "attacked country; local strikes on a city or region under it), reconcile their figures "
        "and list them with their consensus launch counts and number of conflicts.",
    )
    p.add_argument(
        "--db", help="ledger: a DuckDB file (default ledger.duckdb) or postgresql:// URL"
    )
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first night (ISO date)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last night (ISO date)")
    p.add_argument("--area", help="attacked country (UA, RU) or region (UA-30)")
    p.add_argument("--attacker", help="RU or UA")
    p.add_argument("--weapon", choices=["drone", "missile", "guided_bomb"])
    p.add_argument("--level", choices=["attack", "local"], help="only attacks or local strikes")
    p.add_argument("--save", action="store_true", help="also rewrite the ledger's events tables")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..ledger.events.store import list_events

    rows = list_events(
        args.db,
        date_from=args.date_from,
        date_to=args.date_to,
        area=args.area,
        attacker=args.attacker,
        weapon=args.weapon,
        level=args.level,
        save=args.save,
    )
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        launched = ", ".join(f"{k} {v}" for k, v in sorted(r["launched"].items()))
        where = r["place"] or r["region"] or r["area"]
        print(
            f"{r['id']:<44} {where:<18} docs {r['documents']:>3}  claims {r['claims']:>4}  "
            f"conflicts {r['conflicts']:>3}  {launched}"
        )
    print(f"{len(rows)} events")
    return 0
