"""The figure lexicons of one language, compiled into matchers (mechanism only; the words are in
``lang/<lang>/{weapons,measures,qualifiers,claimants,attack}.yaml``).

A form is a phrase: words separated by spaces (any whitespace matches), a ``*`` at the end of
a word matches any ending ("безпілотник*"); matching is case-insensitive, on whole tokens
(runs of word characters and single punctuation marks), with punctuation glued as in the form
("Х-101" matches only "Х-101"). Matching walks the tokens with dictionary look-ups (no giant
regex alternation), so its cost grows with the text, not with the size of the lexicon.
``Matcher.find(text)`` returns every non-overlapping longest match, left to right, with the
payload of its entry.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter, not_
from typing import Any, Generic, NamedTuple, TypeVar

from . import langdata

T = TypeVar("T")

LANGS = ("en", "uk", "ru")


_TOKEN = re.compile(r"\w+|[^\w\s]")
_TOKEN_SPLIT = re.compile(r"(\w+|[^\w\s])")  # the same tokens, kept by ``split``
_FORM_TOKEN = re.compile(r"[\w*]+|[^\w\s*]")


class Hit(NamedTuple, Generic[T]):
    """One match: ``text[start:end]`` with the payload of its entry (a tuple: cheap to make)."""

    start: int
    end: int
    value: T


# ``Hit((start, end, value))`` without the Python-level ``__new__`` of a NamedTuple (hot loops)
_new_hit = functools.partial(tuple.__new__, Hit)


@dataclass(frozen=True, slots=True)
class _FormTok:
    text: str
    stem: bool
    glued: bool  # no space before it in the form


def _form_tokens(form: str) -> tuple[_FormTok, ...]:
    out = []
    prev_end = None
    for m in _FORM_TOKEN.finditer(form.lower()):
        t = m.group()
        glued = prev_end is not None and m.start() == prev_end
        prev_end = m.end()
        stem = t.endswith("*") and len(t) > 1
        out.append(_FormTok(t.rstrip("*") if stem else t, stem, glued))
    return tuple(out)


class Tokens:
    """The tokens of a text (runs of word characters, single punctuation marks)."""

    __slots__ = ("ends", "lows", "starts")

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) == len(text):
            # Lower-casing kept every character one character, and it never changes whether a
            # character is a word character or a space (checked over all of Unicode), so the
            # tokens of ``low`` are those of ``text``: split it once (tokens between runs of
            # spaces) and add up the lengths for the offsets — no match object per token.
            parts = _TOKEN_SPLIT.split(low)
            offsets = list(accumulate(map(len, parts)))
            self.starts: list[int] = offsets[0::2][:-1]
            self.ends: list[int] = offsets[1::2]
            self.lows: list[str] = parts[1::2]
            return
        spans = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = list(map(itemgetter(0), spans))
        self.ends = list(map(itemgetter(1), spans))
        self.lows = [low[s:e] for s, e in spans]


class Matcher(Generic[T]):
    """Longest-match search for many phrases at once, each with a payload, over tokens."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[tuple[_FormTok, ...], T]]] = {}
        self._stems: dict[str, list[tuple[tuple[_FormTok, ...], T]]] = {}
        lens: set[int] = set()
        for form, value in entries:
            toks = _form_tokens(form)
            if not toks:
                continue
            first = toks[0]
            if first.stem:
                self._stems.setdefault(first.text, []).append((toks, value))
                lens.add(len(first.text))
            else:
                self._exact.setdefault(first.text, []).append((toks, value))
        self._stem_lens = sorted(lens)

    def _match_len(self, toks: tuple[_FormTok, ...], tk: Tokens, i: int) -> int:
        lows, starts, ends = tk.lows, tk.starts, tk.ends
        n = len(lows)
        for j, ft in enumerate(toks):
            t = i + j
            if t >= n:
                return -1
            if j:
                adjacent = starts[t] == ends[t - 1]
                if adjacent != ft.glued:
                    return -1
            low = lows[t]
            if ft.stem:
                if not low.startswith(ft.text):
                    return -1
            elif low != ft.text:
                return -1
        return len(toks)

    def longest_at(self, tk: Tokens, i: int) -> tuple[int, T] | None:
        low = tk.lows[i]
        best: tuple[int, T] | None = None
        cands = self._exact.get(low)
        if cands:
            for toks, value in cands:
                k = self._match_len(toks, tk, i)
                if k > 0 and (best is None or tk.ends[i + k - 1] > tk.ends[i + best[0] - 1]):
                    best = (k, value)
        for L in self._stem_lens:
            if len(low) < L:
                break
            cands = self._stems.get(low[:L])
            if cands:
                for toks, value in cands:
                    k = self._match_len(toks, tk, i)
                    if k > 0 and (best is None or tk.ends[i + k - 1] > tk.ends[i + best[0] - 1]):
                        best = (k, value)
        return best

    def find_tokens(self, tk: Tokens, lo: int = 0, hi: int | None = None) -> list[Hit[T]]:
        out: list[Hit[T]] = []
        i = lo
        hi = len(tk.lows) if hi is None else hi
        while i < hi:
            got = self.longest_at(tk, i)
            if got is None:
                i += 1
                continue
            k, value = got
            out.append(Hit(tk.starts[i], tk.ends[i + k - 1], value))
            i += k
        return out

    def find(self, text: str) -> list[Hit[T]]:
        return self.find_tokens(Tokens(text))


