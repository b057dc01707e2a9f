"""Air-attack figures: every number of launched, shot-down, suppressed … weapons, with its
weapon, qualifier, night, attacker/area, claimant, evidence and the rule that made it.

How a number becomes a figure (the words are in ``lang/<lang>/*.yaml``; see ``figures_scan``):

1. **Weapon.** The weapon phrase after the number ("539 ударних БпЛА типу Shahed та
   імітаторів", "28 Kh-101 and Kh-555 cruise missiles"). A number without one is a figure only
   when the text makes it part of a weapon group: anaphora ("233 of them", "з них 26"),
   "N of the drones", "seven of eight Kinzhal", parts after "including / в том числе", tally
   parts after a dash or with a region ("12 – над Курской областью", "24 over the Belgorod
   region"), "another 55 were lost", or right after a cue ("знищено 51"). Such numbers take the
   weapon of their group (convention 2: model per number, anaphora inherits).
2. **Measure.** A verb right before the number ("shot down 53 drones", "which included 40
   missiles"); else the cue that follows the weapon phrase ("20 беспилотников уничтожены"),
   unless it is a bare participle describing it ("all four missiles launched overnight"); a cue
   after a coordinated list applies to every member ("747 drones and four missiles were shot
   down"); else the nearest preceding cue in the sentence, else a following one, else the
   list/parts context ("збито/подавлено 503 цілі:" then "– 474 ворожі БпЛА"), else a weak cue
   ("with", "атаку"), else the previous sentence's measure after an elliptical dash ("Лише
   минулої ночі – 69 дронів"). No cue: no figure. Sentences about supplies, production or
   plans ("non_attack" words) give no figures.
3. **Locations.** "на 8 локаціях", "at 20 locations", "debris fell at 19 more" give
   hit_locations / debris_locations (category any) by the nearest hit or debris word.
4. Qualifier from the words right before the number; night/window from ``ctx.notes["time"]``;
   claimant from the nearest claimant phrase; attacker UA when the phrase says "Ukrainian",
   the claimant is Russian, or a Russian region is named; area with ISO 3166-2 region codes.

5. Round-2 rules for unseen reporting: a span and a dash with no verb ("За тиждень — понад
   1 500 ударних дронів") is a launch; "N1 and N2 respectively" (kind ``resp``) maps in order
   to the phrases before; "up from 5,438 in June" (kind ``cmp``) repeats its figure's weapon and
   measure; "all 18 missiles Russia fired" and "…, all of which were destroyed" add a second
   figure for the same number; "4 влучання «шахедів»" is a hit of that weapon; a typed singular
   item in a uk/ru tally ("ракету «Нептун-Д»") is one; a tally line with a place and a bare
   number across a dash ("41 – над территорией Брянской области", "над Київщиною – 10") is a
   part, typed by its own noun when it has one; averages, FPV drones and war-long cumulative
   totals give no figure.

Notes left for later components: ``ctx.notes["figure_parents"]`` maps a figure index to the
index of the total it is a part of (used by ``flags``); ``ctx.notes["numbers"]`` holds
``find_numbers(ctx.text, ctx.lang)`` so that later components need not find them again;
``ctx.notes["figure_tokens"]`` the ``figures_lexicon.Tokens`` of the text (the casualties
component cuts its own tokens from them instead of splitting the text again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import settings
from ..report import Claimant, Figure, Span, Window
from . import guard
from .figures_cand import Cand
from .figures_lexicon import LANGS, Tokens, lexicon
from .figures_resolve import _gap_ok
from .figures_scan import _DASHES, Phrase, Scan, walk_phrase
from .figures_tallies import (
    _all_fired,
    _counts_people,
    _far_tally,
    _group_before,
    _noun_before_dash,
    _place_by_dash,
    _range_low,
    _range_phrase,
    _respectively,
    _tally_one,
    _tally_one_before,
    _typed_by_colon,
)
from .numbers import Number, find_numbers

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["component", "extract_figures"]


def component(ctx: Context) -> None:
    if ctx.lang not in LANGS:
        return
    figures, parents = extract_figures(ctx)
    base = len(ctx.report.figures)
    ctx.report.figures.extend(figures)
    ctx.notes["figure_parents"] = {base + k: base + v for k, v in parents.items()}


def extract_figures(ctx: Context) -> tuple[list[Figure], dict[int, int]]:
    """The figures of a document and the part -> total links between them."""
    text, lang = ctx.text, ctx.lang
    lex = lexicon(lang)
    # one cut of the text for the number words, the lexicons and the casualties component
    tokens = ctx.notes["figure_tokens"] = Tokens(text)
    found = ctx.notes.get("numbers")
    if found is None:
        found = ctx.notes["numbers"] = find_numbers(text, lang, tokens.lows)
    numbers = [m for n in found if n.value > 0 and (m := _count(text, n)) is not None]
    if not numbers:
        return [], {}
    where = _sentence_of(ctx, numbers)
    scan = Scan(text, lex, {n.start for n in numbers}, _spans(ctx, where), tokens)
    rules = _Rules(ctx, scan)
    # many numbers: skip at once the sentences with no lexicon hit (same output; the index it
    # needs is not worth making for a few numbers)
    quick = len(numbers) >= _QUIET_FROM
    bare = -1  # the last sentence found bare
    loud = -1  # the last sentence whose text has a hit or a dash (never bare: one look each)
    for n, si in zip(numbers, where, strict=False):  # ``where`` stops at the last sentence
        if si == bare:
            continue
        if quick and si != loud:
            if not rules.quiet_sentence(si):
                loud = si
            elif not rules.extra_state.get("resp"):
                bare = si
                continue
        guard.tick()
        rules.add_number(n, si)
    return rules.finish()


def _sentence_of(ctx: Context, numbers: list[Number]) -> list[int]:
    """The index of the sentence of each number, up to the last number inside a sentence."""
    sents = ctx.sentences
    ends = [s.end for s in sents]
    out: list[int] = []
    si = 0
    last = len(ends)
    for n in numbers:
        start = n.start
        while si < last and ends[si] <= start:
            si += 1
        if si >= last:
            break
        out.append(si)
    return out


_QUIET_FROM = 64


def _count(text: str, n: Number) -> Number | None:
    """A count, or a compound count with an approximating suffix ("6,000-odd drones": about)."""
    if n.is_count:
        return n
    if n.compound and not (n.ordinal or n.age or n.percent or n.year or n.date):
        tail = text[n.end : n.end + 5].lower()
        if tail.startswith("-odd") and not tail[4:5].isalpha():
            return Number(start=n.start, end=n.end + 4, value=n.value, approx=True, words=n.words)
    return None


def _spans(ctx: Context, where: list[int]) -> list[tuple[int, int]]:
    """The sentences that hold numbers (``where``: sentence indices, ascending), each with the
    sentence before it (anaphora, list headers, carried-over verbs), as merged character
    ranges."""
    sents = ctx.sentences
    want: set[int] = set(where)
    want.update([si - 1 for si in want])
    spans: list[tuple[int, int]] = []
    cur_lo, cur_hi = -1, -1  # the range being merged (a line per number merges them all)
    for k in sorted(i for i in want if i >= 0):
        lo, hi = sents[k].start, sents[k].end
        if cur_lo >= 0 and lo <= cur_hi + 2:
            cur_hi = max(hi, cur_hi)
        else:
            if cur_lo >= 0:
                spans.append((cur_lo, cur_hi))
            cur_lo, cur_hi = lo, hi
    if cur_lo >= 0:
        spans.append((cur_lo, cur_hi))
    return spans


class _Rules:
    def __init__(self, ctx: Context, scan: Scan) -> None:
        self.ctx = ctx
        self.scan = scan
        self.text = ctx.text
        self.cands: list[Cand] = []
        self.by_sent: dict[int, list[int]] = {}
        self.pending_oftotal: int | None = None
        self.extra_state: dict[str, Any] = {}
        self._non_attack_cache: dict[int, bool] = {}
        # bullet lines under a header ending with ":" -> (header's cue, header sentence)
        self.list_ctx: dict[int, tuple[str | None, int | None]] = {}
        open_list: tuple[str | None, int | None] | None = None
        for si, s in enumerate(ctx.sentences):
            # "– 474 ворожі БпЛА;", "🔹 90 ворожих БпЛА;", "▪️ Курская – 4"
            first = s.text[:1]
            bullet = bool(first) and not first.isalnum() and first not in "«\"“„'([#@"
            if open_list is not None and bullet:
                self.list_ctx[si] = open_list
            elif not bullet:
                open_list = None
            if s.text.rstrip().endswith(":"):
                got = [h for h in scan.in_range("cues", s.start, s.end) if not h.value.weak]
                open_list = (got[-1].value.measure if got else None, si)

    # ------------------------------------------------------------------ candidates
    def add_number(self, n: Number, si: int) -> None:
        scan, text = self.scan, self.text
        s = self.ctx.sentences[si]
        lim = s.end
        if self._non_attack(si):
            return
        plus = text[n.end : n.end + 1] == "+"  # "100+ drones"
        if plus:
            n = Number(start=n.start, end=n.end + 1, value=n.value, approx=n.approx, words=n.words)
        after = scan.skip(n.end, lim)
        if text[n.end : n.end + 1] == "%" or scan.at("periods", after) is not None:
            return
        lead, qual = self._qualifier(n, s.start)
        if n.approx and qual == "exact":
            qual = "approx"
        elif n.in_range and qual in ("exact", "at_most"):
            qual = "approx"  # "10-12 drones", "від 5 до 7 ракет"
        elif plus and qual == "exact":
            qual = "more_than"
        if self.extra_state.get("range_hi") == n.start:
            qual = "at_most"  # the upper end of "between 20 and 30 drones"
        before = scan.skip_back(lead, s.start)
        c = Cand(num=n, lead=lead, end=n.end, kind="", sent=si, qualifier=qual)
        pb = before
        cop = scan.ending("copulas", pb)
        if cop is not None:  # "Среди ракет были шесть …"
            pb = scan.skip_back(cop.start, s.start)
        elif pb > s.start and text[pb - 1] == "," and scan.ending("parts", pb - 1) is not None:
            pb -= 1  # "Зокрема, 31 дрон – над Брянською областю"
        c.parts_word = (
            scan.ending("parts", pb) is not None or scan.ending("anaphora", before) is not None
        )
        # "Серед них – 55 шахедів" refers to the total before; "Среди ракет были …" to the attack
        c.extra["parts_pron"] = scan.ending("anaphora", pb) is not None
        ob = before
        det = scan.ending("determiners", ob)
        if det is not None:  # "of the 120 drones", "Of the 40 missiles"
            ob = scan.skip_back(det.start, s.start)
        oft = scan.ending("of_total", ob)
        # "seven of eight", "з 70 ракет" — but not "a barrage of 150" (a cue ends there)
        c.oftotal_before = oft is not None and scan.ending("cues", oft.end) is None
        co = scan.ending("coordinators", before)
        if co is not None:
            for j in reversed(self.by_sent.get(si, [])):
                pc = self.cands[j]
                if pc.kind not in ("anaphora", "loc", "another") and not pc.oftotal_before:
                    c.extra["sib"] = j
                    break
        if _range_low(self, c, before, after, s.start, lim):
            return
        # locations ------------------------------------------------------------
        loc = scan.at("locations", after)
        if loc is None:
            m = scan.at("modifiers", after)
            if m is not None:
                loc = scan.at("locations", scan.skip(m.end, lim))
        if loc is not None:
            c.kind, c.end = "loc", loc.end
            self._push(c)
            return
        if (
            not text[after : after + 1].isalnum()
            and scan.skip(after, lim) == after
            and self._location_cue_before(before, s.start, self._sent_has(si, "loc"))
        ):
            c.kind = "loc"  # "Debris fell at 14." (the locations word left out)
            self._push(c)
            return
        more = scan.at("more_after", after)
        if more is not None and self._sent_has(si, "loc"):
            c.kind, c.end, c.loc_more = "loc", more.end, True
            self._push(c)
            return
        if (
            scan.ending("another", before) is not None
            and self._sent_has(si, "loc")
            and not text[after : after + 1].isalnum()
        ):
            c.kind, c.loc_more = "loc", True  # "debris fell at another 10"
            self._push(c)
            return
        # anaphora after the number: "233 of them", "110 з них" ---------------
        ana = scan.at("anaphora", after)
        if ana is not None:
            c.kind, c.end = "anaphora", ana.end
            r = scan.skip(ana.end, lim)
            cop = scan.at("copulas", r)
            if cop is not None or text[r : r + 1] in _DASHES:
                r = scan.skip(cop.end if cop else r + 1, lim)
            ph: Phrase | None = walk_phrase(scan, r, lim, max_unknown=0)
            if ph is not None:
                c.phrase, c.end = ph, ph.end
            elif (
                scan.at("breakers", r) is not None
                and scan.at("cues", r) is None
                and text[scan.skip(scan.word_end(r), lim) : scan.skip(scan.word_end(r), lim) + 1]
                in ",.;)"
            ):
                return  # "three of them children.": people, not weapons
            self._push(c)
            return
        # "566 of the drones", "seven of eight Kinzhal" -----------------------
        of = scan.at("of_total", after)
        if of is not None:
            r = scan.skip(of.end, lim)
            det = scan.at("determiners", r)
            if det is not None:
                r = scan.skip(det.end, lim)
            if scan.is_number_at(r):
                c.kind = "oftotal"
                self.pending_oftotal = self._push(c)
                return
            ph = walk_phrase(scan, r, lim, max_unknown=0)
            if ph is not None:
                c.kind, c.phrase, c.end = "noun", ph, ph.end
                r = scan.skip(ph.end, lim)
                cop = scan.at("copulas", r)
                if cop is not None:
                    ph2 = walk_phrase(scan, scan.skip(cop.end, lim), lim, max_unknown=0)
                    if ph2 is not None and ph2.model:
                        c.extra["pred"] = ph2
                        c.end = ph2.end
                    elif ph2 is not None and ph2.category == ph.category:
                        c.end = ph2.end  # "about 60 of the missiles were ballistic"
                    if ph2 is not None:
                        # it says what they were, not what befell them: part of the launch
                        c.extra["measure"] = "launched"
                self._push(c)
                return
        # "4 влучання «шахедів»": a hit noun between the number and the weapon -------------
        hc = scan.at("cues", after)
        if hc is not None and hc.value.measure == "hit" and not hc.value.weak:
            ph = walk_phrase(scan, scan.skip(hc.end, lim), lim, max_unknown=0)
            if ph is not None:
                c.kind, c.phrase, c.end = "direct", ph, ph.end
                c.extra["measure"] = "hit"
                self._push(c)
                return
        # the weapon phrase after the number ------------------------------------
        ph = walk_phrase(scan, n.end, lim)
        if ph is not None and (
            scan.at("periods", scan.skip(ph.end, lim)) is not None
            or scan.ending("averages", before) is not None
        ):
            return  # an average ("about 203 drones a day"), not a figure
        if ph is not None:
            _tally_one_before(self, before, s.start, si)
            ph = _typed_by_colon(self, ph, lim)
            c.kind, c.phrase, c.end = "direct", ph, ph.end
            c.extra["both"] = (
                scan.ending("both", before) is not None
                or scan.at("both", n.start) is not None
                or scan.at("both", lead) is not None
            )
            # "the two missiles": a definite count names a group told of before
            c.extra["definite"] = scan.ending("determiners", before) is not None
            idx = self._push(c)
            if self.pending_oftotal is not None:
                self.cands[self.pending_oftotal].source = idx
                self.pending_oftotal = None
            if c.extra["both"]:
                _all_fired(self, c, ph, lim)
            _tally_one(self, ph, si, lim)
            return
        # "between 20 and 30 drones", "10-12 missiles", "від 10 до 15 КАБів" ------------------
        if ph is None:
            rng = _range_phrase(self, n, s.start, lim)
            if rng is not None:
                self.extra_state["range_hi"], ph = rng
                c.kind, c.phrase, c.end = "direct", ph, ph.end
                c.extra["range_lo"] = True  # its measure: the upper end's (resolve)
                if qual in ("exact", "approx"):
                    c.qualifier = "at_least"
                self._push(c)
                return
        # "… 12 missiles and 40 drones, of which 10 and 35 respectively were shot down" ------
        if _respectively(self, c, si, lim):
            self._push(c)
            return
        # a bare number that is part of a group ------------------------------------
        if before > s.start and text[before - 1] == ",":  # "Of those, 80 …", "З них, 30 …"
            comma_b = scan.skip_back(before - 1, s.start)
            if scan.ending("anaphora", comma_b) is not None:
                before = comma_b
            else:
                group = _group_before(self, comma_b, s.start)
                if group is not None:  # "Of the drones, 249 were shot down"
                    c.kind, c.phrase = "noun", group
                    self._push(c)
                    return
        prev0 = self._prev_cand(si, back=0)
        if (
            scan.ending("compared", before) is not None
            and prev0 is not None
            and scan.word_end(after) - after <= 3  # no noun of its own: "… in June"
        ):
            c.kind = "cmp"  # "6,297 drones in July, up from 5,438 in June"
            self._push(c)
            return
        if (
            text[after : after + 1].isalpha()
            and scan.at("breakers", after) is not None
            and scan.at("over", after) is None
            and scan.at("copulas", after) is None
            and not any(
                not h.value.weak and _gap_ok(text, after, h.start)
                for h in scan.in_range("cues", after, after + 60)
                if h.start < after + 30
            )
        ):
            if scan.at("people", after) is not None:
                self.extra_state["people"] = (si, n.end)  # a people list may follow
            return  # "three children", "seven people"
        if _counts_people(self, n, si):
            return  # "двоє – у Дніпрі", "ще одна – на Житомирщині" after "загинули четверо"
        prev = self._prev_cand(si, back=1)
        if scan.ending("anaphora", before) is not None:
            c.kind = "anaphora"
            cop = scan.at("copulas", after)
            if cop is not None or text[after : after + 1] in _DASHES:
                r = scan.skip(cop.end if cop else after + 1, lim)
                ph = walk_phrase(scan, r, lim, max_unknown=0)
                if ph is not None:  # "з яких понад 20 – шахеди"
                    c.phrase, c.end = ph, ph.end
                elif _place_by_dash(self, before, after, s.start, lim):
                    c.extra["dash_place"] = True  # "З них 66 – в Києві та області"
        elif scan.ending("parts", before) is not None and prev is not None:
            c.kind = "part"
        elif scan.ending("another", before) is not None and prev is not None:
            c.kind = "another"

        elif scan.at("over", after) is not None and self._sent_has(si):
            c.kind = "over"
        elif self._dash_adjacent(n, before, after) and (
            self._sent_has(si)
            or si in self.list_ctx
            or self._weapon_and_cue_before(s.start, lead)
            or (prev is not None and _place_by_dash(self, before, after, s.start, lim))
            or (prev is not None and _noun_before_dash(self, before, s.start))
            or _far_tally(self, c, si, before, after, lim)
        ):
            c.kind = "dash"
        elif (
            self._cue_right_before(before, s.start)
            and prev is not None
            and (
                after >= lim
                or not text[after].isalnum()
                or scan.at("coordinators", after) is not None
            )
        ):
            c.kind = "cue"  # "знищено 51.", "destroyed 52 and another 18 …"
        elif c.oftotal_before and self._sent_has(si):
            c.kind = "outof"  # "17 missiles out of 18"
        elif prev is not None and self._cue_right_after(n.end, lim):
            c.kind = "cue"  # "adding that 36 were shot down", "обидві збито"
        else:
            return
        self._push(c)

    def quiet_sentence(self, si: int) -> bool:
        """Whether ``add_number`` can take no number of sentence ``si`` while no "respectively"
        group is pending: no lexicon hit anywhere in it, no dash in it or right before it (the
        only rules that need no hit read dashes, list headers and place mentions; a sentence
        that takes nothing leaves the pending state as it was). A shortcut for texts full of
        numbers; it reads only the text, so one look per sentence will do."""
        s = self.ctx.sentences[si]
        if not self.scan.quiet(s.start, s.end):
            return False
        around = self.text[max(0, s.start - 1) : s.end + 1]
        return "-" not in around and "–" not in around and "—" not in around  # _DASHES

    def _location_cue_before(self, before: int, floor: int, more: bool = False) -> bool:
        """A debris/hit word one short preposition before the number ("debris fell at 14"), or
        right before it after a count of locations ("… at 6 locations and drones hit 3")."""
        text = self.text
        cues = self.scan.in_range("location_cues", max(floor, before - 20), before)
        for h in cues[::-1]:
            gap = text[h.end : before].split()
            if not gap:
                return more
            return len(gap) == 1 and gap[0].isalpha() and len(gap[0]) <= 3
        return False

    def _cue_right_after(self, pos: int, lim: int) -> bool:
        for h in self.scan.in_range("cues", pos, min(lim, pos + 60)):
            if h.value.weak or h.value.side == "before":
                continue
            return _gap_ok(self.text, pos, h.start)
        return False

    def _non_attack(self, si: int) -> bool:
        got = self._non_attack_cache.get(si)
        if got is None:
            s = self.ctx.sentences[si]
            got = bool(self.scan.in_range("non_attack", s.start, s.end))
            self._non_attack_cache[si] = got
        return got

    def _push(self, c: Cand) -> int:
        idx = len(self.cands)
        self.cands.append(c)
        self.by_sent.setdefault(c.sent, []).append(idx)
        return idx

    def _qualifier(self, n: Number, floor: int) -> tuple[int, str]:
        scan = self.scan
        b = scan.skip_back(n.start, floor)
        q = scan.ending("qualifiers", b)
        if q is None:
            return n.start, "exact"
        na = scan.ending("qualifier_not_after", scan.skip_back(q.start, floor))
        if na is not None:
            return n.start, "exact"
        return q.start, str(q.value)

    def _sent_has(self, si: int, kind: str | None = None) -> bool:
        return any(kind is None or self.cands[i].kind == kind for i in self.by_sent.get(si, ()))

    def _prev_cand(self, si: int, back: int = 1) -> int | None:
        if not self.cands:
            return None
        last = len(self.cands) - 1
        return last if self.cands[last].sent >= si - back else None

    def _dash_adjacent(self, n: Number, before: int, after: int) -> bool:
        text = self.text
        return text[after : after + 1] in _DASHES or text[before - 1 : before] in _DASHES

    def _weapon_and_cue_before(self, lo: int, hi: int) -> bool:
        scan = self.scan
        return bool(scan.in_range("weapons", lo, hi)) and any(
            not h.value.weak for h in scan.in_range("cues", lo, hi)
        )

    def _cue_right_before(self, before: int, floor: int) -> bool:
        h = self.scan.ending("cues", before)
        if h is None and before > floor and self.text[before - 1] in _DASHES:
            # "Локаційно втрачено – 50": an elliptical dash between the cue and the number
            h = self.scan.ending("cues", self.scan.skip_back(before - 1, floor))
        return h is not None and not h.value.weak

    # ------------------------------------------------------------------ resolution
    def finish(self) -> tuple[list[Figure], dict[int, int]]:
        from .figures_resolve import resolve

        return resolve(self)


def evidence_span(text: str, start: int, end: int, limit: int | None = None) -> Span:
    """``limit``: the evidence cap when the caller has read it already (once per document)."""
    if limit is None:
        limit = settings.MAX_EVIDENCE_CHARS.get()
    end = min(end, start + limit)
    return Span.of(text, start, end)


def make_figure(
    text: str,
    c: Cand,
    rule: str,
    *,
    night_of: str | None,
    window: Window | None,
    attacker: str,
    area: list[str],
    claimant: Claimant | None,
    max_evidence: int | None = None,
) -> Figure:
    assert c.weapon is not None and c.measure is not None
    return Figure(
        measure=c.measure,
        weapon=c.weapon,
        value=c.num.value,
        evidence=evidence_span(text, c.lead, c.end, max_evidence),
        rule=rule,
        qualifier=c.qualifier,
        night_of=night_of,
        window=window,
        area=area,
        attacker=attacker,
        claimant=claimant,
    )
