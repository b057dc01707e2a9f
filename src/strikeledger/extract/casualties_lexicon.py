"""Word-level phrase matching for the casualties and damage components.

The language data (``lang/<lang>/casualties.yaml`` and ``damage.yaml``) lists words and phrases
with every inflected form. Matching them one regex at a time would cost a pass over the text per
phrase; instead the document is tokenised once into folded words (lower case, "ё" as "е") and
every table is compiled into a word trie (:class:`PhraseMatcher`), which finds the
leftmost-longest phrase at each word in one pass. A word written with a trailing ``*`` in the data
matches any word that starts with it ("житлов* будин*" = "житловий будинок", "житлових
будинків" ...); the trie looks such prefixes up by dictionary, so the cost per word stays a few
lookups whatever the size of the tables.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, compress, repeat
from operator import itemgetter, or_
from typing import Any

from . import langdata

__all__ = [
    "CASUALTY_SCHEMA",
    "DAMAGE_SCHEMA",
    "Match",
    "PhraseMatcher",
    "PhraseSet",
    "Tokens",
    "claimant_matcher",
    "fold",
    "title_phrases",
    "tokenize",
    "tokenize_from",
]

_HEAD = 3
_head = itemgetter(slice(0, _HEAD))  # a word's first letters
_FEW = 8  # prefix entries of the root that ``find`` looks for in the joined words
_TOKEN = re.compile(r"\w+(?:['\-]\w+)*|[^\w\s]")
_SPLIT = re.compile(r"(\w++(?:['\-]\w++)*+|[^\w\s])")  # ``_TOKEN``, possessive

_PHRASES = "list[str]"
_GROUP = {"singular": _PHRASES, "plural": _PHRASES}
CASUALTY_SCHEMA: dict[str, Any] = {
    "measures": "dict[str,list[str]]",
    "nouns": "dict[str,list[str]]",
    "toll": "dict[str,list[str]]",
    "toll_before": _PHRASES,
    "groups": {"*": _GROUP},
    "counting_people": "any",
    "qualifiers": {"*": "any"},
    "skip_before": _PHRASES,
    "skip_after": _PHRASES,
    "auxiliaries?": _PHRASES,
    "partitive?": _PHRASES,
    "nominal_before?": _PHRASES,
    "purpose_before?": _PHRASES,
    "rate_after?": _PHRASES,
    "record_words?": _PHRASES,
    "not_victims?": _PHRASES,
    "nominal_singular?": "dict[str,list[str]]",
    "group_before?": _PHRASES,
    "determiners?": _PHRASES,
    "age_after?": _PHRASES,
    "age_of?": _PHRASES,
    "extra_numbers?": "dict[str,int]",
    "area_city?": _PHRASES,
    "after_bare?": _PHRASES,
    "plural_pronouns?": _PHRASES,
    "losses?": _PHRASES,
    "area_country?": _PHRASES,
    "earlier_before?": _PHRASES,
    "area_total?": _PHRASES,
    "area_region?": _PHRASES,
    "place_prepositions?": _PHRASES,
    "title_before?": _PHRASES,
    "including": _PHRASES,
    "among_after": _PHRASES,
    "negations_before": _PHRASES,
    "negations_after": _PHRASES,
    "barriers": _PHRASES,
    "breaks": _PHRASES,
    "not_persons": _PHRASES,
    "historical": _PHRASES,
    "pronouns": _PHRASES,
    "birth_year": "any",
    "birth_year_after": "any",
    "claimants": [{"forms": _PHRASES, "name": "str", "kind": "str", "note?": "str"}],
}
DAMAGE_SCHEMA: dict[str, Any] = {
    "categories": {"*": "any"},
    "absorbable?": [
        {
            "forms": _PHRASES,
            "default": "str",
            "absorbed_by": _PHRASES,
            "scope?": "str",
            "names_site?": "bool",
        }
    ],
    "cues": _PHRASES,
    "weak_cues?": _PHRASES,
    "exclude": _PHRASES,
    "uppercase?": _PHRASES,
    "near_before?": _PHRASES,
    "negations_before?": _PHRASES,
}


def fold(s: str) -> str:
    """The comparable form of a word: lower case, "ё" as "е", one apostrophe."""
    return s.lower().replace("ё", "е").replace("’", "'")


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text cut into words and punctuation marks, with offsets and folded forms."""

    starts: list[int]
    ends: list[int]
    words: list[str]

    def __len__(self) -> int:
        return len(self.words)

    def at(self, offset: int) -> int:
        """Index of the token that contains (or follows) character ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        if self.ends[i] <= offset and i + 1 < len(self.starts):
            return i + 1
        return i

    def ending_at(self, offset: int) -> int:
        """Index one past the last token that starts before ``offset``."""
        return bisect_right(self.starts, offset - 1)


def tokenize(text: str) -> Tokens:
    low = text.lower().replace("ё", "е")
    if len(low) != len(text):  # lower() keeps offsets except for a few letters ("İ")
        spans = [m.span() for m in _TOKEN.finditer(text)]
        starts = [a for a, _b in spans]
        ends = [b for _a, b in spans]
        return Tokens(starts, ends, [fold(text[a:b]) for a, b in spans])
    # Lower-casing changes no character's class (\w, \s, "'", "-"), so the lowered text cuts
    # into the same tokens; one ``split`` gives gap, token, gap, ..., gap, and the offsets are
    # the running sum of their lengths. "’" is not a joiner, so it only stands alone.
    parts = _SPLIT.split(low)
    cum = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    if "’" in low:
        words = [w.replace("’", "'") for w in words]
    return Tokens(cum[1:-1:2], cum[2::2], words)


_WORD_CHAR = re.compile(r"\w")


def tokenize_from(text: str, starts: list[int], ends: list[int], lows: list[str]) -> Tokens | None:
    """``tokenize(text)`` from a finer cut of the same text that another component made
    already: the runs of word characters and single other marks of ``text.lower()``, with
    offsets (``figures_lexicon.Tokens``); None when the text needs ``tokenize`` itself.

    The cuts differ only where a word, an apostrophe or hyphen and a word touch ("nine-storey",
    "Ukraine's"): ``_SPLIT`` takes them as one token. Such marks are found with ``str.find``
    and their three tokens joined, so the text is not split a second time."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if "ё" in low:
        low = low.replace("ё", "е")
        lows = [low[a:b] for a, b in zip(starts, ends, strict=True)]
    n = len(low)
    joiners: list[int] = []
    for mark in ("'", "-"):
        p = low.find(mark, 1)
        while 0 <= p < n - 1:
            if _WORD_CHAR.match(low, p - 1) and _WORD_CHAR.match(low, p + 1):
                joiners.append(p)
            p = low.find(mark, p + 1)
    if not joiners:
        words = list(lows)
        starts, ends = list(starts), list(ends)
    else:
        joiners.sort()
        out_starts: list[int] = []
        out_ends: list[int] = []
        words = []
        k = 0  # the next token to copy
        for p in joiners:
            j = bisect_left(starts, p)  # the mark's own token, between words j - 1 and j + 1
            if j > k:  # copy up to word j - 1, which the joined token starts with
                out_starts.extend(starts[k:j])
                out_ends.extend(ends[k : j - 1])
                out_ends.append(ends[j + 1])
                words.extend(lows[k : j - 1])
                words.append(low[starts[j - 1] : ends[j + 1]])
            else:  # a chain ("north-east-facing"): word j - 1 ends the joined token so far
                out_ends[-1] = ends[j + 1]
                words[-1] = low[out_starts[-1] : ends[j + 1]]
            k = j + 2
        out_starts.extend(starts[k:])
        out_ends.extend(ends[k:])
        words.extend(lows[k:])
        starts, ends = out_starts, out_ends
    if "’" in low:
        words = [w.replace("’", "'") for w in words]
    return Tokens(starts, ends, words)


def phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """The words of a data phrase as (word, is_prefix) pairs."""
    out: list[tuple[str, bool]] = []
    for piece in fold(phrase).split():
        prefix = piece.endswith("*") and len(piece) > 1
        if prefix:
            piece = piece[:-1]
        toks = [m.group() for m in _TOKEN.finditer(piece)]
        for k, t in enumerate(toks):
            out.append((t, prefix and k == len(toks) - 1))
    return out


@dataclass(slots=True)
class _Node:
    exact: dict[str, _Node] = field(default_factory=dict)
    prefix: dict[str, _Node] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    # Prefix children by their first letters (``_HEAD``), so a word is compared only with the
    # few prefixes that can match it.
    by_head: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict)


# the kinds of a label tuple, and the kind of a ``Match.has`` prefix with whether it names a
# value too ("g:women:"): both few, so computed once
_KINDS: dict[tuple[str, ...], frozenset[str]] = {}
_PREFIXES: dict[str, tuple[str, bool]] = {}
_VALUES: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}  # ``Match.values``


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``start`` .. ``end`` (exclusive) matched a phrase with these labels.

    A label is ``kind`` or ``kind:value`` ("m:killed", "g:women:s", "inc"); ``kinds`` holds the
    kinds for quick tests."""

    start: int
    end: int
    labels: tuple[str, ...]
    kinds: frozenset[str] = field(default=frozenset(), compare=False)

    @classmethod
    def of(cls, start: int, end: int, labels: tuple[str, ...]) -> Match:
        kinds = _KINDS.get(labels)
        if kinds is None:
            kinds = _KINDS[labels] = frozenset(lab.split(":", 1)[0] for lab in labels)
        return cls(start, end, labels, kinds)

    def has(self, prefix: str) -> bool:
        """Whether a label starts with ``prefix`` ("m:", "toll", "g:")."""
        got = _PREFIXES.get(prefix)
        if got is None:
            kind = prefix[:-1] if prefix.endswith(":") else prefix
            got = _PREFIXES[prefix] = (kind, ":" in kind)
        if got[0] in self.kinds:
            return True
        return any(lab.startswith(prefix) for lab in self.labels) if got[1] else False

    def values(self, prefix: str) -> list[str]:
        key = (self.labels, prefix)
        got = _VALUES.get(key)
        if got is None:
            n = len(prefix)
            got = _VALUES[key] = tuple(lab[n:] for lab in self.labels if lab.startswith(prefix))
        return list(got)


class PhraseMatcher:
    """Leftmost-longest matching of labelled phrases over a token sequence."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._root = _Node()
        self._needs: dict[str, dict[str, _Node]] | None = None
        for phrase, label in entries:
            self.add(phrase, label)

    def add(self, phrase: str, label: str) -> None:
        words = phrase_words(phrase)
        if not words:
            return
        self._needs = None
        node = self._root
        for w, is_prefix in words:
            if is_prefix and len(w) < _HEAD:
                raise ValueError(f"a prefix needs at least {_HEAD} letters: {phrase!r}")
            if is_prefix:
                child = node.prefix.get(w)
                if child is None:
                    child = node.prefix[w] = _Node()
                    node.by_head.setdefault(w[:_HEAD], []).append((w, child))
                node = child
            else:
                node = node.exact.setdefault(w, _Node())
        if label not in node.labels:
            node.labels.append(label)

    def _second_words(self) -> dict[str, dict[str, _Node]]:
        """First words that are no phrase by themselves and start no prefix entry, each with
        the words that may follow it: a token whose next word is not among them starts no
        match ("the", "in", "were" begin only longer phrases)."""
        if self._needs is None:
            root = self._root
            prefixes = tuple(root.prefix)
            self._needs = {
                w: node.exact
                for w, node in root.exact.items()
                if not node.labels and not node.by_head and not w.startswith(prefixes)
            }
        return self._needs

    @staticmethod
    def _step(node: _Node, word: str, out: list[_Node]) -> None:
        child = node.exact.get(word)
        if child is not None:
            out.append(child)
        if node.by_head:
            for prefix, child in node.by_head.get(word[:_HEAD], ()):
                if word.startswith(prefix):
                    out.append(child)

    def longest_at(self, words: Sequence[str], i: int, hi: int) -> Match | None:
        if i >= hi:
            return None
        word = words[i]
        root = self._root
        frontier: list[_Node] = []
        if root.by_head and word[:_HEAD] in root.by_head:
            self._step(root, word, frontier)
            if len(frontier) != 1:
                return self._walk(words, i, hi, frontier, i + 1, None)
            node = frontier[0]
        else:
            got = root.exact.get(word)
            if got is None:
                return None  # the common case: no phrase starts with this word
            node = got
        # One node at a time while the walk does not branch; its labels are distinct already
        # (``add``).
        best: Match | None = None
        j = i + 1
        while True:
            if node.labels:
                best = Match.of(i, j, tuple(node.labels))
            if j >= hi:
                return best
            w = words[j]
            j += 1
            if node.by_head and w[:_HEAD] in node.by_head:
                frontier = []
                self._step(node, w, frontier)
                if len(frontier) != 1:
                    return self._walk(words, i, hi, frontier, j, best)
                node = frontier[0]
                continue
            child = node.exact.get(w)
            if child is None:
                return best
            node = child

    def _walk(
        self,
        words: Sequence[str],
        i: int,
        hi: int,
        frontier: list[_Node],
        j: int,
        best: Match | None,
    ) -> Match | None:
        """``longest_at`` on from the nodes ``frontier`` reached after token ``j - 1``."""
        while frontier:
            labels: list[str] = []
            for node in frontier:
                for lab in node.labels:
                    if lab not in labels:
                        labels.append(lab)
            if labels:
                best = Match.of(i, j, tuple(labels))
            if j >= hi:
                break
            nxt: list[_Node] = []
            for node in frontier:
                self._step(node, words[j], nxt)
            frontier = nxt
            j += 1
        return best

    def find(self, words: Sequence[str], lo: int = 0, hi: int | None = None) -> list[Match]:
        hi = len(words) if hi is None else hi
        out: list[Match] = []
        # the check that starts ``longest_at``, done for all tokens in C (``map``, ``compress``):
        # only the tokens that may start a phrase are tried, left to right, each after the
        # previous match
        part = words if lo == 0 and hi == len(words) else words[lo:hi]
        first, heads = self._root.exact, self._root.by_head
        can = map(first.__contains__, part)
        prefixes = self._root.prefix
        if 0 < len(prefixes) <= _FEW:
            # a few prefix entries ("hospitali*"): only those found in the text are tried
            joined = " ".join(part)
            found = tuple(p for p in prefixes if p in joined)
            if found:
                can = map(or_, can, map(str.startswith, part, repeat(found)))
        elif heads:
            can = map(or_, can, map(heads.__contains__, map(_head, part)))
        needs = self._second_words()
        i = lo
        for k in compress(range(lo, hi), can):
            if k < i:
                continue
            after = needs.get(words[k])
            if after is not None and (k + 1 >= hi or words[k + 1] not in after):
                continue
            m = self.longest_at(words, k, hi)
            if m is not None:
                out.append(m)
                i = m.end
        return out


