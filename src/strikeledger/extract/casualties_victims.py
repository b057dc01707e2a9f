"""Victims and cues of one sentence, and the links between them (see :mod:`casualties`).

:class:`SentenceVictims` finds the groups of people a sentence counts (numbers with person
nouns, casualty nouns or casualty verbs, toll numbers, singular nouns, ages standing for a
person), the casualty cues, the subgroups ("including two children", "семеро з них – діти") and
which cue belongs to which victim (nearest by words, commas and conjunctions cost more, "said"
and quotation marks break the link). The language knowledge comes from
``lang/<lang>/casualties.yaml`` through :func:`lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from .. import settings
from .casualties_language import Lexicon, lexicon
from .casualties_lexicon import Match, Tokens
from .numbers import Number

__all__ = ["Cue", "Lexicon", "SentenceVictims", "Victim", "lexicon"]

_INF = 10_000
_BREAK_PUNCT = frozenset(",;:–—-()[]")
_QUOTES = frozenset('«»"“”„')
_DASHES = frozenset({"–", "—", "-", ":", "("})
_COORD = frozenset({"и", "і", "й", "та", "and"})  # coordination, not contrast


@cache
def _limits() -> tuple[int, int]:
    """The link limits (settings, read once per process)."""
    return settings.CASUALTY_ATTACH_COST.get(), settings.CASUALTY_FALLBACK_COST.get()


@dataclass(slots=True, eq=False)
class Cue:
    start: int
    end: int
    measures: tuple[str, ...]
    among: bool  # "серед поранених", "among the injured": its subject may follow it


@dataclass(slots=True, eq=False)
class Victim:
    start: int
    end: int
    value: int
    who: str
    qualifier: str
    kind: str  # number | noun | bare | toll | singular
    weak: str | None = None
    forced: list[Cue] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    parent: Victim | None = None
    partitive: bool = False  # "19 of them", "з них 148": part of the group named before
    area: str | None = None  # "across the city" / "across the country" said of this count
    of_group: bool = False  # "seven of them children": a named part of the group before
    measures: set[str] = field(default_factory=set)


class SentenceVictims:
    """The victims and cues of one sentence and the links between them."""

    def __init__(
        self,
        lex: Lexicon,
        toks: Tokens,
        lo: int,
        hi: int,
        matches: list[Match],
        numbers: list[Number],
        pub_year: int | None,
        place_tokens: frozenset[int] = frozenset(),
    ) -> None:
        self.lex = lex
        self.place_tokens = place_tokens  # tokens where a place name starts
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
        self.noun_tokens = {t for m in matches if m.has("g:") for t in range(m.start, m.end)}
        self.cue_tokens: set[int] = set()
        for n in numbers:
            i = toks.at(n.start)
            self.num_at.setdefault(i, n)
            if n.age:
                self.ages[i] = n.value

    # -- victims ------------------------------------------------------------------------------
    def run(self, prev_last: Victim | None, earlier: list[Victim] | None = None) -> list[Victim]:
        """The victims of the sentence with their measures. ``prev_last`` is the last victim of
        the paragraph so far (for "Серед них – ..."), ``earlier`` all of them (for "подростков
        госпитализировали" after "двое подростков")."""
        cues = self._cues()
        self.cue_tokens = {t for c in cues for t in range(c.start, c.end)}
        victims = self._number_victims(cues)
        victims += self._anaphora_victims([*(earlier or []), *victims])
        victims += self._singular_victims()
        victims += self._nominal_victims(cues)
        victims += self._age_victims()
        victims.sort(key=lambda v: v.start)
        victims = [v for v in victims if not self._historical(v)]
        if self._past_year():
            return []  # "Після загибелі трьох людей ... у 2024 році": an earlier year recalled
        if not victims:
            return []
        self._link_subgroups(victims, prev_last)
        self._areas(victims)
        self._attach(victims, cues)
        self._share_coordinated(victims)
        for v in victims:
            own = {ms for c in v.cues for ms in c.measures}
            own.update(ms for c in v.forced for ms in c.measures)
            if not own and v.weak and not v.partitive:
                own = {v.weak}  # "32 wounded"; but "two of the injured were in grave condition"
                # only says again that two of them were injured
            if v.parent is not None and not v.partitive:
                own |= v.parent.measures
            elif v.parent is not None and not own and v.who != v.parent.who:
                own = set(v.parent.measures)  # "семеро з них – діти"
            if v.partitive and v.parent is not None and v.who == "people":
                # "Один из них получил ранение": a part of the group, said again; "з них двоє
                # госпіталізовані з опіками": only what is new about the part
                own -= v.parent.measures
            if "killed" in own:
                # "died in hospital of his injuries": one death, not three measures
                own -= {"injured", "hospitalized", "trapped", "missing", "rescued"}
            v.measures = own
        out = [v for v in victims if v.measures]
        if out:
            out += self._elliptic_victims(out)
        return out

    def _cues(self) -> list[Cue]:
        out: list[Cue] = []
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
            if lex.not_persons.starts_at(w, m.start, self.hi) and (
                m.start - 1 in self.num_at or m.start - 2 in self.num_at
            ):
                continue  # "two (confirmed) kills": a count of something else, not an event
            out.append(Cue(m.start, m.end, measures, m.has("inc")))
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

    def _counts(self) -> Iterator[tuple[Number, int, int]]:
        """The numbers that may count people (not ages, dates, percents, ordinals, ranges …),
        with their first token and the token after them, inside the range looked at."""
        for n in self.numbers:
            if n.age or n.percent or n.date or n.year or n.compound or n.ordinal or n.in_range:
                continue
            if n.value <= 0 or n.value > 100_000:
                continue
            i = self.toks.at(n.start)
            j = self.toks.ending_at(n.end)
            if i < j and i >= self.lo and j <= self.hi:
                yield n, i, j

    def _number_victims(self, cues: list[Cue]) -> list[Victim]:
        lex, w, hi = self.lex, self.words, self.hi
        cue_at_end = {c.end: c for c in cues}
        cue_at_start = {c.start: c for c in cues}
        out: list[Victim] = []
        tolls = [m for m in self.matches if m.has("toll")]
        for n, i, j in self._counts():
            if i in self.used:
                continue
            qual, q_start = self._qualifier(i, n)
            if self._purpose(q_start):
                continue
            skip = lex.skip_after.starts_at(w, j, hi)
            partitive = bool(lex.partitive.starts_at(w, j, hi)) or self._partitive_before(q_start)
            k = j + skip
            if partitive and k < hi and w[k] in _DASHES:
                k += 1  # "семеро з них – діти", "из них трое — дети"
            victim: Victim | None = None
            aux = lex.auxiliaries.starts_at(w, k, hi)
            if not aux and k < hi and w[k] in _DASHES:
                aux = 1  # "ще 7 – поранені"
            if aux and k + aux < hi:
                m = self.by_start.get(k + aux)
                if m is not None and m.has("m:") and k + aux in cue_at_start:
                    victim = Victim(q_start, j, n.value, "people", qual, "bare")
            for off in range(0 if victim is None else 3, 3):
                p = k + off
                if p >= hi or lex.not_persons.starts_at(w, p, hi):
                    break  # "claimed two kills": the number counts something else
                m = self.by_start.get(p)
                if m is not None and m.has("g:"):
                    who = m.values("g:")[0].split(":")[0]
                    if who == "men" and n.value > 1 and w[p] in lex.counting_people:
                        who = "people"
                    victim = Victim(q_start, m.end, n.value, who, qual, "number")
                    break
                if m is not None and off == 0 and (m.has("n:") or m.has("m:")):
                    weak = m.values("n:")
                    if weak and skip == 0 and self._partitive_before(q_start):
                        # "з них двоє госпіталізовані": the noun is what befell the part
                        part = cue_at_start.get(p) or Cue(m.start, m.end, (weak[0],), False)
                        victim = Victim(q_start, j, n.value, "people", qual, "bare", forced=[part])
                    elif weak:
                        victim = Victim(
                            q_start, m.end, n.value, "people", qual, "noun", weak=weak[0]
                        )
                        cue = cue_at_start.get(p)
                        if cue is not None:
                            cues.remove(cue)
                    else:
                        victim = Victim(q_start, j, n.value, "people", qual, "bare")
                    break
                if not w[p][:1].isalpha() or m is not None or p in self.num_at:
                    break
            if victim is None and lex.group_before.ends_before(w, q_start, self.lo):
                victim = Victim(q_start, j, n.value, "people", qual, "bare")  # "a family of four"
            if victim is None and partitive and not self._unit_after(k):
                victim = Victim(q_start, k, n.value, "people", qual, "bare")  # "19 of them"
            if (
                victim is None
                and q_start - 1 >= self.lo
                and (m_inc := self.by_end.get(q_start)) is not None
                and m_inc.has("inc")
                and not m_inc.has("m:")
                and self._place_after(j)
            ):
                victim = Victim(q_start, j, n.value, "people", qual, "bare")  # "including five"
            if victim is None and not self._unit_after(j):
                before = q_start - lex.skip_before.ends_before(w, q_start, self.lo)
                cue = cue_at_end.get(q_start) or cue_at_end.get(before)
                if cue is None and q_start - 1 >= self.lo and w[q_start - 1] in _DASHES:
                    cue = cue_at_end.get(q_start - 1)  # "поранених – 7", "Killed: 3"
                if cue is not None and self._counts_people_after(j):
                    victim = Victim(q_start, j, n.value, "people", qual, "bare", forced=[cue])
                elif (
                    tolls
                    and any(t.end <= i for t in tolls)
                    and (lex.toll_before.ends_before(w, q_start, self.lo))
                ):
                    last = [t for t in tolls if t.end <= i][-1]
                    toll = Cue(last.start, last.end, tuple(last.values("toll:")), False)
                    # "the number of injured children has risen to 17": the group the toll names
                    g = self.by_start.get(last.end)
                    who = (
                        g.values("g:")[0].split(":")[0]
                        if g is not None and g.has("g:")
                        else "people"
                    )
                    victim = Victim(q_start, j, n.value, who, qual, "toll", forced=[toll])
            if victim is not None:
                if lex.rate_after.starts_at(w, victim.end, hi):
                    continue  # "3,000 wounded soldiers a year"
                victim.partitive = partitive and victim.kind in ("bare", "noun")
                victim.of_group = partitive and victim.kind == "number"
                self.used.update(range(victim.start, victim.end))
                out.append(victim)
        return out

    def _share_coordinated(self, victims: list[Victim]) -> None:
        """Single people joined by "и"/"і"/"and" share their cues: "Пострадавшие — мужчина 45
        лет и женщина 1970 года рождения — госпитализированы" (both injured, both in hospital).
        A contrast ("а", "but") or a cue between them keeps them apart."""
        for a, b in pairwise(victims):
            if a.value != 1 or b.value != 1 or a.kind != "singular" or b.kind != "singular":
                continue
            gap = self._gap_words(a.end, b.start) or self._gap_words(a.end, b.end - 1)
            if not gap or not all(g in _COORD or g == "," for g in gap):
                continue
            if not any(g in _COORD for g in gap):
                continue
            for c in a.cues + a.forced:
                if c not in b.cues and c not in b.forced:
                    b.cues.append(c)
            for c in b.cues + b.forced:
                if c not in a.cues and c not in a.forced:
                    a.cues.append(c)

    def _gap_words(self, a: int, b: int) -> list[str]:
        """The words between two victims, without ages ("45 лет", "1970 года рождения")."""
        out: list[str] = []
        t = a
        while t < b:
            if t in self.num_at:
                t += 1
                continue
            k = self.lex.age_after.starts_at(self.words, t, b) or self.lex.birth_after.starts_at(
                self.words, t, b
            )
            if k:
                t += k
                continue
            out.append(self.words[t])
            t += 1
        return out

    def _elliptic_victims(self, victims: list[Victim]) -> list[Victim]:
        """A number without a noun in a clause parallel to a group counted before it in the
        sentence: "у Луцьку загинули двоє, у Дніпрі – щонайменше одна", "в Курске погибли двое,
        в Рыльске — один", "two were killed in Zaporizhzhia and one in Nikopol", and a count as
        first reported "(ранее сообщалось о 18)". It counts the same kind of people with the
        same measures. The list may also put the count first: "загинули четверо: двоє – у Дніпрі,
        ще одна – у Луцьку"."""
        out: list[Victim] = []
        w, lex = self.words, self.lex
        for n, i, j in self._counts():
            if any(t in self.used for t in range(i, j)):
                continue
            before = [v for v in victims if v.end <= i and v.kind != "pronoun"]
            if any(v.parent is None for v in before):
                before = [v for v in before if v.parent is None]  # the group, not its part
            if not before or self._unit_after(j) or not self._counts_people_after(j):
                continue
            _, q_start = self._qualifier(i, n)
            p = q_start - 1
            lp = p - lex.skip_before.ends_before(w, q_start, self.lo)  # before "ще"
            if lex.earlier_before.ends_before(w, q_start, self.lo):
                pass
            elif (
                lp >= self.lo
                and w[lp] in (",", ";", ":")
                and j + 1 < self.hi
                and w[j] in _DASHES
                and w[j] != "("
                and w[j + 1] in lex.place_preps
            ):
                pass  # "Загинули четверо: одна людина – у Луцьку, двоє – у Дніпрі"
            elif p >= self.lo and w[p] in _DASHES and w[p] != "(":
                # "<comma> у Дніпрі – 2": a short clause naming a place, after the group
                a = max(before[-1].end, p - 5)
                commas = [t for t in range(a, p) if w[t] in (",", ";")]
                if not commas or commas[-1] + 1 >= p or w[commas[-1] + 1] not in lex.place_preps:
                    continue
            elif (
                p >= self.lo
                and w[p] in lex.breaks
                and j < self.hi
                and w[j] in lex.place_preps
                and p == before[-1].end + self._gap_to_conj(before[-1].end, p)
            ):
                pass  # "... killed in Zaporizhzhia and one in Nikopol"
            else:
                continue
            v0 = before[-1]
            nv = Victim(q_start, j, n.value, v0.who, self._qualifier(i, n)[0], "bare")
            nv.measures = set(v0.measures)
            nv.forced = list(v0.cues + v0.forced)
            self.used.update(range(q_start, j))
            out.append(nv)
        return out

    def _gap_to_conj(self, a: int, p: int) -> int:
        """How many words between a group and a conjunction may name its place ("killed in
        Zaporizhzhia and"): up to five, else the conjunction starts something else."""
        return p - a if p - a <= 6 else -_INF

    def _place_after(self, j: int) -> bool:
        """ "five in Kharkiv": a preposition and a place name follow token ``j``."""
        if j >= self.hi or self.words[j] not in self.lex.place_preps:
            return False
        return j + 1 in self.place_tokens or (
            j + 2 in self.place_tokens and self.words[j + 1] in ("the", "a")
        )

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

    def _past_year(self) -> bool:
        """The sentence names a year before the publication year."""
        if self.pub_year is None:
            return False
        for n in self.numbers:
            if n.year and 1900 < n.value < self.pub_year:
                j = self.toks.ending_at(n.end)
                if not self.lex.birth_after.starts_at(self.words, j, self.hi):
                    return True  # a year of birth ("1967 года рождения") is not a past event
        return False

    def pronoun_cues(self) -> list[tuple[Cue, bool]]:
        """Cues of a sentence without victims whose subject is a pronoun ("Їх госпіталізовано",
        "She is in hospital"), with whether the pronoun is plural."""
        out: list[tuple[Cue, bool]] = []
        if self._past_year():
            return out
        # a casualty noun without a number stands for the group named before ("Пострадавших
        # доставили в больницу", "Постраждалих доправили до лікарні")
        nouns = [
            m.start
            for m in self.matches
            if m.has("n:") and not (m.start - 1 >= self.lo and m.start - 1 in self.num_at)
        ]
        for c in self._cues():
            a = max(self.lo, c.start - 5)
            near = self.words[a : min(self.hi, c.end + 2)]
            plural = [w for w in near if w in self.lex.plural_pronouns]
            single = [w for w in near if w in self.lex.pronouns and w not in plural]
            noun = any(a <= t < c.start for t in nouns)
            if plural or single or noun:
                out.append((c, bool(plural) or (noun and not single)))
        return out

    def _historical(self, v: Victim) -> bool:
        """With "since the start of the war" before or after it, but not after a record word
        ("the largest attack since the start of the war" is a record, not a war total, also
        after the victims: "four killed in one of the largest assaults since the invasion")."""
        for m in self.matches:
            if not m.has("hist"):
                continue
            lo = max(self.lo, m.start - 8)
            if not any(
                self.lex.record_words.starts_at(self.words, t, m.start) for t in range(lo, m.start)
            ):
                return True
        return False

    def _counts_people_after(self, j: int) -> bool:
        """After "killing 4": the end, punctuation or a function word ("in Kyiv") — not a noun
        naming something else ("killed 30 cows")."""
        if j >= self.hi or not self.lex.after_bare:
            return True
        w = self.words[j]
        return not w[:1].isalpha() or w in self.lex.after_bare

    def _unit_after(self, j: int) -> bool:
        if j >= self.hi:
            return False
        if self.lex.not_persons.starts_at(self.words, j, self.hi):
            return True
        return self.words[j] == "%"

    def _singular_victims(self) -> list[Victim]:
        out: list[Victim] = []
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
                if t < self.lo or t in self.used or t in self.noun_tokens:
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
            out.append(Victim(start, end, 1, who, qual, "singular"))
        return out

    def _areas(self, victims: list[Victim]) -> None:
        """A count said to cover the whole city or country ("at least 26 people were wounded
        across the city") belongs to the city or country, not to a district named nearby."""
        areas = [m for m in self.matches if m.has("area")]
        areas.sort(key=lambda m: m.values("area:")[0] == "total")  # a named area first
        for a in areas:
            area = a.values("area:")[0]
            if area == "country":
                # a nationwide tally speaks for every count of its sentence ("по всій країні
                # загинули 11 людей, ще 38 поранені"); a part with its own place ("five in
                # Kharkiv") is placed by the linker
                for v in victims:
                    if v.area is None:
                        v.area = area
                continue
            # the phrase tells about the count before it ("26 people were wounded across the
            # city, 14 of whom ..."), else about the one right after it ("Загалом у столиці
            # постраждали 9 людей")
            before = [v for v in victims if v.end <= a.start and a.start - v.end <= 8]
            after = [
                v
                for v in victims
                if v.start >= a.end
                and v.start - a.end <= 8
                and not any(g in (";", ".") for g in self.words[a.end : v.start])
            ]
            best = before[-1] if before else (after[0] if after else None)
            if best is not None and best.area is None:
                best.area = area
        for v in victims:  # a part of a group counted across the city is in the city too
            if v.area is None and v.parent is not None and v.parent in victims:
                v.area = v.parent.area

    def _anaphora_victims(self, before: list[Victim]) -> list[Victim]:
        """A plural noun without a numeral naming a group counted before ("двое подростков ...
        подростков госпитализировали"): the same number of people."""
        out: list[Victim] = []
        for m in self.matches:
            groups = m.values("g:")
            if not groups or any(g.endswith(":s") for g in groups) or m.start in self.used:
                continue
            prev = m.start - 1
            if prev >= self.lo and prev in self.num_at:
                continue
            who = groups[0].split(":")[0]
            if prev >= self.lo and self.words[prev] in _DASHES:
                # "двоє людей отримали поранення – чоловіки 61 та 68 років"
                counted = [v for v in before if self.lo <= v.start < m.start and v.value >= 2]
                if counted:
                    out.append(Victim(m.start, m.end, counted[-1].value, who, "exact", "anaphora"))
                    self.used.update(range(m.start, m.end))
                continue
            if who == "people":
                continue  # "residents", "victims", "люди": too general to point back
            ante = [v for v in before if v.who == who and v.value >= 2 and v.start < m.start]
            if ante:
                out.append(Victim(m.start, m.end, ante[-1].value, who, "exact", "anaphora"))
                self.used.update(range(m.start, m.end))
        return out

    def _nominal_victims(self, cues: list[Cue]) -> list[Victim]:
        """ "Є загиблий", "Есть пострадавший": a cue word standing for one person."""
        out: list[Victim] = []
        by_start = {c.start: c for c in cues}
        for m in self.matches:
            cue = by_start.get(m.start)
            if not m.has("ns:") or cue is None or m.start in self.used:
                continue
            if m.start - 1 >= self.lo and m.start - 1 in self.num_at:
                continue  # "21 поранений": the number is the victim
            after = range(m.end, min(self.hi, m.end + 3))
            before = range(max(self.lo, m.start - 3), m.start + 1)
            if any(x.has("g:") and (x.start in after or x.end in before) for x in self.matches):
                continue  # "поранений чоловік", "чоловік травмований": the noun is the victim
            if m.end < self.hi and self.words[m.end][:1].isalnum():
                continue  # a participle before its noun or verb
            out.append(Victim(m.start, m.end, 1, "people", "exact", "singular", forced=[cue]))
            self.used.update(range(m.start, m.end))
        return out

    def _age_victims(self) -> list[Victim]:
        """ "A 5-year-old was killed", "72-річна": an age standing for the person."""
        out: list[Victim] = []
        for t, age in self.ages.items():
            if t in self.used or not (self.lo <= t < self.hi):
                continue
            near = range(max(self.lo, t - 4), min(self.hi, t + 3))
            if any(m.has("g:") and m.start in near for m in self.matches):
                continue  # the age of a named person ("12-year-old girl", "a man aged 72")
            lo = max(self.lo, t - 4)
            if any(self.lex.age_of.ends_before(self.words, x, lo) for x in range(t, lo, -1)):
                continue  # "трое детей в возрасте от 7 до 12 лет": ages of a counted group
            who = "children" if age < 18 else "people"
            out.append(Victim(t, t + 1, 1, who, "exact", "singular"))
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
            k = self.lex.age_after.starts_at(w, t + 1, hi)
            if k and n.value < 110:
                return n.value, t + 1 + k  # "жінку 45 років"
            k = self.lex.birth_after.starts_at(w, t + 1, hi)
            if k and self.pub_year and 1900 < n.value <= self.pub_year:
                return self.pub_year - n.value, t + 1 + k
        return None, end

    # -- links --------------------------------------------------------------------------------
    def _link_subgroups(self, victims: list[Victim], prev_last: Victim | None) -> None:
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
            if (v.partitive or v.of_group) and p.value > v.value:
                v.parent = p
                continue
            gap = [
                g
                for t, g in enumerate(w[p.end : v.start], p.end)
                if g not in lex.determiners and t not in self.cue_tokens
            ]
            among = lex.main.longest_at(w, v.end, self.hi)
            after = among is not None and among.has("among")
            inc = self._has(p.end, v.start, "inc")
            dash = bool(gap) and all(g in _DASHES for g in gap)
            conj = all(g == "," or g in lex.breaks or g in lex.pronouns for g in gap)
            subgroup = (inc or after) and p.value > v.value
            explained = dash and p.value >= 2 and v.kind in ("singular", "anaphora")
            if subgroup or explained:
                v.parent = p
            elif conj and p.parent is not None and p.parent.value > v.value:
                v.parent = p.parent  # "four – a mother, a father and their two daughters"

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

    def _distance(self, v: Victim, c: Cue) -> int:
        # A bare number that took the cue before it ("kills five, wounds dozens") takes no
        # other cue across a comma or a conjunction.
        unbroken = bool(v.forced) and c not in v.forced
        if c.end <= v.start:
            return self._cost(c.end, v.start, unbroken=unbroken)
        if v.end <= c.start:
            return self._cost(v.end, c.start, unbroken=unbroken)
        return _INF

    def _own_predicate(self, v: Victim) -> bool:
        """Whether an auxiliary and a casualty cue follow the victim ("six were wounded")."""
        aux = self.lex.auxiliaries.starts_at(self.words, v.end, self.hi)
        return bool(aux) and v.end + aux in self.cue_tokens

    def _attach(self, victims: list[Victim], cues: list[Cue]) -> None:
        primary, fallback = _limits()
        owner: dict[int, Victim] = {}  # cue -> the victim that chose it first
        # "..., and six people were wounded": a victim with a predicate of its own opens a
        # clause; a cue before it across a comma or conjunction belongs to the clause before
        own_pred = {id(v) for v in victims if self._own_predicate(v)}
        for c in cues:
            best: Victim | None = None
            best_cost = _INF
            for v in victims:
                d = self._distance(v, c)
                if (
                    id(v) in own_pred
                    and c.end <= v.start
                    and d < _INF
                    and self._cost(c.end, v.start, unbroken=True) >= _INF
                ):
                    continue
                # On a tie the victim before the cue wins ("two people were killed"), except
                # after "among the injured"/"серед поранених", whose subject follows.
                after = v.start >= c.end
                if d < best_cost or (d == best_cost and c.among and after):
                    best, best_cost = v, d
            if best is None or best_cost > primary:
                continue
            owner[id(c)] = best
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

            # A victim no cue chose takes the nearest cue ("two police officers and a paramedic
            # were among the injured", "поранено юнака та жінку"), but not one before it when
            # it starts a clause of its own ("one person died and seven children were treated").
            # A cue another victim chose is shared only across that victim (coordination:
            # "a man and his daughter were injured"), not from the other side of it ("Мужчину
            # госпитализировали, девочке помощь оказана на месте"). On a tie the cue after the
            # victim wins: the predicate follows its subjects.
            own_clause = bool(self.lex.auxiliaries.starts_at(self.words, v.end, self.hi))

            def reach(c: Cue, v: Victim = v, own_clause: bool = own_clause) -> tuple[int, int]:
                if c.start < v.end and own_clause:
                    return _INF, 1
                taker = owner.get(id(c))
                if taker is not None and not _between(taker, v, c):
                    return _INF, 1
                return self._distance(v, c), int(c.start < v.end)

            near = min(cues, key=reach, default=None)
            if near is not None and reach(near)[0] <= fallback:
                v.cues.append(near)


def _between(taker: Victim, v: Victim, c: Cue) -> bool:
    """Whether ``taker`` stands between victim ``v`` and cue ``c``."""
    lo, hi = (v.end, c.start) if v.end <= c.start else (c.end, v.start)
    return lo <= taker.start and taker.end <= hi
