"""Running the extractor over a gold folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document, document_from_bytes
from ..errors import GoldError
from ..extract import extract


@dataclass(frozen=True)
class GoldCase:
    name: str
    text_path: Path
    gold: dict[str, Any]


def load_gold(folder: Path, *, prefix: tuple[str, ...] = ()) -> list[GoldCase]:
    """The gold pairs of a folder (``NAME.txt`` + ``NAME.json``), sorted by name."""
    if not folder.is_dir():
        raise GoldError("not a folder", item=str(folder))
    cases = []
    for js in sorted(folder.glob("*.json")):
        if prefix and not js.stem.startswith(prefix):
            continue
        txt = js.with_suffix(".txt")
        if not txt.exists():
            raise GoldError("gold annotation without its .txt", item=str(js))
        try:
            gold = json.loads(js.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise GoldError(
                f"not JSON: {e.msg}", item=str(js), position=f"line {e.lineno}"
            ) from None
        except UnicodeDecodeError as e:
            raise GoldError(f"not valid UTF-8: {e.reason}", item=str(js)) from None
        cases.append(GoldCase(js.stem, txt, gold))
    if not cases:
        named = f" named {' or '.join(p + '*' for p in prefix)}" if prefix else ""
        raise GoldError(f"no gold .json files{named}", item=str(folder))
    return cases


def gold_document(case: GoldCase) -> Document:
    """The case's text as a Document; the gold ``document`` block supplies the metadata
    (publication date, source) a real source would carry."""
    meta = case.gold.get("document") or {}
    return document_from_bytes(
        case.text_path.read_bytes(),
        path=str(case.text_path),
        published=meta.get("published"),
        url=meta.get("url"),
        title=meta.get("title"),
        source=meta.get("source"),
    )


def extract_gold(cases: list[GoldCase]) -> Iterator[tuple[GoldCase, dict[str, Any]]]:
    """Each case with the report the extractor gives for it."""
    for case in cases:
        yield case, extract(gold_document(case)).to_dict()