class PhraseSet:
    """A small set of phrases checked at a given place ("ends just before token i?")."""

    def __init__(self, phrases: Iterable[str]) -> None:
        phrases = [p for p in phrases if p.strip()]
        self._m = PhraseMatcher((p, "x") for p in phrases)
        self._lens = sorted({len(phrase_words(p)) for p in phrases}, reverse=True)
        # Without prefix entries the set is a plain set of word tuples (the common case).
        parsed = [phrase_words(p) for p in phrases]
        self._exact: frozenset[tuple[str, ...]] | None = None
        if not any(pre for words in parsed for _w, pre in words):
            self._exact = frozenset(tuple(w for w, _pre in words) for words in parsed)
        # the first and last words of the exact phrases: most places are ruled out by one test
        self._first = frozenset(p[0] for p in self._exact or ())
        self._last = frozenset(p[-1] for p in self._exact or ())

    def starts_at(self, words: Sequence[str], i: int, hi: int | None = None) -> int:
        """Length in tokens of the longest phrase starting at ``i`` (0 if none)."""
        hi = len(words) if hi is None else hi
        if self._exact is not None:
            if i < len(words) and words[i] not in self._first:
                return 0
            for n in self._lens:
                if i + n <= hi and tuple(words[i : i + n]) in self._exact:
                    return n
            return 0
        m = self._m.longest_at(words, i, hi)
        return m.end - i if m else 0

    def ends_before(self, words: Sequence[str], i: int, lo: int = 0) -> int:
        """Length in tokens of the longest phrase ending just before token ``i`` (0 if none)."""
        if self._exact is not None and 0 < i <= len(words) and words[i - 1] not in self._last:
            return 0
        for n in self._lens:
            s = i - n
            if s < lo:
                continue
            if self._exact is not None:
                if tuple(words[s:i]) in self._exact:
                    return n
                continue
            m = self._m.longest_at(words, s, i)
            if m is not None and m.end == i:
                return n
        return 0


@cache
def casualty_data(lang: str) -> dict[str, Any]:
    return langdata.load(lang, "casualties", schema=CASUALTY_SCHEMA)


@cache
def damage_data(lang: str) -> dict[str, Any]:
    return langdata.load(lang, "damage", schema=DAMAGE_SCHEMA)


@cache
def has_data(lang: str, name: str) -> bool:
    return lang in langdata.LANGS and langdata.exists(lang, name)


@cache
def title_phrases(lang: str) -> PhraseSet:
    """Titles before a place name that make it part of a claimant ("губернатора ... области")."""
    if not has_data(lang, "casualties"):
        return PhraseSet([])
    return PhraseSet(casualty_data(lang).get("title_before") or [])


@cache
def claimant_matcher(lang: str) -> PhraseMatcher:
    """The claimant phrases of the language, labelled with their index in ``claimants``."""
    entries = casualty_data(lang)["claimants"] if has_data(lang, "casualties") else []
    return PhraseMatcher((f, str(k)) for k, entry in enumerate(entries) for f in entry["forms"])
