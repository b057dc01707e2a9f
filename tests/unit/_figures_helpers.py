"""Helpers for the figures tables: run the whole extractor on one short text."""

from __future__ import annotations

from typing import Any

from strikeledger import Document, extract


def figures_of(
    text: str, lang: str, published: str | None = "2025-07-04T10:00:00+03:00"
) -> list[dict[str, Any]]:
    doc = Document.from_text(text, published=published, language=lang)
    report = extract(doc).to_dict()
    for f in report["figures"]:
        ev = f["evidence"]
        assert doc.text[ev["start"] : ev["end"]] == ev["text"], f
    return report["figures"]


def keys(text: str, lang: str, **kw: Any) -> set[tuple[Any, ...]]:
    return {
        (f["measure"], f["weapon"]["category"], f["weapon"]["model"], f["value"], f["qualifier"])
        for f in figures_of(text, lang, **kw)
    }
