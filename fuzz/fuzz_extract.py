"""atheris harness: extract() on arbitrary text in each language.

Crashes are: any exception other than strikeledger's typed errors, an evidence span that is not
the text at its offsets, and (libFuzzer's -timeout) an input that takes too long.
Run by scripts/fuzz.sh; by hand: ``python fuzz/fuzz_extract.py -max_total_time=60 CORPUS_DIR``.
"""

from __future__ import annotations

import sys
from typing import Any

import atheris

with atheris.instrument_imports(include=["strikeledger"]):
    from strikeledger.document import Document
    from strikeledger.errors import StrikeledgerError
    from strikeledger.extract import extract

LANGS = ("en", "uk", "ru", None)


def spans(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and "end" in node and "text" in node:
            out.append(node)
        for v in node.values():
            out.extend(spans(v))
    elif isinstance(node, list):
        for v in node:
            out.extend(spans(v))
    return out


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    doc = Document.from_text(text, language=lang, published="2025-07-12")
    try:
        report = extract(doc).to_dict()
    except StrikeledgerError:
        return
    for s in spans(report):
        if doc.text[s["start"] : s["end"]] != s["text"]:
            raise AssertionError(f"evidence {s!r} is not the text at its offsets")


def main() -> None:
    extract(Document.from_text("97 Shahed drones over Kyiv", language="en"))  # load data once
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
