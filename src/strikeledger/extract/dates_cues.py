"""Date and time cues of one language, compiled from ``lang/<lang>/dates.yaml``.

The YAML lists cue patterns by kind ("у ніч на {date}" is a ``night_date``, "за тиждень" a
``period``); this module expands the placeholders, joins every pattern of a language into one
regular expression (leftmost match wins; at one position the earlier kind wins) and reads the
parts of a match: times, dates (day, month, year), weekdays. ``dates.py`` decides what a cue
means for the figures around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .dates_dispatch import pattern_at
from .numbers import lang_data

# Kinds, in the order they are tried at one position. ``dates.py`` documents their meaning.
KINDS = (
    "ignore",
    "dateline",
    "speech",
    "window_range",
    "window_start",
    "window_end",
    "night_range",
    "night_date",
    "night_weekday",
    "night_after",
    "day24",
    "period",
    "day_date",
    "day_weekday",
    "night_rel",
    "day_rel",
)

_TIME_DIGITS = r"(?<!\d)(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\d]|\.\d)"
_TIME_EN = (
    r"(?:(?<!\d)(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\d]|\.\d)(?: ?[ap]\.?m\b\.?)?"
    r"|(?<!\d)(?:1[0-2]|0?[1-9]) ?[ap]\.?m\b\.?|midnight|noon)"
)
_DAY = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?![\d:])"
_YEAR = r"(?<!\d)(?:19|20)\d{2}(?!\d)"


@dataclass(frozen=True)
class Cue:
    """One matched cue: its kind, offsets, and the parts read from it."""

    kind: str
    start: int
    end: int
    text: str
    shift: int = 0
    tonight: bool = False


@dataclass(frozen=True)
class Parts:
    """What a cue says: times (hour, minute), dates (day, month, year|None), weekdays (0=Mon)."""

    times: tuple[tuple[int, int, int], ...]  # (hour, minute, offset in the cue text)
    dates: tuple[tuple[int, int, int | None, int], ...]  # (day, month, year, offset)
    weekdays: tuple[int, ...]
    last_year: bool


@dataclass(frozen=True)
class Cues:
    lang: str
    regex: re.Pattern[str]
    groups: dict[str, tuple[str, int, bool]]  # group name -> (kind, shift, tonight)
    months: dict[str, int]
    weekdays: dict[str, int]
    holidays: dict[str, tuple[int, int]]  # folded name -> (month, day)
    timezones: dict[str, str]
    last_year: tuple[str, ...]
    comparatives: tuple[str, ...]
    since_words: frozenset[str]
    time_re: re.Pattern[str]
    date_re: re.Pattern[str]
    weekday_re: re.Pattern[str]
    starters: frozenset[str]  # words a cue may begin with
    trigger_re: re.Pattern[str]  # the words one of which every cue contains (fallback)
    trigger_words: frozenset[str]
    trigger_stems: tuple[str, ...]
    branches: tuple[str, ...] = ()  # the alternatives joined in ``regex``, in order


def _alternation(forms: list[str]) -> str:
    """A regex matching any of ``forms``, factored as a trie ("лют(?:ий|ого|ому)") so that a
    failing attempt costs a few character tests instead of one per form."""
    trie: dict[str, Any] = {}
    for f in set(forms):
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(sub) for ch, sub in node.items() if ch != ""]
    if not branches:
        return ""
    # longer forms first: a regex alternation takes the first branch that matches
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _month_regex(forms: list[str], lang: str) -> str:
    # English "May" is a month only when capitalised ("may" is a verb).
    ci = [f for f in forms if not (lang == "en" and f == "may")]
    out = f"(?i:{_alternation(ci)})"
    if lang == "en" and "may" in forms:
        out = f"(?:{out}|(?-i:May|MAY))"
    return f"(?:{out})(?![^\\W\\d_])"


def _holiday_key(name: str) -> str:
    """A holiday's name as looked up: lower case, one apostrophe, single spaces."""
    return " ".join(name.lower().replace("’", "'").split())


def _month_day(value: str) -> tuple[int, int]:
    month, day = value.split("-")
    return int(month), int(day)


def _spaces(pattern: str) -> str:
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


