"""Resolution step of the figures component: weapons of elliptical parts, coordination runs,
part -> total links, measures, claimants, attacker/area and nights (see ``figures``)."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from ..report import Figure, Weapon
from .figures_cand import Cand
from .figures_lexicon import Hit
from .figures_scan import _DASHES, Phrase

if TYPE_CHECKING:
    from .figures import _Rules

_GAP_CHARS = set(" «»\"“”„'–—-")


def _weapon_of(ph: Phrase) -> Weapon:
    """The weapon a phrase names: one (frozen) object per distinct weapon, not one per figure,
    so that a text of thousands of figures makes no garbage-collector work of them."""
    key = (ph.category, ph.model, ph.models if len(ph.models) > 1 else ())
    w = _WEAPONS.get(key)
    if w is None:
        if len(_WEAPONS) > 4096:
            _WEAPONS.clear()
        w = _WEAPONS[key] = Weapon(*key)
    return w


_WEAPONS: dict[tuple[str, str | None, tuple[str, ...]], Weapon] = {}


def _merge(ws: list[Weapon]) -> Weapon:
    cats = {w.category for w in ws}
    if len(cats) != 1 or "any" in cats:
        return Weapon("any")
    models = {w.model for w in ws}
    if len(models) == 1:
        return ws[0]
    return Weapon(ws[0].category)


def resolve(r: _Rules) -> tuple[list[Figure], dict[int, int]]:
    cands = r.cands
    if not cands:
        return [], {}
    _runs(r)
    _weapons(r)
    _parents(r)
    _measures(r)
    _all_of_which(r)
    from .figures_build import build

    return build(r)


# ---------------------------------------------------------------------------- runs
def _runs(r: _Rules) -> None:
    scan, text = r.scan, r.text
    for idxs in r.by_sent.values():
        for a, b in itertools.pairwise(idxs):
            ca, cb = r.cands[a], r.cands[b]
            if ca.kind in ("loc", "cue") or cb.kind not in ("direct", "noun"):
                continue
            lo, hi = ca.end, cb.lead
            if hi < lo:
                continue
            pos = lo
            ok = True
            while pos < hi:
                if text[pos] in _GAP_CHARS:
                    pos += 1
                    continue
                co = scan.at("coordinators", pos)
                if co is not None and co.end <= hi:
                    pos = co.end
                    continue
                ok = False
                break
            cb.run_prev = ok


def _run_of(r: _Rules, i: int) -> list[int]:
    cands = r.cands
    lo = i
    while lo > 0 and cands[lo].run_prev:
        lo -= 1
    hi = i
    while hi + 1 < len(cands) and cands[hi + 1].run_prev:
        hi += 1
    return list(range(lo, hi + 1))


# ---------------------------------------------------------------------------- weapons
def _weapons(r: _Rules) -> None:
    cands = r.cands
    scan = r.scan
    for i, c in enumerate(cands):
        if c.kind == "loc":
            c.weapon = Weapon("any")
        elif c.kind == "direct":
            assert c.phrase is not None
            w = _weapon_of(c.phrase)
            if (c.extra.get("both") or c.extra.get("definite")) and w.model is None:
                for j in range(i - 1, -1, -1):
                    p = cands[j]
                    if (
                        p.weapon is not None
                        and p.weapon.category == w.category
                        and p.num.value == c.num.value
                        and p.weapon.model
                    ):
                        w = p.weapon
                        break
            c.weapon = w
            c.ua = c.phrase.ua
        elif c.kind == "noun":
            assert c.phrase is not None
            pred = c.extra.get("pred")
            if pred is not None:
                c.weapon = _weapon_of(pred)
            elif c.phrase.model:
                c.weapon = _weapon_of(c.phrase)
            else:
                c.weapon = Weapon(c.phrase.category)
                for j in range(i - 1, -1, -1):
                    p = cands[j]
                    if (
                        p.weapon is not None
                        and p.weapon.category == c.phrase.category
                        and p.parent is None
                        and not p.parts_word
                    ):
                        # "43 Kh-101 and 28 Kalibr missiles ... 61 of the cruise missiles":
                        # the noun names them all when its sentence names several types
                        if not _several_models(cands, j, p.weapon.category):
                            c.weapon = p.weapon
                        break
            c.ua = c.phrase.ua
        elif c.kind == "anaphora":
            if c.phrase is not None:
                c.weapon = _weapon_of(c.phrase)
                _antecedent(r, i)  # for its source (the total it belongs to)
            else:
                c.weapon = _antecedent(r, i)
        elif c.kind == "oftotal":
            pass  # set below, once the total after it is known
        elif c.kind == "resp":
            if c.source is not None:
                c.weapon = cands[c.source].weapon
                c.ua = cands[c.source].ua
        else:  # part, dash, over, another, cue: the group's weapon
            src = _source(r, i)
            c.source = src
            if src is not None and cands[src].weapon is not None:
                c.weapon = cands[src].weapon
                c.ua = cands[src].ua
                if c.kind == "outof":
                    # "406 дронов и 9 ракет из 503": the total of the whole coordinated run
                    run = [rw for k in _run_of(r, src) if (rw := cands[k].weapon) is not None]
                    if len(run) > 1:
                        c.weapon = _merge(run)
            named = _bracket_noun(r, c) if c.kind in ("another", "dash", "cue") else None
            if named is not None:  # "Ще 18 – локаційно втрачені (імітатори)"
                c.weapon = named
            elif c.kind in ("dash", "over"):
                # "Найбільше ракет знищено над Київщиною – 10", "і майже стільки ж ударних
                # дронів – близько 100": the clause's own noun names the weapon (its type
                # only), not the previous line's model
                lo = cands[src].end if src is not None and cands[src].sent == c.sent else None
                own = _own_noun(r, i, lo)
                if own is not None:
                    c.weapon = own
                    c.extra["own_noun"] = True
    for i, c in enumerate(cands):
        # "The monthly total of drones fell … when 6,000-odd were launched": a bare number
        # whose group is in an earlier sentence takes the weapon noun of its own sentence
        if c.kind == "cue" and c.source is not None and cands[c.source].sent != c.sent:
            own = _own_noun(r, i)
            if own is not None:
                c.weapon = own
                c.extra["own_noun"] = True
    # a coordinated run shares its attacker ("три бомбы JDAM, шесть снарядов HIMARS и 198 БпЛА")
    for i, c in enumerate(cands):
        if c.ua and c.kind == "direct":
            for k in _run_of(r, i):
                cands[k].ua = True
    for c in cands:
        if c.kind == "oftotal" and c.source is not None:
            c.weapon = cands[c.source].weapon
            c.ua = cands[c.source].ua
    del scan


def _bracket_noun(r: _Rules, c: Cand) -> Weapon | None:
    """A bare part whose clause names its weapons in brackets after the verb: "Ще 18 –
    локаційно втрачені (імітатори)", "еще 5 – подавлены (ложные цели)"."""
    text, lim = r.text, r.ctx.sentences[c.sent].end
    stops = [x for x in (text.find(ch, c.end, lim) for ch in ",;.") if x >= 0]
    hi = min(stops) if stops else lim
    op = text.find("(", c.end, hi)
    cl = text.find(")", op, lim) if op >= 0 else -1
    if op < 0 or cl < 0 or any(ch.isdigit() for ch in text[c.end : cl]):
        return None
    got = [h for h in r.scan.in_range("weapons", op, cl) if h.value.category not in ("none", "any")]
    if len(got) != 1:
        return None
    e = got[0].value
    return Weapon(e.category, e.model if e.kind in ("model", "decoy") else None)


