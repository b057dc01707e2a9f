"""Record claims: "a record 550 drones", "record-breaking", "рекордна кількість", "рекордное".

Detection reads the document's normalised text and its report: a record cue (language data in
``extract/lang/{en,uk,ru}/records.yaml``) qualifies the nearest figure in the same sentence within
``record_cue_window_chars``. A cue right after "previous", "попередній", "предыдущий" … speaks
of an earlier record and claims nothing about this number.

Checking compares the night's value with the ledger's **history** of the same measure and weapon
category (attack events only, one consensus value per night; the imported Air Force history makes
it meaningful): ``supported`` when no earlier night had a higher value, ``refuted`` with the
previous maximum (night, value, document, claimant) otherwise, ``unverified`` when the ledger
has no earlier night for that measure. The value checked is the night's consensus when the
ledger has one (the "550 drones" of a text are checked as the Air Force's 539), else the
claimed number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ... import settings
from ...errors import LanguageDataError
from .model import Reconciliation, RecordCheck, RecordClaim

LANGS = ("en", "uk", "ru")
_LANG_DIR = Path(__file__).resolve().parents[2] / "extract" / "lang"
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


@dataclass(frozen=True)
class RecordWords:
    lang: str
    cues: re.Pattern[str]
    earlier: tuple[str, ...]
    yesterday: re.Pattern[str] | None = None


def _load(lang: str) -> RecordWords:
    path = _LANG_DIR / lang / "records.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LanguageDataError(f"cannot read: {e}", item=str(path)) from None
    if not isinstance(data, dict) or data.get("schema") != "strikeledger/records-v1":
        raise LanguageDataError("schema must be strikeledger/records-v1", item=str(path))
    parts = []
    for i, cue in enumerate(data.get("cues") or ()):
        if (
            not isinstance(cue, dict)
            or not cue.get("text")
            or cue.get("match")
            not in (
                "prefix",
                "word",
            )
        ):
            raise LanguageDataError(
                "a cue needs text and match: prefix|word", item=str(path), position=f"cue {i}"
            )
        body = re.escape(str(cue["text"]).lower()).replace(r"\ ", r"\s+")
        tail = r"[\w'-]*" if cue["match"] == "prefix" else r"(?![\w])"
        parts.append(rf"(?<![\w]){body}{tail}")
    if not parts:
        raise LanguageDataError("no cues", item=str(path))
    parts.sort(key=len, reverse=True)
    earlier = tuple(str(w).lower() for w in data.get("earlier") or ())
    ys = [re.escape(str(w).lower()) for w in data.get("yesterday") or ()]
    yesterday = re.compile(rf"(?<![\w])(?:{'|'.join(ys)})", re.I) if ys else None
    return RecordWords(lang, re.compile("|".join(parts), re.I), earlier, yesterday)


@lru_cache(maxsize=8)
def record_words(lang: str) -> RecordWords:
    return _load(lang)


def says_yesterday(text: str, lang: str | None) -> bool:
    """Whether ``text`` speaks of yesterday ("yesterday", "вчора", "вчерашний" …: the
    ``yesterday`` prefixes of extract/lang/*/records.yaml), in the document's language or,
    when unknown, in any."""
    for code in [lang] if lang in LANGS else list(LANGS):
        pat = record_words(str(code)).yesterday
        if pat is not None and pat.search(text):
            return True
    return False


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    m2 = _SENTENCE_END.search(text, at)
    return start, (m2.start() + 1 if m2 else len(text))


def _about_earlier(text: str, start: int, words: RecordWords) -> bool:
    before = re.findall(r"[\w'-]+", text[max(0, start - 40) : start].lower())[-3:]
    return any(w.startswith(e) for w in before for e in words.earlier)


def find_record_claims(
    text: str, report: Mapping[str, Any], lang: str | None = None
) -> list[RecordClaim]:
    """The record claims of one document: each cue with the figure it qualifies."""
    doc = report.get("document") or {}
    lang = lang or doc.get("language")
    langs = [lang] if lang in LANGS else list(LANGS)
    window = int(settings.RECORD_CUE_WINDOW_CHARS.get())
    figures = [f for f in report.get("figures") or () if f.get("evidence")]
    out: list[RecordClaim] = []
    taken: set[int] = set()
    for code in langs:
        words = record_words(str(code))
        for m in words.cues.finditer(text):
            if m.start() in taken or _about_earlier(text, m.start(), words):
                continue
            s0, s1 = _sentence_bounds(text, m.start())
            best: tuple[int, dict[str, Any]] | None = None
            for f in figures:
                ev = f["evidence"]
                fs, fe = int(ev["start"]), int(ev["end"])
                if fs < s0 or fe > s1 + 1:
                    continue
                dist = fs - m.end() if fs >= m.end() else max(0, m.start() - fe)
                if dist > window:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, f)
            if best is not None:
                taken.add(m.start())
                out.append(RecordClaim(str(doc.get("id") or ""), m.group(0), m.start(), best[1]))
    out.sort(key=lambda r: r.cue_start)
    return out


@dataclass(frozen=True, slots=True)
class Point:
    night_of: str
    value: int
    document: str
    claimant: str | None
    event: str
    source: str | None = None


class History:
    """Per (measure, weapon category): one value per night, from attack events' consensus."""

    def __init__(self) -> None:
        self._series: dict[tuple[str, str], dict[str, Point]] = {}
        self._sorted: dict[tuple[str, str], tuple[list[str], list[int]]] = {}

    @classmethod
    def from_reconciliations(cls, recs: Iterable[Reconciliation]) -> History:
        h = cls()
        for rec in recs:
            h.add(rec)
        return h

    def add(self, rec: Reconciliation) -> None:
        parts = rec.event_id.split(":")
        if len(parts) != 3:  # local events do not make national records
            return
        night = parts[1]
        for c in rec.consensus:
            kind, measure, subject, model = c.key
            if kind != "figure" or model is not None:
                continue
            series = self._series.setdefault((measure, subject), {})
            pt = Point(
                night,
                c.value,
                c.claim.document_id,
                c.claim.claimant,
                rec.event_id,
                c.claim.source,
            )
            old = series.get(night)
            if old is None or pt.value > old.value:
                series[night] = pt
            self._sorted.pop((measure, subject), None)

    def value_on(self, measure: str, subject: str, night: str) -> Point | None:
        return self._series.get((measure, subject), {}).get(night)

    def previous_max(self, measure: str, subject: str, before: str) -> Point | None:
        """The highest value of any night strictly before ``before`` (ISO date)."""
        key = (measure, subject)
        series = self._series.get(key)
        if not series:
            return None
        if key not in self._sorted:
            nights = sorted(series)
            best: list[int] = []
            top = -1
            for n in nights:
                top = max(top, series[n].value)
                best.append(top)
            self._sorted[key] = (nights, best)
        nights, best = self._sorted[key]
        i = bisect.bisect_left(nights, before)
        if i == 0:
            return None
        top = best[i - 1]
        # the earliest night that reached the maximum
        for n in nights[:i]:
            if series[n].value == top:
                return series[n]
        return None


def check_record(claim: RecordClaim, history: History, event: str | None = None) -> RecordCheck:
    f = claim.figure
    measure = str(f.get("measure"))
    subject = str((f.get("weapon") or {}).get("category") or "any")
    night = f.get("night_of")
    if not night:
        return RecordCheck(claim, "unverified", int(f.get("value") or 0), None, "no night")
    own = history.value_on(measure, subject, str(night))
    if own is not None and own.document != claim.document_id:
        value = own.value
        basis = f"the night's consensus {own.value} ({own.claimant or own.document})"
    else:
        value = int(f.get("value") or 0)
        basis = f"the claimed {value}"
    prev = history.previous_max(measure, subject, str(night))
    if prev is None:
        return RecordCheck(
            claim,
            "unverified",
            value,
            None,
            f"no earlier night in the ledger for {measure} {subject}",
        )
    p = {
        "night_of": prev.night_of,
        "value": prev.value,
        "document": prev.document,
        "claimant": prev.claimant,
        "source": prev.source,
        "event": prev.event,
    }
    if prev.value > value:
        return RecordCheck(
            claim,
            "refuted",
            value,
            p,
            f"{basis} is below the earlier maximum {prev.value} {subject} {measure} "
            f"on the night of {prev.night_of}",
        )
    return RecordCheck(
        claim,
        "supported",
        value,
        p,
        f"{basis} exceeds every earlier night (previous maximum {prev.value} on {prev.night_of})",
    )
