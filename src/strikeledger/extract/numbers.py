"""Cardinal numbers in text, written in digits or words, in English, Ukrainian and Russian.

``find_numbers(text, lang)`` returns every cardinal number with its offsets. It never returns
the parts of clock times ("18:00", "18.00"), of dates written with dots or dashes
("04.07.2025", "2025-07-04"), of weapon and aircraft designations ("Х-101", "Ту-95МС",
"Shahed-136", "KN-23") or of ordinals ("1st", "3-й", "третій", "twenty-third"). It marks, but
still returns, what a consumer must judge for itself:

- ``age``: "12-year-old", "aged 72", "70-річна", "5-летний" (casualty code may want them,
  figure code skips them);
- ``percent``: "40%", "40 per cent", "40 відсотків";
- ``year``: a 19xx/20xx number next to a month or a year word ("2025 року", "July 4, 2025",
  "in 2023,");
- ``date``: a day of the month next to a month name ("4 липня", "July 4");
- ``in_range``: each end of a range "10-12", "два-три" (both ends are returned; a consumer
  usually takes the pair as one approximate quantity);
- ``compound``: a number glued to a word ("9-поверховий", "10-storey", "100km").

``Number.is_count`` is true when none of these marks is set: the number is a plain count.

Words: every case and gender of the Ukrainian and Russian numerals, English words with
"and"/hyphens, multiword numerals combined ("сто двадцять п'ять", "one hundred and five",
"дві тисячі триста"), scales after digits ("2,5 тис.", "1.5 million" = 2500, 1500000). Nouns of
approximate quantity give ``approx=True``: "a dozen" = 12, "десяток" = 10, "два десятки" = 20,
"півсотні" = 50, "близько сотні" = 100. Vague plurals ("hundreds", "dozens", "десятки", "сотні",
"тисячі" without a numeral) are not numbers. "півтора"/"полтора" alone (1.5) is not an integer
and is not returned; "півтори тисячі" = 1500.

Digits: "1,000", "1 000", "1.000" (thousands separators need groups of exactly three digits),
"2,5"/"2.5" are decimals (returned only when a scale word makes them whole).

The word lists live in ``lang/<lang>/numbers.yaml`` (loaded once, read into a lexicon by
``numbers_lexicon``); this module is the mechanism.

Additions to the interface of common.md: the marks above as fields of ``Number`` with
``Number.is_count``, and ``is_number_word(word, lang)`` ("двох", "Eleven" -> True).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from .numbers_lexicon import (
    _APPROX,
    _ARTICLE,
    _CONJ,
    _FRACTION,
    _HUNDRED,
    _HUNDREDS,
    _SCALE,
    _TEEN,
    _TENS,
    _UNIT,
    _WORD,
    LANGS,
    lang_data,
)
from .numbers_lexicon import Entry as _Entry
from .numbers_lexicon import Lexicon as _Lexicon
from .numbers_lexicon import lexicon as _lexicon
from .numbers_lexicon import word_class as _word_class

__all__ = ["LANGS", "Number", "find_numbers", "is_number_word", "lang_data"]


@dataclass(frozen=True, slots=True)
class Number:
    """One number in a text: ``text[start:end]`` is its evidence."""

    start: int
    end: int
    value: int
    approx: bool = False
    words: bool = False
    ordinal: bool = False
    age: bool = False
    percent: bool = False
    year: bool = False
    date: bool = False
    in_range: bool = False
    compound: bool = False

    @property
    def is_count(self) -> bool:
        """A plain count: not an ordinal, age, percentage, year, day of month or compound."""
        return not (
            self.ordinal or self.age or self.percent or self.year or self.date or self.compound
        )


# --- digits ------------------------------------------------------------------------------------

# Every alternative starts with one digit outside the group, so that the regex engine can skip
# to the next digit instead of trying each alternative at every position of the text.
_DIGITS = re.compile(
    r"\d(?<!\d\d)(?:"
    r"(?P<iso>\d{3}-\d{2}-\d{2})"
    r"|(?P<dotdate>\d?[./]\d{1,2}[./]\d{2,4}(?!\d))"
    r"|(?P<clock>\d?[:.]\d{2}(?![\d]|[.,:]\d))"
    r"|(?P<group>\d{0,2}(?P<sep>[,. \u00a0\u202f])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d))*)"
    r"|(?P<plain>\d*(?:[.,]\d+)?)"
    r")"
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_LETTER_BEFORE = re.compile(r"[^\W\d_]-?$")
_SUFFIX = re.compile(r"([-–]?)([^\W\d_]+(?:-[^\W\d_]+)*)")
_AMPM = re.compile(r" [ap]\.?m\b")
_NUMBER_SIGN = re.compile(r"(?:№|#|\bNo\.|\bNr\.)\s?$")
_RANGE_DASH = "-–—"
_NO_SUFFIX = frozenset(" \n\t,.;:!?)]}\"'»”/%+\u00a0")  # characters no ``_SUFFIX`` starts with


def _next_word(text: str, pos: int, gap: str = " ") -> re.Match[str] | None:
    """The word right after ``pos`` when the text between is exactly one of ``gap``'s chars."""
    if pos < len(text) and text[pos] in gap:
        pos += 1
    elif gap:
        return None
    return _WORD_RE.match(text, pos)


