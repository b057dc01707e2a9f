"""One document's lexicon hits and the weapon-phrase walker of the figures component.

``Scan`` runs every figure matcher over the text once (``MultiMatcher``) and indexes the hits by
start and end offset, so the rules in ``figures`` ask cheap questions: "is there a cue ending
here?", "does a weapon noun start here?". ``walk_phrase`` reads the weapon phrase after a
number: up to two unknown words ("22 зенітні керовані ракети"), then weapon nouns, modifiers
and coordinated types ("Kh-101, Kh-555, Kalibr and Kh-22 cruise missiles", "БпЛА типу Shahed
та імітаторів"), stopping at the next number ("595 drones and 48 missiles" are two phrases).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from .figures_lexicon import Cue, Hit, Lexicon, Tokens, WeaponEntry

QUOTES = "«»\"“”„'"
_DASHES = "–—-"
_SKIP = " " + QUOTES
_HARD = ".;:!?\n"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A weapon phrase: what it names and where it ends."""

    start: int
    end: int
    category: str
    model: str | None
    models: tuple[str, ...]
    ua: bool


class _Index(dict[str, dict[int, Hit[Any]]]):
    """name -> {start (or end) offset: hit}, each made on first use."""

    def __init__(self, hits: dict[str, list[Hit[Any]]], by_start: bool) -> None:
        super().__init__()
        self.hits = hits
        self.by_start = by_start

    def __missing__(self, name: str) -> dict[int, Hit[Any]]:
        hs = self.hits[name]
        d = self[name] = {h.start: h for h in hs} if self.by_start else {h.end: h for h in hs}
        return d


class Scan:
    """Lexicon hits of one text, indexed by start and by end offset."""

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        number_starts: set[int],
        spans: list[tuple[int, int]] | None = None,
        tokens: Tokens | None = None,
    ) -> None:
        """``spans``: the character ranges to scan (sorted, disjoint; default the whole text) —
        the sentences with numbers and the ones before them. Claimants are found everywhere.
        ``tokens``: ``Tokens(text)`` when the caller has made them."""
        self.text = text
        self.lex = lex
        self.tokens = tk = tokens if tokens is not None else Tokens(text)
        if spans is None:
            self.hits: dict[str, list[Hit[Any]]] = lex.multi.scan(tk)
        else:
            self.hits = {name: [] for name in lex.multi.names}
            for lo, hi in spans:
                got = lex.multi.scan(tk, bisect_left(tk.starts, lo), bisect_left(tk.starts, hi))
                for name, hs in got.items():
                    if hs:
                        self.hits[name].extend(hs)
            self.hits["claimants"] = lex.claimant_multi.scan(tk)["claimants"]
        # "drone-only", "drone-and-missile": a generic noun glued to another word is an adjective
        self.hits["weapons"] = [
            h
            for h in self.hits["weapons"]
            if h.value.kind not in ("head", "any")
            or not (text[h.end : h.end + 1] == "-" and text[h.end + 1 : h.end + 2].isalpha())
        ]
        self.hits["cues"] = _join_alternatives(text, self.hits)
        self._by_start = _Index(self.hits, True)
        self._by_end = _Index(self.hits, False)
        self._starts: dict[str, list[int]] = {}
        self.number_starts = number_starts
        self._sorted_numbers: list[int] | None = None
        self._quiet_index: tuple[list[int], list[int]] | None = None
        # "Moscow's 9 missiles", "Moscow’s drones": the state that owns them, not a region
        if any(text[h.end : h.end + 2] in ("'s", "’s") for h in self.hits["regions"]):
            w_starts = {h.start for h in self.hits["weapons"]}
            self.hits["regions"] = [
                h
                for h in self.hits["regions"]
                if text[h.end : h.end + 2] not in ("'s", "’s")
                or not (
                    text[h.end + 3 : h.end + 4].isdigit()
                    or h.end + 3 in number_starts
                    or h.end + 3 in w_starts
                )
            ]

    def local(self, lo: int, hi: int) -> dict[str, list[Hit[Any]]]:
        """Hits inside ``[lo, hi)`` of a range that was not scanned (a sentence with no number)."""
        tk = self.tokens
        return self.lex.multi.scan(tk, bisect_left(tk.starts, lo), bisect_left(tk.starts, hi))

    def at(self, name: str, pos: int) -> Hit[Any] | None:
        return self._by_start[name].get(pos)

    def ending(self, name: str, pos: int) -> Hit[Any] | None:
        return self._by_end[name].get(pos)

    def skip(self, pos: int, limit: int) -> int:
        text = self.text
        while pos < limit and text[pos] in _SKIP:
            pos += 1
        return pos

    def skip_back(self, pos: int, floor: int = 0) -> int:
        text = self.text
        while pos > floor and text[pos - 1] in _SKIP:
            pos -= 1
        return pos

    def word_end(self, pos: int) -> int:
        """End of the token starting at ``pos`` (a word with its hyphenated parts), or pos."""
        text = self.text
        i = pos
        n = len(text)
        while i < n and (text[i].isalnum() or text[i] == "_"):
            i += 1
            if i < n - 1 and text[i] == "-" and text[i + 1].isalnum():
                i += 1
        return i

    def is_number_at(self, pos: int) -> bool:
        return pos in self.number_starts or (pos < len(self.text) and self.text[pos].isdigit())

    def quiet(self, lo: int, hi: int) -> bool:
        """Whether no hit of any matcher touches ``[lo, hi]`` (ends included: a hit that ends at
        ``lo`` or starts at ``hi`` counts). Index made once: hit starts with a running max of
        their ends."""
        index = self._quiet_index
        if index is None:
            spans = sorted((h.start, h.end) for hs in self.hits.values() for h in hs)
            ends: list[int] = []
            top = -1
            for _s, e in spans:
                top = max(top, e)
                ends.append(top)
            index = self._quiet_index = ([s for s, _e in spans], ends)
        starts, max_ends = index
        k = bisect_right(starts, hi)  # the hits that start at or before ``hi``
        return k == 0 or max_ends[k - 1] < lo

    def sorted_number_starts(self) -> list[int]:
        """``number_starts`` sorted (made once: for range questions by binary search)."""
        got = self._sorted_numbers
        if got is None:
            got = self._sorted_numbers = sorted(self.number_starts)
        return got

    def in_range(self, name: str, lo: int, hi: int) -> list[Hit[Any]]:
        """Hits of ``name`` inside ``[lo, hi)`` (binary search: hits are sorted by start)."""
        hits = self.hits[name]
        if not hits:
            return []
        starts = self._starts.get(name)
        if starts is None:
            starts = self._starts[name] = [h.start for h in hits]
        out = []
        for k in range(bisect_left(starts, lo), len(hits)):
            h = hits[k]
            if h.start >= hi:
                break
            if h.end <= hi:
                out.append(h)
        return out


