"""The cue words of the statements component, read from ``lang/<lang>/statements.yaml``.

Split out of ``statements`` (the mechanism), which re-exports ``Cues`` and ``cues``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import LanguageDataError
from . import names as namesmod
from .persons_roles import trie_regex

__all__ = ["Cues", "country_words", "cues"]


@dataclass(frozen=True)
class Cues:
    after: frozenset[str]
    before: frozenset[str]
    before_needs_quote: bool
    openers: re.Pattern[str]
    pronouns: frozenset[str]
    anaphora: frozenset[str]
    max_gap_words: int
    min_quote_words: int
    relative: re.Pattern[str]
    conj: re.Pattern[str]
    anaphora_re: re.Pattern[str] | None
    # ``anaphora_re`` found faster: the character before the word first (the regex engine
    # skips ahead to it), the stems as a trie; the word is group "w". None: use anaphora_re
    anaphora_after: re.Pattern[str] | None
    clause_words: frozenset[str]
    platforms: frozenset[str]
    topics: frozenset[str]


def _stem(word: str) -> str:
    """A title word without its final vowel, so that every case form starts with it
    ("глава" -> "глав": главы, главе)."""
    return word[:-1] if len(word) > 3 and word[-1].lower() in "aeiouаеєиіїоуыэюя" else word


@cache
def cues(lang: str) -> Cues:
    lang = lang if lang in ("en", "uk", "ru") else "en"
    raw = namesmod.load_lang_yaml(lang, "statements")
    item = f"lang/{lang}/statements.yaml"
    for key in ("after", "before", "openers", "pronouns"):
        if not isinstance(raw.get(key), list) or not raw[key]:
            raise LanguageDataError(f"`{key}` must be a non-empty list", item=item)
    openers = sorted((str(o) for o in raw["openers"]), key=len, reverse=True)
    opener_re = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in openers)
        + r")(?:\s+(?-i:[a-zа-яіїєґё][\w'.-]*)){0,3}\s*$",
        re.I,
    )
    return Cues(
        after=frozenset(str(w).lower() for w in raw["after"]),
        before=frozenset(str(w).lower() for w in raw["before"]),
        before_needs_quote=bool(raw.get("before_needs_quote", False)),
        openers=opener_re,
        pronouns=frozenset(str(w).lower() for w in raw["pronouns"]),
        anaphora=frozenset(str(w).lower() for w in raw.get("anaphora") or []),
        max_gap_words=int(raw.get("max_gap_words", 4)),
        min_quote_words=int(raw.get("min_quote_words", 3)),
        clause_words=frozenset(str(w).lower() for w in raw.get("clause_words") or []),
        platforms=frozenset(str(w).lower() for w in raw.get("platforms") or []),
        topics=frozenset(str(w).lower() for w in raw.get("headline_topics") or []),
        # a title word in any case form ("губернатора", "мэру"): the role lexicon decides
        # whether the phrase around it is a title; bare nominatives are listed in `anaphora`
        anaphora_re=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(_stem(str(w))) for w in raw["anaphora"])
            + r")[\w]{0,4}(?![\w-])",
            re.I,
        )
        if raw.get("anaphora")
        else None,
        anaphora_after=_anaphora_after([_stem(str(w)) for w in raw.get("anaphora") or []]),
        conj=re.compile(
            r"\s*(?:,\s*)?(?:"
            + "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in raw.get("and") or ["and"])
            + r")\s+",
            re.I,
        ),
        relative=re.compile(
            r",\s+(?:"
            + "|".join(re.escape(str(w)) for w in raw.get("relative") or ["(?!)"])
            + r")\b[^,.;!?\n]{0,100},",
            re.I,
        ),
    )


def _anaphora_after(stems: list[str]) -> re.Pattern[str] | None:
    """``anaphora_re`` after the character before the word. A match of either ends where the
    word ends (stems are letters and the match runs to a non-word character), so which stem
    matched does not change it, and a trie of the stems matches the same words."""
    if not stems or not all(re.fullmatch(r"\w+", s) for s in stems):
        return None
    return re.compile(r"[^\w-](?P<w>" + trie_regex(set(stems)) + r"[\w]{0,4})(?![\w-])", re.I)


@cache
def country_words(lang: str) -> frozenset[str]:
    """Lower-case country words of ``lang/<lang>/roles.yaml`` ("ukrainian", "russia's")."""
    raw = namesmod.load_lang_yaml(lang if lang in ("en", "uk", "ru") else "en", "roles")
    return frozenset(str(w).lower() for ws in (raw.get("countries") or {}).values() for w in ws)
