"""Dates and nights: which night (or day, or period) each figure of a text belongs to.

The ``dates`` component sets ``ctx.notes["time"]``, a ``TimeContext``; ``.at(offset)`` gives
the ``Moment`` of a figure at that offset: ``night_of`` (ISO date) and ``window``
(``report.Window`` with ISO 8601 datetimes, or None). Additions to the interface of common.md:
``Moment.cue``/``Moment.kind`` (what decided it, for tracing), ``TimeContext.document`` (the
document's moment) and ``time_context(text, lang, published)`` for use outside the pipeline.

How a moment is decided (REPORT.md convention 6, gold/dev/README.md convention 6):

- Cues are found with the patterns of ``lang/<lang>/dates.yaml`` (see ``dates_cues``). Each cue
  has a kind: ``night_date`` "у ніч на 4 липня", "overnight into Friday" (``night_weekday``),
  "the night of July 3-4" (``night_range``), "Saturday night" (``night_after``: the night that
  follows that day, when it has ended by the reference date), ``day24`` "за минулу добу",
  "за сутки" (the report's date), ``period`` "за тиждень", "in June", "since the start of the
  year" (no night), ``day_date`` "ввечері 3 липня", "on July 9", ``day_weekday`` "on Thursday
  afternoon", ``night_rel`` "overnight", "вночі", ``day_rel`` "сьогодні", "yesterday";
  ``window_*`` "з 18:00 3 липня", "станом на 09:00", "с 20:00 до 07:00 мск"; ``speech``
  ("the air force said on Wednesday") and ``dateline`` ("KYIV, July 9 —") are dates of
  writing, not of the attack; ``ignore`` hides phrases like "вдруге за тиждень".
- The reference date is the publication date in Kyiv time (a dateline within three days of it
  wins). Relative cues resolve against it; a day and month without a year take its year, or the
  year before when that would put the date more than a week after it ("29 грудня" in January).
- A figure takes the cue of its own clause (the part of the sentence between commas, dashes,
  brackets), else the nearest cue of its sentence, else the document's: the first cue of the
  text, or the reference date when the text has none. So "the previous record of 550 drones set
  on July 4" keeps July 4, and "Лише минулої ночі – 69" in a weekly summary gets its night.
- Windows come from the window cues of the deciding cue's sentence (for the document: also from
  sentences with no other cue, e.g. "Станом на 09:00 …"). Times are Kyiv time (Europe/Kyiv,
  EET/EEST) unless the text says "мск"/"Moscow time" (UTC+3). A start time of 12:00 or later in
  an overnight window falls on the day before the night's date.
- No publication date and no explicit date: ``night_of`` is None (the flags component raises
  NO_DATE).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..report import Window
from . import text as textmod
from .dates_cues import Cue, Parts, find_cues, is_comparative, parts, timezone_after
from .numbers import is_number_word

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["Moment", "TimeContext", "component", "kyiv", "time_context"]

NIGHT_KINDS = frozenset({"night_range", "night_date", "night_weekday", "night_after", "night_rel"})
GOVERNING = NIGHT_KINDS | {"day24", "period", "day_date", "day_weekday", "day_rel"}
WINDOW_KINDS = frozenset({"window_range", "window_start", "window_end"})
# how far after the reference date a date without a year may fall before it is read as the
# previous year's ("29 грудня" in a January text)
_FUTURE_TOLERANCE = timedelta(days=7)
_DATELINE_TOLERANCE = timedelta(days=3)
_SUPERLATIVE_REACH = 60  # characters before a period cue searched for "largest", "рекордн" …
# ", " "; " " — " "(" ")" ": " " —" "— ": one character class first (which lets the regex engine
# skip to it), then what must follow that character
_CLAUSE_BREAK = re.compile(
    r"[,;:()—–\s](?:(?<=[,:])\s|(?<=;)\s?|(?<=\s)(?:[—–-]\s|[—–])|(?<=[()])|(?<=[—–])\s)"
)


@cache
def kyiv() -> tzinfo:
    return ZoneInfo("Europe/Kyiv")


@dataclass(frozen=True, slots=True)
class Moment:
    """The date context of a figure. ``cue`` and ``kind`` say what decided it (the cue's text
    and kind; ``kind`` "published" when the publication date did), for tracing."""

    night_of: str | None
    window: Window | None = None
    cue: str | None = None
    kind: str | None = None


NO_MOMENT = Moment(None, None)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A cue resolved to a night (or to a period: night None, period True)."""

    cue: Cue
    night: date | None
    period: bool
    sentence: int