_DOWN_OR_JAMMED = frozenset({"shot_down", "suppressed"})


def _join_alternatives(text: str, hits: dict[str, list[Hit[Any]]]) -> list[Hit[Any]]:
    """ "збила/подавила", "сбиты или подавлены", "знищили або подавили": a shot-down verb and
    a suppressed verb joined by "/", "or" or "and" (any gender, number or tense) are one cue,
    neutralized."""
    cues = hits["cues"]
    if len(cues) < 2:
        return cues
    joins = {(h.start, h.end) for h in hits.get("alternatives", ())} | {
        (h.start, h.end) for h in hits.get("coordinators", ()) if text[h.start : h.end].isalpha()
    }
    out: list[Hit[Any]] = []
    k = 0
    while k < len(cues):
        a = cues[k]
        b = cues[k + 1] if k + 1 < len(cues) else None
        if (
            b is not None
            and {a.value.measure, b.value.measure} == _DOWN_OR_JAMMED
            and not a.value.weak
            and not b.value.weak
        ):
            gap = text[a.end : b.start]
            lo = a.end + len(gap) - len(gap.lstrip())
            hi = b.start - (len(gap) - len(gap.rstrip()))
            if gap.strip() == "/" or (lo, hi) in joins:
                out.append(Hit(a.start, b.end, Cue("neutralized", "both", False)))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _glue(scan: Scan, pos: int, limit: int) -> int:
    """Consume what is glued to a weapon name: "-type", "-136/131", "s"."""
    text = scan.text
    while pos < limit and text[pos] in "-/" and pos + 1 < limit and text[pos + 1].isalnum():
        if scan.at("weapons", pos + 1) is not None:
            break
        pos = scan.word_end(pos + 1)
    return pos


