"""Places component: every place a reader would put on a map, resolved against the gazetteer.

Finds the surface forms of the gazetteer (``strikeledger.kb.gazetteer``) in the text, decides
which place each one means, and adds ``report.places`` entries (ids "p1", "p2" … in order of
first mention, every mention kept as evidence).

Interface for later components (see notes/common.md):

- ``ctx.notes["place_mentions"]``: ``list[PlaceMention]`` sorted by start, one per mention;
  ``PlaceMention(start, end, place_id)`` where ``place_id`` is the id of a ``report.places`` entry;
- ``ctx.notes["places_by_id"]``: ``dict[str, report.Place]``.

How a mention is resolved (REPORT.md convention 8):

1. Names must be capitalised. A name followed by an institution word ("Харківської ОВА",
   "Kyiv City Military Administration") is part of that name, not a place mention; a river
   word makes it a river's; a capital followed or preceded by a word of government speech
   ("Moscow said", "a comment from Kyiv") stands for its government and is dropped.
2. Elliptic adjectives are places only in a list closed by a plural type word ("the Bryansk,
   Oryol and Rostov regions", "в Каменском, Миллеровском районах"), after a full mention of
   the same level in the same sentence ("Курской области — 25, Белгородской — 18"), or when
   they name a place already found.
3. Settlements (villages, urban-type settlements, Russian villages and towns under 5,000)
   need a settlement cue ("с. Липці", "village of X") or a mention of their oblast, raion or
   hromada; a name that is also a common word ("Нова", "Победа") always needs the cue.
4. Among the places a name may mean, prefer: one named with a settlement cue, a big city,
   one inside a unit the text mentions, the higher level, the bigger population.

Language words (cues, plural type words, institution and government-speech words) live in
``extract/lang/{en,uk,ru}/places.yaml``, read by ``places_cues`` (with the judgments that read
only the words around a name). The words of all three languages are used for every
text: Russian-language Ukrainian news and English wires mix their conventions.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from ..kb.gazetteer import COMMON, ELLIPTIC, Candidate, Entry, Gazetteer
from ..kb.gazetteer import load as load_gazetteer
from ..report import Place, Span
from . import guard, langdata
from .names import given_name
from .places_cues import (
    _Cues,
    _cues,
    _districts_before,
    _institution,
    _institution_after,
    _region_heads,
    _settlement_cue,
)

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["PlaceMention", "component", "find_places"]

RULE = "places.gazetteer.v1"

# Levels a plural type word makes of the adjectives before it.
_HEAD_LEVELS = {
    "oblast": ("oblast", "foreign_region"),
    "district": ("raion", "city_district", "foreign_region"),
    "hromada": ("hromada",),
}
_LEVEL_RANK = {
    "oblast": 9,
    "foreign_region": 8,
    "city": 6,
    "foreign_city": 6,
    "raion": 5,
    "hromada": 4,
    "city_district": 3,
    "settlement": 2,
}
_BIG_CITY = 50_000
_K = TypeVar("_K")
_SMALL_TOWN = 5_000
_KNOWN_SETTLEMENT = 2_000
_WINDOW = 40


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place_id: str


@dataclass(slots=True)
class _M:
    """One match of the gazetteer being resolved (its span and the places it may name)."""

    start: int
    end: int
    cands: tuple[Candidate, ...]
    sentence: int
    initial: bool
    cue: bool
    chosen: Entry | None = None
    how: str = ""


def component(ctx: Context) -> None:
    places, mentions = find_places(ctx.text, [(s.start, s.end) for s in ctx.sentences])
    ctx.report.places.extend(places)
    ctx.notes["place_mentions"] = mentions
    ctx.notes["places_by_id"] = {p.id: p for p in places}


def find_places(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> tuple[list[Place], list[PlaceMention]]:
    """The places of ``text`` (ids in order of first mention) and every mention of them."""
    gz = load_gazetteer()
    cues = _cues()
    low = text.lower()
    bounds = sentences or [(0, len(text))]
    ms: list[_M] = []
    si = 0
    # the judgements that read only the words around a mention, by those words: a name
    # repeated in the same words is judged once
    inst_after: dict[str, int] = {}
    cue_before: dict[str, bool] = {}
    for start, end, cands in gz.matches(text, capitalised=True):
        guard.tick()
        while si + 1 < len(bounds) and bounds[si][1] <= start:
            si += 1
        after = low[end : end + _WINDOW]
        inst = inst_after.get(after)
        if inst is None:
            inst = inst_after[after] = _institution_after(after, cues)
        if inst and _institution(text, start, cands, inst):
            continue
        before = low[max(0, start - _WINDOW) : start]
        cue = cue_before.get(before)
        if cue is None:
            cue = cue_before[before] = _settlement_cue(before, cues)
        # nothing but quotes, brackets and dashes before it in its sentence (a search that
        # stops at the first other character: a slice per mention made long sentences quadratic)
        initial = _NOT_LEADING.search(text, bounds[si][0], start) is None
        if low[start:end] in cues.stop_forms:
            cands = tuple(_as_common(c) for c in cands)
        ms.append(_M(start, end, cands, si, initial, cue))

    # A cue carries over a list: "у селах Липці, Слатине та Руська Лозова", "з напрямків
    # Курська, Орла, Шаталово".
    for prev, m in itertools.pairwise(ms):
        if prev.cue and not m.cue and cues.joiner.match(low[prev.end : m.start]):
            m.cue = True
    # Two passes: the second knows which regions and units the first found elsewhere (a
    # mention's own first guess does not count as its context).
    units: Counter[int] = Counter()
    named: Counter[int] = Counter()
    regions: Counter[str] = Counter()
    # a place's own units and region, by the place (read only)
    own: dict[int, tuple[set[int], str]] = {}
    for final in (False, True):
        # A mention's choice depends only on its candidates, its cue and (second pass) its own
        # first choice, the counts being fixed within a pass: a name repeated a thousand times
        # is resolved once per pass. Keyed by the candidates' identity (kept alive by ``ms``).
        memo: dict[tuple[int, bool, int], Entry | None] = {}
        for m in ms:
            first = m.chosen.index if m.chosen is not None else -1
            key = (id(m.cands), m.cue, first)
            if key in memo:
                m.chosen = memo[key]
                m.how = "name" if m.chosen is not None else ""
                continue
            if not final:
                ctx = _NO_CTX  # nothing is counted yet
            else:
                mine_u, mine_r = own.get(first, (set(), ""))
                # views, not copies: a set per mention made long lists of places quadratic
                ctx = _Ctx(
                    units=_Others(units, mine_u),
                    named=_Others(named, {m.chosen.index} if m.chosen else set()),
                    regions=_Others(regions, {mine_r}),
                )
            m.chosen = memo[key] = _resolve(gz, m, ctx, strict=not final)
            m.how = "name" if m.chosen is not None else ""
        if not final:
            for m in ms:
                e = m.chosen
                if e is None:
                    continue
                if e.index not in own:
                    own[e.index] = ({e.index, *gz.ancestors(e.index)}, e.region or "")
                named[e.index] += 1
                regions[e.region or ""] += 1
            for index, (mine, _) in own.items():  # each unit once per mention of a place in it
                for u in mine:
                    units[u] += named[index]
    _ellipsis_lists(gz, ms, low, cues, _Ctx(set(units), set(named), set(regions)))
    _ellipsis_anchored(gz, ms, low, cues)
    _regions_over(gz, ms, low)
    return _report(gz, ms, text, low, cues)


def _as_common(c: Candidate) -> Candidate:
    return Candidate(c.index, COMMON) if c.kind != ELLIPTIC else c


def _resolve(gz: Gazetteer, m: _M, ctx: _Ctx, *, strict: bool) -> Entry | None:
    best: tuple[tuple[int, ...], Entry] | None = None
    for c in m.cands:
        if c.kind == ELLIPTIC:
            continue
        e = gz.entries[c.index]
        in_ctx = 0 if ctx is _NO_CTX else _context(gz, e, ctx)
        if e.level == "settlement" or (
            e.level == "foreign_city" and e.country == "RU" and e.pop < _SMALL_TOWN
        ):
            # a village needs its cue ("с. Липці") or its oblast, raion or hromada named; a
            # known urban-type settlement may also lean on a town of its oblast
            if not m.cue and (
                strict
                or c.kind == COMMON
                or not (
                    (in_ctx >= 1 and e.pop >= _KNOWN_SETTLEMENT)
                    or any(a in ctx.named for a in gz.ancestors(e.index))
                )
            ):
                continue
        elif c.kind == COMMON and not m.cue and (strict or in_ctx == 0):
            continue
        big = e.level in ("oblast", "foreign_region") or (
            e.level in ("city", "foreign_city") and (e.pop >= _BIG_CITY or "k" in e.flags)
        )
        cue_bonus = 1 if m.cue and e.level in ("settlement", "city", "foreign_city") else 0
        rank = _LEVEL_RANK.get(e.level, 0)
        if e.level == "foreign_city" and e.pop < _SMALL_TOWN:
            rank = _LEVEL_RANK["settlement"]
        # with nothing else to go by, a village of Ukraine over a Russian namesake
        key = (cue_bonus, int(big), in_ctx, rank, int(e.country == "UA"), e.pop, -e.index)
        if best is None or key > best[0]:
            best = (key, e)
    return best[1] if best else None


@dataclass(frozen=True)
class _Ctx:
    """What the rest of the text names: places (``named``), the units containing them
    (``units``) and their regions."""

    units: Container[int]
    named: Container[int]
    regions: Container[str]


class _Others(Generic[_K]):
    """The keys of ``counts`` still counted once ``own`` (one count each) is taken away."""

    __slots__ = ("counts", "own")

    def __init__(self, counts: Counter[_K], own: Container[_K]) -> None:
        self.counts, self.own = counts, own

    def __contains__(self, key: object) -> bool:
        n = self.counts.get(key, 0)  # type: ignore[arg-type]
        if n == 0:
            return False
        return n > 1 or key not in self.own


_NO_CTX = _Ctx(frozenset(), frozenset(), frozenset())
# a character other than those a sentence may open with before its first word
_NOT_LEADING = re.compile(r"[^ \"'«“(–—-]")


def _context(gz: Gazetteer, e: Entry, ctx: _Ctx) -> int:
    """3 when the unit directly containing ``e`` is itself named (a district's city), 2 when a
    unit containing it contains something named, 1 when its region does, else 0."""
    anc = gz.ancestors(e.index)
    if anc and anc[0] in ctx.named:
        return 3
    if any(a in ctx.units for a in anc):
        return 2
    return 1 if e.region in ctx.regions else 0


def _ellipsis_lists(gz: Gazetteer, ms: list[_M], low: str, cues: _Cues, ctx: _Ctx) -> None:
    """ "в Каменском, Миллеровском, Тарасовском районах", "the Bryansk, Oryol and Rostov
    regions": the last item is followed by (or ends with) a plural type word. Also "the
    border region of Belgorod": a type word with "of" before a stem."""
    for m in ms:
        before = low[max(0, m.start - _WINDOW) : m.start]
        if "of" not in before:  # every ``heads_of`` pattern ends in "of"
            continue
        for of_level, pat in cues.heads_of.items():
            if pat.search(before):
                e = _pick(gz, m, _HEAD_LEVELS[of_level], None, ctx)
                if e is not None:
                    m.chosen, m.how = e, "list"
    for i, m in enumerate(ms):
        hm = cues.heads_any.match(low[m.end : m.end + _WINDOW])
        level: str | None = hm.lastgroup if hm is not None else None
        if level is None:
            tail = low[m.start : m.end]
            if " " not in tail:
                continue
            for lv, pat in cues.heads.items():
                if pat.search(" " + tail.rsplit(" ", 1)[-1]):
                    level = lv
                    break
            if level is None:
                continue
            end_item = None  # the last item is a full name; resolve it normally
        else:
            end_item = m
        levels = _HEAD_LEVELS[level]
        items = [end_item] if end_item is not None else []
        j = i - 1
        prev_start = m.start
        while j >= 0:
            p = ms[j]
            gap = low[p.end : prev_start]
            if not cues.joiner.match(gap):
                break
            items.append(p)
            prev_start = p.start
            j -= 1
        country = _list_country(gz, m, levels)
        for it in items:
            e = _pick(gz, it, levels, country, ctx)
            if e is not None:
                it.chosen, it.how = e, "list"


def _list_country(gz: Gazetteer, m: _M, levels: tuple[str, ...]) -> str | None:
    countries = {
        gz.entries[c.index].country for c in m.cands if gz.entries[c.index].level in levels
    }
    return countries.pop() if len(countries) == 1 else None


def _pick(
    gz: Gazetteer, m: _M, levels: tuple[str, ...], country: str | None, ctx: _Ctx
) -> Entry | None:
    best: tuple[tuple[int, ...], Entry] | None = None
    for c in m.cands:
        e = gz.entries[c.index]
        if e.level not in levels or c.kind == COMMON:
            continue
        in_ctx = _context(gz, e, ctx)
        key = (int(country is None or e.country == country), in_ctx, e.pop, -e.index)
        if best is None or key > best[0]:
            best = (key, e)
    return best[1] if best else None


def _ellipsis_anchored(gz: Gazetteer, ms: list[_M], low: str, cues: _Cues) -> None:
    """ "Курской области — 25, Белгородской — 18", "В Деснянском районе …, в Днепровском –":
    after a full mention in the same sentence; and bare names of places already found."""
    found: dict[int, Entry] = {}
    by_sentence: dict[int, list[Entry]] = {}
    districts_of_city: set[int] = set()
    for m in ms:
        if m.chosen is not None:
            found[m.chosen.index] = m.chosen
            by_sentence.setdefault(m.sentence, []).append(m.chosen)
            if m.chosen.level == "city_district":
                districts_of_city.add(m.chosen.parent)
    for m in ms:
        if m.chosen is not None:
            continue
        ell = [gz.entries[c.index] for c in m.cands if c.kind == ELLIPTIC]
        if not ell:
            continue
        again = [e for e in ell if e.index in found and e.level not in ("city", "foreign_city")]
        if again:
            m.chosen, m.how = again[0], "again"
            continue
        towns = [e for e in ell if e.level in ("city", "foreign_city")]
        if towns and cues.facility.match(low[m.end : m.end + _WINDOW]):
            m.chosen, m.how = max(towns, key=lambda e: e.pop), "facility"
            continue
        anchors = by_sentence.get(m.sentence, []) + by_sentence.get(m.sentence - 1, [])
        for a in anchors:
            same = [
                e
                for e in ell
                if e.level == a.level
                and e.level in ("oblast", "foreign_region", "raion", "hromada", "city_district")
                and e.country == a.country
                and (e.level != "city_district" or e.parent == a.parent)
                and (e.level != "foreign_region" or (e.parent < 0) == (a.parent < 0))
            ]
            if same:
                m.chosen, m.how = max(same, key=lambda e: e.pop), "anchored"
                break
        if m.chosen is None:
            # a district of a city whose districts the text already names
            near = [e for e in ell if e.level == "city_district" and e.parent in districts_of_city]
            if near and (m.sentence in by_sentence or _districts_before(low, m.start)):
                m.chosen, m.how = near[0], "anchored"


_OVER = re.compile(r"(?:^|\W)(?:over|над)\s+$")


def _regions_over(gz: Gazetteer, ms: list[_M], low: str) -> None:
    """ "112 drones over eight regions, including 46 over Bryansk", "41 over the Bryansk region
    and 17 over Kaluga": a Russian town's name after "over" in a tally of regions stands for
    its region (the region's elliptic stem)."""
    for m in ms:
        e = m.chosen
        if (
            e is None
            or e.level != "foreign_city"
            or not _OVER.search(low[max(0, m.start - 8) : m.start])
        ):
            continue
        before = low[max(0, m.start - 200) : m.start]
        cut = max(before.rfind(". "), before.rfind("\n"))
        if not _region_heads().search(before[cut + 1 :]):
            continue
        regions = [
            gz.entries[c.index]
            for c in m.cands
            if c.kind == ELLIPTIC
            and gz.entries[c.index].level == "foreign_region"
            and gz.entries[c.index].region == e.region
        ]
        if regions:
            m.chosen, m.how = regions[0], "list"


_NEXT_CAPITAL = re.compile(r"^ [A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’-]+")


def _metonymic(e: Entry, m: _M, text: str, low: str, cues: _Cues) -> bool:
    """True when the mention stands for a government ("Moscow said") or is a person's first
    name ("Volodymyr Zelensky", "Владимир Путин") rather than the place."""
    if "p" in e.flags and not m.cue and _NEXT_CAPITAL.match(text[m.end : m.end + 30]):
        return True
    if not m.cue and _after_given_name(text, m.start):
        return True  # "первого вице-премьера Дениса Мантурова": a surname
    if "g" not in e.flags:
        return False
    after = text[m.end : m.end + _WINDOW].lower()
    before = low[max(0, m.start - _WINDOW) : m.start]
    if (
        after.startswith((",", "."))
        and m.initial
        and m.start < 40
        and text[m.start : m.end].isupper()
    ):
        return False  # dateline: "KYIV, Sept 28 —"
    # "на совещании в Москве заявил": where someone spoke, not who
    spoken = cues.meto_after.match(after) and not _LOCATIVE.search(before)
    return bool(spoken and not after.startswith(" region")) or bool(cues.meto_before.search(before))


_LOCATIVE = re.compile(r"(?:^|\W)(?:в|во|у|in)\s+$")


_PREV_WORD = re.compile(r"([A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’ʼ]+) $")


def _after_given_name(text: str, start: int) -> bool:
    """A name right after a given name ("Дениса Мантурова", "Denis Manturov") is a surname."""
    pm = _PREV_WORD.search(text[max(0, start - 30) : start])
    return pm is not None and any(given_name(pm.group(1), lang) for lang in langdata.LANGS)


def _river(e: Entry, m: _M, low: str, cues: _Cues) -> bool:
    """ "the river Dnipro", "along the Dnipro embankment", "річка Десна": the river."""
    if e.name not in cues.river_places:
        return False
    after = low[m.end : m.end + _WINDOW]
    before = low[max(0, m.start - _WINDOW) : m.start]
    return bool(cues.river_after.match(after) or cues.river_before.search(before))


def _report(
    gz: Gazetteer, ms: list[_M], text: str, low: str, cues: _Cues
) -> tuple[list[Place], list[PlaceMention]]:
    places: dict[int, Place] = {}
    mentions: list[PlaceMention] = []
    # whether a mention stands for something else depends on its place, cue and surroundings
    # only: a name repeated in the same words is judged once
    other: dict[tuple[int, bool, bool, str, str, str, str], bool] = {}
    for m in ms:
        e = m.chosen
        if e is None:
            continue
        start, end = m.start, m.end
        form = text[start:end]
        key = (
            e.index,
            m.cue,
            m.initial and start < 40,
            form,
            text[end : end + _WINDOW],
            low[end : end + _WINDOW],  # the same unless a lower case changed the length
            low[max(0, start - _WINDOW) : start],
        )
        skip = other.get(key)
        if skip is None:
            skip = other[key] = _metonymic(e, m, text, low, cues) or _river(e, m, low, cues)
        if skip:
            continue
        place = places.get(e.index)
        span = Span(start, end, form)
        if place is None:
            place = Place(
                id=f"p{len(places) + 1}",
                name=e.name,
                level=e.level,
                country=e.country,
                evidence=[],
                rule=RULE,
                region=e.region,
                katottg=e.katottg,
                lat=e.lat,
                lon=e.lon,
            )
            places[e.index] = place
        place.evidence.append(span)
        mentions.append(PlaceMention(m.start, m.end, place.id))
    return list(places.values()), mentions


def candidates_of(form: str) -> list[tuple[Entry, str]]:
    """The places a surface form may name, with the kind of form (for tools and tests)."""
    gz = load_gazetteer()
    out: list[tuple[Entry, str]] = []
    for start, end, cands in gz.matches(form):
        if start == 0 and end == len(form):
            out.extend((gz.entries[c.index], c.kind) for c in cands)
    return out