def _own_noun(r: _Rules, i: int, lo: int | None = None) -> Weapon | None:
    """The weapon noun of the part's own sentence before it (after ``lo``), outside every
    figure."""
    c = r.cands[i]
    s = r.ctx.sentences[c.sent]
    spans = [(p.lead, p.end) for p in r.cands if p.sent == c.sent]
    for h in r.scan.in_range("weapons", s.start if lo is None else lo, c.lead)[::-1]:
        if any(a <= h.start < b for a, b in spans) or h.value.category == "none":
            continue
        e = h.value
        return Weapon(e.category, e.model if e.kind == "model" and e.category != "any" else None)
    return None


def _all_of_which(r: _Rules) -> None:
    """ "… two missiles along with six attack drones, all of which were destroyed": each member
    of the list gets a second figure with the verb after "all of which"."""
    scan, text, cands = r.scan, r.text, r.cands
    n = len(cands)
    for i in range(n):
        c = cands[i]
        if c.kind != "direct" or (i + 1 < n and cands[i + 1].run_prev):
            continue
        lim = r.ctx.sentences[c.sent].end
        p = scan.skip(c.end, lim)
        comma = text.find(",", p, min(lim, p + 50))  # "… drones towards Odesa, all of which"
        if comma >= 0 and not any(ch.isdigit() or ch in ".;:" for ch in text[p:comma]):
            p = scan.skip(comma + 1, lim)
        h = scan.at("all_of_them", p)
        cues = scan.in_range("cues", h.end, min(lim, h.end + 40)) if h is not None else []
        if h is None and c.sent + 1 < len(r.ctx.sentences) and c.sent + 1 not in r.by_sent:
            # "… 30 беспилотников. Все они были уничтожены." (a next sentence with no number)
            nxt = r.ctx.sentences[c.sent + 1]
            if nxt.paragraph == r.ctx.sentences[c.sent].paragraph:
                got = scan.local(nxt.start, min(nxt.end, nxt.start + 80))
                first = scan.skip(nxt.start, nxt.end)
                h = next((x for x in got["all_of_them"] if x.start == first), None)
                if h is not None:
                    cues = [x for x in got["cues"] if h.end <= x.start < h.end + 40]
        if h is None:
            continue
        cue = next((x for x in cues if not x.value.weak and x.value.side != "before"), None)
        if cue is None or not _gap_ok(text, h.end, cue.start):
            continue
        members = [k for k in _run_of(r, i) if cands[k].kind == "direct"]
        members = members or [i]
        for k in members:
            m = cands[k]
            if m.measure == cue.value.measure or m.weapon is None:
                continue
            twin = Cand(num=m.num, lead=m.lead, end=m.end, kind="direct", sent=m.sent)
            twin.phrase, twin.weapon, twin.ua = m.phrase, m.weapon, m.ua
            twin.qualifier, twin.measure = m.qualifier, cue.value.measure
            twin.extra["twin_of"] = k
            cands.append(twin)
            r.by_sent.setdefault(m.sent, []).append(len(cands) - 1)