class MultiMatcher:
    """Several matchers scanned in one pass over the tokens: for each name, the non-overlapping
    longest matches, left to right (as ``Matcher.find_tokens`` would give)."""

    def __init__(self, named: dict[str, Iterable[tuple[str, Any]]]) -> None:
        self.names = list(named)
        self._m: Matcher[tuple[str, Any]] = Matcher(
            (form, (name, value)) for name, entries in named.items() for form, value in entries
        )
        # token -> the forms that may start with it (memoised: words repeat across documents)
        self._memo: dict[str, tuple[Any, ...]] = {}
        # the memoised tokens that start no form at all (most words): ``scan`` skips them
        self._idle: set[str] = set()

    def _candidates(self, low: str) -> tuple[tuple[Any, ...], Any]:
        """(single-token matches as (name, value), multi-token forms as (tokens, (name, value),
        their words or None when a word is a stem))."""
        got = self._memo.get(low)
        if got is not None:
            return got
        m = self._m
        cands = list(m._exact.get(low, ()))
        for L in m._stem_lens:
            if len(low) < L:
                break
            more = m._stems.get(low[:L])
            if more:
                cands.extend(more)
        singles = tuple(payload for toks, payload in cands if len(toks) == 1)
        # multi-token forms indexed by their second token (exact), the rest kept apart
        by_second: dict[str, list[Any]] = {}
        loose: list[Any] = []
        for toks, payload in cands:
            if len(toks) > 1:
                # the words of a form without stems: a slice comparison rejects most at once
                words = None if any(ft.stem for ft in toks) else [ft.text for ft in toks]
                if toks[1].stem:
                    loose.append((toks, payload, words))
                else:
                    by_second.setdefault(toks[1].text, []).append((toks, payload, words))
        multis = (by_second, tuple(loose)) if (by_second or loose) else None
        if len(self._memo) > 200_000:
            self._memo.clear()
            self._idle.clear()
        res = (singles, multis)
        self._memo[low] = res
        if not singles and multis is None:
            self._idle.add(low)
        return res

    def scan(self, tk: Tokens, lo: int = 0, hi: int | None = None) -> dict[str, list[Hit[Any]]]:
        m = self._m
        lows = tk.lows
        n = len(lows)
        hi = n if hi is None else hi
        out: dict[str, list[Hit[Any]]] = {name: [] for name in self.names}
        free: dict[str, int] = {}
        free_get = free.get
        ends = tk.ends
        starts = tk.starts
        memo_get = self._memo.get
        idle = self._idle
        new_hit = _new_hit
        # a token that starts no form changes nothing below: only the others are visited
        for i in compress(range(lo, hi), map(not_, map(idle.__contains__, lows[lo:hi]))):
            low = lows[i]
            got = memo_get(low)  # ``_candidates`` without a call for the words seen before
            singles, multis = got if got is not None else self._candidates(low)
            if multis:
                by_second, loose = multis
                nxt = by_second.get(lows[i + 1], ()) if i + 1 < n else ()
            if not multis or not (nxt or loose):  # no form of more than one token can match
                for name, value in singles:
                    if free_get(name, 0) <= i:
                        out[name].append(new_hit((starts[i], ends[i], value)))
                        free[name] = i + 1
                continue
            best: dict[str, tuple[int, Any]] = {}
            for name, value in singles:
                if free_get(name, 0) <= i and name not in best:
                    best[name] = (1, value)
            for toks, (name, value), words in (*nxt, *loose):
                if free_get(name, 0) > i:
                    continue
                if words is not None and lows[i : i + len(words)] != words:
                    continue  # a word differs: ``_match_len`` would say -1
                k = m._match_len(toks, tk, i)
                if k <= 0:
                    continue
                cur = best.get(name)
                if cur is None or k > cur[0]:
                    best[name] = (k, value)
            for name, (k, value) in best.items():
                out[name].append(new_hit((starts[i], ends[i + k - 1], value)))
                free[name] = i + k
        return out


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    category: str
    model: str | None
    kind: str  # head | model | decoy | attr | any
    attacker: str | None = None  # "UA" for weapons only Ukraine uses (HIMARS, Neptune, JDAM)


@dataclass(frozen=True, slots=True)
class Cue:
    measure: str
    side: str  # both | before | after
    weak: bool


@dataclass(frozen=True, slots=True)
class ClaimantEntry:
    name: str
    kind: str


def _phrases(data: dict[str, Any], key: str) -> list[str]:
    return [str(x) for x in data.get(key) or []]


def _flag_matcher(forms: Iterable[str]) -> Matcher[bool]:
    return Matcher((f, True) for f in forms)


