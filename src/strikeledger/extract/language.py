"""Language identification: ``en``, ``uk``, ``ru`` or ``other``.

Two stages, so that an Air-Force-sized post costs microseconds and a headline is still right:

1. A script pre-pass over the first ``language_sample_chars`` characters. No Latin or Cyrillic
   letters: ``other``. Mostly Cyrillic: letters only Ukrainian uses (і ї є ґ) against letters
   only Russian uses (ы э ё ъ), plus frequent words that only one of them uses ("що", "від",
   "також" / "что", "от", "также"), decide when the evidence is one-sided and strong.
   Mostly Latin: enough distinctly English function words ("the", "of", "said") make it
   ``en``. Cyrillic letters of Belarusian, Serbian or Kazakh send the text to the model.
2. Otherwise the lingua model (``lingua-language-detector``, shipped with its models), built once
   and lazily, restricted to English, Ukrainian, Russian and a few languages that must come
   out as ``other`` (German, French, Polish, …).

The cue letters and words live in ``lang/language.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .. import settings

__all__ = ["LANGUAGES", "detect_language", "script_guess"]

LANGUAGES = ("en", "uk", "ru", "other")

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_TOKEN = re.compile(r"[^\W\d_]+")
# runs of one script: counting letters as the summed lengths of runs builds a list of words, not
# one string per letter (the same counts, about twice as fast)
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]+")
_LATIN_RUN = re.compile("[A-Za-z\u00c0-\u024f]+")

# Pre-pass thresholds: how one-sided the evidence must be to skip the model.
_MIN_SCORE = 3  # letters + 2 x words of one language when the other has none
_DOMINANCE = 4  # or this many times the other language's score (and at least 2 x _MIN_SCORE)
_EN_MIN_HITS = 2
_EN_MIN_RATIO = 0.12
# how close (a fraction of the best other language's confidence) en/uk/ru must come to win
_PRIOR = 0.45


@dataclass(frozen=True)
class _Cues:
    uk_letters: re.Pattern[str]
    ru_letters: re.Pattern[str]
    other_letters: re.Pattern[str]
    uk_words: frozenset[str]
    ru_words: frozenset[str]
    en_words: frozenset[str]
    other_languages: tuple[str, ...]


def _charset(letters: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(letters) + "]") if letters else re.compile("(?!)")


@cache
def _cues() -> _Cues:
    path = resources.files("strikeledger.extract").joinpath("lang", "language.yaml")
    from .langdata import parse_yaml  # "no", "on" stay words, not booleans

    d: dict[str, Any] = parse_yaml(path.read_text(encoding="utf-8"))

    def words(lang: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in d[lang]["stopwords"])

    return _Cues(
        uk_letters=_charset(d["uk"]["letters"]),
        ru_letters=_charset(d["ru"]["letters"]),
        other_letters=_charset(d["other_cyrillic_letters"]),
        uk_words=words("uk"),
        ru_words=words("ru"),
        en_words=words("en"),
        other_languages=tuple(str(x).upper() for x in d.get("other_languages") or []),
    )


@cache
def _detector() -> Any:
    """The lingua detector, built on first use (it loads its models lazily itself)."""
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN]
    for name in _cues().other_languages:
        lang = getattr(Language, name, None)
        if lang is not None:
            langs.append(lang)
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _model(text: str) -> str | None:
    """The model's answer, with a prior for the three languages the project reads: one of them
    wins when its confidence is at least ``_PRIOR`` times the best other language's (on short
    texts the model often hesitates between Russian and Bulgarian, English and French)."""
    from lingua import Language

    ours = {Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.RUSSIAN: "ru"}
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value <= 0:
        return None
    top = values[0]
    if top.language in ours:
        return ours[top.language]
    best = next((v for v in values if v.language in ours), None)
    if best is not None and best.value >= _PRIOR * top.value:
        return ours[best.language]
    return "other"


def script_guess(text: str) -> str | None:
    """The pre-pass alone: a language when the script and cue words settle it, else None."""
    cues = _cues()
    cyr = sum(map(len, _CYRILLIC_RUN.findall(text)))
    lat = sum(map(len, _LATIN_RUN.findall(text)))
    if cyr == 0 and lat == 0:
        return "other"
    tokens = _TOKEN.findall(text.lower())
    if cyr > 2 * lat:
        if len(cues.other_letters.findall(text)) >= 2:
            return None
        uk_l = len(cues.uk_letters.findall(text))
        ru_chars = cues.ru_letters.findall(text)
        if ru_chars and all(c in "ъЪ" for c in ru_chars) and len(ru_chars) >= 3:
            return None  # hard signs but no ы/э/ё: Bulgarian, or old spelling
        uk = uk_l + 2 * sum(1 for t in tokens if t in cues.uk_words)
        ru = len(ru_chars) + 2 * sum(1 for t in tokens if t in cues.ru_words)
        if uk >= _MIN_SCORE and (ru == 0 or (uk >= _DOMINANCE * ru and uk >= 2 * _MIN_SCORE)):
            return "uk"
        if ru >= _MIN_SCORE and (uk == 0 or (ru >= _DOMINANCE * uk and ru >= 2 * _MIN_SCORE)):
            return "ru"
        return None
    if lat > 2 * cyr and tokens:
        hits = sum(1 for t in tokens if t in cues.en_words)
        if hits >= _EN_MIN_HITS and hits / len(tokens) >= _EN_MIN_RATIO:
            return "en"
    return None


def detect_language(text: str) -> str:
    """The language of a text: "en", "uk", "ru" or "other"."""
    sample = text[: settings.LANGUAGE_SAMPLE_CHARS.get()]
    guess = script_guess(sample)
    if guess is not None:
        return guess
    found = _model(sample)
    if found is not None:
        return found
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr > lat:
        return "uk" if _cues().uk_letters.search(sample) else "ru"
    return "en" if lat else "other"