def _source(r: _Rules, i: int) -> int | None:
    """The group a bare part belongs to: the nearest figure before it. "another N" is more of
    a group told before, so it passes over a group smaller than N ("downed 319 of the drones
    and 25 of the 26 missiles, and another 258 were lost": drones, not missiles)."""
    cands = r.cands
    c = cands[i]
    floor = c.sent - (2 if c.extra.get("far_src") else 1)
    first: int | None = None
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.sent < floor:
            break
        if p.kind != "loc" and (p.weapon is not None or p.kind == "oftotal"):
            if c.kind != "another" or p.weapon is None or _holds(cands, j, c.num.value):
                return j
            if first is None:
                first = j
    return first


def _holds(cands: list[Cand], j: int, value: int) -> bool:
    """Whether the group of figure ``j`` (its weapon) was ever told to be ``value`` or more."""
    w = cands[j].weapon
    assert w is not None
    return any(
        p.num.value >= value
        and p.weapon is not None
        and p.weapon.category == w.category
        and (w.model is None or p.weapon.model in (None, w.model))
        for p in cands[: j + 1]
    )


def _antecedent(r: _Rules, i: int) -> Weapon | None:
    """The weapon "of them" refers to: the nearest weapon noun before, with its run."""
    cands = r.cands
    c = cands[i]
    hits = r.scan.hits["weapons"]
    best: Hit[Any] | None = None
    spans = [(p.lead, p.end) for p in cands[:i] if p.weapon is not None]
    for h in hits:
        if h.end > c.num.start:
            break
        if h.value.kind == "any" and not any(a <= h.start and h.end <= b for a, b in spans):
            continue
        best = h
    if best is None:
        return None
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.weapon is not None and p.lead <= best.start and best.end <= p.end:
            run = [k for k in _run_of(r, j) if k < i and cands[k].weapon is not None]
            c.source = j if c.source is None else c.source
            c.ua = c.ua or any(cands[k].ua for k in run)
            return _merge([w for k in run if (w := cands[k].weapon) is not None])
    # "Ukrainian drones attacked …; Russia said it downed 28 of them"
    if r.scan.in_range("attacker_ua", max(0, best.start - 25), best.end):
        c.ua = True
    e = best.value
    return Weapon(e.category, e.model if e.category != "any" else None)


