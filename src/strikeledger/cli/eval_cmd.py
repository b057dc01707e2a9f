"""`strikeledger eval GOLD_DIR [--min SECTION=F1 …] [--json] [--errors N] [--lang en]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..eval import extract_gold, load_gold, score_reports


def register(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="score the extractor against a gold folder",
        description="Run the extractor over a gold folder (NAME.txt + NAME.json pairs) and print "
        "precision, recall and F1 per section, and accuracies of qualifiers and nights. "
        "--min floors make the exit status 1 when a section falls below them.",
    )
    p.add_argument("gold", type=Path, metavar="GOLD_DIR")
    p.add_argument("--min", action="append", default=[], metavar="SECTION=F1")
    p.add_argument("--lang", action="append", default=[], help="only gold files named LANG-*")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N mismatches")
    p.add_argument("--reports", type=Path, help="also write the reports as JSON Lines here")
    p.set_defaults(handler=run)


def parse_floors(specs: list[str]) -> dict[str, float]:
    floors = {}
    for spec in specs:
        section, sep, value = spec.partition("=")
        try:
            floors[section] = float(value)
        except ValueError:
            sep = ""
        if not sep or not section:
            raise SystemExit(f"strikeledger eval: --min wants SECTION=NUMBER, got {spec!r}")
    return floors


def run(args: argparse.Namespace) -> int:
    floors = parse_floors(args.min)
    prefixes = tuple(f"{lang}-" for lang in args.lang)
    cases = load_gold(args.gold, prefix=prefixes)
    golds: dict[str, dict[str, Any]] = {}
    reports: dict[str, dict[str, Any]] = {}
    out = args.reports.open("w", encoding="utf-8") if args.reports else None
    for case, report in extract_gold(cases):
        golds[case.name] = case.gold
        reports[case.name] = report
        if out:
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
    if out:
        out.close()
    score = score_reports(golds, reports)
    summary = score.summary()
    if args.json:
        print(json.dumps({"documents": len(golds), "sections": summary}, indent=2))
    else:
        print(f"{len(golds)} documents")
        print(f"{'section':28} {'P':>7} {'R':>7} {'F1':>7}   counts")
        for name, v in summary.items():
            if "acc" in v:
                acc = v["acc"] if v["acc"] is not None else "-"
                print(f"{name:28} {'':>7} {'':>7} {acc:>7}   {v['right']}/{v['of']}")
            else:
                print(
                    f"{name:28} {v['p']:7.3f} {v['r']:7.3f} {v['f1']:7.3f}   "
                    f"tp={v['tp']} pred={v['pred']} gold={v['gold']}"
                )
    for line in score.errors[: args.errors]:
        print(line)
    ok = True
    for section, floor in floors.items():
        got = score.value(section)
        if got is None or got < floor:
            print(f"below floor: {section} {got} < {floor}", file=sys.stderr)
            ok = False
    return 0 if ok else 1