def _dot_before(text: str, pos: int) -> bool:
    """A full stop right before ``pos`` (skipping one space), as ``_prev_word`` skips it."""
    j = pos - 1 if pos > 0 and text[pos - 1] == " " else pos
    return j > 0 and text[j - 1] == "."


def _prev_word(text: str, pos: int) -> str:
    """The lower-cased word that ends right before ``pos`` (skipping one space)."""
    j = pos
    if j > 0 and text[j - 1] == " ":
        j -= 1
    if j > 0 and text[j - 1] in ".,":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "'"):
        i -= 1
    return text[i:j].lower()


def _scale_after(text: str, pos: int, lex: _Lexicon) -> tuple[float, int, bool] | None:
    """A scale ("тис.", "thousand") or approx noun right after a number: (factor, end, approx)."""
    m = _next_word(text, pos)
    if not m:
        return None
    e = lex.entries.get(m.group(0).lower())
    if not e or e.kind not in (_SCALE, _APPROX):
        return None
    end = m.end()
    if end < len(text) and text[end] == "." and (m.group(0).lower() + ".") in lex.entries:
        end += 1
    return e.value, end, e.kind == _APPROX


def _digit_value(m: re.Match[str]) -> float | None:
    s = m.group(0)
    if m.lastgroup == "group":
        return float(re.sub(r"\D", "", s))
    if "," in s or "." in s:
        return float(s.replace(",", "."))
    return float(s)


# id(lexicon) -> (the lexicon, first letters of its scale and approx words): a word after a
# number that begins with none of them is no scale (``_scale_after`` is not asked)
_SCALE_FIRST: dict[int, tuple[_Lexicon, frozenset[str]]] = {}