# ---------------------------------------------------------------------------- parents
def _parents(r: _Rules) -> None:
    cands, text = r.cands, r.text
    sentences = r.ctx.sentences
    for si, (cue, hs) in list(r.list_ctx.items()):
        idxs = r.by_sent.get(hs, []) if hs is not None else []
        r.list_ctx[si] = (cue, idxs[-1] if idxs else None)
    walked: dict[int, tuple[int | None, int]] = {}  # see ``_dash_parts``
    for i, c in enumerate(cands):
        if c.kind in ("loc", "oftotal"):
            continue
        s = sentences[c.sent]
        if c.sent in r.list_ctx and r.list_ctx[c.sent][1] is not None and not c.run_prev:
            c.parent = r.list_ctx[c.sent][1]
        prev = i - 1 if i > 0 else None
        if c.parts_word and prev is not None and cands[prev].sent >= c.sent - 1:
            c.parent = _nearest_total(r, i)
            continue
        if c.run_prev and prev is not None and cands[prev].parent is not None:
            c.parent = cands[prev].parent
            continue
        sib = c.extra.get("sib")
        if sib is not None and cands[sib].parent is not None and not c.run_prev:
            c.parent = _sibling_parent(cands, sib, c)
            continue
        if c.extra.get("own_noun"):
            prev_own = cands[i - 1] if i > 0 else None
            if prev_own is not None and prev_own.sent == c.sent and prev_own.extra.get("own_noun"):
                c.parent = prev_own.parent
            continue
        if c.kind in ("dash", "over", "part") and c.source is not None:
            src = cands[c.source]
            up = _sibling_parent(cands, c.source, c)
            if src.sent == c.sent and c.kind != "part":
                # "18 … над Курской областью, 11 – над Белгородской": siblings, unless a colon
                # or a parts word stands between ("сбиты 27 беспилотников: 11 – над …")
                between = text[src.end : c.lead]
                opened = ":" in between or bool(r.scan.in_range("parts", src.end, c.lead))
                c.parent = c.source if opened else up
            elif (src.parent is not None and src.kind in ("dash", "over", "part")) or (
                src.parts_word
            ):
                c.parent = up
            else:
                c.parent = c.source
            continue
        # after a colon or inside brackets in the same sentence
        if prev is not None and cands[prev].sent == c.sent and c.parent is None:
            gap = text[s.start : c.lead]
            colon = gap.rfind(":")
            paren = gap.rfind("(")
            cut = max(colon, paren)
            if cut >= 0:
                cut += s.start
                head = _last_head(r, c.sent, i, cut)
                if (head is not None and gap.rfind(")") < paren) or (
                    head is not None and colon > paren
                ):
                    c.parent = head
            if c.parent is None:
                _dash_parts(r, i, walked)


def _several_models(cands: list[Cand], j: int, category: str) -> bool:
    """Whether the sentence of cand ``j`` names more than one type of ``category`` before it."""
    models: set[str | None] = set()
    for k in range(j, -1, -1):
        p = cands[k]
        if p.sent != cands[j].sent:
            break
        if p.weapon is not None and p.weapon.category == category and p.parent is None:
            models.add(p.weapon.model)
    return len(models) > 1


