"""A stand-in extractor for tests of ingest mechanics (batches, duplicates, durability, watch),
so that they test this package whatever state the extractor is in. One figure per number in the
text keeps the item tables busy. ``python -m tests.ingest.stub ARGS`` runs the CLI with it."""

from __future__ import annotations

import re
import sys
from typing import Any

from strikeledger.document import Document
from strikeledger.extract.pipeline import document_header
from strikeledger.report import SCHEMA


def stub_extract_one(doc: Document) -> tuple[dict[str, Any] | None, str | None]:
    figures = [
        {
            "measure": "launched",
            "weapon": {"category": "drone", "model": None},
            "value": int(m.group()),
            "qualifier": "exact",
            "night_of": None,
            "window": None,
            "area": ["UA"],
            "attacker": "RU",
            "claimant": None,
            "evidence": {"start": m.start(), "end": m.end(), "text": m.group()},
            "rule": "stub.v1",
        }
        for m in re.finditer(r"\d{1,9}", doc.text)
    ]
    header = document_header(doc)
    header["language"] = doc.language or "en"
    report: dict[str, Any] = {"schema": SCHEMA, "document": header, "figures": figures}
    for name in ("casualties", "damage", "places", "statements", "persons", "flags"):
        report[name] = []
    return report, None


def install() -> None:
    from strikeledger.ingest import run

    run._extract_one = stub_extract_one  # type: ignore[assignment]
    run.extractor_version = lambda: "stub"  # type: ignore[assignment]


def announce_commits() -> None:
    """Print one line per committed batch (the durability test kills the run between them)."""
    from strikeledger.ledger.store.base import Store

    real = Store.add_batch

    def add_batch(self: Store, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        print(f"committed {result.new}", flush=True)
        return result

    Store.add_batch = add_batch  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    announce_commits()
    from strikeledger.cli import main

    sys.exit(main(sys.argv[1:]))
