"""Damage: what was hit or damaged, by category, and where.

A word for a kind of site ("багатоповерхівка", "substation", "нефтебаза", "school") is a damage
item only when a damage cue ("damaged", "пошкоджено", "влучання", "загорелся", "hit" …) stands
in the same sentence within ``damage_cue_window_tokens`` words, so a school mentioned in a
story about lessons is not listed. Phrases in which a category word names something else ("taken
to hospital", "military administration", "the southern port of Odesa") are listed as
``exclude`` in the language data: the matcher reads them as one phrase, so the word inside them is
not seen as a site. One item per (category, place); the place is linked like a casualty's
(:mod:`casualties_places`).

Notes read: ``casualty_tokens``, ``casualty_victim_spans`` and ``casualty_cue_spans`` (when the
casualties component ran), ``place_mentions`` (a site word inside a place name is not a site),
``places_by_id``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from .. import settings
from ..report import DAMAGE_CATEGORIES, Damage, Span
from . import guard
from .casualties import document_tokens
from .casualties_lexicon import (
    Match,
    PhraseMatcher,
    PhraseSet,
    Tokens,
    casualty_data,
    damage_data,
    has_data,
    title_phrases,
)
from .casualties_places import PlaceLinker, place_linker

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["component"]

# A weak cue ("debris", "удар") counts only this close to the site word.
_WEAK_WINDOW = 6


@cache
def _matcher(lang: str) -> PhraseMatcher:
    data = damage_data(lang)
    m = PhraseMatcher(())
    for category, forms in data["categories"].items():
        if category not in DAMAGE_CATEGORIES:
            from ..errors import LanguageDataError

            raise LanguageDataError(
                f"unknown damage category {category!r}", item=f"extract/lang/{lang}/damage.yaml"
            )
        for f in forms or []:
            m.add(f, "cat:" + category)
    for k, entry in enumerate(data.get("absorbable") or []):
        for f in entry["forms"]:
            m.add(f, f"abs:{k}")
    for f in data["cues"]:
        m.add(f, "cue")
    for f in data.get("weak_cues") or []:
        m.add(f, "cue")
        m.add(f, "weak")
    for f in data["exclude"]:
        m.add(f, "excl")
    for f in data.get("uppercase") or []:
        m.add(f, "upper")
    if has_data(lang, "casualties"):
        # war-wide and year-to-date totals ("с начала года ... атаковали 20 НПЗ") are not damage
        for f in casualty_data(lang)["historical"]:
            m.add(f, "hist")
    return m


def component(ctx: Context) -> None:
    if not has_data(ctx.lang, "damage"):
        return
    toks = document_tokens(ctx)
    matches = _matcher(ctx.lang).find(toks.words)
    if not any(m.has("cue") for m in matches):
        return
    window = settings.DAMAGE_CUE_WINDOW_TOKENS.get()
    near_words = _near_phrases(ctx.lang)
    negated = _negations(ctx.lang)
    weak = min(window, _WEAK_WINDOW)
    starts = [m.start for m in matches]
    # Words right after a counted group name the people, not a site: "сотрудник предприятия".
    people = {t for a, b in ctx.notes.get("casualty_victim_spans") or [] for t in range(a, b + 1)}
    # ... nor a place name ("Маслова Пристань", "Port Chalmers") ...
    for pm in ctx.notes.get("place_mentions") or []:
        people.update(range(toks.at(pm.start), toks.ending_at(pm.end)))
    # ... and a casualty cue linked to a victim is not a site: "taken to hospital", "у лікарні".
    people.update(t for a, b in ctx.notes.get("casualty_cue_spans") or [] for t in range(a, b))
    places: PlaceLinker | None = None
    seen: set[tuple[str, str | None]] = set()
    text = ctx.text
    prev_named: set[str] = set()
    for sent in ctx.sentences:
        guard.tick()
        lo = toks.at(sent.start)
        hi = toks.ending_at(sent.end)
        a = bisect_left(starts, lo)
        b = bisect_left(starts, hi)
        if a == b:
            prev_named = set()
            continue
        smatches: list[Match] = matches[a:b]
        named = {c for x in smatches for c in x.values("cat:")}
        named.update(_site_names(ctx.lang, x.values("abs:")) for x in smatches if x.has("abs:"))
        named.discard("")
        context, prev_named = named | prev_named, named
        cues: list[Match] = []
        denied: list[Match] = []
        for m in smatches:
            if m.has("cue"):
                neg = negated.ends_before(toks.words, m.start, max(lo, m.start - 3))
                (denied if neg else cues).append(m)
        if not cues or any(m.has("hist") for m in smatches):
            continue
        for m in smatches:
            if any(t in people for t in range(m.start, m.end)):
                continue
            if ctx.lang in ("uk", "ru") and _in_name(text, toks, m.start, lo):
                continue
            cats = m.values("cat:")
            for k in m.values("abs:"):
                cats = [_absorbed_category(ctx.lang, int(k), named, context)]
            if not cats:
                continue
            near_cues = [c for c in cues if _gap(m, c) <= (weak if c.has("weak") else window)]
            if not near_cues:
                continue
            if m.has("upper") and not text[toks.starts[m.start] : toks.ends[m.end - 1]].isupper():
                continue  # "сто дронів" (a hundred), not "СТО" (a car-repair station)
            if near_words.ends_before(toks.words, m.start, max(lo, m.start - 4)):
                continue  # "near an oil depot": the site was not hit
            near = min(near_cues, key=lambda c: _gap(m, c))
            if any(_gap(m, c) < _gap(m, near) for c in denied):
                continue  # "Школа не пострадала, но повреждены окна": the school was not hit
            s = min(toks.starts[m.start], toks.starts[near.start])
            e = max(toks.ends[m.end - 1], toks.ends[near.end - 1])
            if e - s > settings.MAX_EVIDENCE_CHARS.get():
                s, e = toks.starts[m.start], toks.ends[m.end - 1]
            if places is None:
                places = place_linker(ctx, toks, title_phrases(ctx.lang))
            place = places.at(toks.starts[m.start], toks.ends[m.end - 1])
            for cat in cats:
                key = (cat, place)
                if key in seen:
                    continue
                seen.add(key)
                ctx.report.damage.append(
                    Damage(
                        attacker=places.attacker(place),
                        category=cat,
                        evidence=Span.of(text, s, e),
                        rule=f"{ctx.lang}.damage.{cat}.v1",
                        place=place,
                    )
                )


@cache
def _negations(lang: str) -> PhraseSet:
    """Words that deny the damage cue after them ("was not damaged", "не пострадал")."""
    return PhraseSet(damage_data(lang).get("negations_before") or [])


@cache
def _near_phrases(lang: str) -> PhraseSet:
    """Words after which a site was only near the hit ("near an oil depot", "біля нафтобази");
    an article may stand between them and the site."""
    forms = list(damage_data(lang).get("near_before") or [])
    dets = ["a", "an", "the"] if lang == "en" else []
    return PhraseSet([*forms, *(f"{f} {d}" for f in forms for d in dets)])


def _site_names(lang: str, ks: list[str]) -> str:
    """The category an absorbable phrase names for the others of its sentence ("на території
    підприємства ... склад": the warehouse is the enterprise's), or "" when it names none."""
    for k in ks:
        entry = damage_data(lang)["absorbable"][int(k)]
        if entry.get("names_site"):
            return str(entry["default"])
    return ""


def _absorbed_category(lang: str, k: int, sentence: set[str], context: set[str]) -> str:
    """A warehouse belongs to the port, depot or farm named in its sentence ("the territory of
    the enterprise" also to one named in the sentence before); alone it is industrial."""
    entry = damage_data(lang)["absorbable"][k]
    named = context if entry.get("scope") == "previous" else sentence
    for cat in entry["absorbed_by"]:
        if cat in named:
            return str(cat)
    return str(entry["default"])


def _in_name(text: str, toks: Tokens, i: int, lo: int) -> bool:
    """ "в Масловой Пристани": a capitalised word after a capitalised word inside a Ukrainian
    or Russian sentence is part of a proper name, not a site."""
    if i - 1 <= lo:
        return False
    here, before = text[toks.starts[i]], text[toks.starts[i - 1]]
    return here.isupper() and before.isupper()


def _gap(a: Match, b: Match) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0