def _sibling_parent(cands: list[Cand], j: int, c: Cand) -> int | None:
    """The parent ``c`` shares with the cand ``j`` before it: "six over the Moscow Region,
    including two flying toward Moscow, five over the Tula Region" — after a sub-part
    ("including two") the list goes on one level up."""
    up = cands[j].parent
    if cands[j].kind == "part" and c.kind != "part" and up is not None:
        return cands[up].parent
    return up


def _last_head(r: _Rules, si: int, i: int, cut: int) -> int | None:
    """The last cand of sentence ``si`` before cand ``i`` that ends by ``cut`` (not a location)."""
    idxs = r.by_sent[si]
    cands = r.cands
    for k in range(bisect_left(idxs, i) - 1, -1, -1):
        j = idxs[k]
        if cands[j].end <= cut and cands[j].kind != "loc":
            return j
    return None


def _dash_parts(r: _Rules, i: int, walked: dict[int, tuple[int | None, int]]) -> None:
    """ "a total of 98 aerial weapons — 90 Shahed drones and 12 ballistic missiles": a dash right
    after a total of all weapons opens its parts (the run after it).

    ``walked`` memoises the walk back through a coordinated run (start -> (the parent found,
    where the walk stopped)): the cands before ``i`` have their final parents, so a long run
    is walked once, not once per member."""
    cands, text = r.cands, r.text
    c = cands[i]
    j = i - 1
    path: list[int] = []
    found: tuple[int | None, int] | None = None
    while j >= 0 and cands[j].sent == c.sent and cands[j].run_prev:
        got = walked.get(j)
        if got is not None:
            found = got
            break
        if cands[j].parent is not None:
            found = (cands[j].parent, j)
            break
        path.append(j)
        j -= 1
    if found is None:
        found = (None, j)
    for k in path:
        walked[k] = found
    parent, j = found
    if parent is not None:
        c.parent = parent
        return
    if j < 0 or cands[j].sent != c.sent or j == i:
        return
    h = cands[j]
    if h.weapon is None or h.weapon.category != "any" or h.kind != "direct":
        return
    gap = text[h.end : c.lead].strip()
    # "123 aerial weapons, the air force said on Wednesday — seven missiles and 120 drones"
    said = (
        gap[:1] == ","
        and gap[-1:] in ("—", "–")
        and len(gap) <= 80
        and not any(ch.isdigit() or ch in ".;:()" for ch in gap)
        and bool(r.scan.in_range("claimants", h.end, c.lead))
    )
    if (gap in ("—", "–", "-") or said) and c.kind == "direct":
        c.parent = j


def _nearest_total(r: _Rules, i: int) -> int | None:
    cands = r.cands
    for j in range(i - 1, -1, -1):
        if cands[j].kind not in ("loc", "oftotal"):
            return j
    return None


def _last_cue(r: _Rules, lo: int, hi: int) -> str | None:
    got = [h for h in r.scan.in_range("cues", lo, hi) if not h.value.weak]
    return got[-1].value.measure if got else None


# ---------------------------------------------------------------------------- measures
def _gap_ok(text: str, lo: int, hi: int) -> bool:
    """Whether a cue at ``hi`` can be the predicate of the phrase ending at ``lo``: a few words
    ("were", "had been", "також"), no punctuation, no new subject ("drones Russia launched")."""
    gap = text[lo:hi]
    if len(gap) > 40 or any(ch.isdigit() or ch in ",;:.()!?\n" for ch in gap):
        return False
    words = gap.split()
    return len(words) <= 3 and not any(w[:1].isupper() for w in words)


