"""`strikeledger extract FILE… [--published …] [--format json|pretty] [--text] [--sections …]`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..document import Document, document_from_bytes
from ..errors import StrikeledgerError
from ..extract import extract
from ..extract.pipeline import SECTIONS


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract a report-v1 JSON object from each text file",
        description="Extract report-v1 JSON from text files ('-' reads stdin). One file gives "
        "one JSON object; several give JSON Lines. Files may start with a header block "
        "(published:, url:, title:, source:, then a blank line).",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--published", help="publication time (ISO 8601), overrides the header")
    p.add_argument("--url")
    p.add_argument("--title")
    p.add_argument("--source")
    p.add_argument("--format", choices=["json", "pretty"], default="json")
    p.add_argument("--text", action="store_true", help="print the normalised text instead")
    p.add_argument(
        "--sections",
        type=_sections,
        metavar="S,S…",
        help="extract only these sections, faster (" + ",".join(SECTIONS) + "); the report "
        "lists what it filled in document.sections",
    )
    p.set_defaults(handler=run)


def _sections(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown or not names:
        bad = ", ".join(unknown) or repr(value)
        raise argparse.ArgumentTypeError(
            f"unknown section {bad} (choose from {', '.join(SECTIONS)})"
        )
    return names


def read_document(path: str, args: argparse.Namespace) -> Document:
    data = sys.stdin.buffer.read() if path == "-" else _read(path)
    return document_from_bytes(
        data,
        path=None if path == "-" else path,
        published=args.published,
        url=args.url,
        title=args.title,
        source=args.source,
    )


def _read(path: str) -> bytes:
    from ..errors import InputError
    from ..settings import MAX_DOCUMENT_BYTES

    try:
        with open(path, "rb") as f:
            return f.read(MAX_DOCUMENT_BYTES.get() + 1)
    except OSError as e:
        raise InputError(e.strerror or str(e), item=path) from None


def run(args: argparse.Namespace) -> int:
    failed = 0
    single = len(args.files) == 1
    for path in args.files:
        try:
            doc = read_document(path, args)
        except StrikeledgerError as e:
            print(f"strikeledger: {e.describe()}", file=sys.stderr)
            failed += 1
            continue
        if args.text:
            sys.stdout.write(doc.text + "\n")
            continue
        report = extract(doc, sections=args.sections).to_dict()
        if args.format == "pretty":
            sys.stdout.write(pretty(report, doc) + "\n")
        elif single:
            sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if failed:
        print(f"strikeledger: {failed} of {len(args.files)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of the text that hold the span, for showing evidence in context."""
    from ..extract.text import sentences

    parts = [x.text for x in sentences(text) if x.end > start and x.start < end]
    return " ".join(parts) or text[start:end]


def pretty(report: dict[str, Any], doc: Document) -> str:
    d = report["document"]
    lines = [
        f"{d.get('path') or '<stdin>'}  [{d.get('language')}]  "
        f"published {d.get('published') or '?'}",
    ]
    if d.get("title"):
        lines.append(f"  {d['title']}")
    for f in report["figures"]:
        w = f["weapon"]
        what = w["category"] + (f"/{w['model']}" if w.get("model") else "")
        q = "" if f["qualifier"] == "exact" else f" ({f['qualifier']})"
        who = f" — {f['claimant']['name']}" if f.get("claimant") else ""
        lines.append(
            f"  {f['measure']:<17} {what:<22} {f['value']:>6}{q}  night {f['night_of'] or '?'}"
            f"  {f['attacker'] or '?'}→{','.join(f['area'])}{who}"
        )
        ev = f["evidence"]
        lines.append(
            f"      «{ev['text']}» in: {_sentence_around(doc.text, ev['start'], ev['end'])}"
        )
    for c in report["casualties"]:
        lines.append(
            f"  {c['measure']:<17} {c['who']:<22} {c['value']:>6}  «{c['evidence']['text']}»"
        )
    for dmg in report["damage"]:
        lines.append(f"  damage {dmg['category']:<16} «{dmg['evidence']['text']}»")
    if report["places"]:
        lines.append("  places: " + ", ".join(p["name"] for p in report["places"]))
    for s in report["statements"]:
        lines.append(f"  {s['kind']} by {s['speaker']}: {s['quote'][:100]}")
    for p in report["persons"]:
        lines.append(f"  person {p['name']} ({p['role_stated']}): {p['role_check']['status']}")
    for fl in report["flags"]:
        lines.append(f"  FLAG {fl['code']}: {fl['message']}")
    if len(lines) == 1 + bool(d.get("title")):
        lines.append("  (no figures)")
    return "\n".join(lines)
