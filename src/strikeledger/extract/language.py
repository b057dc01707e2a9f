"""Language identification: en, uk, ru, or other."""

from __future__ import annotations

import re

_UK_ONLY = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY = re.compile("[ыэёъЫЭЁЪ]")
_CYRILLIC = re.compile("[а-яА-Я]")
_LATIN = re.compile("[a-zA-Z]")


def detect_language(text: str) -> str:
    """A script-based first cut; replaced by a model-based detector where it matters."""
    sample = text[:4000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr == 0 and lat == 0:
        return "other"
    if cyr > lat:
        uk = len(_UK_ONLY.findall(sample))
        ru = len(_RU_ONLY.findall(sample))
        return "uk" if uk >= ru else "ru"
    return "en"