def _measures(r: _Rules) -> None:
    cands, text, scan = r.cands, r.text, r.scan
    sentences = r.ctx.sentences
    consumed: set[int] = set(r.extra_state.get("twin_cues", ()))  # "… Russia fired"
    for c in cands:  # "58 of the 63 drones Russia launched, as well as two of three missiles"
        rel = _relative_cue(r, c)
        if rel is not None:
            consumed.add(rel.start)
    cues_in: dict[int, list[Hit[Any]]] = {}
    for si in r.by_sent:
        s = sentences[si]
        cues_in[si] = scan.in_range("cues", s.start, s.end)
    # own cue right after the phrase
    for i, c in enumerate(cands):
        if c.kind == "loc" or c.oftotal_before:
            continue
        idxs = r.by_sent[c.sent]
        k = bisect_right(idxs, i)
        limit = cands[idxs[k]].lead if k < len(idxs) else sentences[c.sent].end
        for h in cues_in[c.sent]:
            if h.start < c.end or h.start >= limit:
                continue
            if h.value.side == "before" or h.value.weak:
                continue
            if _gap_ok(text, c.end, h.start):
                # "all four Kh-59 missiles launched overnight": a bare participle right after
                # the phrase describes it when another verb governs the sentence before it
                attributive = (
                    h.value.measure == "launched"
                    and not text[c.end : h.start].strip()
                    and any(
                        x.end <= c.lead
                        and not x.value.weak
                        and x.value.side != "after"
                        and x.value.measure != "launched"
                        for x in cues_in[c.sent]
                    )
                )
                if not attributive:
                    c.own_cue = h
                    consumed.add(h.start)
            break
    # a cue right before a later number is that number's verb, not a predicate for earlier ones
    # ("hit Ukraine with 4 missiles and 70 drones, Kyiv said, adding that it downed 1 missile")
    verbs_of_later: set[int] = set()
    for c in cands:
        if c.kind != "loc":
            verb = _adjacent_before(r, c, cues_in.get(c.sent, []), set())
            if verb is not None:
                verbs_of_later.add(verb.start)
    # the first own cue of a later member of each cand's coordinated run (one backward pass)
    run_cue: list[Hit[Any] | None] = [None] * len(cands)
    for i in range(len(cands) - 2, -1, -1):
        nx = cands[i + 1]
        if nx.run_prev:
            run_cue[i] = nx.own_cue if nx.own_cue is not None else run_cue[i + 1]
    for i, c in enumerate(cands):
        if c.kind == "loc":
            c.measure = _loc_measure(r, c)
            continue
        if c.extra.get("measure"):  # set by the rule that found it ("4 влучання «шахедів»")
            c.measure = c.extra["measure"]
            continue
        if c.kind == "resp":  # the cue after "respectively", else before the group
            s = sentences[c.sent]
            after = [h for h in cues_in[c.sent] if h.start >= c.extra["resp_end"]]
            pre = [h for h in cues_in[c.sent] if h.end <= c.num.start and not h.value.weak]
            got = after[0] if after else pre[-1] if pre else None
            c.measure = got.value.measure if got is not None and s.start <= got.start else None
            continue
        # "which included 40 missiles - hit …", "destroyed 25 drones launched from …",
        # "shot down 53 drones, and 35 drones were lost": a cue right before the number is its
        # verb; a cue after it (its own or its run's) belongs elsewhere
        adj = _adjacent_before(r, c, cues_in[c.sent], consumed)
        if adj is not None and not c.oftotal_before:
            if c.own_cue is not None:
                consumed.discard(c.own_cue.start)  # the cue after is free for others
            c.measure = adj.value.measure
            continue
        if c.own_cue is not None:
            c.measure = c.own_cue.value.measure
            continue
        if c.oftotal_before:
            c.measure = "launched"
            continue
        # a cue after the last member of a coordinated run
        oc = run_cue[i]
        if oc is not None:
            c.measure = oc.value.measure
        if c.measure:
            continue
        if c.kind == "another":
            b = r.scan.skip(c.end, sentences[c.sent].end)
            s0 = sentences[c.sent].start
            ah = r.scan.ending("another", r.scan.skip_back(c.lead, s0))
            a0 = r.scan.skip_back(ah.start, s0) if ah is not None else 0
            if c.source is not None and (
                text[b : b + 1] in _DASHES
                or r.scan.at("over", b) is not None
                or (ah is not None and text[a0 - 1 : a0] in _DASHES)  # "над морем – еще 12"
            ):
                c.measure = cands[c.source].measure  # "еще 4 – над Курской областью"
            continue  # else it needs its own cue
        if c.extra.get("own_noun"):
            s_own = sentences[c.sent]
            own_cues = [h for h in cues_in[c.sent] if h.end <= c.lead and not h.value.weak]
            if own_cues and s_own.start <= own_cues[-1].start:
                c.measure = own_cues[-1].value.measure
                continue
        if c.kind in ("part", "dash", "over", "cmp") and c.source is not None:
            c.measure = cands[c.source].measure
            if c.measure or c.kind == "cmp":
                continue
        cs = cues_in[c.sent]
        sib = c.extra.get("sib")
        if sib is not None and cands[sib].measure and not c.run_prev:
            between = [
                h
                for h in cs
                if cands[sib].end <= h.start < c.lead
                and h.start not in consumed
                and not h.value.weak
            ]
            if not between:
                c.measure = cands[sib].measure
                continue
        pre = [
            h
            for h in cs
            if h.end <= c.num.start and h.start not in consumed and h.value.side != "after"
        ]
        strong = [h for h in pre if not h.value.weak]
        if strong:
            c.measure = strong[-1].value.measure
            continue
        if c.kind == "anaphora":
            # "of them" needs a cue — unless it only says what they were ("Of those, 80 were
            # Shahed attack drones", "З них 300 – шахеди"): then it is its total's measure
            if (
                (c.phrase is not None or c.extra.get("dash_place"))
                and c.source is not None
                and cands[c.source].measure
            ):
                c.measure = cands[c.source].measure
            continue
        post = [
            h
            for h in cs
            if h.start >= c.end
            and h.start not in consumed
            and h.start not in verbs_of_later
            and h.value.side != "before"
            and not h.value.weak
            and not _passive_after(r, c.end, h, sentences[c.sent].end)
        ]
        if post:
            if c.kind == "oftotal" and c.source is not None:
                # "298 of the 315 drones launched overnight had been shot down": skip the
                # participle glued to M's phrase; "Two of the three missiles were intercepted"
                m_end = cands[c.source].end
                post = [h for h in post if r.text[m_end : h.start].strip()] or post
            c.measure = post[0].value.measure
            continue
        ctx_measure = _context_measure(r, i)
        if ctx_measure:
            c.measure = ctx_measure
            continue
        weak = [h for h in pre if h.value.weak]
        if weak:
            c.measure = weak[-1].value.measure
            continue
        c.measure = _carry_over(r, i) or _span_lead(r, i)
    for i, c in enumerate(cands[:-1]):  # "Between 20 and 30 drones were downed"
        if c.extra.get("range_lo") and cands[i + 1].measure:
            c.measure = cands[i + 1].measure


