"""`strikeledger event ID [--db …] [--format text|json]`: one event with all its claims."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "event",
        help="show one event: its reports, every claim, consensus values and conflicts",
        description="Show one event (an id as listed by `strikeledger events`, e.g. "
        "'ev:2025-07-04:RU>UA', or ev:2025-07-04:RU-UA unquoted) with its linked documents and "
        "why they matched, every claim "
        "with claimant and evidence, the consensus per measure with the rule that chose it, "
        "its conflicts and the record claims of its documents.",
    )
    p.add_argument("id", metavar="ID", help="event id; RU-UA may stand for RU>UA")
    p.add_argument(
        "--db", help="ledger: a DuckDB file (default ledger.duckdb) or postgresql:// URL"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..ledger.events.store import show_event

    d = show_event(args.db, args.id)
    if d is None:
        hint = ""
        if args.id.count(":") < 2 or ">" not in args.id:
            hint = " (quote the id, or write RU-UA for RU>UA: '>' is a shell redirection)"
        print(f"strikeledger: no event {args.id}{hint}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    print(text(d))
    return 0


def _claimant(c: dict[str, Any]) -> str:
    cl = c.get("claimant") or {}
    return f"{cl.get('name') or '?'} [{cl.get('kind') or '?'}]"


def text(d: dict[str, Any]) -> str:
    lines = [
        f"{d['id']}  ({d['level']}; night of {d['night_of']}; {d['attacker']} → "
        f"{d['region'] or d['area']}{' ' + d['place'] if d.get('place') else ''})",
    ]
    if d.get("parent"):
        lines.append(f"  part of {d['parent']}")
    if d.get("children"):
        lines.append("  local strikes: " + ", ".join(d["children"]))
    lines.append(f"  documents ({len(d['links'])}):")
    for lk in d["links"]:
        dup = f"  DUPLICATE of {lk['duplicate_of']}" if lk.get("duplicate_of") else ""
        keys = ", ".join(f"{k}={v}" for k, v in lk["matched"].items() if v not in (None, []))
        lines.append(f"    {lk['document'][:19]}…  {keys}{dup}")
    lines.append("  consensus:")
    for c in d["consensus"]:
        what = c["subject"] + (f"/{c['model']}" if c.get("model") else "")
        lines.append(
            f"    {c['measure']:<16} {what:<22} {c['value']:>6}  {c['rule']}  ({_claimant(c)})"
        )
    lines.append(f"  claims ({len(d['claims'])}):")
    for c in d["claims"]:
        what = c["subject"] + (f"/{c['model']}" if c.get("model") else "")
        ev = (c.get("evidence") or {}).get("text") or ""
        q = "" if c["qualifier"] == "exact" else f" ({c['qualifier']})"
        lines.append(
            f"    {c['measure']:<16} {what:<22} {c['value']:>6}{q}  {_claimant(c)}  "
            f"{c['document'][:15]}…  «{ev}»"
        )
    lines.append(f"  conflicts ({len(d['conflicts'])}):")
    for cf in d["conflicts"]:
        lines.append(f"    {cf['kind']:<19} {cf['explanation']}")
    recs = d.get("records") or []
    if recs:
        lines.append(f"  record claims ({len(recs)}):")
        for r in recs:
            lines.append(f"    {r['status']:<10} «{r['claim']['cue']}»: {r['explanation']}")
    return "\n".join(lines)
