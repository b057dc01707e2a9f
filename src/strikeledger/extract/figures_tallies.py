"""The rules of ``figures`` that read a number with its neighbours, not alone: the ends of a
range ("від 10 до 15 КАБів", "between 20 and 30 drones"), tally lines across a dash ("41 – над
территорией Брянской области"), the group named before bare numbers ("Of the drones, 249 …"),
"N1 and N2 respectively", singular items in a coordinated list ("128 drones and an Iskander-M
missile"), a colon list of types, "all 18 missiles Russia fired", and bare numbers that count
people. Functions of the rules object (``figures._Rules``), called from its ``add_number``."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .figures_cand import Cand
from .figures_scan import _DASHES, Phrase, walk_phrase
from .numbers import Number

if TYPE_CHECKING:
    from .figures import _Rules


def _counts_people(rules: _Rules, n: Number, si: int) -> bool:
    """A bare number that counts people, not weapons: a collective numeral ("двоє",
    "пятеро": only people are counted so; the ``people`` words of attack.yaml), or an
    elliptical part of a people count told before it in the sentence with no weapon figure
    between ("Загинули четверо людей: одна людина – у Луцьку, ще одна – на Житомирщині").
    Such a number starts or continues the people list, so the next bare part is skipped."""
    people = rules.extra_state.get("people")
    if rules.scan.at("people", n.start) is None:
        if people is None or people[0] != si:
            return False
        own = rules.by_sent.get(si)
        if own and rules.cands[own[-1]].num.start > people[1]:
            return False  # a weapon figure came after the people count
    rules.extra_state["people"] = (si, n.end)
    return True


def _respectively(rules: _Rules, c: Cand, si: int, lim: int) -> bool:
    """A bare number in "N1 and N2 respectively": the k-th number of the group takes the
    k-th of the last weapon phrases before it (its measure: the cue after the group)."""
    queue = rules.extra_state.get("resp")
    if queue and queue[0][1] > c.num.start:
        src, end = queue.pop(0)
        c.kind, c.source = "resp", src
        c.extra["resp_end"] = end
        return True
    scan, text = rules.scan, rules.text
    hits = scan.in_range("respectively", c.num.end, lim)
    if not hits:
        return False
    h = hits[0]
    ordered = scan.sorted_number_starts()
    starts = ordered[bisect_left(ordered, c.num.start) : bisect_left(ordered, h.start)]
    gap = text[c.num.end : h.start]
    for co in scan.in_range("coordinators", c.num.end, h.start):
        gap = gap.replace(text[co.start : co.end], " ")
    if any(ch.isalpha() for ch in gap) or len(starts) < 2:
        return False
    own = [
        j
        for j in rules.by_sent.get(si, []) + rules.by_sent.get(si - 1, [])
        if rules.cands[j].kind == "direct" and rules.cands[j].end <= c.num.start
    ]
    own.sort()
    if len(own) < len(starts):
        return False
    srcs = own[-len(starts) :]
    rules.extra_state["resp"] = [(j, h.end) for j in srcs[1:]]
    c.kind, c.source = "resp", srcs[0]
    c.extra["resp_end"] = h.end
    return True


def _range_low(rules: _Rules, c: Cand, before: int, after: int, floor: int, lim: int) -> bool:
    """ "від 10 до 15 КАБів", "от 20 до 30 беспилотников": the lower end is a figure of
    the upper end's weapon, at least."""
    scan = rules.scan
    if scan.ending("range_from", before) is None:
        return False
    q = scan.at("qualifiers", after)
    if q is None or q.value != "at_most":
        return False
    r = scan.skip(q.end, lim)
    upper = next((m for m in rules.ctx.notes.get("numbers") or () if m.start == r), None)
    if upper is None or upper.value <= c.num.value:
        return False
    ph = walk_phrase(scan, upper.end, lim)
    if ph is None:
        return False
    c.kind, c.phrase, c.end = "direct", ph, ph.end
    if c.qualifier in ("exact", "approx"):
        c.qualifier = "at_least"
    rules._push(c)
    return True