class TimeContext:
    """``at(offset)``: the moment of a figure at that offset of the text."""

    def __init__(
        self,
        document: Moment,
        anchors: list[Anchor],
        sentence_bounds: list[tuple[int, int]],
        clause_starts: dict[int, list[int]],
        windows: dict[int, Window | None],
        cues: list[Cue],
    ) -> None:
        self.document = document
        self.anchors = anchors
        self.cues = cues
        self._sent = sentence_bounds
        self._sent_starts = [s for s, _ in sentence_bounds]
        self._clauses = clause_starts
        self._windows = windows  # id(anchor index) -> window of that anchor's sentence
        self._by_sentence: dict[int, list[int]] = {}
        for i, a in enumerate(anchors):
            self._by_sentence.setdefault(a.sentence, []).append(i)

    def sentence_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if i < 0 or offset >= self._sent[i][1]:
            return -1
        return i

    def at(self, offset: int) -> Moment:
        si = self.sentence_of(offset)
        if si < 0 or si not in self._by_sentence:
            return self.document
        idxs = self._by_sentence[si]
        starts = self._clauses[si]
        ci = bisect.bisect_right(starts, offset) - 1
        c_start = starts[ci] if ci >= 0 else self._sent[si][0]
        c_end = starts[ci + 1] if ci + 1 < len(starts) else self._sent[si][1]
        in_clause = [
            i
            for i in idxs
            if self.anchors[i].cue.start < c_end and self.anchors[i].cue.end > c_start
        ]
        pick = _nearest(in_clause or idxs, self.anchors, offset)
        a = self.anchors[pick]
        if a.period:
            return Moment(None, None, a.cue.text, a.cue.kind)
        if a.night is None:
            return self.document
        night = a.night.isoformat()
        window: Window | None
        if night == self.document.night_of and self.document.window is not None:
            window = self.document.window  # the document's own night: the whole text's window
        else:
            window = self._windows.get(pick)
        return Moment(night, window, a.cue.text, a.cue.kind)

    def __repr__(self) -> str:
        return f"TimeContext(document={self.document!r}, anchors={len(self.anchors)})"


def _nearest(idxs: list[int], anchors: list[Anchor], offset: int) -> int:
    def dist(i: int) -> int:
        c = anchors[i].cue
        if c.start <= offset < c.end:
            return 0
        return c.start - offset if c.start > offset else offset - c.end + 1

    return min(idxs, key=lambda i: (dist(i), anchors[i].cue.start))


# --- resolving cues ----------------------------------------------------------------------------


_EVENING_HOUR = 18


def _local_hour(published: datetime | date | None) -> int:
    """The hour of publication in Kyiv time (-1 when only a date is known)."""
    if not isinstance(published, datetime):
        return -1
    if published.tzinfo is not None:
        published = published.astimezone(kyiv())
    return published.hour


def reference_date(published: datetime | date | None) -> date | None:
    """The publication date in Kyiv time."""
    if isinstance(published, datetime):
        if published.tzinfo is not None:
            return published.astimezone(kyiv()).date()
        return published.date()
    return published


