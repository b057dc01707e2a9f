#!/usr/bin/env python3
"""Validate (and normalise) the officials knowledge base, ``kb/data/officials.yaml``.

The YAML file is the source: it is written by hand from the references in each term's
``source``. This script is the one command that checks it::

    python scripts/build_officials.py --check      # exit 1 and list problems when invalid

Checks: every person has a name and country; every office has a country, role, label and
holders; every term has a source and an ISO ``from`` date, ``to`` after ``from``; the holders of
one office do not overlap; every holder is a known person; every office role is a role id some
``extract/lang/*/roles.yaml`` can produce; every term marked ``uncertain`` is listed, so they can
be re-checked against their sources. Without ``--check`` it also prints a summary table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strikeledger.extract.names import load_lang_yaml  # noqa: E402
from strikeledger.kb.officials import _build, read_raw  # noqa: E402

DEFAULT = ROOT / "src" / "strikeledger" / "kb" / "data" / "officials.yaml"


def role_ids() -> set[str]:
    ids: set[str] = set()
    for lang in ("en", "uk", "ru"):
        for entry in load_lang_yaml(lang, "roles").get("roles") or []:
            roles = entry["role"] if isinstance(entry["role"], list) else [entry["role"]]
            ids.update(str(r) for r in roles)
    return ids


def check(path: Path) -> tuple[list[str], list[str]]:
    officials, problems = _build(read_raw(str(path)))
    known = role_ids()
    for office in officials.offices.values():
        if office.role not in known:
            problems.append(f"offices.{office.id}: role {office.role!r} is in no roles.yaml")
    uncertain = [
        f"{office.id}: {officials.people[t.who].name if t.who in officials.people else t.who} "
        f"{'/'.join(t.uncertain)} ({t.source})"
        for office in officials.offices.values()
        for t in office.terms
        if t.uncertain
    ]
    return problems, uncertain


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only validate; exit 1 on problems")
    ap.add_argument("--file", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    problems, uncertain = check(args.file)
    for p in problems:
        print(f"ERROR {p}", file=sys.stderr)
    if not args.check:
        for u in uncertain:
            print(f"uncertain {u}")
    print(
        f"{args.file.name}: {len(problems)} problem(s), {len(uncertain)} term(s) marked uncertain"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
