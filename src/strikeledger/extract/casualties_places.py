"""Which place a casualty or a damaged site belongs to, and who says so.

Reads ``ctx.notes["place_mentions"]`` (``PlaceMention(start, end, place_id)`` sorted by start) and
``ctx.notes["places_by_id"]`` (id -> ``report.Place``), both left by the places component; when
they are absent every place is None.

The place of an item at an offset is, in order: the most specific place named in the same clause,
then in the same sentence, then the nearest sentence before it in the same paragraph that names a
place, then the document's main place. Places named together in a list ("the Sviatoshynskyi,
Solomianskyi and Pecherskyi districts") say where the whole story happened, not where one victim
was, so a list is skipped and a broader place is looked for (the region of a list of towns of one
region, when the text names it).

Clauses end at ";" and ", and"/", а"; at a comma or dash before a place that is not a part of the
place named before it ("у Луцьку ..., у Дніпрі – ..."); and before another counted group of the
sentence when the places on both sides are apart ("two were killed in Lutsk and one was injured in
Dnipro"). A count may cover an area (``broad``): the country (null, unless a place follows the
group: "five in Kharkiv"), the city ("in the capital", "у місті": the city named last), the
region ("в регионе": the oblast named last, also in a title) or a total ("Загалом": the city when
a district was named last). A settlement the places component did not resolve, or resolved only by
its first word ("у селі Калинове Поле"), takes only a raion or oblast named with it, else null.
The main place, for an item placed by nothing else, is the lead's city once several districts have
been named by then.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..report import Claimant
from .casualties_lexicon import PhraseMatcher, PhraseSet, Tokens

if TYPE_CHECKING:
    from .pipeline import Context

# More specific levels first.
_SPECIFICITY = {
    "city_district": 0,
    "settlement": 1,
    "foreign_city": 1,
    "city": 2,
    "hromada": 3,
    "raion": 4,
    "foreign_region": 5,
    "oblast": 6,
    "country": 9,
}
# Text between two place mentions that makes them a list (it must hold a comma or a
# conjunction: "Пересипському районі Одеси" is one place named twice, not a list).
_LIST_GAP = re.compile(
    r"^(?:\s|,|and|or|та|і|й|и|або|или|the|a|districts?|regions?|oblasts?|районах|районам|"
    r"районів|районами|районы|районов|областях|областей|громадах|громад|громади|громадам|"
    r"селах|городах|містах|населених пунктах|населенных пунктах)*$",
    re.I,
)
_LIST_SEP = re.compile(r",|\b(?:and|or|та|і|й|и|або|или)\b", re.I)
# Where a clause of a sentence ends, for the purpose of linking a place to a victim.
_CLAUSE = re.compile(r";|,\s+(?:and|while|whereas|but|а|і|та|але|и|но|а также)\s", re.I)
# A comma or dash right before a place ("У Луцьку загинули двоє, у Дніпрі – одна", "в Курске
# погибли двое, в Рыльске — один") starts a clause of that place.
_PLACE_CLAUSE = re.compile(
    r"[,;–—]\s*(?:(?:and|but|while|а|і|та|й|и|но)\s+)?"
    r"(?:(?:in|at|near|у|в|во|на|под|під|біля|около)\s+(?:the\s+)?)?$",
    re.I,
)
# A place right after a counted group ("five in Kharkiv", "двое – в Курске"): where that group was.
_LOCAL_AFTER = re.compile(r"^\s*(?:[,–—-]\s*)?(?:in|at|у|в|во|на)\s+(?:the\s+)?$", re.I)
# A settlement named by a word the gazetteer may not know ("у селі Зміївка", "in the village of
# X"): when no place is found there, a city or district named elsewhere is not where it was.
_SETTLEMENT = re.compile(
    r"\b(?:(?:[Уу]|[Вв])\s+(?:селі|селищі|смт|селе|поселке|посёлке|пгт|хуторі|хуторе|деревне|"
    r"станице|селищі міського типу)|(?:[Ii]n|[Nn]ear)\s+the\s+(?:village|settlement|town|hamlet)"
    r"\s+of)\s+"
    r"(?=[A-ZА-ЯІЇЄҐЁ])",
)
_WIDE = ("hromada", "raion", "oblast", "foreign_region")
# A conjunction or comma right before another counted group starts that group's clause ("two
# were killed in Kherson and three were injured in Zelenivka").
_VICTIM_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:(?:and|but|while|і|й|та|а|але|и|но)\s+)?(?:(?:at least|another|ще|іще|"
    r"щонайменше|еще|ещё|не менее|как минимум)\s+)?$",
    re.I,
)


class PlaceLinker:
    """Finds the place id for an offset of the document text."""

    def __init__(
        self, ctx: Context, tokens: Tokens | None = None, titles: PhraseSet | None = None
    ) -> None:
        self.text = ctx.text
        mentions: list[Any] = list(ctx.notes.get("place_mentions") or [])
        self.places: dict[str, Any] = dict(ctx.notes.get("places_by_id") or {})
        named = [m for m in mentions if self._level(m.place_id) < _SPECIFICITY["country"]]
        self.named = named
        self.mentions = [
            m for m in named if not self._dateline(m) and not self._in_title(m, tokens, titles)
        ]
        # A text whose only place is in a title ("Губернатор Рязанской области сообщил ...")
        # still happened there.
        self.fallback = str(named[0].place_id) if named else None
        self.starts = [m.start for m in self.mentions]
        self.sentences = ctx.sentences
        self.sent_starts = [s.start for s in ctx.sentences]
        self.listed = self._listed()
        self.lead_ks: list[int] = []
        self._clause_cache: dict[int, list[int]] = {}
        self.main = self._main_place()
        first = self.sentences[0].paragraph if self.sentences else 0
        self.lead_end = next(
            (x.start for x in self.sentences if x.paragraph > first + 1), len(self.text)
        )

    @staticmethod
    def _in_title(m: Any, tokens: Tokens | None, titles: PhraseSet | None) -> bool:
        """ "губернатора Курской области", "governor of the Kursk region": part of a title."""
        if tokens is None or titles is None:
            return False
        i = tokens.at(m.start)
        return bool(titles.ends_before(tokens.words, i, max(0, i - 4)))

    def _dateline(self, m: Any) -> bool:
        """ "KYIV, Sept 28 —": where the reporter was, not where the victims were."""
        word = self.text[m.start : m.end]
        at_line_start = m.start == 0 or self.text[m.start - 1] == "\n"
        return at_line_start and len(word) > 2 and word.isupper()

    def _level(self, place_id: str) -> int:
        place = self.places.get(place_id)
        if place is None:
            return 8
        return _SPECIFICITY.get(getattr(place, "level", ""), 8)

    def _listed(self) -> set[int]:
        """Indexes of mentions that stand in a list of two or more distinct places."""
        out: set[int] = set()
        ms = self.mentions
        i = 0
        while i < len(ms):
            j = i
            while j + 1 < len(ms):
                gap = self.text[ms[j].end : ms[j + 1].start]
                if not (_LIST_GAP.match(gap) and _LIST_SEP.search(gap)):
                    break
                j += 1
            if j > i and len({ms[k].place_id for k in range(i, j + 1)}) > 1:
                out.update(range(i, j + 1))
            i = j + 1
        return out

    def _main_place(self) -> str | None:
        """The most specific place of the headline and the lead (first two paragraphs), else
        the place named most often (see :meth:`_main_at` for districts)."""
        if not self.mentions:
            return self.fallback
        first_para = self.sentences[0].paragraph if self.sentences else 0
        lead: list[int] = []
        for k, m in enumerate(self.mentions):
            s = self._sentence_of(m.start)
            if s is not None and self.sentences[s].paragraph > first_para + 1:
                break
            lead.append(k)  # a list in the lead still names where the story happened
        self.lead_ks = lead
        if lead:
            best = min(self._level(self.mentions[k].place_id) for k in lead)
            k = next(k for k in lead if self._level(self.mentions[k].place_id) == best)
            return str(self.mentions[k].place_id)
        counts = Counter(m.place_id for m in self.mentions)
        return str(counts.most_common(1)[0][0])

    def _main_at(self, start: int) -> str | None:
        """The main place for an item at ``start``: when it is a district but several districts
        of the city have been named by then, the city named in the lead."""
        if self.main is None or self._level(self.main) != _SPECIFICITY["city_district"]:
            return self.main
        named = {
            m.place_id
            for m in self.mentions[: bisect_right(self.starts, start)]
            if self._level(m.place_id) == _SPECIFICITY["city_district"]
        }
        if len(named) < 2:
            return self.main
        cities = [
            self.mentions[k].place_id
            for k in self.lead_ks
            if self._level(self.mentions[k].place_id) == _SPECIFICITY["city"]
        ]
        return str(cities[0]) if cities else self.main

    def _sentence_of(self, offset: int) -> int | None:
        i = bisect_right(self.sent_starts, offset) - 1
        return i if i >= 0 else None

    def _in(self, start: int, end: int) -> list[int]:
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        return [k for k in range(lo, hi) if k not in self.listed]

    def _list_region(self, start: int, end: int) -> str | None:
        """A count over a list of places of one region ("в Судже и Рыльске пострадали пять
        человек") is the region's, when the text names it (also in a title)."""
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        ks = [k for k in range(lo, hi) if k in self.listed]
        if not ks:
            return None
        regions = {getattr(self.places.get(self.mentions[k].place_id), "region", None) for k in ks}
        if len(regions) != 1 or None in regions:
            return None
        region = regions.pop()
        for m in self.named:
            place = self.places.get(m.place_id)
            if getattr(place, "level", "") in ("oblast", "foreign_region") and (
                getattr(place, "region", None) == region
            ):
                return str(m.place_id)
        return None

    def _pick(self, ks: list[int], near: int, *, unique: bool = False) -> str | None:
        """The most specific place among mentions ``ks`` (the nearest one on a tie); with
        ``unique``, a level naming several places is passed over for a broader one."""
        levels = sorted({self._level(self.mentions[k].place_id) for k in ks})
        for level in levels:
            cands = [k for k in ks if self._level(self.mentions[k].place_id) == level]
            if unique and len({self.mentions[k].place_id for k in cands}) > 1:
                continue
            k = min(cands, key=lambda k: abs(self.mentions[k].start - near))
            return str(self.mentions[k].place_id)
        return None

    def attacker(self, place_id: str | None) -> str | None:
        """Who attacked, from where the item is: a place in Russia means a Ukrainian strike,
        a place in Ukraine a Russian one; without a place, the country most places are in."""
        place = self.places.get(place_id) if place_id else None
        country = getattr(place, "country", None)
        if country is None:
            countries = Counter(
                getattr(self.places.get(m.place_id), "country", None) for m in self.mentions
            )
            countries.pop(None, None)
            country = countries.most_common(1)[0][0] if countries else None
        return {"RU": "UA", "UA": "RU"}.get(str(country)) if country else None

    def refines(self, a: str | None, b: str | None) -> bool:
        """Whether ``a`` is a town or district inside the region ``b`` ("Ранены пять человек"
        after "В Таганроге …" refines "атака на Ростовскую область")."""
        if a is None or b is None or a == b:
            return False
        return self._level(b) >= _SPECIFICITY["foreign_region"] > self._level(a) and self._nested(
            a, b
        )

    def more_specific(self, a: str | None, b: str | None) -> bool:
        if a is None:
            return False
        if b is None:
            return True
        return self._level(a) < self._level(b)

    def at(self, start: int, end: int) -> str | None:
        return self.linked(start, end)[0]

    def linked(
        self, start: int, end: int, broad: str | None = None, others: tuple[int, ...] = ()
    ) -> tuple[str | None, int]:
        """The place id and how closely it is linked: 3 same clause, 2 same sentence, 1 an
        earlier sentence of the paragraph, 0 the document's main place. ``broad`` ("city",
        "country") says the count covers a whole city or the country; ``others`` are the
        offsets of the other groups counted in the sentence, each of which starts a clause."""
        if broad == "country":
            return self._local_after(end), 3
        if broad == "city":
            city = self._city_for(start)
            if city is not None:
                return city, 3
        if broad == "region":
            region = self._region_for(start)
            if region is not None:
                return region, 3
        got = self._linked(start, end, others)
        if broad == "total" and got[1] < 3 and self._after_district(start):
            city = self._city_for(start)
            if city is not None:
                return city, 2
        return got

    def _region_for(self, start: int) -> str | None:
        """The oblast (or foreign region) named last before ``start``, also in a title or a
        dateline; else the first one of the text."""
        regions = [
            m
            for m in self.named
            if getattr(self.places.get(m.place_id), "level", "") in ("oblast", "foreign_region")
        ]
        before = [m for m in regions if m.start < start]
        if before:
            return str(before[-1].place_id)
        return str(regions[0].place_id) if regions else None

    def _after_district(self, start: int) -> bool:
        """Whether the place named last before ``start`` is a city district."""
        k = bisect_right(self.starts, start - 1) - 1
        return k >= 0 and self._level(self.mentions[k].place_id) == _SPECIFICITY["city_district"]

    def _city_for(self, start: int) -> str | None:
        """The nearest city named before ``start`` (sentence, paragraph, then the lead)."""
        cities = [
            k
            for k, m in enumerate(self.mentions)
            if getattr(self.places.get(m.place_id), "level", "") in ("city", "foreign_city")
        ]
        before = [k for k in cities if self.mentions[k].start < start]
        if before:
            return str(self.mentions[before[-1]].place_id)
        lead = [k for k in cities if self.mentions[k].start < self.lead_end]
        return str(self.mentions[lead[0]].place_id) if lead else None

    def _local_after(self, end: int) -> str | None:
        """A place named right after a counted group ("five in Kharkiv")."""
        k = bisect_right(self.starts, end - 1)
        if k < len(self.mentions) and k not in self.listed:
            m = self.mentions[k]
            if m.start - end <= 12 and _LOCAL_AFTER.match(self.text[end : m.start]):
                return str(m.place_id)
        return None

    def _place_clauses(self, sent: Any) -> list[int]:
        """Offsets where a clause of another place starts: a comma or dash before a place that
        is not a part of the place named before it in the sentence ("у Луцьку ..., у Дніпрі –
        ..."; but "у Харківській області, в селі X" and "в Киеве, в Дарницком районе" go on)."""
        have = self._clause_cache.get(sent.start)
        if have is not None:
            return have
        out: list[int] = []
        self._clause_cache[sent.start] = out
        ks = self._in(sent.start, sent.end)
        for a, b in pairwise(ks):
            pa, pb = self.mentions[a].place_id, self.mentions[b].place_id
            if pa == pb:
                continue
            la, lb = self._level(pa), self._level(pb)
            ra = getattr(self.places.get(pa), "region", None)
            rb = getattr(self.places.get(pb), "region", None)
            if lb < la and ra is not None and ra == rb:
                continue  # a part of the place before it
            mb = self.mentions[b].start
            lo = max(self.mentions[a].end, mb - 24)
            hit = _PLACE_CLAUSE.search(self.text, lo, mb)
            if hit is not None and hit.end() == mb:
                at = hit.start()
                if self.text[at] in "–—":
                    # "одна людина – у Луцьку, двоє – у Дніпрі": the place after a dash is the
                    # count's before it, so that clause starts at the comma before the count
                    comma = max(self.text.rfind(",", 0, at), self.text.rfind(";", 0, at))
                    if comma >= self.mentions[a].end:
                        at = comma
                out.append(at)
        return out

    def _nested(self, a: str, b: str) -> bool:
        """Whether one place may lie in the other (same place, or same region at another
        level): "in Kyiv ... in the Podilskyi district" tell one place twice."""
        if a == b:
            return True
        ra = getattr(self.places.get(a), "region", None)
        rb = getattr(self.places.get(b), "region", None)
        return ra is not None and ra == rb and self._level(a) != self._level(b)

    def _apart(self, sent: Any, at: int) -> bool:
        """Whether the places named before and after offset ``at`` of the sentence are different
        places, neither in the other ("two were killed in Lutsk and one was injured in Dnipro")."""
        ks = self._in(sent.start, sent.end)
        left = [k for k in ks if self.mentions[k].start < at]
        right = [k for k in ks if self.mentions[k].start >= at]
        if not left or not right:
            return False
        a, b = self.mentions[left[-1]].place_id, self.mentions[right[0]].place_id
        return not self._nested(str(a), str(b))

    def _unresolved(self, c_start: int, c_end: int) -> bool:
        """The clause names a settlement the places component did not find, or found only
        the first word of ("у селі Калинове Поле", "Вербівка-Друга")."""
        for m in _SETTLEMENT.finditer(self.text, c_start, c_end):
            k = bisect_right(self.starts, m.end() - 1)
            if k >= len(self.mentions) or self.mentions[k].start > m.end() + 1:
                return True
            after = self.text[self.mentions[k].end : self.mentions[k].end + 2]
            nxt = self.mentions[k + 1].start if k + 1 < len(self.mentions) else -1
            if after[:1] == "-" and after[1:2].isalpha():
                return True
            if after[:1] == " " and after[1:2].isupper() and nxt != self.mentions[k].end + 1:
                return True
        return False

    def _wide_only(self, sent: Any, c_start: int, c_end: int) -> tuple[str | None, int]:
        """For an unresolved settlement: a raion or oblast named with it still holds it; a city
        or village named elsewhere does not."""
        for lo, hi, strength in ((c_start, c_end, 3), (sent.start, sent.end, 2)):
            ks = [
                k
                for k in self._in(lo, hi)
                if getattr(self.places.get(self.mentions[k].place_id), "level", "") in _WIDE
            ]
            got = self._pick(ks, lo)
            if got is not None:
                return got, strength
        return None, 0

    def _linked(self, start: int, end: int, others: tuple[int, ...] = ()) -> tuple[str | None, int]:
        if not self.mentions:
            return self.main, 0
        si = self._sentence_of(start)
        if si is None:
            return self.main, 0
        sent = self.sentences[si]
        # The clause around the item.
        c_start, c_end = sent.start, sent.end
        bounds = [(m.start(), m.end()) for m in _CLAUSE.finditer(self.text, sent.start, sent.end)]
        bounds += [(b, b + 1) for b in self._place_clauses(sent)]
        for o in others:
            if sent.start < o < sent.end and o != start:
                hit = _VICTIM_CLAUSE.search(self.text, max(sent.start, o - 30), o)
                if hit is not None and hit.start() < hit.end() and self._apart(sent, o):
                    bounds.append((hit.start(), hit.end()))
        for b_start, b_end in sorted(bounds):
            if b_end <= start:
                c_start = b_end
            elif b_start >= end:
                c_end = b_start
                break
        if _SETTLEMENT.search(self.text, c_start, c_end) and self._unresolved(c_start, c_end):
            return self._wide_only(sent, c_start, c_end)
        return self._linked_in(sent, si, c_start, c_end, start)

    def _linked_in(
        self, sent: Any, si: int, c_start: int, c_end: int, start: int
    ) -> tuple[str | None, int]:
        got = self._pick(self._in(c_start, c_end), start)
        if got is not None:
            return got, 3
        wide = self._list_region(c_start, c_end)
        if wide is not None:
            return wide, 3
        got = self._pick(self._in(sent.start, sent.end), start)
        if got is not None:
            return got, 2
        k = si - 1
        while k >= 0 and self.sentences[k].paragraph == sent.paragraph:
            prev = self.sentences[k]
            got = self._pick(self._in(prev.start, prev.end), prev.end, unique=True)
            if got is not None:
                return got, 1
            k -= 1
        return self._main_at(start), 0


def place_linker(ctx: Context, tokens: Tokens, titles: PhraseSet | None) -> PlaceLinker:
    """The document's :class:`PlaceLinker`, built once and shared by casualties and damage."""
    linker = ctx.notes.get("casualty_place_linker")
    if not isinstance(linker, PlaceLinker):
        linker = PlaceLinker(ctx, tokens, titles)
        ctx.notes["casualty_place_linker"] = linker
    return linker


class ClaimantFinder:
    """The nearest stated source of a casualty or damage item, from the language data."""

    def __init__(
        self,
        ctx: Context,
        tokens: Tokens,
        claimants: list[dict[str, Any]],
        places: PlaceLinker,
        matcher: PhraseMatcher | None = None,
    ) -> None:
        self.entries = claimants
        if matcher is None:
            matcher = PhraseMatcher(
                (form, str(k)) for k, entry in enumerate(claimants) for form in entry["forms"]
            )
        self.found: list[tuple[int, int]] = []  # (offset, entry index)
        for m in matcher.find(tokens.words):
            self.found.append((tokens.starts[m.start], int(m.labels[0])))
        self.offsets = [f[0] for f in self.found]
        self.ctx = ctx
        self.places = places

    def _signature_start(self) -> int:
        """Offset of a short last paragraph (a signature line), or past the end of the text."""
        sents = self.places.sentences
        if not sents:
            return len(self.places.text) + 1
        last = [x for x in sents if x.paragraph == sents[-1].paragraph]
        words = sum(len(x.text.split()) for x in last)
        return (
            last[0].start if words <= 12 and len(sents) > len(last) else len(self.places.text) + 1
        )

    def at(self, start: int, place_id: str | None) -> Claimant | None:
        if not self.found:
            return None
        si = self.places._sentence_of(start)
        idx: int | None = None
        if si is not None:
            sent = self.places.sentences[si]
            lo = bisect_right(self.offsets, sent.start - 1)
            hi = bisect_right(self.offsets, sent.end - 1)
            if hi > lo:
                idx = min(range(lo, hi), key=lambda k: abs(self.offsets[k] - start))
            else:
                before = bisect_right(self.offsets, start) - 1
                if before >= 0:
                    b_sent = self.places._sentence_of(self.offsets[before])
                    if b_sent is not None and (
                        self.places.sentences[b_sent].paragraph == sent.paragraph
                    ):
                        idx = before
        if idx is None:
            # the source named in the headline or the lead, or signing the post at its end
            # ("Начальник Харківської ОВА Олег Синєгубов"), speaks for the whole text
            if self.found[0][0] < self.places.lead_end:
                idx = 0
            elif self.found[-1][0] >= self._signature_start():
                idx = len(self.found) - 1
            else:
                return None
        entry = self.entries[self.found[idx][1]]
        kind = str(entry["kind"])
        place = self.places.places.get(place_id) if place_id else None
        if kind == "local_authority" and getattr(place, "country", None) == "RU":
            kind = "russian_official"
        return Claimant(str(entry["name"]), kind)
