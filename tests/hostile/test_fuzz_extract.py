"""Property tests of the extractor on generated text in each language: it never raises
anything but the project's typed errors, finishes each input in bounded time, and every
evidence span in the report is exactly the text at its offsets."""

from __future__ import annotations

import time
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikeledger.document import Document
from strikeledger.errors import ExtractionTimeoutError, StrikeledgerError
from strikeledger.extract import extract, guard

from .strategies import FUZZ, LANGS, texts

# Generated inputs are at most a few kB: far below any real limit, so seconds mean a hang.
SECONDS_PER_INPUT = 5.0


def spans(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every {start, end, text} span anywhere in a report dict."""
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and "end" in node and "text" in node:
            out.append((path, node))
        for k, v in node.items():
            out.extend(spans(v, f"{path}.{k}"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(spans(v, f"{path}[{i}]"))
    return out


@cache
def warm() -> None:
    """Load every language's data, the gazetteer and the language model once, outside the
    timed calls (the detector loads its model on the first text it cannot settle cheaply)."""
    for text, lang in (
        ("97 Shahed drones hit Kyiv.", "en"),
        ("97 БпЛА над Києвом.", "uk"),
        ("97 БПЛА над Москвой.", "ru"),
        ("97", None),
        ("БпЛА та ракет 211415.5 KN-23 атакували 65 535, 1. 975", None),
        ("drones 12 ракети Kyiv", None),
    ):
        extract(Document.from_text(text, language=lang))


def check_report(doc: Document) -> dict[str, Any]:
    warm()
    t0 = time.perf_counter()
    try:
        # under a watchdog: a hang fails here, with its input, instead of stalling the run
        report = guard.call_within_limit(
            lambda: extract(doc).to_dict(), 6 * SECONDS_PER_INPUT, item="fuzz input"
        )
    except ExtractionTimeoutError:
        pytest.fail(f"extraction hangs on {len(doc.text)} chars: {doc.text[:300]!r}")
    except StrikeledgerError:
        return {}
    took = time.perf_counter() - t0
    assert took < SECONDS_PER_INPUT, f"{took:.1f} s on {len(doc.text)} chars: {doc.text[:200]!r}"
    for where, span in spans(report):
        s, e = span["start"], span["end"]
        assert 0 <= s <= e <= len(doc.text), f"{where}: span {s}..{e} out of the text"
        assert doc.text[s:e] == span["text"], f"{where}: evidence does not match the text"
    return report


@pytest.mark.parametrize("lang", LANGS)
@FUZZ
@given(data=st.data())
def test_extract_generated_text(lang: str, data: st.DataObject) -> None:
    raw = data.draw(texts(lang), label="text")
    declared = data.draw(st.sampled_from([lang, None]), label="language")
    published = data.draw(
        st.sampled_from([None, "2025-07-12", "2025-07-12T08:00:00+03:00", "1999-01-01"]),
        label="published",
    )
    check_report(Document.from_text(raw, language=declared, published=published))


@FUZZ
@given(raw=st.text(max_size=400))
def test_extract_arbitrary_unicode(raw: str) -> None:
    check_report(Document.from_text(raw))


def test_spans_walker_sees_evidence() -> None:
    """The property above is not vacuous: a real report has spans, and they are checked."""
    doc = Document.from_text(
        "Overnight the enemy attacked with 97 Shahed drones; 80 were shot down. Two people "
        "were killed in Kharkiv, the governor said.",
        language="en",
        published="2025-07-12",
    )
    report = check_report(doc)
    found = spans(report)
    assert len(found) >= 3
    assert any(s["text"] == "97" or "97" in s["text"] for _, s in found)