def _relative_cue(r: _Rules, c: Cand) -> Hit[Any] | None:
    """ "the 63 drones Russia launched": a verb after a weapon phrase and a one- or two-word
    capitalised subject is a relative clause describing that phrase, no other figure's verb."""
    if c.phrase is None or c.kind not in ("direct", "noun"):
        return None
    text, scan = r.text, r.scan
    lim = r.ctx.sentences[c.sent].end
    p = scan.skip(c.end, lim)
    for h in scan.in_range("cues", p, min(lim, p + 30)):
        if h.value.weak or h.value.side == "after":
            return None
        words = text[p : h.start].split()
        ok = 1 <= len(words) <= 2 and all(
            w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha() for w in words
        )
        return h if ok else None
    return None


def _passive_after(r: _Rules, end: int, h: Hit[Any], lim: int) -> bool:
    """ "fifty-two drones overnight, port and homes hit", "126 drones, 6 missiles; Zaporizhzhia
    hit": a verb that must follow its subject, in a later clause and closing it, says what was
    hit — it is not the predicate of the weapons before."""
    if h.value.side != "after":
        return False
    gap = r.text[end : h.start]
    if ";" in gap:
        return True
    nxt = r.scan.skip(h.end, lim)
    return "," in gap and (nxt >= lim or r.text[nxt] in ",.;:!?)\n")


