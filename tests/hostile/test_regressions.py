"""Inputs that once crashed a reader or the extractor (found by the fuzzers), replayed.

``regressions/*.bin`` use the reader harness's layout (fuzz/fuzz_readers.py: the first byte
picks the file suffix, the rest is the file); ``regressions/*.txt`` are texts for extract()."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikeledger.document import Document
from strikeledger.extract import extract
from strikeledger.ingest import Skipped, read_source

HERE = Path(__file__).parent / "regressions"
SUFFIXES = (".txt", ".html", ".xml", ".json", ".jsonl", ".csv", ".warc", ".warc.gz", ".atom", "")


@pytest.mark.parametrize("case", sorted(HERE.glob("*.bin")), ids=lambda p: p.name)
def test_reader_regression(case: Path, tmp_path: Path) -> None:
    data = case.read_bytes()
    path = tmp_path / ("input" + SUFFIXES[data[0] % len(SUFFIXES)])
    path.write_bytes(data[1:])
    items = list(read_source(path))
    assert items and all(isinstance(i, Document | Skipped) for i in items)


@pytest.mark.parametrize("case", sorted(HERE.glob("*.txt")), ids=lambda p: p.name)
def test_extract_regression(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    report = extract(Document.from_text(text)).to_dict()
    assert report["schema"]


def test_there_are_regressions() -> None:
    assert list(HERE.glob("*.bin"))
