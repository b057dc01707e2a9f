"""Person names: transliteration, inflected forms and given-name lookup.

The mechanism lives here; the letters, endings and given names live in
``extract/lang/{en,uk,ru}/persons.yaml``. Ukrainian names are romanised with the national
transliteration (Cabinet of Ministers Resolution No. 55, 2010), Russian ones with a
BGN/PCGN-style table; the scorer compares folded last names, so both matter.

Public helpers (used by ``persons``, ``statements`` and ``kb.officials``):
``transliterate(text, lang)``, ``oblique_forms(word, lang)``, ``nominative_guess(word, lang)``,
``given_name(word, lang)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import LanguageDataError

__all__ = [
    "NameData",
    "given_name",
    "load_lang_yaml",
    "name_data",
    "nominative_guess",
    "oblique_forms",
    "transliterate",
]

CYRILLIC_LANGS = ("uk", "ru")
_VOWELS = frozenset("аеёиоуыэюяіїєьъ")


# Schemas of the files of the statements/persons components (checked by extract.langdata).
SCHEMAS: dict[str, Any] = {
    "persons": {
        "declension?": [{"nom": "any", "oblique": "any"}],  # "" = any other ending
        "given_names": "list[str]",
        "given_forms?": "dict[str,list[str]]",
        "transliteration?": {
            "letters": "any",
            "initial?": "any",
            "pairs?": "any",
            "after_vowel?": "any",
        },  # "ь": ""
        "not_names?": "list[str]",
        "surname_endings?": "list[str]",
        "surname_nominative?": [{"oblique": "str", "nom": "any"}],
        "particles?": "list[str]",
        "articles?": "list[str]",
    },
    "roles": {
        "countries": "dict[str,list[str]]",
        "former?": "list[str]",
        "acting?": "list[str]",
        "country_after?": "list[str]",
        "fillers?": "list[str]",
        "roles": [{"role": "any", "patterns": "list[str]", "country?": "str", "place?": "str"}],
    },
    "statements": {
        "after": "list[str]",
        "before": "list[str]",
        "before_needs_quote?": "bool",
        "openers": "list[str]",
        "pronouns": "list[str]",
        "anaphora?": "list[str]",
        "surname_endings?": "list[str]",
        "clause_words?": "list[str]",
        "platforms?": "list[str]",
        "headline_topics?": "list[str]",
        "relative?": "list[str]",
        "and?": "list[str]",
        "max_gap_words?": "int",
        "min_quote_words?": "int",
    },
}


def load_lang_yaml(lang: str, name: str) -> dict[str, Any]:
    """One language data file (``extract/lang/<lang>/<name>.yaml``), cached and validated
    against its schema by ``extract.langdata``."""
    from . import langdata

    return langdata.load(lang, name, schema=SCHEMAS.get(name))


@dataclass(frozen=True)
class NameData:
    lang: str
    declension: tuple[tuple[str, tuple[str, ...]], ...]
    given: dict[str, tuple[str, bool]]  # lower-case form -> (nominative, form is nominative)
    irregular: dict[str, tuple[str, ...]]  # nominative -> case forms rules cannot make
    lemma: tuple[tuple[str, str], ...]  # oblique surname ending -> nominative ending
    letters: dict[str, str]
    initial: dict[str, str]
    pairs: dict[str, str]
    after_vowel: dict[str, str] = field(default_factory=dict)


@cache
def name_data(lang: str) -> NameData:
    raw = load_lang_yaml(lang, "persons")
    item = f"lang/{lang}/persons.yaml"
    decl: list[tuple[str, tuple[str, ...]]] = []
    for rule in raw.get("declension") or []:
        if not isinstance(rule, dict) or "nom" not in rule or "oblique" not in rule:
            raise LanguageDataError("declension rules need `nom` and `oblique`", item=item)
        decl.append((str(rule["nom"]), tuple(str(x) for x in rule["oblique"])))
    decl.sort(key=lambda r: -len(r[0]))
    translit = raw.get("transliteration") or {}
    data = NameData(
        lang=lang,
        declension=tuple(decl),
        given={},
        lemma=tuple(
            (str(r["oblique"]), str(r["nom"])) for r in raw.get("surname_nominative") or []
        ),
        irregular={
            str(k): tuple(str(f) for f in v) for k, v in (raw.get("given_forms") or {}).items()
        },
        letters={str(k): str(v) for k, v in (translit.get("letters") or {}).items()},
        initial={str(k): str(v) for k, v in (translit.get("initial") or {}).items()},
        pairs={str(k): str(v) for k, v in (translit.get("pairs") or {}).items()},
        after_vowel={str(k): str(v) for k, v in (translit.get("after_vowel") or {}).items()},
    )
    names = raw.get("given_names")
    if not isinstance(names, list) or not names:
        raise LanguageDataError("`given_names` must be a non-empty list", item=item)
    for name in names:
        nom = str(name)
        for form in oblique_forms_with(nom, data.declension) | set(data.irregular.get(nom, ())):
            data.given.setdefault(form.lower(), (nom, False))
        data.given[nom.lower()] = (nom, True)
    return data


def oblique_forms_with(word: str, declension: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    for nom, endings in declension:
        if word.lower().endswith(nom) and (nom or word[-1:].lower() not in "аеєиіїоуюяыэё"):
            stem = word[: len(word) - len(nom)] if nom else word
            return {stem + e for e in endings}
    return set()


def oblique_forms(word: str, lang: str) -> set[str]:
    """Inflected forms of a nominative name word ("Синєгубов" -> "Синєгубова", …)."""
    if lang not in CYRILLIC_LANGS:
        return set()
    data = name_data(lang)
    return oblique_forms_with(word, data.declension) | set(data.irregular.get(word, ()))


def given_name(word: str, lang: str) -> tuple[str, bool] | None:
    """(nominative, is_nominative) when ``word`` is a form of a known given name."""
    data = name_data(lang if lang in ("en", "uk", "ru") else "en")
    return data.given.get(word.lower())


def nominative_guess(word: str, lang: str, oblique: bool) -> str:
    """A best guess at the nominative of an unknown surname seen next to a given name in an
    oblique case ("Малкова" after "Павла" -> "Малков"), by the ``surname_nominative`` rules of
    ``lang/<lang>/persons.yaml`` (first matching ending wins; the stem keeps 3+ letters)."""
    if lang not in CYRILLIC_LANGS or not oblique:
        return word
    low = word.lower()
    for suffix, repl in name_data(lang).lemma:
        if low.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def transliterate(text: str, lang: str) -> str:
    """Latin spelling of a Cyrillic name; Latin text is returned as it is."""
    if lang not in CYRILLIC_LANGS:
        lang = "uk" if any(c in "іїєґІЇЄҐ" for c in text) else "ru"
    data = name_data(lang)
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        low = ch.lower()
        at_start = i == 0 or not (text[i - 1].isalpha() or text[i - 1] == "'")
        pair = text[i : i + 2].lower()
        if pair in data.pairs and (
            pair not in ("ий", "ый") or i + 2 == n or not text[i + 2].isalpha()
        ):
            lat = data.pairs[pair]
            i += 2
        elif low in data.letters:
            lat = data.letters[low]
            if at_start:
                lat = data.initial.get(low, lat)
            elif text[i - 1].lower() in _VOWELS:
                lat = data.after_vowel.get(low, lat)  # "Развожаев" -> Razvozhayev (BGN/PCGN)
            i += 1
        else:
            out.append(ch)
            i += 1
            continue
        if ch.isupper() and lat:
            lat = lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)