def _find_digits(text: str, lex: _Lexicon, out: list[Number]) -> None:
    got = _SCALE_FIRST.get(id(lex))
    if got is None or got[0] is not lex:
        firsts = frozenset(w[:1] for w, e in lex.entries.items() if e.kind in (_SCALE, _APPROX))
        got = _SCALE_FIRST[id(lex)] = (lex, firsts)
    scale_first = got[1]
    for m in _DIGITS.finditer(text):
        kind = m.lastgroup
        if kind in ("iso", "dotdate"):
            continue
        start, end = m.span()
        # the regexes below only when the character they need is there (most numbers have a
        # space before them): a letter, "-" or "\n" right before; "№", "#" or "." shortly before
        c1 = text[start - 1] if start else " "
        if (c1.isalnum() or c1 == "-" or c1 == "\n") and _LETTER_BEFORE.search(
            text[max(0, start - 2) : start]
        ):
            continue  # "Х-101", "Ту-95", "KN-23", "M2"
        window = text[max(0, start - 5) : start]
        if ("." in window or "#" in window or "№" in window) and _NUMBER_SIGN.search(
            text, max(0, start - 5), start
        ):
            continue  # "№3", "No. 5", "#2": a label, not a count
        # a scale word needs a space and a letter after the digits (``_next_word``), and one of
        # the letters scale words begin with
        worded = (
            text[end : end + 1] == " "
            and text[end + 1 : end + 2].isalnum()
            and text[end + 1].lower()[:1] in scale_first
        )
        if kind == "clock":
            # "18:00", "18.00" are times; "1.25 million" is a number
            sc = _scale_after(text, end, lex) if worded and "." in m.group(0) else None
            if sc is None:
                continue
            value: float | None = float(m.group(0)) * sc[0]
            end = sc[1]
            approx = sc[2]
        else:
            value = _digit_value(m)
            approx = False
            sc = _scale_after(text, end, lex) if worded else None
            if sc is not None and value is not None:
                value *= sc[0]
                end = sc[1]
                approx = sc[2]
        if value is None or not float(value).is_integer():
            continue
        if start > 0 and text[start - 1] in "/" and start > 1 and text[start - 2].isdigit():
            continue  # "1/3", "24/7"
        if end < len(text) and text[end] == "/" and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        num = _judge(text, start, end, int(value), approx, False, lex, digits=True)
        if num is not None:
            out.append(num)


# --- words -------------------------------------------------------------------------------------


class _Run:
    """A numeral being read word by word."""

    __slots__ = (
        "approx",
        "end",
        "group",
        "last",
        "last_scale",
        "meaningful",
        "pos",
        "start",
        "total",
    )

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.pos = start  # end of the last word read, a trailing "and" included
        self.total = 0.0
        self.group = 0.0
        self.last: tuple[int, int] | None = None  # (kind, class)
        self.last_scale = float("inf")
        self.approx = False
        self.meaningful = False  # something more than an article/fraction/conjunction

    def value(self) -> float:
        return self.total + self.group


def _can_continue(run: _Run, e: _Entry) -> bool:
    last = run.last
    if last is None:
        return False
    lkind, lclass = last
    if lkind == _APPROX:
        return False
    if e.kind == _WORD:
        c = _word_class(e.value)
        if lkind == _CONJ:
            return c != _HUNDREDS
        if lkind in (_SCALE, _HUNDRED):
            return True if lkind == _SCALE else c != _HUNDREDS
        if lkind != _WORD:
            return False
        if c == _UNIT:
            return lclass in (_TENS, _HUNDREDS)
        if c in (_TEEN, _TENS):
            return lclass == _HUNDREDS
        return False
    if e.kind == _HUNDRED:
        return lkind == _ARTICLE or (lkind == _WORD and lclass in (_UNIT, _TEEN))
    if e.kind == _SCALE:
        return e.value < run.last_scale and lkind in (_WORD, _HUNDRED, _ARTICLE, _FRACTION)
    if e.kind == _APPROX:
        return run.total == 0 and lkind in (_WORD, _ARTICLE, _FRACTION)
    if e.kind == _CONJ:
        return lkind in (_SCALE, _HUNDRED)
    if e.kind == _ARTICLE:
        return lkind == _FRACTION  # "half a dozen", "half a million"
    return False


