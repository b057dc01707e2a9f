"""The language cues of the places component, read from ``lang/{en,uk,ru}/places.yaml``, and the
judgments that read only the words around a name: a settlement cue before it, an institution
word after it, a plural district word earlier in its sentence.

Split out of ``places`` (the mechanism: matching, resolution, the report), which uses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..kb.gazetteer import ELLIPTIC, Candidate
from . import langdata

_SCHEMA = {
    "settlement_cues": "list[str]",
    "plural_heads": "dict[str,list[str]]",
    "singular_heads_of?": "dict[str,list[str]]",
    "list_joiners": "list[str]",
    "institution_after": "list[str]",
    "metonymy_after": "list[str]",
    "metonymy_before": "list[str]",
    "river_after": "list[str]",
    "river_before": "list[str]",
    "river_places": "list[str]",
    "facility_after": "list[str]",
    "stop_forms": "list[str]",
}
langdata.register_schema("places", _SCHEMA)


@dataclass(frozen=True)
class _Cues:
    settlement: re.Pattern[str]
    settlement_last: frozenset[str] | None  # last characters of the cues (None: no pre-check)
    heads: dict[str, re.Pattern[str]]
    heads_any: re.Pattern[str]  # the ``heads`` joined, in order (group name: the level)
    heads_of: dict[str, re.Pattern[str]]
    joiner: re.Pattern[str]
    institution: re.Pattern[str]
    institution_first: frozenset[str]  # first characters of the institution words
    meto_after: re.Pattern[str]
    meto_before: re.Pattern[str]
    river_after: re.Pattern[str]
    river_before: re.Pattern[str]
    river_places: frozenset[str]
    facility: re.Pattern[str]
    stop_forms: frozenset[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _alt_words(words: list[str]) -> str:
    """Like ``_alt``, but a cue ending in a letter must end a word ("атаковал" is not
    "атаковали": "Киев атаковали" is the city attacked, "Киев атаковал" its forces)."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "") for w in items)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data: dict[str, list[Any]] = {}
    heads: dict[str, list[str]] = {}
    of_heads: dict[str, list[str]] = {}
    for lang in langdata.LANGS:
        d = langdata.load(lang, "places")
        for k, v in d.items():
            if k == "river_places":
                data.setdefault(k, []).extend(v)
            elif k == "singular_heads_of":
                for level, words in v.items():
                    of_heads.setdefault(level, []).extend(w.lower() for w in words)
            elif k == "plural_heads":
                for level, words in v.items():
                    heads.setdefault(level, []).extend(w.lower() for w in words)
            else:
                data.setdefault(k, []).extend(w.lower() for w in v)
    end = r"(?![\w])"
    return _Cues(
        settlement=re.compile(
            r"(?:^|(?<![\w.]))(?:" + _alt(data["settlement_cues"]) + r")\s*:?\s*$"
        ),
        heads={lv: re.compile(r"^\s+(?:" + _alt(ws) + ")" + end) for lv, ws in heads.items()},
        # words begin with no space, so the longest run of spaces decides, as level by level
        heads_any=re.compile(
            r"^\s+(?:" + "|".join(f"(?P<{lv}>{_alt(ws)}){end}" for lv, ws in heads.items()) + ")"
        ),
        heads_of={
            lv: re.compile(r"\b(?:" + _alt(ws) + r")\s+of\s+$") for lv, ws in of_heads.items()
        },
        joiner=re.compile(r"^\s*(?:" + _alt(data["list_joiners"]) + r")\s*$"),
        institution=re.compile(r"^(?:'s)?\s+(?:" + _alt(data["institution_after"]) + ")"),
        institution_first=frozenset(w[:1] for w in data["institution_after"]),
        meto_after=re.compile(r"^(?:\s*(?:" + _alt_words(data["metonymy_after"]) + "))"),
        meto_before=re.compile(r"(?:^|\W)(?:" + _alt(data["metonymy_before"]) + r")\s+$"),
        river_after=re.compile(r"^\s+(?:" + _alt(data["river_after"]) + ")" + end),
        river_before=re.compile(r"(?:^|\W)(?:" + _alt(data["river_before"]) + r")\s*$"),
        river_places=frozenset(data["river_places"]),
        settlement_last=(
            None
            if any(not w or w[-1].isspace() or w[-1] == ":" for w in data["settlement_cues"])
            else frozenset(w[-1] for w in data["settlement_cues"])
        ),
        facility=re.compile(r"^\s+(?:" + _alt(data["facility_after"]) + ")"),
        stop_forms=frozenset(data["stop_forms"]),
    )


def _settlement_cue(before: str, cues: _Cues) -> bool:
    """ "с. Липці", "village of": ``before`` ends in a settlement cue (and spaces, a colon)."""
    if cues.settlement_last is not None:
        t = before.rstrip()
        if t.endswith(":"):
            t = t[:-1].rstrip()
        if not t or t[-1] not in cues.settlement_last:
            return False
    return bool(cues.settlement.search(before))


_INSTITUTION_AFTER, _ADMINISTRATION_AFTER = 1, 2
_ADMINISTRATION = re.compile(r"^\s+(?:ова|ода|мва|вга|кгва|гва)\b")


def _institution_after(after: str, cues: _Cues) -> int:
    """Whether an institution word follows (``after``: the text after a name): 0 for none,
    ``_INSTITUTION_AFTER``, or ``_ADMINISTRATION_AFTER`` for an abbreviation of a military
    administration ("ОВА", "МВА"), which also follows a noun."""
    # the regex needs spaces, then an institution word (after "'s"): look at that word first
    t = after[2:] if after.startswith("'s") else after
    if not t[:1].isspace() or t.lstrip()[:1] not in cues.institution_first:
        return 0
    if not cues.institution.match(after):
        return 0
    return _ADMINISTRATION_AFTER if _ADMINISTRATION.match(after) else _INSTITUTION_AFTER


def _institution(text: str, start: int, cands: tuple[Candidate, ...], after: int) -> bool:
    """ "Харківської ОВА", "Київська міська рада", "Kyiv City Military Administration": the
    name is part of an institution's name (``after``: what ``_institution_after`` found after
    it). Only adjectives and English names take the institution words after them; "у Києві
    військові", "на Харківщині поліція" are places."""
    if after == _ADMINISTRATION_AFTER:
        return True
    return any(c.kind == ELLIPTIC for c in cands) or text[start].isascii()


def _heads_pattern(kind: str, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The plural head words of ``kind`` ("oblast", "district") in every language, as a regex."""
    words = [
        w.lower()
        for lang in langdata.LANGS
        for w in langdata.load(lang, "places")["plural_heads"][kind]
    ]
    return re.compile(r"(?<!\w)(?:" + _alt([*words, *extra]) + r")(?!\w)")


@lru_cache(maxsize=1)
def _region_heads() -> re.Pattern[str]:
    # also one region named before ("41 over the Bryansk region and 17 over Kaluga")
    extra = ("regions", "region", "oblast", "регионами", "регионах", "регіонами", "регіонах")
    return _heads_pattern("oblast", extra)


@lru_cache(maxsize=1)
def _district_heads() -> re.Pattern[str]:
    return _heads_pattern("district")


def _districts_before(low: str, start: int) -> bool:
    """ "damage in seven districts, among them Sviatoshynskyi ... and Solomianskyi": a plural
    district word earlier in the same sentence."""
    before = low[max(0, start - 200) : start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    return bool(_district_heads().search(before[cut + 1 :]))
