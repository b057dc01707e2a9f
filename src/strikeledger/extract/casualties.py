"""Casualties: people killed, injured, missing, rescued, hospitalised or trapped.

The component works sentence by sentence on the document's tokens (``casualties_lexicon``):

1. **Victims** are the groups of people a sentence counts: a number with a person noun ("23
   people", "двоє мирних жителів", "Two police officers"), a number with a casualty noun ("32
   wounded", "Четверо постраждалих" — the noun's measure is kept only when no other cue applies),
   a bare number right after a casualty verb ("wounding 19", "Поранено 12") or after the toll
   words ("the death toll rose to 18 from nine"), and a person noun in the singular without a
   numeral ("a woman", "водитель", "58-річний чоловік" = 1). Ages ("12-year-old", "14-летний",
   "1967 года рождения") are not counts: they make a minor a child.
2. **Cues** are the casualty words ("killed", "поранено", "госпитализирован", "among the dead").
   Each cue goes to the nearest victim in its sentence, nearness being the words between them
   plus a penalty for each comma or conjunction; "said", "according to" and quotation marks break
   the link. A victim no cue chose takes its own nearest cue.
3. **Subgroups** ("23 people, including two children", "three children among them", "двоє людей
   – чоловік і жінка", a sentence starting "Серед них") share their group's measures; a cue after
   "N, including M," applies to the whole group.
4. Negated cues ("no one was hurt", "пострадавших нет"), war-wide, year-to-date and
   battlefield-loss totals ("since the full-scale invasion", "с начала года", "потери ВСУ"),
   events of an earlier year, capacities ("a centre for 300 wounded") and parts that only
   restate their group ("two of the injured were in grave condition") are dropped.
5. A sentence that names nobody but has a cue after a pronoun ("Їх госпіталізовано", "Все они
   доставлены в больницу") or a casualty noun without a number ("Пострадавших доставили в
   больницу") gives that measure to the people of the sentence before, also across a paragraph
   break (Telegram posts put one sentence per paragraph); so does a sentence opening "Серед них".
6. A number without a noun in a clause parallel to a counted group ("у Дніпрі – щонайменше
   двоє", "в Рыльске — один", "and one in Nikopol") or after "ранее сообщалось о" counts the same
   people with the same measures (``casualties_victims.SentenceVictims._elliptic_victims``).

Each item carries the place from :mod:`casualties_places` (a count said to cover "the whole
city" takes the city), the attacker that follows from the place's country (``attacker``, an
extra report-v1 field) and the rule that made it (``uk.casualty.number.v1`` …). Items with the
same (measure, who, value) are merged, keeping a non-exact qualifier when one of them has it, so
a headline "kill four" and a body "at least four" give one item "at least 4", and the place of
the mention most closely linked to a place.

Notes read: ``place_mentions``, ``places_by_id`` (places component), ``numbers`` and
``figure_tokens`` (figures component; found again when absent). Notes written:
``casualty_tokens`` (the :class:`Tokens` of the text, reused by the damage component) and
``casualty_victim_spans`` and ``casualty_cue_spans`` (token ranges of the people counted and of
the cues linked to them, so that damage does not read "сотрудник предприятия", "port workers"
or "taken to hospital" as a damaged site).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from .. import settings
from ..report import Casualty, Span
from . import guard
from .casualties_lexicon import (
    Tokens,
    claimant_matcher,
    has_data,
    title_phrases,
    tokenize,
    tokenize_from,
)
from .casualties_places import ClaimantFinder, PlaceLinker, place_linker
from .casualties_victims import Cue, SentenceVictims, Victim, lexicon
from .numbers import Number, find_numbers

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["component", "document_tokens"]


_QUALIFIER_RANK = {
    "exact": 0,
    "approx": 1,
    "at_most": 1,
    "less_than": 1,
    "more_than": 2,
    "at_least": 2,
}


def _pronoun_victims(cues: list[tuple[Cue, bool]], before: list[Victim]) -> list[Victim]:
    """ "Їх госпіталізовано", "She was taken to hospital": the people of the sentence before
    (those with the same measures as its last one for a plural pronoun, its last person for a
    singular one) take the cue of a sentence that names nobody."""
    out: list[Victim] = []
    for cue, plural in cues:
        if plural:
            last = before[-1]
            group = [v for v in before if v.measures == last.measures]
        else:
            group = [before[-1]]
        for v in group:
            out.append(
                Victim(
                    cue.start,
                    cue.end,
                    v.value,
                    v.who,
                    v.qualifier,
                    "pronoun",
                    forced=[cue],
                    measures=set(cue.measures),
                )
            )
    return out


def _numbers(ctx: Context) -> list[Number]:
    """The numbers of the text, as the figures component left them (``ctx.notes["numbers"]``)
    or found again."""
    found = ctx.notes.get("numbers")
    if found is None:
        found = ctx.notes["numbers"] = find_numbers(ctx.text, ctx.lang)
    return list(found)


def _extra_numbers(toks: Tokens, extra: dict[str, int], text: str) -> list[Number]:
    """Numerals of the language data that the number reader leaves out ("обоє" = 2)."""
    if not extra or extra.keys().isdisjoint(toks.words):
        return []
    return [
        Number(toks.starts[i], toks.ends[i], extra[w], words=True)
        for i, w in enumerate(toks.words)
        if w in extra
    ]


# ``(?<![\d.,])(\d{1,2})`` with the look-behind after the first digit: a pattern that begins
# with a digit lets the regex engine skip to the digits (about 3x faster over a text)
_DECIMAL_AGE = re.compile(
    r"(\d(?<![\d.,]\d)\d?)[.,]\d[-\u2010\u2011 ]?(?:year[-\u2010\u2011 ]old|річн|летн)",
    re.IGNORECASE,
)


def _decimal_ages(text: str) -> list[Number]:
    """Ages with a decimal the number reader skips ("a 1.5-year-old", "1,5-річна"): a child."""
    return [
        Number(m.start(1), m.end(1), int(m.group(1)), age=True) for m in _DECIMAL_AGE.finditer(text)
    ]


@cache
def _evidence_limit() -> int:
    return settings.MAX_EVIDENCE_CHARS.get()


def document_tokens(ctx: Context) -> Tokens:
    """The tokens of the document, computed once and shared through ``ctx.notes``."""
    toks = ctx.notes.get("casualty_tokens")
    if not isinstance(toks, Tokens):
        fine = ctx.notes.get("figure_tokens")
        got = (
            tokenize_from(ctx.text, fine.starts, fine.ends, fine.lows) if fine is not None else None
        )
        toks = got if got is not None else tokenize(ctx.text)
        ctx.notes["casualty_tokens"] = toks
    return toks


def component(ctx: Context) -> None:
    lang = ctx.lang
    if not has_data(lang, "casualties"):
        return
    lex = lexicon(lang)
    toks = document_tokens(ctx)
    words = toks.words
    matches = lex.main.find(words)
    if not any(m.has("m:") or m.has("n:") or m.has("toll") for m in matches):
        return
    m_starts = [m.start for m in matches]
    numbers = sorted(
        [
            *_numbers(ctx),
            *_extra_numbers(toks, lex.extra_numbers, ctx.text),
            *_decimal_ages(ctx.text),
        ],
        key=lambda n: n.start,
    )
    n_starts = [n.start for n in numbers]
    links: list[tuple[PlaceLinker, ClaimantFinder]] = []
    pub_year = ctx.published_date.year if ctx.published_date else None
    out: list[tuple[Casualty, int]] = []
    spans: list[tuple[int, int]] = ctx.notes.setdefault("casualty_victim_spans", [])
    cue_spans: list[tuple[int, int]] = ctx.notes.setdefault("casualty_cue_spans", [])
    prev_last: Victim | None = None
    para_victims: list[Victim] = []
    prev_sentence: list[Victim] = []
    prev_para = -1
    place_tokens = frozenset(toks.at(m.start) for m in ctx.notes.get("place_mentions") or [])
    for sent in ctx.sentences:
        guard.tick()
        lo = toks.at(sent.start)
        hi = toks.ending_at(sent.end)
        if hi <= lo:
            continue
        a = bisect_left(m_starts, lo)
        b = bisect_left(m_starts, hi)
        smatches = [m for m in matches[a:b] if m.end <= hi]
        if sent.paragraph != prev_para:
            # A post of one sentence per paragraph goes on about the same people: "Серед них
            # ..." and "Усі госпіталізовані" may open the next paragraph.
            carried = prev_last
            prev_last = None
            para_victims = []
            prev_para = sent.paragraph
            if carried is not None and any(m.has("inc") and m.start <= lo + 1 for m in smatches):
                prev_last = carried
        if not any(m.has("m:") or m.has("n:") or m.has("toll") for m in smatches) and not (
            prev_last is not None and any(m.has("inc") and m.start <= lo + 1 for m in smatches)
        ):
            continue  # but "Серед них – 16-річна дівчина та рятувальник" names a part
        na = bisect_left(n_starts, sent.start)
        nb = bisect_left(n_starts, sent.end)
        snumbers = numbers[na:nb]
        sv = SentenceVictims(lex, toks, lo, hi, smatches, snumbers, pub_year, place_tokens)
        victims = sv.run(prev_last, para_victims)
        if not victims and prev_sentence:
            victims = _pronoun_victims(sv.pronoun_cues(), prev_sentence)
        spans.extend((v.start, v.end) for v in victims)
        cue_spans.extend((c.start, c.end) for v in victims for c in v.cues + v.forced)
        if victims and not links:
            places = place_linker(ctx, toks, title_phrases(lang))
            claimants = ClaimantFinder(ctx, toks, lex.claimants, places, claimant_matcher(lang))
            links.append((places, claimants))
        heads = tuple(toks.starts[v.start] for v in victims if v.parent is None)
        for v in victims:
            out.extend(_emit(ctx, lang, toks, v, *links[0], heads))
        prev_sentence = victims
        if victims:
            prev_last = victims[-1]
            para_victims.extend(victims)
    if links:
        places = links[0][0]
        for item in _merge(out, places):
            item.attacker = places.attacker(item.place)
            ctx.report.casualties.append(item)


def _emit(
    ctx: Context,
    lang: str,
    toks: Tokens,
    v: Victim,
    places: PlaceLinker,
    claimants: ClaimantFinder,
    heads: tuple[int, ...] = (),
) -> list[tuple[Casualty, int]]:
    """The items of one victim, each with the strength of its place link."""
    text = ctx.text
    limit = _evidence_limit()
    v_start, v_end = toks.starts[v.start], toks.ends[v.end - 1]
    place, strength = places.linked(v_start, v_end, broad=v.area, others=heads)
    claimant = claimants.at(v_start, place)
    out: list[tuple[Casualty, int]] = []
    by_measure = {ms: c for c in v.forced + v.cues for ms in c.measures}
    for measure in sorted(v.measures):
        s, e = v_start, v_end
        cue = by_measure.get(measure)
        kind = v.kind
        if cue is not None:
            cs, ce = toks.starts[cue.start], toks.ends[cue.end - 1]
            if max(e, ce) - min(s, cs) <= limit:
                s, e = min(s, cs), max(e, ce)
        elif v.parent is not None:
            kind = "subgroup"
        out.append(
            (
                Casualty(
                    measure=measure,
                    value=v.value,
                    evidence=Span.of(text, s, e),
                    rule=f"{lang}.casualty.{kind}.v1",
                    who=v.who,
                    qualifier=v.qualifier,
                    place=place,
                    claimant=claimant,
                ),
                strength,
            )
        )
    return out


def _merge(items: list[tuple[Casualty, int]], places: PlaceLinker) -> list[Casualty]:
    """One item per (measure, who, value), as the gold annotation and the ledger count them.

    A stated qualifier beats "exact" (headline "kill four", body "at least four"); the place
    comes from the mention most closely linked to the victim (a district in the same sentence
    beats the city in a headline), the more specific on a tie; a town inside a region named
    for the same people always beats the region.
    """
    merged: dict[tuple[str, str, int], tuple[Casualty, int]] = {}
    for c, strength in items:
        key = (c.measure, c.who, c.value)
        have = merged.get(key)
        if have is None:
            merged[key] = (c, strength)
            continue
        h, h_strength = have
        if _QUALIFIER_RANK.get(c.qualifier, 0) > _QUALIFIER_RANK.get(h.qualifier, 0):
            h.qualifier = c.qualifier
        better = (
            strength > h_strength
            or (strength == h_strength and places.more_specific(c.place, h.place))
            or places.refines(c.place, h.place)
        )
        if better and c.place is not None:
            h.place, h.claimant = c.place, c.claimant or h.claimant
            merged[key] = (h, strength)
    return [c for c, _ in merged.values()]
