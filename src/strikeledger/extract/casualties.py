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
4. Negated cues ("no one was hurt", "пострадавших нет") and victims followed by a war-wide
   marker ("since the full-scale invasion") are dropped.

Each item carries the place from :mod:`casualties_places` and the rule that made it
(``uk.casualty.number.v1`` …). Items with the same (measure, who, value) are merged, keeping a
non-exact qualifier when one of them has it, so a headline "kill four" and a body "at least four"
give one item "at least 4".

Notes read: ``place_mentions``, ``places_by_id`` (places component). Notes written:
``casualty_tokens`` (the :class:`Tokens` of the text, reused by the damage component) and
``casualty_victim_spans`` and ``casualty_cue_spans`` (token ranges of the people counted and of
the cues linked to them, so that damage does not read "сотрудник предприятия", "port workers"
or "taken to hospital" as a damaged site).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import settings
from ..report import Casualty, Span
from .casualties_lexicon import (
    Match,
    PhraseMatcher,
    PhraseSet,
    Tokens,
    casualty_data,
    claimant_matcher,
    has_data,
    title_phrases,
    tokenize,
)
from .casualties_places import ClaimantFinder, PlaceLinker, place_linker
from .numbers import Number, find_numbers

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["component", "document_tokens"]

_INF = 10_000
_BREAK_PUNCT = frozenset(",;:–—-()[]")
_QUOTES = frozenset('«»"“”„')
_DASHES = frozenset({"–", "—", "-", ":", "("})
_QUALIFIER_RANK = {
    "exact": 0,
    "approx": 1,
    "at_most": 1,
    "less_than": 1,
    "more_than": 2,
    "at_least": 2,
}


@dataclass(slots=True)
class _Lexicon:
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
    birth_before: PhraseSet
    birth_after: PhraseSet
    counting_people: frozenset[str]
    partitive: PhraseSet
    nominal_before: PhraseSet
    purpose_before: PhraseSet
    rate_after: PhraseSet
    record_words: PhraseSet
    claimants: list[dict[str, Any]]


@cache
def _lexicon(lang: str) -> _Lexicon:
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
    for f in data["historical"]:
        main.add(f, "hist")
    for f in data["barriers"]:
        main.add(f, "bar")
    for f in data.get("not_victims") or []:
        main.add(f, "nv")
    for measure, forms in (data.get("nominal_singular") or {}).items():
        for f in forms:
            main.add(f, "ns:" + measure)
    quals = [(q, PhraseSet(forms)) for q, forms in (data["qualifiers"] or {}).items() if forms]
    return _Lexicon(
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
        birth_before=PhraseSet(data.get("birth_year") or []),
        birth_after=PhraseSet(data.get("birth_year_after") or []),
        counting_people=frozenset(w.lower() for w in (data.get("counting_people") or [])),
        partitive=PhraseSet(data.get("partitive") or []),
        nominal_before=PhraseSet(data.get("nominal_before") or []),
        purpose_before=PhraseSet(data.get("purpose_before") or []),
        rate_after=PhraseSet(data.get("rate_after") or []),
        record_words=PhraseSet(data.get("record_words") or []),
        claimants=list(data["claimants"]),
    )


@dataclass(slots=True, eq=False)
class _Cue:
    start: int
    end: int
    measures: tuple[str, ...]
    among: bool  # "серед поранених", "among the injured": its subject may follow it


@dataclass(slots=True, eq=False)
class _Victim:
    start: int
    end: int
    value: int
    who: str
    qualifier: str
    kind: str  # number | noun | bare | toll | singular
    weak: str | None = None
    forced: list[_Cue] = field(default_factory=list)
    cues: list[_Cue] = field(default_factory=list)
    parent: _Victim | None = None
    partitive: bool = False  # "19 of them", "з них 148": part of the group named before
    measures: set[str] = field(default_factory=set)