def _full_date(
    day: int, month: int, year: int | None, ref: date | None, last_year: bool
) -> date | None:
    if year is None:
        if ref is None:
            return None
        # the latest of last year's, this year's and next year's date that is not more than a
        # week after the reference ("29 грудня" in January, "1 січня" on 31 December)
        best: date | None = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if d <= ref + _FUTURE_TOLERANCE and (best is None or d > best):
                best = d
        if best is None:
            return None
        year = best.year - (1 if last_year else 0)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(wd: int, ref: date | None, tomorrow: bool = False) -> date | None:
    """The latest such weekday on or before the reference date; with ``tomorrow`` (a night
    named in the evening: "в ночь на субботу" on Friday at 22:00) the next day may be it."""
    if ref is None:
        return None
    if tomorrow and (ref + timedelta(days=1)).weekday() == wd:
        return ref + timedelta(days=1)
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def _resolve(cue: Cue, p: Parts, ref: date | None, evening: bool) -> tuple[date | None, bool]:
    """(night, period) of a governing cue; ``evening``: the text was published at 18:00 or
    later, so "tonight" is the night that ends tomorrow."""
    k = cue.kind
    if k == "period":
        return None, True
    if k in ("night_rel", "day_rel", "day24"):
        shift = cue.shift + (1 if cue.tonight and evening else 0)
        return (ref + timedelta(days=shift) if ref else None), False
    if k in ("night_range", "night_date", "day_date"):
        if p.dates:
            d = p.dates[-1] if k != "day_date" else p.dates[0]
            return _full_date(d[0], d[1], d[2], ref, p.last_year), False
        if p.weekdays:
            return _weekday(p.weekdays[-1], ref, evening and k == "night_range"), False
        return None, False
    if k in ("night_weekday", "day_weekday"):
        wd = p.weekdays[-1] if k == "night_weekday" else p.weekdays[0]
        return _weekday(wd, ref, evening and k == "night_weekday"), False
    if k == "night_after":
        day = _weekday(p.weekdays[0], ref) if p.weekdays else None
        if day is None or ref is None:
            return None, False
        nxt = day + timedelta(days=1)
        return (nxt if nxt <= ref else day), False
    return None, False


def _tz(spec: str | None) -> tzinfo:
    if not spec or spec == "Europe/Kyiv":
        return kyiv()
    m = re.fullmatch(r"([+-])(\d{2}):(\d{2})", spec)
    if not m:
        return ZoneInfo(spec)
    sign = 1 if m.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def _window(
    night: date,
    overnight: bool,
    cues: list[tuple[Cue, Parts, str | None]],
    ref: date | None,
) -> Window | None:
    start: str | None = None
    end: str | None = None
    for cue, p, tzspec in cues:
        tz = _tz(tzspec)
        if not p.times:
            continue
        dates = [(_full_date(d[0], d[1], d[2], ref or night, p.last_year), d[3]) for d in p.dates]

        def at(
            hm: tuple[int, int, int],
            next_off: int | None,
            default: date,
            dates: list[tuple[date | None, int]] = dates,
            tz: tzinfo = tz,
        ) -> str:
            h, mi, off = hm
            own = [
                d
                for d, o in dates
                if d is not None and o > off and (next_off is None or o < next_off)
            ]
            day = own[0] if own else default
            return datetime(day.year, day.month, day.day, h, mi, tzinfo=tz).isoformat()

        def start_default(h: int) -> date:
            return night - timedelta(days=1) if overnight and h >= 12 else night

        if cue.kind == "window_range" and len(p.times) >= 2:
            t0, t1 = p.times[0], p.times[1]
            crosses = (t1[0], t1[1]) < (t0[0], t0[1])  # "с 20:00 до 07:00"
            if start is None:
                # a range that does not cross midnight ("с 20:00 до 23:00") lies on one day
                start = at(t0, t1[2], start_default(t0[0]) if crosses else night)
            if end is None:
                d_end = night + timedelta(days=1) if crosses and not overnight else night
                end = at(t1, None, d_end)
        elif cue.kind == "window_start" and start is None:
            start = at(p.times[0], None, start_default(p.times[0][0]))
        elif cue.kind == "window_end" and end is None:
            end = at(p.times[0], None, night)
    if start is None and end is None:
        return None
    return Window(start, end)


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_DIGIT = re.compile(r"\d")


_LEAD_SENTENCES = 3  # headline and lead: where a text names the night it is about