def _add(run: _Run, e: _Entry, end: int) -> None:
    if e.kind == _WORD:
        run.group += e.value
        run.meaningful = True
        run.last = (_WORD, _word_class(e.value))
    elif e.kind == _HUNDRED:
        run.group = (run.group or 1.0) * 100
        run.meaningful = True
        run.last = (_HUNDRED, 0)
    elif e.kind == _SCALE:
        run.total += (run.group or 1.0) * e.value
        run.group = 0.0
        run.last_scale = e.value
        run.meaningful = True
        run.last = (_SCALE, 0)
    elif e.kind == _APPROX:
        run.group = (run.group or 1.0) * e.value
        run.approx = True
        run.meaningful = True
        run.last = (_APPROX, 0)
    elif e.kind == _ARTICLE:
        if run.last is not None and run.last[0] == _FRACTION:
            run.pos = end  # "half a": the article adds nothing to the fraction
            return
        run.group = 1.0
        run.last = (_ARTICLE, 0)
    elif e.kind == _FRACTION:
        run.group = e.value
        run.last = (_FRACTION, 0)
    elif e.kind == _CONJ:
        run.last = (_CONJ, 0)
        run.pos = end
        return  # a trailing "and" is not part of the number
    run.end = run.pos = end


def _starts(text: str, start: int, e: _Entry, lex: _Lexicon) -> bool:
    """Whether a word can begin a numeral on its own."""
    if e.kind in (_WORD, _ARTICLE, _FRACTION):
        return True
    if e.kind in (_SCALE, _APPROX):
        if e.alone:
            return True
        if e.ambiguous:
            return _prev_word(text, start) in lex.singular_after
    return False


def _word_hits(
    text: str, lex: _Lexicon, runs: Collection[str] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) of every lexicon word of the text, in order.

    A set intersection over the lower-cased words and ``str.find`` visit only the numeral words,
    not every word of the text. ``runs``: the runs of word characters (``\\w+``) of the
    lower-cased text, when the caller has cut it already (``figures_lexicon.Tokens``)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: read word by word
        return [
            (m.start(), m.end(), m.group(0).lower())
            for m in _WORD_RE.finditer(text)
            if m.group(0).lower() in lex.entries
        ]
    if runs is None:
        found = set(_WORD_RE.findall(low)).intersection(lex.entries)
    else:
        found = _words_in_runs(runs, lex)
    hits = [(m.start(), m.end(), w) for w in found for m in _whole_word(w).finditer(low)]
    hits.sort()
    return hits