def _place_by_dash(rules: _Rules, before: int, after: int, floor: int, lim: int) -> bool:
    """A tally line of a place and a bare number across a dash: "41 – над территорией
    Брянской области", "над Київщиною – 10", "З них 66 – в Києві"."""
    text, scan = rules.text, rules.scan
    if text[after : after + 1] in _DASHES:
        lo = after + 1
        stops = [x for x in (text.find(",", lo, lim), text.find(";", lo, lim)) if x >= 0]
        hi = min(stops) if stops else lim
    else:
        hi = before - 1
        lo = max(text.rfind(",", floor, hi), text.rfind(";", floor, hi), floor - 1) + 1
    if scan.in_range("over", lo, hi) or scan.in_range("regions", lo, hi):
        return True
    mentions = rules.ctx.notes.get("place_mentions") or []
    return any(lo <= m.start and m.end <= hi for m in mentions)


def _far_tally(rules: _Rules, c: Cand, si: int, before: int, after: int, lim: int) -> bool:
    """A tally line two sentences after its total, across an attribution with no number
    ("… уничтожили 57 БПЛА. Об этом сообщили в Минобороны. "21 - над территорией …")."""
    if si < 2 or rules._prev_cand(si, back=2) is None:
        return False
    if rules.text[after : after + 1] not in _DASHES and rules.text[after : after + 1].isalnum():
        return False  # "у Дніпрі – щонайменше одна людина": a count of something else
    mid = rules.ctx.sentences[si - 1]
    ordered = rules.scan.sorted_number_starts()
    k = bisect_left(ordered, mid.start)
    if k < len(ordered) and ordered[k] < mid.end:
        return False  # the sentence between has a number of its own
    if not _place_by_dash(rules, before, after, rules.ctx.sentences[si].start, lim):
        return False
    c.extra["far_src"] = True
    return True


def _noun_before_dash(rules: _Rules, before: int, floor: int) -> bool:
    """ "І майже стільки ж ударних дронів – близько 70": a weapon noun right before the dash."""
    if rules.text[before - 1 : before] not in _DASHES:
        return False
    b = rules.scan.skip_back(before - 1, floor)
    w = rules.scan.ending("weapons", b)
    return w is not None and w.value.category != "none"


def _range_phrase(rules: _Rules, n: Number, floor: int, lim: int) -> tuple[int, Phrase] | None:
    """The lower end of a range takes the weapon phrase of its upper end: a dash ("10-12
    missiles"), or one word after "between / from / від / от" ("between 20 and 30 drones").
    Returns (start of the upper end, its phrase)."""
    scan, text = rules.scan, rules.text
    r = scan.skip(n.end, lim)
    opened: object = None
    if n.in_range and text[r : r + 1] in _DASHES:
        r, opened = scan.skip(r + 1, lim), True
    else:
        # "between 20 and 30", "from 10 to 12"; without the opening word not a coordinator
        # ("20 to 30 drones", "five or six missiles", not "12 and 40 drones")
        w = scan.word_end(r)
        if w == r or not text[r:w].isalpha() or len(text[r:w]) > 4:
            return None
        opened = scan.ending("qualifier_not_after", scan.skip_back(n.start, floor))
        if opened is None and scan.at("coordinators", r) is not None:
            return None
        r = scan.skip(w, lim)
    if r not in scan.number_starts:
        return None
    m = next((x for x in rules.ctx.notes["numbers"] if x.start == r), None)
    if m is None or m.value <= n.value or (opened is None and m.value > 3 * n.value + 2):
        return None
    ph = walk_phrase(scan, m.end, lim)
    return None if ph is None else (r, ph)


def _group_before(rules: _Rules, end: int, floor: int) -> Phrase | None:
    """ "Of the drones, 249 were shot down", "Of the missiles launched, 38 …": a clause
    opening the sentence that names the weapon group its bare numbers belong to."""
    scan, text = rules.scan, rules.text
    ofs = scan.in_range("of_total", floor, end)
    if not ofs:
        return None
    of = ofs[-1]
    # at the start of the sentence or of a clause (", while of the drones, 50 …")
    b = scan.skip_back(of.start, floor)
    if b > floor and text[b - 1] not in ",;:–—":
        w = b
        while w > floor and text[w - 1].isalpha():
            w -= 1
        w = scan.skip_back(w, floor)
        if w > floor and text[w - 1] not in ",;:–—":
            return None
    r = scan.skip(of.end, end)
    det = scan.at("determiners", r)
    if det is not None:
        r = scan.skip(det.end, end)
    if scan.is_number_at(r):
        return None
    ph = walk_phrase(scan, r, end, max_unknown=0)
    if ph is None or ph.category in ("any", "none"):
        return None
    rest = rules.text[ph.end : end].split()
    if len(rest) > 2 or (rest and not scan.in_range("cues", ph.end, end)):
        return None  # only a participle may follow: "Of the drones launched,"
    return ph