@cache
def cues(lang: str) -> Cues:
    """The compiled cues of a language (English for anything but uk/ru)."""
    if lang not in ("en", "uk", "ru"):
        lang = "en"
    d: dict[str, Any] = lang_data(lang, "dates")
    months = {str(f).lower(): int(m) for m, fs in d["months"].items() for f in fs}
    weekdays = {str(f).lower(): int(w) for w, fs in d["weekdays"].items() for f in fs}
    month_re = _month_regex(list(months), lang)
    month_in_re = _month_regex([str(f).lower() for f in d.get("months_in") or []] or ["\x00"], lang)
    weekday_re = f"(?i:{_alternation(list(weekdays))})(?![^\\W\\d_])"
    year_words = [str(w) for w in d.get("year_words") or []]
    year_tail = f"(?: (?i:{_alternation(year_words)}))?" if year_words else ""
    time_re = _TIME_EN if lang == "en" else _TIME_DIGITS
    if lang == "en":
        date_re = (
            f"(?:{month_re} {_DAY}(?:st|nd|rd|th)?(?:,? {_YEAR})?"
            f"|{_DAY}(?:st|nd|rd|th)? (?:of )?{month_re}(?:,? {_YEAR})?)"
        )
    else:
        date_re = f"{_DAY}(?:-?(?:го|е|ого))? {month_re}(?:,? {_YEAR}{year_tail})?"
    # holidays with a fixed date stand for it ("on Christmas morning" = December 25)
    holidays = {_holiday_key(k): _month_day(str(v)) for k, v in (d.get("holidays") or {}).items()}
    if holidays:
        names = _alternation([k.replace("'", "\x00") for k in holidays])
        names = names.replace("\\ ", " ").replace("\x00", "['’]")
        date_re = f"(?:{date_re}|(?i:{names})(?![^\\W\\d_]))"
    subst = {
        "{date}": f"(?:{date_re})",
        "{day}": _DAY,
        "{month}": month_re,
        "{month_in}": month_in_re,
        "{weekday}": weekday_re,
        "{time}": f"(?:{time_re})",
        "{year}": _YEAR,
        "{dd}": r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])",
        "{mm}": r"(?:0?[1-9]|1[0-2])",
    }
    branches: list[str] = []
    groups: dict[str, tuple[str, int, bool]] = {}
    starters: set[str] = set()
    cue_data = d.get("cues") or {}
    unknown = set(cue_data) - set(KINDS)
    if unknown:
        raise ValueError(f"lang/{lang}/dates.yaml: unknown cue kinds {sorted(unknown)}")
    for kind in KINDS:
        for i, entry in enumerate(cue_data.get(kind) or []):
            tonight = False
            if isinstance(entry, dict):
                pattern, shift = str(entry["re"]), int(entry.get("shift", 0))
                tonight = bool(entry.get("tonight", False))
            else:
                pattern, shift = str(entry), 0
            starters.update(w.lower() for w in re.findall(r"[^\W\d_]+", pattern))
            pattern = _spaces(pattern)
            for key, value in subst.items():
                pattern = pattern.replace(key, _spaces(value))
            name = f"{kind}_{i}"
            flags = "(?-i:" if kind == "dateline" else "(?i:"
            # a cue starts and ends at a word boundary
            branches.append(f"(?P<{name}>(?<![^\\W_]){flags}{pattern})(?![^\\W_]))")
            groups[name] = (kind, shift, tonight)
    regex = re.compile("|".join(branches), re.M)
    starters.update(w for k in holidays for w in re.findall(r"[^\W\d_]+", k))
    exact = set(months) | set(weekdays) | {str(f).lower() for f in d.get("months_in") or []}
    exact = {f.rstrip(".") for f in exact}
    stems: list[str] = []
    for t in d.get("triggers") or []:
        t = str(t).lower()
        if t.endswith("*"):
            stems.append(t[:-1])
        else:
            exact.add(t)
    exact.update(k.split()[-1] for k in holidays)  # "Christmas", "Eve"
    trigger = f"(?:{_alternation(sorted(exact))})(?![^\\W_])"
    if stems:
        trigger += f"|(?:{_alternation(stems)})[^\\W\\d_]*"
    trigger_re = re.compile(
        rf"\b(?:{trigger}|\d{{1,2}}[:.]\d\d(?!\d)|(?:19|20)\d\d\b|\d{{1,2}}\s?[ap]\.?m\b)", re.I
    )
    return Cues(
        lang=lang,
        regex=regex,
        groups=groups,
        months=months,
        weekdays=weekdays,
        holidays=holidays,
        timezones={str(k).lower(): str(v) for k, v in (d.get("timezones") or {}).items()},
        last_year=tuple(str(x).lower() for x in d.get("last_year") or []),
        comparatives=tuple(str(x).lower() for x in d.get("comparatives") or []),
        since_words=frozenset(str(x).lower() for x in d.get("since_words") or []),
        time_re=re.compile(time_re, re.I),
        date_re=re.compile(_spaces(date_re)),
        weekday_re=re.compile(weekday_re),
        starters=frozenset(starters | exact),
        trigger_re=trigger_re,
        trigger_words=frozenset(exact),
        trigger_stems=tuple(stems),
        branches=tuple(branches),
    )


