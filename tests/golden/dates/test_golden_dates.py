"""Golden date files: each NAME.txt with NAME.json (publication date, language, and the moment
expected at given numbers). Adding a case is adding a pair of files; this test collects them.

JSON: {"document": {"published": ISO or null, "language": "en|uk|ru"}, "note": "...",
       "expected": {"moments": [{"number": "539", "occurrence": 1, "night_of": ISO or null,
                                 "window": null or {"start": ..., "end": ...}}]}}
``number`` is found as a whole token (not inside "19:00"); ``occurrence`` counts from 1.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.golden.collect import LANGS, cases, ids, load_case, per_language

from strikeledger.document import Document
from strikeledger.extract.dates import time_context

CASES = cases(Path(__file__).parent, "json")


def _offset(text: str, number: str, occurrence: int) -> int:
    hits = [m.start() for m in re.finditer(rf"(?<![\w:.]){re.escape(number)}(?![\w:])", text)]
    assert len(hits) >= occurrence, f"{number!r} occurs {len(hits)} times"
    return hits[occurrence - 1]


@pytest.mark.parametrize("path", CASES, ids=ids(CASES))
def test_golden_dates(path: Path) -> None:
    case: dict[str, Any] = load_case(path, ("document", "expected"))
    meta = case["document"]
    doc = Document.from_text(
        path.with_suffix(".txt").read_text(encoding="utf-8"),
        published=meta.get("published"),
        language=meta["language"],
    )
    tc = time_context(doc.text, meta["language"], doc.published_at())
    for m in case["expected"]["moments"]:
        got = tc.at(_offset(doc.text, m["number"], m.get("occurrence", 1)))
        window = got.window.to_dict() if got.window else None
        assert (got.night_of, window) == (m["night_of"], m["window"]), m["number"]


def test_there_are_cases_in_every_language() -> None:
    assert set(per_language(CASES)) == set(LANGS)