_NOT_LETTERS = re.compile(r"[\d_]+")  # the word characters ``_WORD_RE`` does not take
# id(lexicon) -> (the lexicon, its words with an apostrophe, each with the letters around it)
_APOSTROPHE_WORDS: dict[int, tuple[_Lexicon, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def _words_in_runs(runs: Collection[str], lex: _Lexicon) -> set[str]:
    """The lexicon words that may be ``_WORD_RE`` words of a text, from its ``\\w+`` runs.

    More words than the text has are harmless: ``_whole_word`` finds a word only where it is a
    ``_WORD_RE`` word. A letter-only word of the text is a run, or a piece of a run between
    digits and "_" ("5km"); a word with apostrophes ("п'ять") has a run between each two."""
    letters = set(runs)
    for run in [r for r in letters if not r.isalpha()]:
        letters.update(_NOT_LETTERS.split(run))
    found = {w for w in letters.intersection(lex.entries) if _WORD_RE.fullmatch(w)}
    got = _APOSTROPHE_WORDS.get(id(lex))
    if got is None or got[0] is not lex:
        words = tuple(
            (w, tuple(w.split("'"))) for w in lex.entries if "'" in w and _WORD_RE.fullmatch(w)
        )
        got = _APOSTROPHE_WORDS[id(lex)] = (lex, words)
    for word, parts in got[1]:
        if letters.issuperset(parts):
            found.add(word)
    return found


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` as a whole token (not inside "місто" or "сім'я"); the literal comes first so that
    the regex engine searches for it directly."""
    w = re.escape(word)
    return re.compile(rf"{w}(?<![^\W\d_]{w})(?<![^\W\d_]'{w})(?![^\W\d_])(?!'[^\W\d_])")


def _find_words(
    text: str, lex: _Lexicon, out: list[Number], runs: Collection[str] | None = None
) -> None:
    entries = lex.entries
    gap_ok = (" ", "-") if lex.hyphen_joins else (" ",)
    run: _Run | None = None

    def finish(r: _Run | None) -> None:
        if r is None or not r.meaningful:
            return
        v = r.value()
        if v <= 0 or not float(v).is_integer():
            return
        num = _judge(text, r.start, r.end, int(v), r.approx, True, lex, digits=False)
        if num is not None:
            out.append(num)

    for start, end, low in _word_hits(text, lex, runs):
        e = entries[low]
        if e.kind in (_SCALE, _APPROX) and text[end : end + 1] == "." and low + "." in entries:
            end += 1
        if run is not None and text[run.pos : start] in gap_ok and _can_continue(run, e):
            _add(run, e, end)
            continue
        finish(run)
        run = None
        if e.kind != _CONJ and _starts(text, start, e, lex):
            run = _Run(start)
            if e.kind in (_SCALE, _APPROX):
                run.group = 1.0
                run.last = (_ARTICLE, 0)
            _add(run, e, end)
    finish(run)


# --- judging the context of a number -----------------------------------------------------------


def _judge(
    text: str,
    start: int,
    end: int,
    value: int,
    approx: bool,
    words: bool,
    lex: _Lexicon,
    *,
    digits: bool,
) -> Number | None:
    """Look around a number: ordinals are dropped, ages/percents/years/dates/ranges marked."""
    after = text[end : end + 24]
    low_after = after.lower()
    age = percent = year = date = in_range = compound = False
    # glued suffixes: "1st", "3-й", "5-ти", "12-річний", "10-storey", "100km"
    # (a suffix starts with a dash or a letter: not with the space or punctuation most have)
    m = _SUFFIX.match(after) if digits and after[:1] not in _NO_SUFFIX else None
    if m is not None and (m.group(1) or not after[:1].isspace()):
        hyphen, suffix = m.group(1), m.group(2).lower()
        if suffix in lex.ordinal_suffixes and (hyphen or lex.hyphen_joins):
            return None
        if hyphen and suffix in lex.cardinal_suffixes:
            end += len(m.group(0))
        elif suffix.startswith(lex.age_stems):
            age = True
        elif not hyphen and suffix.split("-")[0] in lex.ordinal_suffixes and lex.hyphen_joins:
            return None  # "2nd-largest", "3rd-biggest"
        else:
            compound = True
    if words:
        # "twenty-third", "двадцять третього"
        w = _WORD_RE.match(text, end + 1) if end < len(text) and text[end] in " -" else None
        if w is not None and w.group(0).lower() in lex.ordinal_words:
            return None
        if after.startswith("-") and lex.hyphen_joins:
            tail = _WORD_RE.match(text, end + 1)
            if tail and low_after[1:].startswith(lex.age_stems):
                age = True
            elif tail and tail.group(0).lower() not in lex.entries:
                compound = True
    # the word before matters for an age ("aged 5"), a year or a day of the month only
    if lex.age_before or 1 <= value <= 31 or (digits and 1900 <= value <= 2099):
        prev_low = _prev_word(text, start)
    else:
        prev_low = ""  # read nowhere below: "" is in no word set
    if not age and (low_after.startswith(lex.age_tails) or prev_low in lex.age_before):
        age = True
    prev_low = prev_low.rstrip(".")
    spaced = low_after[:1] == " "
    if after[:1] == "%" or after[:2] == " %":
        percent = True
    elif spaced and lex.percent_words:
        percent = low_after.startswith(lex.percent_words, 1)
    if digits and spaced:
        if lex.clock_after and low_after.startswith(lex.clock_after, 1):
            for c in lex.clock_after:
                if low_after[1:].startswith(c) and not low_after[1 + len(c) : 2 + len(c)].isalpha():
                    return None
        if after[1:2] in ("a", "p") and _AMPM.match(low_after):
            return None
    # (a word starts with a letter: ``isalnum`` is true for every character it can start with)
    nxt = _WORD_RE.match(text, end + 1) if spaced and after[1:2].isalnum() else None
    nxt_low = nxt.group(0).lower() if nxt else ""
    if digits and 1900 <= value <= 2099 and re.fullmatch(r"\d{4}", text[start:end]):
        bare = not (nxt and _WORD_RE.match(text, end + 1))
        year = (
            bool(nxt_low and (nxt_low in lex.year_after or nxt_low + "." in lex.year_after))
            or _month_before(text, start, lex)
            or (prev_low in lex.year_before and bare)
            or nxt_low in lex.months
            or prev_low in lex.months
        )
    if not year and 1 <= value <= 31 and (nxt_low in lex.months or prev_low in lex.months):
        date = (
            nxt_low in lex.months or prev_low in lex.months_dotted or not _dot_before(text, start)
        )
    # ranges "10-12", "два-три"
    if end < len(text) and text[end] in _RANGE_DASH and end + 1 < len(text):
        c = text[end + 1]
        if c.isdigit() or (words and c.isalpha() and _WORD_RE.match(text, end + 1)):
            nw = _WORD_RE.match(text, end + 1)
            if c.isdigit() or (nw and nw.group(0).lower() in lex.entries):
                in_range = True
    if start > 0 and text[start - 1] in _RANGE_DASH and start > 1:
        c = text[start - 2]
        if c.isdigit():
            in_range = True
        elif words and c.isalpha() and not lex.hyphen_joins:
            in_range = _prev_word(text, start - 1) in lex.entries
    if in_range and year is False and digits and 1900 <= value <= 2099:
        year = _year_range(text, start, end)
    # positional (the field order of ``Number``): cheaper than keywords, once per number
    return Number(
        start, end, value, approx, words, False, age, percent, year, date, in_range, compound
    )


def _month_before(text: str, start: int, lex: _Lexicon) -> bool:
    """ "July 4, 2025", "4 липня 2025", "липня 2025": a month name within the last two words."""
    window = text[max(0, start - 20) : start].lower()
    words = _WORD_RE.findall(window)
    return any(w in lex.months for w in words[-2:])


def _year_range(text: str, start: int, end: int) -> bool:
    m = re.search(r"(?:19|20)\d{2}[-–](?:19|20)\d{2}", text[max(0, start - 5) : end + 5])
    return m is not None


def is_number_word(word: str, lang: str) -> bool:
    """Whether a word is (a form of) a cardinal numeral: "двох", "Eleven", "тисяча"."""
    e = _lexicon(lang).entries.get(word.lower())
    return e is not None and e.kind in (_WORD, _SCALE, _APPROX) and (e.kind == _WORD or e.alone)


def find_numbers(text: str, lang: str, runs: Collection[str] | None = None) -> list[Number]:
    """Every cardinal number in ``text`` (digits and words), sorted by start offset.

    ``lang`` is "en", "uk" or "ru" (anything else reads English words). See the module
    docstring for what is returned, marked or left out. The last few results are cached, so
    components that read the same text pay once. ``runs``: the runs of word characters
    (``\\w+``) of ``text.lower()`` when the caller has them (they spare a pass over the text;
    the result is the same).
    """
    return list(_find_cached(text, lang, _Runs(runs)))


class _Runs:
    """The caller's ``runs``, kept out of the cache key: they change the speed, not the
    result, so any two compare equal."""

    __slots__ = ("runs",)

    def __init__(self, runs: Collection[str] | None) -> None:
        self.runs = runs

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Runs)


@lru_cache(maxsize=16)
def _find_cached(text: str, lang: str, runs: _Runs) -> tuple[Number, ...]:
    lex = _lexicon(lang)
    out: list[Number] = []
    _find_digits(text, lex, out)  # in text order, no two with the same start
    words: list[Number] = []
    _find_words(text, lex, words, runs.runs)
    if words:
        out.extend(words)
        out.sort(key=lambda n: (n.start, -n.end))
    # a word numeral inside a digit span ("2 тисячі" read as digits+scale) is dropped
    result: list[Number] = []
    last_end = -1
    for n in out:
        if n.start < last_end:
            continue
        result.append(n)
        last_end = n.end
    return tuple(result)