def _late_publication(anchors: list[Anchor], ref: date | None) -> list[Anchor]:
    """A text published the day after the night its lead names ("Нічна атака на Одесу … В ночь
    на 21 марта …" published on 22 March): its relative night cues ("нічна атака", "цієї ночі")
    mean that night, not the night before the publication date."""
    if ref is None:
        return anchors
    named = [
        a
        for a in anchors
        if a.cue.kind in ("night_date", "night_range") and a.sentence < _LEAD_SENTENCES
    ]
    if not named or named[0].night != ref - timedelta(days=1):
        return anchors
    if any(
        a.night == ref and a.cue.kind in ("night_date", "night_range", "day_date") for a in anchors
    ):
        return anchors  # the text names the publication date too
    night = named[0].night
    return [
        Anchor(a.cue, night, a.period, a.sentence)
        if a.cue.kind == "night_rel" and not a.cue.tonight and a.night == ref
        else a
        for a in anchors
    ]


def _states_number(text: str, lang: str, start: int, end: int, cues: list[Cue]) -> bool:
    """Whether text[start:end] has a number outside the date cues (a digit or a numeral word)."""
    spans = [(c.start, c.end) for c in cues if c.start < end and c.end > start]
    pos = start
    pieces = []
    for s, e in sorted(spans):
        pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos:end])
    rest = " ".join(pieces)
    if _DIGIT.search(rest):
        return True
    return any(is_number_word(w, lang) for w in _WORD.findall(rest))


def _document_anchor(
    text: str, lang: str, anchors: list[Anchor], bounds: list[tuple[int, int]], cues: list[Cue]
) -> Anchor:
    """The cue that dates the document: the first one in a sentence that states a number
    ("Yesterday Zelensky met Trump. Overnight Russia launched 300 drones": overnight); within
    that sentence a night beats an evening ("Учора ввечері та вночі ворог атакував …")."""
    chosen = anchors[0]
    seen: set[int] = set()
    for a in anchors:
        if a.sentence in seen or not bounds:
            continue
        seen.add(a.sentence)
        if _states_number(text, lang, *bounds[a.sentence], cues):
            chosen = a
            break
    if chosen.period and bounds:
        # "This morning Russia launched a massive attack. The enemy used 93 missiles. ... Since
        # the beginning of the year Ukraine has received 2,500 transformers": numbers stated
        # before a period cue, with no cue of their own, belong to the night named before them
        before = [a for a in anchors if a.sentence < chosen.sentence and not a.period and a.night]
        if before:
            dated = {a.sentence for a in anchors}
            for si in range(before[0].sentence + 1, chosen.sentence):
                if si not in dated and _states_number(text, lang, *bounds[si], cues):
                    return before[0]
    if chosen.cue.kind in ("day_rel", "day_date", "day_weekday"):
        for a in anchors:
            if a.sentence == chosen.sentence and a.cue.kind in NIGHT_KINDS and a.night:
                return a
    return chosen


def _window_night(cues: list[tuple[Cue, Parts, str | None]], ref: date | None) -> date | None:
    """The night a window with dates names: "з 18:00 3 липня до 09:00 4 липня" -> 4 July."""
    for cue, p, _tz in cues:
        if not p.dates or not p.times:
            continue
        d = p.dates[-1]
        day = _full_date(d[0], d[1], d[2], ref, p.last_year)
        if day is None:
            continue
        last_time = p.times[-1]
        if cue.kind == "window_start" or (cue.kind == "window_range" and d[3] < last_time[2]):
            # only the start is dated: an evening start means the night ends the next day
            return day + timedelta(days=1) if p.times[0][0] >= 12 else day
        return day
    return None


def _clause_starts(text: str, start: int, end: int) -> list[int]:
    out = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        out.append(m.end())
    return out