# the words a cue may begin with (letters and digits, with inner apostrophes), kept by ``split``
_TOKEN_SPLIT = re.compile(r"([^\W_]+(?:'[^\W_]+)*)")
# a cue starts at most this many words (and characters) before the word that triggers it
# ("in the early hours of Sunday", "ZAPORIZHZHIA, Ukraine, Feb 6")
_BACK_WORDS = 5
_BACK_CHARS = 60


_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# clock times ("18:00", "6 p.m.") and four-digit numbers (years), on lower-cased text; factored
# on the first digit, which is several times faster than the plain alternation
_DIGIT_TRIGGER = re.compile(
    r"[0-9](?:[0-9]?[:.][0-9][0-9](?![0-9])|[0-9]?\s?[ap]\.?m\b|[0-9][0-9][0-9]\b)"
)


def _trigger_positions(text: str, c: Cues) -> list[int]:
    """Start offsets of the trigger words and clock times/years of a text, in order: every
    occurrence, between non-letters, of a trigger word (or a word beginning with a trigger stem)
    that is a whole word somewhere in the text.

    Set lookups over the lower-cased words and ``str.find`` are several times faster than one
    case-insensitive regular expression of all trigger words; one scan of the lower-cased text
    with the trigger words as a trie (``_trigger_scan``) is faster again."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets exact
        return [m.start() for m in c.trigger_re.finditer(text)]
    scan = _trigger_scan(c)
    if scan is not None and not any(map(_odd_letter, set(_EXOTIC.findall(low)))):
        got = _scanned_triggers(low, scan)
        if got is not None:
            return got
    return _found_triggers(low, c)


def _odd_letter(ch: str) -> bool:
    r"""A character regular expressions count as a letter (``[^\W\d_]``) and ``str.isalpha``
    does not ("²", "½"): the scan below needs the two to agree."""
    return not ch.isalpha() and (ch.isdigit() or ch.isnumeric()) and not ch.isdecimal()


# characters outside ASCII and basic Cyrillic, none of which is an ``_odd_letter``
_EXOTIC = re.compile(r"[^\x00-\x7f\u0400-\u04ff]")
_Scan = tuple[re.Pattern[str], frozenset[str]]  # the regex, the trigger words with an apostrophe
_SCANS: dict[str, tuple[Cues, _Scan | None]] = {}


def _trigger_scan(c: Cues) -> _Scan | None:
    """The trigger stems (each with the rest of its word) and words as one regex without
    boundaries: at a position it takes the longest trigger word there, and a match that is not
    between non-letters hides no other (the words are letters only, or an apostrophe word with
    no trigger word around its apostrophe). None when the words do not allow that."""
    entry = _SCANS.get(c.lang)
    if entry is not None and entry[0] is c:
        return entry[1]
    exact = sorted(w for w in c.trigger_words if _WORDS.fullmatch(w))
    stems = list(c.trigger_stems)
    ok = all(_WORDS.fullmatch(st) and "'" not in st for st in stems)
    for w in exact:
        for a in (i for i, ch in enumerate(w) if ch == "'"):
            head, tail = w[:a], w[a + 1 :]
            if head in c.trigger_words or head.startswith(tuple(stems) or ("\x00",)):
                ok = False  # a shorter trigger word may end at the apostrophe
            if any(x.startswith(tail) or tail.startswith(x) for x in exact + stems):
                ok = False  # a trigger word may begin after it
    got: _Scan | None = None
    if ok and exact:
        # stems first: their word is the whole word, which may begin with a trigger word
        alts = f"(?:{_alternation(stems)})[^\\W\\d_]*(?:'[^\\W\\d_]+)*|" if stems else ""
        got = (re.compile(f"{alts}{_alternation(exact)}"), frozenset(w for w in exact if "'" in w))
    _SCANS[c.lang] = (c, got)
    return got


def _scanned_triggers(low: str, scan: _Scan) -> list[int] | None:
    """``_trigger_positions`` with ``_trigger_scan`` (None: a stem word with an apostrophe,
    which may hide a trigger word before it)."""
    n = len(low)
    found: list[tuple[int, str]] = []
    whole: set[str] = set()
    rx, apostrophe_words = scan
    for m in rx.finditer(low):
        w = m.group()
        if "'" in w and w not in apostrophe_words:
            return None
        i, j = m.span()
        if (i and low[i - 1].isalpha()) or (j < n and low[j].isalpha()):
            continue
        found.append((i, w))
        if not (i > 1 and low[i - 1] == "'" and low[i - 2].isalpha()) and not (
            j + 1 < n and low[j] == "'" and low[j + 1].isalpha()
        ):
            whole.add(w)  # a word of its own, not a part of "night's"
    out = [m.start() for m in _DIGIT_TRIGGER.finditer(low)]
    out.extend(i for i, w in found if w in whole)
    out.sort()
    return out


def _found_triggers(low: str, c: Cues) -> list[int]:
    words = set(_WORDS.findall(low))
    hits = words & c.trigger_words
    stems = tuple(st for st in c.trigger_stems if st in low)  # no word begins with an absent one
    if stems:
        hits.update(w for w in words if w.startswith(stems))
    out = [m.start() for m in _DIGIT_TRIGGER.finditer(low)]
    n = len(low)
    for w in hits:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not low[i - 1].isalpha()) and (j >= n or not low[j].isalpha()):
                out.append(i)
            i = low.find(w, j)
    out.sort()
    return out


def find_cues(text: str, lang: str) -> list[Cue]:
    """Every date/time cue in ``text``, in order, not overlapping.

    The joined pattern is tried only at the few words before a trigger word (a month, a
    weekday, a clock time, "ніч", "week" …) that may begin a cue: scanning every position of a
    text with dozens of alternatives would cost milliseconds per document.
    """
    c = cues(lang)
    out: list[Cue] = []
    last_end = 0
    tried: set[int] = set()
    starters = c.starters
    starts: dict[str, bool] = {}  # token -> may it begin a cue (a digit, a starter word)
    for s in _trigger_positions(text, c):
        if s < last_end:
            continue
        cands: list[int] = []
        # the words of the window from one ``split`` of it: gap, word, gap, …, gap, with the
        # offsets added up (no match object per word); the pattern looks at nothing around a
        # word, so cutting the window out first finds the words a search within it would
        p = lo = max(last_end, s - _BACK_CHARS)
        parts = _TOKEN_SPLIT.split(text[lo:s])
        for k in range(1, len(parts), 2):
            p += len(parts[k - 1])
            w = parts[k]
            may = starts.get(w)
            if may is None:
                may = starts[w] = w[0].isdigit() or w.lower() in starters
            if may or p == 0 or text[p - 1] == "\n":
                cands.append(p)
            p += len(w)
        cands = cands[-_BACK_WORDS:]
        cands.append(s)
        for pos in cands:
            if pos < last_end or pos in tried:
                continue
            tried.add(pos)
            rx = pattern_at(c, text, pos)
            if rx is None:
                continue
            m = rx.match(text, pos)
            if m is None or m.lastgroup is None or m.end() == m.start():
                continue
            kind, shift, tonight = c.groups[m.lastgroup]
            out.append(Cue(kind, m.start(), m.end(), m.group(0), shift, tonight))
            last_end = m.end()
            if last_end > s:
                break
    return out


def _clock(s: str) -> tuple[int, int]:
    low = s.lower().replace(" ", "")
    if low == "midnight":
        return 0, 0
    if low == "noon":
        return 12, 0
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?([ap])?", low)
    if not m:
        return 0, 0
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and h < 12:
        h += 12
    if m.group(3) == "a" and h == 12:
        h = 0
    return (0 if h == 24 else h), mi


def parts(cue: Cue, lang: str, after: str = "") -> Parts:
    """Read the times, dates and weekdays a cue names; ``after`` is the text right after it."""
    got = _parts(cue.kind, cue.text, lang)
    if got.last_year:
        return got
    tail = after[:40].lower().lstrip()
    if tail.startswith(cues(lang).last_year):  # "July 4 last year"
        return Parts(got.times, got.dates, got.weekdays, True)
    return got


@lru_cache(maxsize=4096)
def _parts(kind: str, text: str, lang: str) -> Parts:
    """``parts`` of a cue's kind and text, ``last_year`` from the cue's own words (cached: the
    same cues recur across documents; the text after a cue rarely does)."""
    c = cues(lang)
    times = []
    blanked = text
    for m in c.time_re.finditer(text):
        h, mi = _clock(m.group(0))
        times.append((h, mi, m.start()))
        blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :]
    dates: list[tuple[int, int, int | None, int]] = []
    for m in c.date_re.finditer(blanked):
        s = m.group(0)
        holiday = c.holidays.get(_holiday_key(s))
        if holiday is not None:
            dates.append((holiday[1], holiday[0], None, m.start()))
            continue
        day = year = None
        month = None
        for tok in re.findall(r"\d+|[^\W\d_]+\.?", s):
            if tok.isdigit():
                if len(tok) == 4:
                    year = int(tok)
                elif day is None:
                    day = int(tok)
            else:
                low = tok.lower()
                month = c.months.get(low, c.months.get(low.rstrip("."), month))
        if day is not None and month is not None:
            dates.append((day, month, year, m.start()))
    if not dates:
        iso = re.search(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", blanked)
        if iso:
            dates.append((int(iso.group(3)), int(iso.group(2)), int(iso.group(1)), iso.start()))
    if not dates:
        m2 = re.search(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)", blanked)
        if m2:
            dates.append((int(m2.group(1)), int(m2.group(2)), int(m2.group(3)), m2.start()))
    # ranges "the night of July 3-4", "в ночь с 3 на 4 июля": the later day is the date
    if kind == "night_range" and dates:
        days = [int(x) for x in re.findall(r"(?<![\d:.])\d{1,2}(?![\d:])", blanked)]
        if days:
            d0 = dates[-1]
            dates[-1] = (days[-1], d0[1], d0[2], d0[3])
    weekdays = tuple(c.weekdays[m.group(0).lower()] for m in c.weekday_re.finditer(blanked))
    low = text.lower()
    last_year = any(w in low for w in c.last_year)
    return Parts(tuple(times), tuple(dates), weekdays, last_year)


def is_comparative(text: str, cue: Cue, lang: str, since: int, *, reach: int = 120) -> bool:
    """A "since …" period that follows a superlative ("the largest attack since the start of the
    invasion") compares; it is not a total. ``since`` is where to look back from (the sentence).
    With ``reach`` smaller than the default, any period cue is checked ("the biggest attack this
    year": the caller decides whether the sentence dates a night of its own)."""
    c = cues(lang)
    if reach == 120:
        words = cue.text.lower().split(None, 1)
        if not words or words[0] not in c.since_words:
            return False
    before = text[max(since, cue.start - reach) : cue.start].lower()
    return any(w in before for w in c.comparatives)


def timezone_after(text: str, end: int, lang: str) -> str | None:
    """A time-zone cue ("мск", "Kyiv time") within a few characters after ``end``."""
    c = cues(lang)
    tail = text[end : end + 32].lower()
    tail = tail.lstrip(" ,()")
    for k, v in c.timezones.items():
        if tail.startswith(k) or tail.startswith("(" + k):
            return v
    return None
