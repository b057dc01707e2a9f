"""The gazetteer: Ukraine's places (KATOTTG), Russia's border regions and towns, and the
surface forms that name them, matched over a text with one Aho-Corasick automaton.

The data is built by ``scripts/build_gazetteer.py`` into ``kb/data/gazetteer.json.gz`` (see
``kb/data/SOURCES.md``); this module only loads it (lazily, once) and finds candidate
mentions. Deciding which candidate a mention means is the places component's job
(``strikeledger.extract.places``).

A surface form is stored lower-cased, with one apostrophe ("'") and "ё" written "е"; the
text is folded the same way, character for character, so offsets carry over unchanged.
Every form has a kind:

- ``n``: the name in some grammatical case, with its type word where it needs one
  ("Харківській області", "Kharkiv region", "Києві");
- ``a``: a bare adjective or stem that names the place only elliptically ("Белгородской — 18",
  "the Bryansk, Oryol and Rostov regions");
- ``w``: a name that is also an ordinary word ("Нова", "Победа"): it needs a settlement cue.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import KnowledgeDataError

__all__ = ["Candidate", "Entry", "Gazetteer", "RawMatch", "fold", "load"]

DATA_FILE = "gazetteer.json.gz"
SCHEMA = "strikeledger/gazetteer-v2"
NAME, ELLIPTIC, COMMON = "n", "a", "w"


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer. ``parent`` is the index of the containing unit (a
    settlement's hromada, a hromada's raion, a district's city …) or -1; ``flags`` holds the
    KATOTTG category letter of Ukrainian settlements (k m t x c), ``o`` for first-level regions,
    ``g`` for capitals whose name also stands for a government ("Kyiv insists") and ``p`` for
    towns named like a person's first name ("Volodymyr", "Владимир")."""

    index: int
    name: str
    level: str
    country: str
    region: str | None
    katottg: str | None
    lat: float | None
    lon: float | None
    parent: int
    pop: int
    flags: str


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    kind: str


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A surface form found in the text, on word boundaries, with every place it may name."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]


_FOLD_PAIRS = (("ё", "е"), ("’", "'"), ("ʼ", "'"), ("`", "'"), ("‘", "'"))


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for ch, rep in _FOLD_PAIRS:  # str.replace only when needed: translate() is slow
        if ch in low:
            low = low.replace(ch, rep)
    return low


class Gazetteer:
    def __init__(self, doc: dict[str, Any]) -> None:
        import ahocorasick

        if doc.get("schema") != SCHEMA:
            raise KnowledgeDataError(f"unexpected schema {doc.get('schema')!r}", item=DATA_FILE)
        fields = doc["fields"]
        self.entries: list[Entry] = [
            Entry(i, **dict(zip(fields, row, strict=True))) for i, row in enumerate(doc["places"])
        ]
        auto = ahocorasick.Automaton()
        # "form<TAB>29726n,31000a" per line; forms are stored folded already (see fold()).
        for line in doc["forms"].split("\n"):
            form, _, cands = line.partition("\t")
            auto.add_word(form, (len(form), cands))
        auto.make_automaton()
        self._auto = auto
        self._ancestors: dict[int, tuple[int, ...]] = {}
        self._decoded: dict[str, tuple[Candidate, ...]] = {}

    def _candidates(self, encoded: str) -> tuple[Candidate, ...]:
        got = self._decoded.get(encoded)
        if got is None:
            cands = [Candidate(int(c[:-1]), c[-1]) for c in encoded.split(",")]
            # a form that is a common word in one language stays one for its place
            common = {c.index for c in cands if c.kind == COMMON}
            got = tuple(c for c in cands if c.kind != NAME or c.index not in common)
            self._decoded[encoded] = got
        return got

    def __len__(self) -> int:
        return len(self.entries)

    def scan(self, text: str, *, capitalised: bool = False) -> list[RawMatch]:
        """Every form found on word boundaries, overlapping ones reduced to the longest
        (leftmost first); with ``capitalised``, only those that start with a capital letter."""
        return [RawMatch(s, e, c) for s, e, c in self.matches(text, capitalised=capitalised)]

    def matches(
        self, text: str, *, capitalised: bool = False
    ) -> Iterator[tuple[int, int, tuple[Candidate, ...]]]:
        """``scan`` as (start, end, candidates), one at a time: a caller that keeps its own
        record of each match makes no ``RawMatch`` per mention (100 KB of one place name is
        20,000 of them, which the garbage collector then walks through)."""
        low = fold(text)
        n = len(low)
        # (start, -end, form's candidates): sorted, the leftmost-longest order; two matches
        # never share start and end (one form per span), so the strings are never compared
        found: list[tuple[int, int, str]] = []
        for end_idx, (length, cands) in self._auto.iter(low):
            start = end_idx - length + 1
            end = end_idx + 1
            if capitalised and not text[start].isupper():
                continue
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "-"):
                continue
            if end < n and low[end].isalnum():
                continue
            found.append((start, -end, cands))
        found.sort()
        last_end = -1
        for start, neg_end, cands in found:  # leftmost-longest
            if start < last_end:
                continue
            last_end = -neg_end
            yield start, last_end, self._candidates(cands)

    def ancestors(self, index: int) -> tuple[int, ...]:
        """Indexes of the units that contain a place, nearest first."""
        got = self._ancestors.get(index)
        if got is None:
            chain: list[int] = []
            cur = self.entries[index].parent
            while cur >= 0 and len(chain) < 8:
                chain.append(cur)
                cur = self.entries[cur].parent
            got = tuple(chain)
            self._ancestors[index] = got
        return got

    def find(self, name: str, level: str | None = None) -> list[Entry]:
        """Entries with this canonical English name (for tests and tools)."""
        return [e for e in self.entries if e.name == name and (level is None or e.level == level)]


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, loaded on first use (a few hundred milliseconds) and kept."""
    with _LOCK:
        try:
            raw = resources.files("strikeledger.kb").joinpath("data", DATA_FILE).read_bytes()
        except FileNotFoundError as exc:
            raise KnowledgeDataError(
                "gazetteer data missing: run python scripts/build_gazetteer.py", item=DATA_FILE
            ) from exc
        try:
            doc = json.loads(gzip.decompress(raw))
        except (OSError, ValueError) as exc:
            raise KnowledgeDataError(f"cannot read gazetteer data: {exc}", item=DATA_FILE) from exc
        return Gazetteer(doc)