def document_tokens(ctx: Context) -> Tokens:
    """The tokens of the document, computed once and shared through ``ctx.notes``."""
    toks = ctx.notes.get("casualty_tokens")
    if not isinstance(toks, Tokens):
        toks = tokenize(ctx.text)
        ctx.notes["casualty_tokens"] = toks
    return toks


def component(ctx: Context) -> None:
    lang = ctx.lang
    if not has_data(lang, "casualties"):
        return
    lex = _lexicon(lang)
    toks = document_tokens(ctx)
    words = toks.words
    matches = lex.main.find(words)
    if not any(m.has("m:") or m.has("n:") or m.has("toll") for m in matches):
        return
    m_starts = [m.start for m in matches]
    numbers = [n for n in find_numbers(ctx.text, lang)]
    n_starts = [n.start for n in numbers]
    links: list[tuple[PlaceLinker, ClaimantFinder]] = []
    pub_year = ctx.published_date.year if ctx.published_date else None
    out: list[tuple[Casualty, int]] = []
    spans: list[tuple[int, int]] = ctx.notes.setdefault("casualty_victim_spans", [])
    cue_spans: list[tuple[int, int]] = ctx.notes.setdefault("casualty_cue_spans", [])
    prev_last: _Victim | None = None
    prev_para = -1
    for sent in ctx.sentences:
        lo = toks.at(sent.start)
        hi = toks.ending_at(sent.end)
        if hi <= lo:
            continue
        a = bisect_left(m_starts, lo)
        b = bisect_left(m_starts, hi)
        smatches = [m for m in matches[a:b] if m.end <= hi]
        if sent.paragraph != prev_para:
            prev_last = None
            prev_para = sent.paragraph
        if not any(m.has("m:") or m.has("n:") or m.has("toll") for m in smatches):
            continue
        na = bisect_left(n_starts, sent.start)
        nb = bisect_left(n_starts, sent.end)
        snumbers = numbers[na:nb]
        victims = _Sentence(lex, toks, lo, hi, smatches, snumbers, pub_year).run(prev_last)
        spans.extend((v.start, v.end) for v in victims)
        cue_spans.extend((c.start, c.end) for v in victims for c in v.cues + v.forced)
        if victims and not links:
            places = place_linker(ctx, toks, title_phrases(lang))
            claimants = ClaimantFinder(ctx, toks, lex.claimants, places, claimant_matcher(lang))
            links.append((places, claimants))
        for v in victims:
            out.extend(_emit(ctx, lang, toks, v, *links[0]))
        if victims:
            prev_last = victims[-1]
    if links:
        ctx.report.casualties.extend(_merge(out, links[0][0]))