def time_context(
    text: str,
    lang: str,
    published: datetime | date | None,
    sentences: list[textmod.Sentence] | None = None,
) -> TimeContext:
    """The date context of every offset of ``text`` (see the module docstring)."""
    if sentences is None:
        sentences = textmod.sentences(text)
    bounds = [(s.start, s.end) for s in sentences]
    starts = [s.start for s in sentences]
    ref = reference_date(published)
    evening = _local_hour(published) >= _EVENING_HOUR
    cues = find_cues(text, lang)

    def sentence_of(off: int) -> int:
        i = bisect.bisect_right(starts, off) - 1
        return max(i, 0)

    parsed: list[tuple[Cue, Parts]] = [
        (c, parts(c, lang, text[c.end : c.end + 40])) for c in cues if c.kind != "ignore"
    ]
    # a dateline within a few days of the publication date is the reference for relative cues
    for c, p in parsed:
        if c.kind == "dateline" and p.dates:
            d = p.dates[0]
            dl = _full_date(d[0], d[1], d[2], ref, False)
            if dl is not None and (ref is None or abs(dl - ref) <= _DATELINE_TOLERANCE):
                ref = dl
            break
    anchors: list[Anchor] = []
    window_cues: dict[int, list[tuple[Cue, Parts, str | None]]] = {}
    for c, p in parsed:
        si = sentence_of(c.start)
        if c.kind in WINDOW_KINDS:
            window_cues.setdefault(si, []).append((c, p, timezone_after(text, c.end, lang)))
        elif c.kind in GOVERNING:
            if c.kind == "period" and is_comparative(text, c, lang, bounds[si][0] if bounds else 0):
                continue
            night, period = _resolve(c, p, ref, evening)
            anchors.append(Anchor(c, night, period, si))
    anchors = _late_publication(anchors, ref)
    # "its biggest attack this year with 728 drones overnight": a period right after a
    # superlative compares when its sentence names a night or a day of its own
    dated = {a.sentence for a in anchors if not a.period}
    anchors = [
        a
        for a in anchors
        if not (
            a.period
            and a.sentence in dated
            and is_comparative(text, a.cue, lang, bounds[a.sentence][0], reach=_SUPERLATIVE_REACH)
        )
    ]
    windows: dict[int, Window | None] = {}
    for i, a in enumerate(anchors):
        if a.night is not None and a.sentence in window_cues:
            windows[i] = _window(
                a.night,
                a.cue.kind in NIGHT_KINDS or a.cue.kind == "day24",
                window_cues[a.sentence],
                ref,
            )
    # the document: the first cue of a sentence that states a number, else the first cue, else
    # the night a dated window gives, else the reference date
    if anchors:
        first = _document_anchor(text, lang, anchors, bounds, cues)
        if first.period:
            document = Moment(None, None, first.cue.text, first.cue.kind)
        elif first.night is None:
            document = Moment(ref.isoformat() if ref else None, None, None, "published")
        else:
            anchored = {a.sentence for a in anchors}
            doc_cues = list(window_cues.get(first.sentence, []))
            for si in sorted(window_cues):
                if si != first.sentence and si not in anchored:
                    doc_cues.extend(window_cues[si])
            overnight = first.cue.kind in NIGHT_KINDS or first.cue.kind == "day24"
            document = Moment(
                first.night.isoformat(),
                _window(first.night, overnight, doc_cues, ref),
                first.cue.text,
                first.cue.kind,
            )
    else:
        doc_cues = [w for si in sorted(window_cues) for w in window_cues[si]]
        from_window = _window_night(doc_cues, ref)
        night = from_window or ref
        document = (
            Moment(
                night.isoformat(),
                _window(night, True, doc_cues, ref),
                None,
                "window" if from_window else "published",
            )
            if night is not None
            else NO_MOMENT
        )
    clauses = {a.sentence: _clause_starts(text, *bounds[a.sentence]) for a in anchors if bounds}
    return TimeContext(document, anchors, bounds, clauses, windows, cues)


def component(ctx: Context) -> None:
    """Sets ``ctx.notes["time"]`` (a ``TimeContext``)."""
    ctx.notes["time"] = time_context(ctx.text, ctx.lang, ctx.published, ctx.sentences)
