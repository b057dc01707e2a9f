"""The numeral lexicon of ``find_numbers``: ``lang/<lang>/numbers.yaml`` read into word entries.

Split out of ``numbers`` (the mechanism) so that the data side — the schemas of the numbers and
dates files, ``lang_data`` and the lexicon built from them — reads on its own. ``numbers``
re-exports ``lang_data`` and ``_SCHEMAS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from . import langdata

__all__ = ["LANGS", "SCHEMAS", "Entry", "Lexicon", "lang_data", "lexicon", "word_class"]

LANGS = ("en", "uk", "ru")


_PHRASES = "list[str]"
SCHEMAS: dict[str, Any] = {
    "numbers": {
        "words": "dict[str,int]",
        "paradigm_words?": "any",
        "paradigms?": "dict[str,list[str]]",
        "more_words?": "dict[str,int]",
        "hundred": "any",
        "scales": "any",
        "scale_alone": "any",
        "approx_nouns": "any",
        "approx_alone": "any",
        "ambiguous_plural?": "any",
        "singular_after": "any",
        "articles": "any",
        "conjunctions": "any",
        "hyphen_joins": "bool",
        "fractions": "any",
        "percent_words": _PHRASES,
        "age_after": _PHRASES,
        "age_before": "any",
        "ordinal_suffixes": _PHRASES,
        "cardinal_suffixes": "any",
        "year_after": "any",
        "year_before": _PHRASES,
        "ordinal_words": _PHRASES,
        "clock_after": _PHRASES,
    },
    "dates": {
        "months": "any",
        "weekdays": "any",
        "months_in": "any",
        "year_words": "any",
        "last_year": _PHRASES,
        "timezones": "dict[str,str]",
        "comparatives": _PHRASES,
        "since_words": _PHRASES,
        "triggers": _PHRASES,
        "holidays?": "dict[str,str]",
        "cues": {"*": "any"},
    },
}


def lang_data(lang: str, name: str) -> dict[str, Any]:
    """The file ``lang/<lang>/<name>.yaml`` through ``langdata`` (cached, validated: a bad file
    raises ``LanguageDataError`` SL-E200 naming the file and the key)."""
    return langdata.load(lang, name, schema=SCHEMAS.get(name))


# --- the lexicon -------------------------------------------------------------------------------

_WORD, _HUNDRED, _SCALE, _APPROX, _ARTICLE, _FRACTION, _CONJ = range(7)
# classes of a word numeral inside a group of three digits
_UNIT, _TEEN, _TENS, _HUNDREDS = range(4)


@dataclass(frozen=True, slots=True)
class Entry:
    kind: int
    value: float
    alone: bool = False  # a scale/approx noun form that means "one of it" by itself
    ambiguous: bool = False  # "сотні": one hundred after "близько", else vague


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]
    singular_after: frozenset[str]
    hyphen_joins: bool
    percent_words: tuple[str, ...]
    age_after: tuple[str, ...]
    age_before: frozenset[str]
    ordinal_suffixes: frozenset[str]
    cardinal_suffixes: frozenset[str]
    ordinal_words: frozenset[str]
    year_after: frozenset[str]
    year_before: frozenset[str]
    clock_after: tuple[str, ...]
    months: frozenset[str]
    # months written with an abbreviation dot ("Sept. 4"): after any other month a dot ends
    # the sentence, so "in March. Two people ..." is no date
    months_dotted: frozenset[str] = frozenset()
    age_stems: tuple[str, ...] = ()  # age_after without a leading hyphen
    age_tails: tuple[str, ...] = ()  # " year-old", "-year-old" …


def _forms(v: Any) -> list[str]:
    return [str(x).lower() for x in (v or [])]


@cache
def lexicon(lang: str) -> Lexicon:
    if lang not in LANGS:
        lang = "en"
    d = lang_data(lang, "numbers")
    entries: dict[str, Entry] = {}
    for form, value in (d.get("words") or {}).items():
        entries[str(form).lower()] = Entry(_WORD, float(value))
    for form, value in (d.get("more_words") or {}).items():
        entries[str(form).lower()] = Entry(_WORD, float(value))
    paradigms = d.get("paradigms") or {}
    for pname, words in (d.get("paradigm_words") or {}).items():
        endings = _forms(paradigms.get(pname))
        nominative_end = endings[0] if endings else ""
        for form, value in (words or {}).items():
            stem = str(form).lower()[: len(str(form)) - len(nominative_end)]
            for ending in endings:
                entries[stem + ending] = Entry(_WORD, float(value))
    for form in _forms(d.get("hundred")):
        entries[form] = Entry(_HUNDRED, 100.0)
    for kind, key, alone_key in (
        (_SCALE, "scales", "scale_alone"),
        (_APPROX, "approx_nouns", "approx_alone"),
    ):
        alone = {f: float(v) for v, fs in (d.get(alone_key) or {}).items() for f in _forms(fs)}
        ambiguous = {f for v, fs in (d.get("ambiguous_plural") or {}).items() for f in _forms(fs)}
        for value, forms in (d.get(key) or {}).items():
            for f in _forms(forms):
                entries[f] = Entry(kind, float(value), alone=f in alone, ambiguous=f in ambiguous)
    for f in _forms(d.get("articles")):
        entries.setdefault(f, Entry(_ARTICLE, 1.0))
    for value, forms in (d.get("fractions") or {}).items():
        for f in _forms(forms):
            if " " not in f:
                entries[f] = Entry(_FRACTION, float(value))
    for f in _forms(d.get("conjunctions")):
        entries.setdefault(f, Entry(_CONJ, 0.0))
    months = {
        f for fs in (lang_data(lang, "dates").get("months") or {}).values() for f in _forms(fs)
    }
    return Lexicon(
        entries=entries,
        singular_after=frozenset(_forms(d.get("singular_after"))),
        hyphen_joins=bool(d.get("hyphen_joins")),
        percent_words=tuple(_forms(d.get("percent_words"))),
        age_after=tuple(_forms(d.get("age_after"))),
        age_before=frozenset(_forms(d.get("age_before"))),
        ordinal_suffixes=frozenset(_forms(d.get("ordinal_suffixes"))),
        cardinal_suffixes=frozenset(_forms(d.get("cardinal_suffixes"))),
        ordinal_words=frozenset(_forms(d.get("ordinal_words"))),
        year_after=frozenset(_forms(d.get("year_after"))),
        year_before=frozenset(_forms(d.get("year_before"))),
        clock_after=tuple(_forms(d.get("clock_after"))),
        months=frozenset(m.rstrip(".") for m in months),
        months_dotted=frozenset(m.rstrip(".") for m in months if m.endswith(".")),
        age_stems=tuple(a.lstrip("-") for a in _forms(d.get("age_after")) if a.lstrip("-")),
        age_tails=tuple(
            sep + a.lstrip("-") for a in _forms(d.get("age_after")) if a for sep in (" ", "-")
        ),
    )


def word_class(v: float) -> int:
    if v < 10:
        return _UNIT
    if v < 20:
        return _TEEN
    if v < 100:
        return _TENS
    return _HUNDREDS