def walk_phrase(scan: Scan, pos: int, limit: int, *, max_unknown: int = 2) -> Phrase | None:
    """The weapon phrase starting at or shortly after ``pos`` (see the module docstring)."""
    text = scan.text
    # ``scan.at(name, ·)`` and ``scan.skip`` inlined: this loop asks ~27 questions per number
    by_start = scan._by_start
    weapons = by_start["weapons"].get
    modifiers = by_start["modifiers"].get
    blockers = by_start["blockers"].get
    numbers = scan.number_starts
    n = len(text)
    seen: list[Hit[WeaponEntry]] = []
    unknown = 0
    coordinated = False
    last_end = pos
    p = pos
    while True:
        q = p
        while q < limit and text[q] in _SKIP:
            q += 1
        if q >= limit:
            break
        h = weapons(q)
        if h is not None:
            r = scan.skip(h.end, limit)
            if blockers(r) is not None and weapons(r) is None:
                break
            seen.append(h)
            p = last_end = _glue(scan, h.end, limit)
            continue
        if q in numbers or (q < n and text[q].isdigit()):
            break
        m = modifiers(q)
        if m is not None:
            p = m.end
            if seen:
                last_end = p
            continue
        if not seen:
            if by_start["breakers"].get(q) is not None or not text[q].isalnum():
                return None
            if by_start["cues"].get(q) is not None:
                return None  # "8 reached their targets": a verb, not part of a weapon phrase
            if unknown >= max_unknown:
                return None
            unknown += 1
            p = scan.word_end(q)
            if p == q:
                return None
            continue
        c = scan.at("coordinators", q)
        if c is not None or text[q] == "/":
            r = scan.skip(c.end if c is not None else q + 1, limit)
            if scan.is_number_at(r) or scan.at("articles", r) is not None:
                break
            t = r
            if scan.at("singular", t) is not None and any(h.value.kind == "model" for h in seen):
                break  # "2 ракеты ATACMS, ракета «Нептун-Д»": a singular item of its own
            while (mo := modifiers(t)) is not None:
                t = scan.skip(mo.end, limit)
            if weapons(t) is not None:
                coordinated = True
                p = t
                continue
            break
        if text[q] == "(":
            close = text.find(")", q, limit)
            if close < 0 or _has_count(scan, q, close):
                break
            inside = scan.in_range("weapons", q + 1, close)
            if not inside:
                break
            seen.extend(inside)
            p = last_end = close + 1
            continue
        # "крилаті ракети большой дальности «Нептун-Д»": a type named a few words later
        r = q
        found = False
        for _ in range(3):
            if (
                by_start["breakers"].get(r) is not None
                or not text[r : r + 1].isalnum()
                or scan.is_number_at(r)
            ):
                break
            r = scan.skip(scan.word_end(r), limit)
            w = weapons(r)
            if w is not None and w.value.kind == "model":
                found = True
                break
        if found:
            p = r
            continue
        break
    if not seen:
        return None
    for h in seen:
        if h.value.category == "none":
            return None
    return make_phrase(seen, pos, last_end, coordinated, scan)


def _has_count(scan: Scan, lo: int, hi: int) -> bool:
    starts = scan.sorted_number_starts()
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def make_phrase(
    seen: list[Hit[WeaponEntry]], start: int, end: int, coordinated: bool, scan: Scan
) -> Phrase:
    # one pass over the hits (a phrase is made for most numbers)
    cats: list[str] = []
    models: list[str] = []
    primary: str | None = None  # the first model named by a "model" or "attr" hit
    has_any = heads = ua = False
    for h in seen:
        v = h.value
        cat, kind, mdl = v.category, v.kind, v.model
        if cat != "any" and cat not in cats:
            cats.append(cat)
        if kind == "any":
            has_any = True
        elif kind == "head":
            heads = True
        if mdl and kind in ("model", "attr", "decoy"):
            if mdl not in models:
                models.append(mdl)
            if primary is None and kind != "decoy":
                primary = mdl
        if v.attacker == "UA":
            ua = True
    category = cats[0] if len(cats) == 1 and not has_any else "any"
    model: str | None
    if category == "any":
        model, models = None, []
    elif primary is not None:
        model = primary
    elif models and not (heads and coordinated):
        model = models[0]
    else:
        model = None
        models = []
    ua = ua or bool(scan.in_range("attacker_ua", start, end))
    return Phrase(start, end, category, model, tuple(models), ua)