def _span_lead(r: _Rules, i: int) -> str | None:
    """ "За тиждень — понад 1 500 ударних дронів", "Last night alone – 164 drones": a span and a
    dash (or colon) with no verb before a weapon phrase: what was launched in that span."""
    c = r.cands[i]
    if c.kind != "direct":
        return None
    s = r.ctx.sentences[c.sent]
    b = r.scan.skip_back(c.lead, s.start)
    if r.text[b - 1 : b] not in ("–", "—", ":"):
        return None
    return "launched" if r.scan.in_range("span_leads", s.start, b) else None


def _adjacent_before(
    r: _Rules, c: Cand, cues: list[Hit[Any]], consumed: set[int]
) -> Hit[Any] | None:
    for k in range(len(cues) - 1, -1, -1):
        h: Hit[Any] = cues[k]
        if h.end > c.lead:
            continue
        if h.value.weak or h.value.side == "after" or h.start in consumed:
            return None
        gap = r.text[h.end : c.lead]
        if any(ch.isdigit() or ch in ",;:.()!?\n–—" for ch in gap) or len(gap.split()) > 2:
            return None
        return h
    return None


def _context_measure(r: _Rules, i: int) -> str | None:
    cands = r.cands
    c = cands[i]
    if c.sent in r.list_ctx:
        cue, head = r.list_ctx[c.sent]
        if cue:
            return cue
        if head is not None and cands[head].measure:
            return cands[head].measure
    if c.parent is not None:
        p = cands[c.parent]
        if p.sent == c.sent and p.measure:
            return p.measure
        lead_part = c if c.parts_word else cands[i - 1] if i > 0 else c
        if lead_part.extra.get("parts_pron") and p.measure:
            return p.measure
        if c.parts_word and p.measure and _over_place(r, c):
            return p.measure  # "Зокрема, 31 дрон – над Брянською областю": a tally of the total
        if (
            c.parts_word
            or c.run_prev
            or (i > 0 and cands[i - 1].parts_word and cands[i - 1].sent == c.sent)
        ):
            return "launched"
        return p.measure
    if c.parts_word:
        return "launched"
    if c.run_prev and i > 0 and cands[i - 1].measure:
        return cands[i - 1].measure
    return None


def _over_place(r: _Rules, c: Cand) -> bool:
    """Whether the part's clause says where it was downed ("– над Брянською областю")."""
    lim = r.ctx.sentences[c.sent].end
    p = r.scan.skip(c.end, lim)
    if r.text[p : p + 1] in _DASHES:
        p = r.scan.skip(p + 1, lim)
    return r.scan.at("over", p) is not None


def _carry_over(r: _Rules, i: int) -> str | None:
    cands = r.cands
    c = cands[i]
    if c.kind != "direct" or i == 0:
        return None
    p = cands[i - 1]
    sents = r.ctx.sentences
    # only an elliptical line ("Лише минулої ночі – 69 ударних дронів") continues the
    # previous sentence's verb
    b = r.scan.skip_back(c.lead, sents[c.sent].start)
    if r.text[b - 1 : b] not in ("–", "—", ":"):
        return None
    if p.sent == c.sent - 1 and sents[p.sent].paragraph == sents[c.sent].paragraph and p.measure:
        own = r.scan.in_range("cues", sents[c.sent].start, sents[c.sent].end)
        if not own:
            return p.measure
    return None


def _loc_measure(r: _Rules, c: Cand) -> str | None:
    s = r.ctx.sentences[c.sent]
    hits = r.scan.in_range("location_cues", s.start, s.end)
    post = [h for h in hits if h.start >= c.end]
    if post and not r.text[c.end : post[0].start].strip(" –—-:"):
        # "на 2 локаціях – падіння уламків": the word right after the dash says which
        return "debris_locations" if post[0].value == "debris" else "hit_locations"
    pre = [h for h in hits if h.end <= c.num.start]
    if pre:
        return "debris_locations" if pre[-1].value == "debris" else "hit_locations"
    post = [h for h in hits if h.start >= c.end]
    if post:
        return "debris_locations" if post[0].value == "debris" else "hit_locations"
    return None