@dataclass
class Lexicon:
    lang: str
    weapons: Matcher[WeaponEntry]
    modifiers: Matcher[bool]
    blockers: Matcher[bool]
    attacker_ua: Matcher[bool]
    cues: Matcher[Cue]
    locations: Matcher[bool]
    location_cues: Matcher[str]  # "debris" | "hit"
    another: Matcher[bool]
    more_after: Matcher[bool]
    qualifiers: Matcher[str]
    qualifier_not_after: Matcher[bool]
    claimants: Matcher[ClaimantEntry]
    anaphora: Matcher[bool]
    parts: Matcher[bool]
    of_total: Matcher[bool]
    over: Matcher[bool]
    coordinators: Matcher[bool]
    breakers: Matcher[bool]
    periods: Matcher[bool]
    regions: Matcher[str]
    russia_area: Matcher[bool]
    articles: Matcher[bool]
    both: Matcher[bool]
    determiners: Matcher[bool]
    copulas: Matcher[bool]
    multi: MultiMatcher
    claimant_multi: MultiMatcher


@functools.lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicons of a language (cached)."""
    w = langdata.load(lang, "weapons")
    m = langdata.load(lang, "measures")
    q = langdata.load(lang, "qualifiers")
    c = langdata.load(lang, "claimants")
    a = langdata.load(lang, "attack")
    weapon_pairs = [
        (
            form,
            WeaponEntry(
                e["category"],
                e.get("model"),
                e.get("kind", "model" if e.get("model") else "head"),
                e.get("attacker"),
            ),
        )
        for e in w["weapons"]
        for form in e["forms"]
    ]
    cue_pairs = [
        (form, Cue(e["measure"], e.get("side", "both"), bool(e.get("weak", False))))
        for e in m["cues"]
        for form in e["forms"]
    ]
    loc_pairs = [(f, "debris") for f in _phrases(m, "location_debris")] + [
        (f, "hit") for f in _phrases(m, "location_hit")
    ]
    qual_pairs = [(form, qual) for qual, forms in q["qualifiers"].items() for form in forms]
    claim_pairs = [
        (form, ClaimantEntry(e["name"], e["kind"])) for e in c["claimants"] for form in e["forms"]
    ]
    region_pairs = [(form, e["code"]) for e in a["regions"] for form in e["forms"]]
    flags = {
        "modifiers": _phrases(w, "modifiers"),
        "blockers": _phrases(w, "compound_blockers"),
        "attacker_ua": _phrases(w, "attacker_ua"),
        "locations": _phrases(m, "locations"),
        "another": _phrases(m, "another"),
        "more_after": _phrases(m, "more_after"),
        "qualifier_not_after": _phrases(q, "not_after"),
        **{
            k: _phrases(a, k)
            for k in (
                "anaphora",
                "parts",
                "of_total",
                "over",
                "coordinators",
                "breakers",
                "people",
                "periods",
                "russia_area",
                "articles",
                "both",
                "determiners",
                "copulas",
                "non_attack",
                "launch_from",
                "target",
                "span_leads",
                "respectively",
                "singular",
                "all_of_them",
                "averages",
                "compared",
                "alternatives",
                "contrasts",
                "range_from",
            )
        },
    }
    named: dict[str, Iterable[tuple[str, Any]]] = {
        "weapons": weapon_pairs,
        "cues": cue_pairs,
        "location_cues": loc_pairs,
        "qualifiers": qual_pairs,
        "claimants": claim_pairs,
        "regions": region_pairs,
        **{k: [(f, True) for f in v] for k, v in flags.items()},
    }
    return Lexicon(
        lang=lang,
        weapons=Matcher(weapon_pairs),
        modifiers=_flag_matcher(_phrases(w, "modifiers")),
        blockers=_flag_matcher(_phrases(w, "compound_blockers")),
        attacker_ua=_flag_matcher(_phrases(w, "attacker_ua")),
        cues=Matcher(cue_pairs),
        locations=_flag_matcher(_phrases(m, "locations")),
        location_cues=Matcher(loc_pairs),
        another=_flag_matcher(_phrases(m, "another")),
        more_after=_flag_matcher(_phrases(m, "more_after")),
        qualifiers=Matcher(qual_pairs),
        qualifier_not_after=_flag_matcher(_phrases(q, "not_after")),
        claimants=Matcher(claim_pairs),
        anaphora=_flag_matcher(_phrases(a, "anaphora")),
        parts=_flag_matcher(_phrases(a, "parts")),
        of_total=_flag_matcher(_phrases(a, "of_total")),
        over=_flag_matcher(_phrases(a, "over")),
        coordinators=_flag_matcher(_phrases(a, "coordinators")),
        breakers=_flag_matcher(_phrases(a, "breakers")),
        periods=_flag_matcher(_phrases(a, "periods")),
        regions=Matcher(region_pairs),
        russia_area=_flag_matcher(_phrases(a, "russia_area")),
        articles=_flag_matcher(_phrases(a, "articles")),
        both=_flag_matcher(_phrases(a, "both")),
        determiners=_flag_matcher(_phrases(a, "determiners")),
        copulas=_flag_matcher(_phrases(a, "copulas")),
        multi=MultiMatcher(named),
        claimant_multi=MultiMatcher({"claimants": claim_pairs}),
    )
