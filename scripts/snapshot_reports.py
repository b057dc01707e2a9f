"""Extract every text we have and write the reports, one JSON line per document, for diffing.

A speed-up of the extractor must not change what it extracts. Run this before and after the
change and compare the two files:

    python scripts/snapshot_reports.py /tmp/before.jsonl
    ... change the code ...
    python scripts/snapshot_reports.py /tmp/after.jsonl --diff /tmp/before.jsonl

The texts: the gold folders in the repository (tests/golden/*, tests/heldout*), the bundled
examples, ``../shared`` (dev gold and seed) when it is beside the repository, and a generated
corpus of the benchmark genres (English, Ukrainian and Russian; seeded). ``--diff`` prints the
documents whose report changed, with the first differing item, and exits 1 if any did.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import documents  # noqa: E402

from strikeledger import Document, extract  # noqa: E402
from strikeledger.document import document_from_bytes  # noqa: E402
from strikeledger.eval.run import extract_gold, load_gold  # noqa: E402


def _gold_folders() -> list[Path]:
    folders = sorted(
        p.parent for p in (ROOT / "tests").glob("**/*.json") if p.with_suffix(".txt").exists()
    )
    shared = ROOT.parent / "shared" / "gold" / "dev"
    if shared.is_dir():
        folders.append(shared)
    return sorted(set(folders))


def _name(path: Path) -> str:
    """A path relative to the repository (``shared/…`` for the data beside it)."""
    return str(path.relative_to(ROOT if path.is_relative_to(ROOT) else ROOT.parent))


def reports(generated: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for folder in _gold_folders():
        for case, report in extract_gold(load_gold(folder)):
            yield _portable(f"{_name(folder)}/{case.name}", report)
    loose = sorted((ROOT / "examples").glob("*.txt")) + sorted(
        (ROOT.parent / "shared" / "seed").glob("*.txt")
    )
    for path in loose:
        doc = document_from_bytes(path.read_bytes(), path=str(path))
        yield _portable(_name(path), extract(doc).to_dict())
    for i, rec in enumerate(documents(generated, seed=11)):
        doc = Document(text=rec["text"], published=rec["published"], source=rec["source"])
        yield f"generated/{i}-{rec['genre']}", extract(doc).to_dict()


def _portable(name: str, report: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The report without the absolute path of its file, so that two clones compare equal."""
    if (report.get("document") or {}).get("path"):
        report["document"]["path"] = name
    return name, report


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items, was {len(b)}"
    now, was = (json.dumps(x, ensure_ascii=False)[:300] for x in (a, b))
    return f"{path}: {now}\n    was {was}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--generated", type=int, default=600, help="generated documents (default 600)")
    ap.add_argument("--diff", type=Path, help="an earlier snapshot to compare with")
    a = ap.parse_args(argv)
    new: dict[str, dict[str, Any]] = {}
    with a.out.open("w", encoding="utf-8") as f:
        for name, report in reports(a.generated):
            new[name] = report
            f.write(
                json.dumps({"name": name, "report": report}, ensure_ascii=False, sort_keys=True)
                + "\n"
            )
    print(f"{len(new)} reports written to {a.out}", file=sys.stderr)
    if not a.diff:
        return 0
    old = {}
    for line in a.diff.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        old[rec["name"]] = rec["report"]
    changed = [n for n in new if old.get(n) != new[n]]
    missing = sorted(set(old) - set(new))
    for name in changed[:40]:
        print(f"{name}\n    {_first_difference(new[name], old.get(name))}")
    print(f"{len(changed)} of {len(new)} reports changed; {len(missing)} missing", file=sys.stderr)
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
