"""The casualty language tables of one language, compiled once (see :mod:`casualties`).

``lang/<lang>/casualties.yaml`` lists cue words, casualty nouns, groups of people, qualifiers,
subgroup markers and the words that break or qualify a link; :func:`lexicon` compiles them into
one phrase trie (labels ``m:<measure>``, ``n:<measure>``, ``toll:<measure>``,
``g:<group>:<s|p>``, ``inc``, ``among``, ``hist``, ``bar``, ``nv``, ``ns:<measure>``,
``area:<city|country>``) and small phrase sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .casualties_lexicon import PhraseMatcher, PhraseSet, casualty_data

__all__ = ["Lexicon", "lexicon"]


@dataclass(slots=True)
class Lexicon:
    main: PhraseMatcher
    qualifiers: list[tuple[str, PhraseSet]]
    skip_before: PhraseSet
    skip_after: PhraseSet
    auxiliaries: PhraseSet
    neg_before: PhraseSet
    neg_after: PhraseSet
    breaks: frozenset[str]
    not_persons: PhraseSet
    toll_before: PhraseSet
    pronouns: frozenset[str]
    determiners: frozenset[str]
    plural_pronouns: frozenset[str]
    age_after: PhraseSet
    age_of: PhraseSet
    after_bare: frozenset[str]
    birth_before: PhraseSet
    birth_after: PhraseSet
    counting_people: frozenset[str]
    partitive: PhraseSet
    nominal_before: PhraseSet
    purpose_before: PhraseSet
    rate_after: PhraseSet
    record_words: PhraseSet
    group_before: PhraseSet
    earlier_before: PhraseSet
    place_preps: frozenset[str]
    claimants: list[dict[str, Any]]
    extra_numbers: dict[str, int]


@cache
def lexicon(lang: str) -> Lexicon:
    data = casualty_data(lang)
    main = PhraseMatcher(())
    for measure, forms in data["measures"].items():
        for f in forms:
            main.add(f, "m:" + measure)
    for measure, forms in data["nouns"].items():
        for f in forms:
            main.add(f, "n:" + measure)
    for measure, forms in data["toll"].items():
        for f in forms:
            main.add(f, "toll:" + measure)
    for group, forms in data["groups"].items():
        for f in forms.get("singular") or []:
            main.add(f, f"g:{group}:s")
        for f in forms.get("plural") or []:
            main.add(f, f"g:{group}:p")
    for f in data["including"]:
        main.add(f, "inc")
    for f in data["among_after"]:
        main.add(f, "among")
    for f in [*data["historical"], *(data.get("losses") or [])]:
        main.add(f, "hist")
    for f in data["barriers"]:
        main.add(f, "bar")
    for f in data.get("not_victims") or []:
        main.add(f, "nv")
    for f in data.get("area_city") or []:
        main.add(f, "area:city")
    for f in data.get("area_country") or []:
        main.add(f, "area:country")
    for f in data.get("area_total") or []:
        main.add(f, "area:total")
    for f in data.get("area_region") or []:
        main.add(f, "area:region")
    for measure, forms in (data.get("nominal_singular") or {}).items():
        for f in forms:
            main.add(f, "ns:" + measure)
    quals = [(q, PhraseSet(forms)) for q, forms in (data["qualifiers"] or {}).items() if forms]
    return Lexicon(
        main=main,
        qualifiers=quals,
        skip_before=PhraseSet(data["skip_before"]),
        skip_after=PhraseSet(data["skip_after"]),
        auxiliaries=PhraseSet(data.get("auxiliaries") or []),
        neg_before=PhraseSet(data["negations_before"]),
        neg_after=PhraseSet(data["negations_after"]),
        breaks=frozenset(w.lower() for w in data["breaks"] if " " not in w),
        not_persons=PhraseSet(data["not_persons"]),
        toll_before=PhraseSet(data["toll_before"]),
        pronouns=frozenset(w.lower() for w in data["pronouns"]),
        determiners=frozenset(w.lower() for w in data.get("determiners") or []),
        plural_pronouns=frozenset(w.lower() for w in data.get("plural_pronouns") or []),
        age_after=PhraseSet(data.get("age_after") or []),
        age_of=PhraseSet(data.get("age_of") or []),
        after_bare=frozenset(w.lower() for w in data.get("after_bare") or []),
        birth_before=PhraseSet(data.get("birth_year") or []),
        birth_after=PhraseSet(data.get("birth_year_after") or []),
        counting_people=frozenset(w.lower() for w in (data.get("counting_people") or [])),
        partitive=PhraseSet(data.get("partitive") or []),
        nominal_before=PhraseSet(data.get("nominal_before") or []),
        purpose_before=PhraseSet(data.get("purpose_before") or []),
        rate_after=PhraseSet(data.get("rate_after") or []),
        record_words=PhraseSet(data.get("record_words") or []),
        group_before=PhraseSet(data.get("group_before") or []),
        earlier_before=PhraseSet(data.get("earlier_before") or []),
        place_preps=frozenset(w.lower() for w in data.get("place_prepositions") or []),
        claimants=list(data["claimants"]),
        extra_numbers={
            str(k).lower(): int(v) for k, v in (data.get("extra_numbers") or {}).items()
        },
    )