def _all_fired(rules: _Rules, c: Cand, ph: Phrase, lim: int) -> None:
    """ "shot down all 18 missiles Russia fired": the relative clause states the launch too
    (a second figure, launched, for the same number)."""
    scan, text = rules.scan, rules.text
    r = scan.skip(ph.end, lim)
    for h in scan.in_range("cues", r, min(lim, r + 30)):
        if h.value.measure != "launched" or h.value.weak or h.value.side == "after":
            return
        words = text[r : h.start].split()
        if not (1 <= len(words) <= 2) or not words[0][:1].isupper():
            return
        if any(not w.replace("'", "").isalpha() for w in words):
            return
        twin = Cand(num=c.num, lead=c.lead, end=h.end, kind="direct", sent=c.sent)
        twin.phrase, twin.qualifier = ph, c.qualifier
        twin.extra["measure"] = "launched"
        rules._push(twin)
        rules.extra_state.setdefault("twin_cues", set()).add(h.start)
        return


def _typed_by_colon(rules: _Rules, ph: Phrase, lim: int) -> Phrase:
    """ "близько 100 ракет: крилаті ракети Х-101/Х-555 та «Калібр»": a list of types with no
    numbers after a colon names the types of the count before it."""
    if ph.model is not None or ph.category in ("any", "none"):
        return ph
    scan = rules.scan
    r = scan.skip(ph.end, lim)
    if rules.text[r : r + 1] != ":":
        return ph
    ph2 = walk_phrase(scan, scan.skip(r + 1, lim), lim, max_unknown=0)
    if ph2 is None or ph2.category != ph.category or ph2.model is None:
        return ph
    nxt = scan.skip(ph2.end, lim)
    if nxt < lim and rules.text[nxt] not in '.;!?\n)»"' and not rules.text[nxt].isalpha():
        return ph
    return Phrase(ph.start, ph.end, ph.category, ph2.model, ph2.models, ph.ua or ph2.ua)


def _tally_one(rules: _Rules, ph: Phrase, si: int, lim: int) -> None:
    """ "128 drones and an Iskander-M missile": the singular after a coordinator is 1."""
    scan = rules.scan
    r = scan.skip(ph.end, lim)
    co = scan.at("coordinators", r)
    if co is None:
        return
    r = scan.skip(co.end, lim)
    if scan.is_number_at(r):
        return
    art = scan.at("articles", r)
    if art is None:
        # no articles (uk, ru): a typed item with a singular noun ("ракету «Нептун-Д»")
        cos = [h for h in scan.in_range("coordinators", r, lim) if h.start > r]
        ph2 = walk_phrase(scan, r, cos[0].start if cos else lim, max_unknown=0)
        if ph2 is None or ph2.model is None or not scan.in_range("singular", r, ph2.end):
            return
        one = Number(start=r, end=r, value=1, words=True)
        c = Cand(num=one, lead=r, end=ph2.end, kind="direct", sent=si, phrase=ph2)
        rules._push(c)
        _tally_one(rules, ph2, si, lim)
        return
    ph2 = walk_phrase(scan, scan.skip(art.end, lim), lim, max_unknown=0)
    if ph2 is None:
        return
    one = Number(start=art.start, end=art.end, value=1, words=True)
    c = Cand(num=one, lead=art.start, end=ph2.end, kind="direct", sent=si, phrase=ph2)
    rules._push(c)


def _tally_one_before(rules: _Rules, before: int, floor: int, si: int) -> None:
    """ "with a ballistic missile and 12 drones": the singular before a coordinated number."""
    scan = rules.scan
    co = scan.ending("coordinators", before)
    if co is None:
        return
    end = scan.skip_back(co.start, floor)
    for art in scan.in_range("articles", floor, end)[::-1]:
        if rules.cands and rules.cands[-1].sent == si and rules.cands[-1].end > art.start:
            return
        ph = walk_phrase(scan, scan.skip(art.end, end), end, max_unknown=0)
        if ph is not None and scan.skip_back(ph.end, floor) == end:
            one = Number(start=art.start, end=art.end, value=1, words=True)
            rules._push(
                Cand(num=one, lead=art.start, end=ph.end, kind="direct", sent=si, phrase=ph)
            )
        return
