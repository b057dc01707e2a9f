"""Every limit and tunable of strikeledger, declared once with its default and help.

A setting is read from the environment as ``STRIKELEDGER_<NAME>`` (upper case) when present,
else its default. ``docs/SETTINGS.md`` is checked against this table by a test, so a setting
cannot exist undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T", int, float, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    default: T
    help: str

    def get(self) -> T:
        raw = os.environ.get("STRIKELEDGER_" + self.name.upper())
        if raw is None:
            return self.default
        return type(self.default)(raw)


MAX_DOCUMENT_BYTES: Setting[int] = Setting(
    "max_document_bytes",
    5_000_000,
    "Largest document (bytes of UTF-8) that is extracted; larger inputs are skipped with SL-E103.",
)
MAX_DOCUMENT_LINES: Setting[int] = Setting(
    "max_document_lines",
    100_000,
    "Most lines in one document; longer inputs are skipped with SL-E104.",
)
MAX_SENTENCE_CHARS: Setting[int] = Setting(
    "max_sentence_chars",
    2_000,
    "Sentences longer than this are cut into pieces before the rules look at them.",
)
MAX_EVIDENCE_CHARS: Setting[int] = Setting(
    "max_evidence_chars",
    400,
    "Longest evidence span an extraction rule may report.",
)

ALL_SETTINGS: list[Setting[int] | Setting[float] | Setting[str]] = [
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_LINES,
    MAX_SENTENCE_CHARS,
    MAX_EVIDENCE_CHARS,
]