class _Sentence:
    """The victims and cues of one sentence and the links between them."""

    def __init__(
        self,
        lex: _Lexicon,
        toks: Tokens,
        lo: int,
        hi: int,
        matches: list[Match],
        numbers: list[Number],
        pub_year: int | None,
    ) -> None:
        self.lex = lex
        self.toks = toks
        self.words = toks.words
        self.lo = lo
        self.hi = hi
        self.matches = matches
        self.by_start = {m.start: m for m in matches}
        self.by_end = {m.end: m for m in matches}
        self.numbers = numbers
        self.pub_year = pub_year
        self.num_at: dict[int, Number] = {}
        self.ages: dict[int, int] = {}
        self.used: set[int] = set()
        self.cue_tokens: set[int] = set()
        for n in numbers:
            i = toks.at(n.start)
            self.num_at.setdefault(i, n)
            if n.age:
                self.ages[i] = n.value

    # -- victims ------------------------------------------------------------------------------
    def run(self, prev_last: _Victim | None) -> list[_Victim]:
        cues = self._cues()
        self.cue_tokens = {t for c in cues for t in range(c.start, c.end)}
        victims = self._number_victims(cues)
        victims += self._singular_victims()
        victims += self._nominal_victims(cues)
        victims += self._age_victims()
        victims.sort(key=lambda v: v.start)
        victims = [v for v in victims if not self._historical(v)]
        if not victims:
            return []
        self._link_subgroups(victims, prev_last)
        self._attach(victims, cues)
        for v in victims:
            own = {ms for c in v.cues for ms in c.measures}
            own.update(ms for c in v.forced for ms in c.measures)
            if not own and v.weak:
                own = {v.weak}
            if v.parent is not None and not v.partitive:
                own |= v.parent.measures
            elif v.parent is not None and not own and v.who != v.parent.who:
                own = set(v.parent.measures)  # "семеро з них – діти"
            if "killed" in own:
                # "died in hospital of his injuries": one death, not three measures
                own -= {"injured", "hospitalized", "trapped", "missing"}
            v.measures = own
        return [v for v in victims if v.measures]

    def _cues(self) -> list[_Cue]:
        out: list[_Cue] = []
        lex, w = self.lex, self.words
        for m in self.matches:
            measures = tuple(dict.fromkeys(m.values("m:") + m.values("toll:")))
            if not measures:
                continue
            if lex.neg_before.ends_before(w, m.start, self.lo) or lex.neg_after.starts_at(
                w, m.end, self.hi
            ):
                continue
            if m.has("n:") and lex.nominal_before.ends_before(w, m.start, self.lo):
                continue  # "for the dead", "Усім постраждалим": the victims, not an event
            out.append(_Cue(m.start, m.end, measures, m.has("inc")))
        return out

    def _qualifier(self, i: int, n: Number) -> tuple[str, int]:
        """The qualifier before token ``i`` and the index where the number's phrase starts."""
        w, lo = self.words, self.lo
        for q, phrases in self.lex.qualifiers:
            k = phrases.ends_before(w, i, lo)
            if k:
                return q, i - k
        k = self.lex.skip_before.ends_before(w, i, lo)
        if k:
            for q, phrases in self.lex.qualifiers:
                k2 = phrases.ends_before(w, i - k, lo)
                if k2:
                    return q, i - k - k2
        return ("approx" if n.approx else "exact"), i

    def _number_victims(self, cues: list[_Cue]) -> list[_Victim]:
        lex, w, hi = self.lex, self.words, self.hi
        cue_at_end = {c.end: c for c in cues}
        cue_at_start = {c.start: c for c in cues}
        out: list[_Victim] = []
        tolls = [m for m in self.matches if m.has("toll")]
        for n in self.numbers:
            if n.age or n.percent or n.date or n.year or n.compound or n.ordinal or n.in_range:
                continue
            if n.value <= 0 or n.value > 100_000:
                continue
            i = self.toks.at(n.start)
            j = self.toks.ending_at(n.end)
            if j <= i or i < self.lo or j > hi or i in self.used:
                continue
            qual, q_start = self._qualifier(i, n)
            if self._purpose(q_start):
                continue
            skip = lex.skip_after.starts_at(w, j, hi)
            partitive = bool(lex.partitive.starts_at(w, j, hi)) or self._partitive_before(q_start)
            k = j + skip
            if partitive and skip and k < hi and w[k] in _DASHES:
                k += 1  # "семеро з них – діти"
            victim: _Victim | None = None
            aux = lex.auxiliaries.starts_at(w, k, hi)
            if not aux and k < hi and w[k] in _DASHES:
                aux = 1  # "ще 7 – поранені"
            if aux and k + aux < hi:
                m = self.by_start.get(k + aux)
                if m is not None and m.has("m:") and k + aux in cue_at_start:
                    victim = _Victim(q_start, j, n.value, "people", qual, "bare")
            for off in range(0 if victim is None else 3, 3):
                p = k + off
                if p >= hi:
                    break
                m = self.by_start.get(p)
                if m is not None and m.has("g:"):
                    who = m.values("g:")[0].split(":")[0]
                    if who == "men" and n.value > 1 and w[p] in lex.counting_people:
                        who = "people"
                    victim = _Victim(q_start, m.end, n.value, who, qual, "number")
                    break
                if m is not None and off == 0 and (m.has("n:") or m.has("m:")):
                    weak = m.values("n:")
                    if weak:
                        victim = _Victim(
                            q_start, m.end, n.value, "people", qual, "noun", weak=weak[0]
                        )
                        cue = cue_at_start.get(p)
                        if cue is not None:
                            cues.remove(cue)
                    else:
                        victim = _Victim(q_start, j, n.value, "people", qual, "bare")
                    break
                if not w[p][:1].isalpha() or m is not None or p in self.num_at:
                    break
                if lex.not_persons.starts_at(w, p, hi):
                    break
            if victim is None and partitive and skip and not self._unit_after(k):
                victim = _Victim(q_start, k, n.value, "people", qual, "bare")  # "19 of them"
            if victim is None and not self._unit_after(j):
                before = q_start - lex.skip_before.ends_before(w, q_start, self.lo)
                cue = cue_at_end.get(q_start) or cue_at_end.get(before)
                if cue is None and q_start - 1 >= self.lo and w[q_start - 1] in _DASHES:
                    cue = cue_at_end.get(q_start - 1)  # "поранених – 7", "Killed: 3"
                if cue is not None:
                    victim = _Victim(q_start, j, n.value, "people", qual, "bare", forced=[cue])
                elif (
                    tolls
                    and any(t.end <= i for t in tolls)
                    and (lex.toll_before.ends_before(w, q_start, self.lo))
                ):
                    last = [t for t in tolls if t.end <= i][-1]
                    toll = _Cue(last.start, last.end, tuple(last.values("toll:")), False)
                    victim = _Victim(q_start, j, n.value, "people", qual, "toll", forced=[toll])
            if victim is not None:
                if lex.rate_after.starts_at(w, victim.end, hi):
                    continue  # "3,000 wounded soldiers a year"
                victim.partitive = partitive and victim.kind == "bare"
                self.used.update(range(victim.start, victim.end))
                out.append(victim)
        return out

    def _purpose(self, start: int) -> bool:
        """A number after "for", "для", "treat": a capacity, not a toll."""
        lo = max(self.lo, start - 3)
        return any(
            self.lex.purpose_before.ends_before(self.words, t, lo) for t in range(start, lo, -1)
        )

    def _partitive_before(self, start: int) -> bool:
        """ "з них 148", "из них 7": the number takes part of the group named before."""
        t = start
        if t - 1 >= self.lo and self.words[t - 1] in (",", "–", "—"):
            t -= 1
        return bool(self.lex.partitive.ends_before(self.words, t, self.lo))

    def _historical(self, v: _Victim) -> bool:
        """Followed by "since the start of the war", or led by it without a record word
        ("the largest attack since the start of the war" is a record, not a war total)."""
        for m in self.matches:
            if not m.has("hist"):
                continue
            if m.start >= v.end:
                return True
            lo = max(self.lo, m.start - 8)
            if not any(
                self.lex.record_words.starts_at(self.words, t, m.start) for t in range(lo, m.start)
            ):
                return True
        return False

    def _unit_after(self, j: int) -> bool:
        if j >= self.hi:
            return False
        if self.lex.not_persons.starts_at(self.words, j, self.hi):
            return True
        return self.words[j] in ("-", "%")

    def _singular_victims(self) -> list[_Victim]:
        out: list[_Victim] = []
        for m in self.matches:
            groups = [g for g in m.values("g:") if g.endswith(":s")]
            if not groups or any(t in self.used for t in range(m.start, m.end)):
                continue
            prev = m.start - 1
            if prev >= self.lo and prev in self.num_at and not self.num_at[prev].age:
                continue  # "5 жінок" was a numbered victim or a rejected number
            who = groups[0].split(":")[0]
            start, end = m.start, m.end
            age = None
            for back in (1, 2, 3):
                t = m.start - back
                if t < self.lo or t in self.used:
                    break
                if t in self.ages:
                    age, start = self.ages[t], t
                    break
            if age is None:
                age, end = self._age_after(m.end, end)
            if age is not None and age < 18:
                who = "children"
            qual = "exact"
            for back in (0, 1):  # "at least one person", "щонайменше одна людина"
                for q, phrases in self.lex.qualifiers:
                    k = phrases.ends_before(self.words, m.start - back, self.lo)
                    if k and qual == "exact":
                        qual, start = q, min(start, m.start - back - k)
            out.append(_Victim(start, end, 1, who, qual, "singular"))
        return out

    def _nominal_victims(self, cues: list[_Cue]) -> list[_Victim]:
        """ "Є загиблий", "Есть пострадавший": a cue word standing for one person."""
        out: list[_Victim] = []
        by_start = {c.start: c for c in cues}
        for m in self.matches:
            cue = by_start.get(m.start)
            if not m.has("ns:") or cue is None or m.start in self.used:
                continue
            after = range(m.end, min(self.hi, m.end + 3))
            before = range(max(self.lo, m.start - 3), m.start + 1)
            if any(x.has("g:") and (x.start in after or x.end in before) for x in self.matches):
                continue  # "поранений чоловік", "чоловік травмований": the noun is the victim
            if m.end < self.hi and self.words[m.end][:1].isalnum():
                continue  # a participle before its noun or verb
            out.append(_Victim(m.start, m.end, 1, "people", "exact", "singular", forced=[cue]))
            self.used.update(range(m.start, m.end))
        return out

    def _age_victims(self) -> list[_Victim]:
        """ "A 5-year-old was killed", "72-річна": an age standing for the person."""
        out: list[_Victim] = []
        for t, age in self.ages.items():
            if t in self.used or not (self.lo <= t < self.hi):
                continue
            near = range(max(self.lo, t - 4), min(self.hi, t + 3))
            if any(m.has("g:") and m.start in near for m in self.matches):
                continue  # the age of a named person ("12-year-old girl", "a man aged 72")
            who = "children" if age < 18 else "people"
            out.append(_Victim(t, t + 1, 1, who, "exact", "singular"))
            self.used.add(t)
        return out

    def _age_after(self, t: int, end: int) -> tuple[int | None, int]:
        w, hi = self.words, self.hi
        if t < hi and w[t] == "," and t + 1 < hi:
            t2 = t + 1
            n = self.num_at.get(t2)
            if n is not None and n.value < 110 and (t2 + 1 >= hi or w[t2 + 1] == ","):
                return n.value, t2 + 1
        n = self.num_at.get(t)
        if n is not None:
            if n.age:
                return n.value, t + 1
            k = self.lex.birth_after.starts_at(w, t + 1, hi)
            if k and self.pub_year and 1900 < n.value <= self.pub_year:
                return self.pub_year - n.value, t + 1 + k
        return None, end

    # -- links --------------------------------------------------------------------------------
    def _link_subgroups(self, victims: list[_Victim], prev_last: _Victim | None) -> None:
        w, lex = self.words, self.lex
        first = victims[0]
        if (
            prev_last is not None
            and self._has(self.lo, first.start, "inc")
            and (self.lo == first.start or self._has(self.lo, self.lo + 3, "inc"))
            and prev_last.value > first.value
        ):
            first.parent = prev_last
        if (
            first.partitive
            and first.parent is None
            and prev_last is not None
            and prev_last.value > first.value
        ):
            first.parent = prev_last
        for idx in range(1, len(victims)):
            v, p = victims[idx - 1 : idx + 1][::-1]
            if v.partitive and p.value > v.value:
                v.parent = p
                continue
            gap = w[p.end : v.start]
            among = lex.main.longest_at(w, v.end, self.hi)
            after = among is not None and among.has("among")
            inc = self._has(p.end, v.start, "inc")
            dash = bool(gap) and all(g in _DASHES for g in gap)
            conj = all(g == "," or g in lex.breaks for g in gap)
            subgroup = (inc or after) and p.value > v.value
            explained = dash and p.value >= 2 and v.kind == "singular"
            if subgroup or explained:
                v.parent = p
            elif conj and p.parent is not None and v.kind == "singular":
                v.parent = p.parent

    def _has(self, lo: int, hi: int, label: str) -> bool:
        """Whether a phrase with ``label`` lies in tokens lo..hi; a subgroup marker that is
        itself a cue ("серед загиблих", "among the dead") says the measure, not the group."""
        return any(
            m.has(label) and not m.has("m:") for m in self.matches if lo <= m.start and m.end <= hi
        )

    def _cost(self, a_end: int, b_start: int, *, unbroken: bool = False) -> int:
        """How far apart two spans are: words between them, commas and conjunctions cost more;
        the words of other casualty cues are free ("were injured and taken to hospital")."""
        cost = 0
        for t in range(a_end, b_start):
            g = self.words[t]
            if g in _QUOTES:
                return _INF
            m = self.by_start.get(t)
            if m is not None and m.has("bar"):
                return _INF
            if t in self.cue_tokens:
                continue
            if g in _BREAK_PUNCT or g in self.lex.breaks:
                if unbroken:
                    return _INF
                cost += 3
            elif g[:1].isalnum():
                cost += 1
        return cost

    def _distance(self, v: _Victim, c: _Cue) -> int:
        # A bare number that took the cue before it ("kills five, wounds dozens") takes no
        # other cue across a comma or a conjunction.
        unbroken = bool(v.forced) and c not in v.forced
        if c.end <= v.start:
            return self._cost(c.end, v.start, unbroken=unbroken)
        if v.end <= c.start:
            return self._cost(v.end, c.start, unbroken=unbroken)
        return _INF

    def _attach(self, victims: list[_Victim], cues: list[_Cue]) -> None:
        primary = settings.CASUALTY_ATTACH_COST.get()
        fallback = settings.CASUALTY_FALLBACK_COST.get()
        for c in cues:
            best: _Victim | None = None
            best_cost = _INF
            for v in victims:
                d = self._distance(v, c)
                # On a tie the victim before the cue wins ("two people were killed"), except
                # after "among the injured"/"серед поранених", whose subject follows.
                after = v.start >= c.end
                if d < best_cost or (d == best_cost and c.among and after):
                    best, best_cost = v, d
            if best is None or best_cost > primary:
                continue
            target = best
            par = best.parent
            if (
                par is not None
                and not best.partitive
                and par in victims
                and par.start < best.start < c.start
                and not any(g in self.lex.pronouns for g in self.words[best.end : c.start])
            ):
                target = par
            if c not in target.cues:
                target.cues.append(c)
        for v in victims:
            if v.cues or v.forced or v.weak or v.parent is not None or v.partitive:
                continue
            near = min(cues, key=lambda c: self._distance(v, c), default=None)
            if near is not None and self._distance(v, near) <= fallback:
                v.cues.append(near)


def _emit(
    ctx: Context,
    lang: str,
    toks: Tokens,
    v: _Victim,
    places: PlaceLinker,
    claimants: ClaimantFinder,
) -> list[tuple[Casualty, int]]:
    """The items of one victim, each with the strength of its place link."""
    text = ctx.text
    limit = settings.MAX_EVIDENCE_CHARS.get()
    v_start, v_end = toks.starts[v.start], toks.ends[v.end - 1]
    place, strength = places.linked(v_start, v_end)
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
    beats the city in a headline), the more specific on a tie.
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
        better = strength > h_strength or (
            strength == h_strength and places.more_specific(c.place, h.place)
        )
        if better and c.place is not None:
            h.place, h.claimant = c.place, c.claimant or h.claimant
            merged[key] = (h, strength)
    return [c for c, _ in merged.values()]
