"""Building the report items of the figures component: night and window from the dates note,
claimant (nearest claimant phrase, else the paragraph's, else the document's or its source's),
attacker and area (ISO 3166-1/2), evidence, rule id; repeats dropped (see ``figures``)."""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from ..report import Claimant, Figure, Weapon, Window
from .figures_lexicon import Hit
from .figures_scan import _DASHES

if TYPE_CHECKING:
    from .figures import _Rules
    from .figures_cand import Cand


def build(r: _Rules) -> tuple[list[Figure], dict[int, int]]:
    from .. import settings
    from .figures import make_figure

    cands, text, ctx = r.cands, r.text, r.ctx
    max_evidence = settings.MAX_EVIDENCE_CHARS.get()  # read once per document, not per figure
    time = ctx.notes.get("time")
    claim_hits = r.scan.hits["claimants"]
    out: list[Figure] = []
    index: dict[int, int] = {}
    for i, c in enumerate(cands):
        if c.measure is None or c.weapon is None:
            continue
        if c.kind == "loc":
            c.weapon = Weapon("any")
        night: str | None = None
        window: Window | None = None
        if time is not None:
            try:
                mom = time.at(c.num.start)
                night = getattr(mom, "night_of", None)
                window = getattr(mom, "window", None)
            except Exception:
                night, window = None, None
        claim_hit = _claimant(r, c, claim_hits)
        claimant = Claimant(claim_hit.value.name, claim_hit.value.kind) if claim_hit else None
        if claimant is None:
            claimant = _source_claimant(ctx.doc.source)
        attacker, area = _attacker_area(r, i, claimant, claim_hit)
        twin_of = c.extra.get("twin_of")
        if twin_of in index:  # "…, all of which were destroyed": the same weapons
            orig = out[index[twin_of]]
            attacker, area = orig.attacker or attacker, list(orig.area)
        rule = (
            f"{ctx.lang}.{c.measure}.v1"
            if c.kind in ("direct", "loc")
            else f"{ctx.lang}.{c.measure}.{c.kind}.v1"
        )
        index[i] = len(out)
        out.append(
            make_figure(
                text,
                c,
                rule,
                night_of=night,
                window=window,
                attacker=attacker,
                area=area,
                claimant=claimant,
                max_evidence=max_evidence,
            )
        )
    parents = {
        index[i]: index[c.parent] for i, c in enumerate(cands) if i in index and c.parent in index
    }
    keep = _dedupe(out, _sentence_index(ctx))
    remap = {old: new for new, old in enumerate(keep)}
    figures = [out[k] for k in keep]
    parents = {remap[a]: remap[b] for a, b in parents.items() if a in remap and b in remap}
    # a total whose parts are Ukrainian drones over Russian regions is Ukrainian too
    for part, total in parents.items():
        t = figures[total]
        if figures[part].attacker == "UA" and t.attacker == "RU" and t.area == ["UA"]:
            t.attacker, t.area = "UA", ["RU"]
    return figures, parents


def _sentence_index(ctx: Any) -> Any:
    from bisect import bisect_right

    starts = [s.start for s in ctx.sentences]
    return lambda pos: bisect_right(starts, pos)


def _dedupe(figs: list[Figure], sent_of: Any = None) -> list[int]:
    """Drop repeats (same claim twice, e.g. headline and body) and a model-less repeat of a
    figure whose own phrase elsewhere names the type (not a member of the same list: "5 Х-59 …
    та 5 балістичних ракет" are two figures)."""
    seen: set[tuple[Any, ...]] = set()
    with_model: dict[tuple[Any, ...], set[int]] = {}
    for f in figs:
        if f.weapon.model:
            mk = (f.measure, f.weapon.category, f.value, f.attacker, f.night_of)
            where = sent_of(f.evidence.start) if sent_of else -1
            with_model.setdefault(mk, set()).add(where)
    keep = []
    for k, f in enumerate(figs):
        key = (
            f.measure,
            f.weapon.category,
            f.weapon.model,
            f.value,
            f.attacker,
            f.night_of,
            f.evidence.start,
        )
        if key in seen:
            continue
        seen.add(key)
        short = (f.measure, f.weapon.category, f.value, f.attacker, f.night_of)
        if (
            f.weapon.model is None
            and f.weapon.category != "any"
            and short in with_model
            and (sent_of is None or with_model[short] - {sent_of(f.evidence.start)})
        ):
            continue
        keep.append(k)
    return keep


def _ua_regions(r: _Rules, lo: int, hi: int) -> list[str]:
    """ISO 3166-2 codes of Ukrainian places named in the figure's clause ("по Харкову",
    "на Одещині – 28"), from the places component's mentions."""
    mentions = r.ctx.notes.get("place_mentions") or []
    by_id = r.ctx.notes.get("places_by_id") or {}
    out: list[str] = []
    starts = r.extra_state.get("mention_starts")
    if starts is None or len(starts) != len(mentions):
        starts = r.extra_state["mention_starts"] = [m.start for m in mentions]
    for k in range(bisect_left(starts, lo), len(mentions)):
        m = mentions[k]
        if m.start >= hi:
            break
        near = r.scan.in_range("launch_from", max(lo, m.start - 30), m.start)
        if near and "," not in r.text[near[-1].end : m.start]:
            continue  # "з тимчасово окупованого Криму": a launch area
        place = by_id.get(m.place_id)
        region = getattr(place, "region", None)
        if getattr(place, "country", None) == "UA" and region and region not in out:
            out.append(str(region))
    return out[:1]


def _source_claimant(source: str | None) -> Claimant | None:
    if not source:
        return None
    return _claimant_of_source(source)


@functools.lru_cache(maxsize=1024)
def _claimant_of_source(source: str) -> Claimant | None:
    """The claimant a document's source names (cached: looked up for every figure)."""
    from . import langdata

    for lang in ("uk", "ru", "en"):
        for e in langdata.load(lang, "claimants").get("sources") or []:
            if e["source"] == source:
                return Claimant(e["name"], e["kind"])
    return None


def _claimant(r: _Rules, c: Cand, hits: list[Hit[Any]]) -> Hit[Any] | None:
    if not hits:
        return None
    away: set[int] = set()
    got = _claimant_near(r, c, hits, away)
    if got is not None:
        return got
    # a tally part in a paragraph of its own ("21 - над …", - говорится в сообщении): its
    # total's claimant
    src = c.source if c.source is not None else c.parent
    if src is not None and 0 <= src < len(r.cands) and r.cands[src] is not c:
        got = _claimant_near(r, r.cands[src], hits, set())
        if got is not None:
            return got
    # a signature line ("Начальник Харківської ОВА Олег Синєгубов") names the author
    text = r.text
    last = text.rstrip().rfind("\n") + 1
    if len(text.rstrip()) - last < 100 and not any(ch.isdigit() for ch in text[last:]):
        signed = [h for h in hits if h.start >= last]
        if signed:
            return signed[0]
    return next((h for h in hits if h.start not in away), hits[0])


def _claimant_near(r: _Rules, c: Cand, hits: list[Hit[Any]], away: set[int]) -> Hit[Any] | None:
    """The claimant in the figure's clause, else the last one before it in its paragraph,
    else the first one after it there ("… сбили 57 БПЛА. Об этом сообщили в Минобороны").
    Claimants of the sentence's other clause ("…; у Росії заявили про 95") go to ``away``."""
    sents = r.ctx.sentences
    s = sents[c.sent]
    starts = r.extra_state.get("claimant_starts")
    if starts is None or len(starts) != len(hits):
        starts = r.extra_state["claimant_starts"] = [h.start for h in hits]
    # hits are sorted by start and do not overlap, so their ends are sorted too
    lo = bisect_left(starts, s.start)
    inside = [h for h in hits[lo : bisect_left(starts, s.end)] if h.end <= s.end]
    own = [h for h in inside if not _clause_break(r, h, c)]
    if own:
        return min(own, key=lambda h: min(abs(h.start - c.num.start), abs(h.end - c.num.start)))
    away.update(h.start for h in inside)
    k = lo
    while k > 0 and hits[k - 1].end > s.start:
        k -= 1
    if k > 0:
        h = hits[k - 1]
        for sj in range(c.sent - 1, -1, -1):
            if sents[sj].start <= h.start:
                if sents[sj].paragraph == s.paragraph:
                    return h
                break
    ka = bisect_left(starts, s.end)
    after = hits[ka] if ka < len(hits) else None
    if after is not None:
        for sj in range(c.sent + 1, len(sents)):
            if sents[sj].paragraph != s.paragraph:
                break
            if sents[sj].end >= after.end:
                return after
    return None


def _clause_break(r: _Rules, h: Hit[Any], c: Cand) -> bool:
    """Whether a ";" or a contrast (", а", ", тогда как") stands between a claimant and a
    figure of the same sentence."""
    lo, hi = (h.end, c.lead) if h.end <= c.lead else (c.end, h.start)
    return ";" in r.text[lo:hi] or bool(r.scan.in_range("contrasts", lo, hi))


def _russia_area(r: _Rules, si: int) -> bool:
    """Whether sentence ``si`` names Russia as the area (asked once per sentence)."""
    seen: dict[int, bool] = r.extra_state.setdefault("russia_area", {})
    got = seen.get(si)
    if got is None:
        s = r.ctx.sentences[si]
        got = seen[si] = bool(r.scan.in_range("russia_area", s.start, s.end))
    return got


def _attacker_area(
    r: _Rules, i: int, claimant: Claimant | None, claim_hit: Hit[Any] | None
) -> tuple[str, list[str]]:
    cands, scan, text = r.cands, r.scan, r.text
    c = cands[i]
    s = r.ctx.sentences[c.sent]
    lo = s.start
    same = r.by_sent[c.sent]  # the cands of this sentence, in index order
    k = bisect_left(same, i)
    if k > 0:
        lo = max(lo, cands[same[k - 1]].end)
    hi = s.end
    for kk in range(k + 1 if k < len(same) and same[k] == i else k, len(same)):
        j = same[kk]
        if cands[j].lead > c.lead:  # not a twin of the same number
            hi = min(hi, cands[j].lead)
            break
    left = max(text.rfind(",", lo, c.lead), text.rfind(";", lo, c.lead))
    lo = max(lo, left + 1) if left >= 0 else lo
    # a colon after a total opens its parts: their regions are theirs, not the total's
    end = hi
    for p in ",;:":
        x = text.find(p, c.end, end)
        if x >= 0:
            end = x
    hi = end
    regions = scan.in_range("regions", lo, hi)
    # "Брянской области — 21, …": the region before a tally number; "21 – над …": after it
    nxt = scan.skip(c.end, hi)
    if regions:
        after = [h for h in regions if h.start >= c.end]
        before_ = [h for h in regions if h.end <= c.lead]
        if text[nxt : nxt + 1] in _DASHES or scan.at("over", nxt) is not None:
            # "и семь - над акваторией моря": its own "over" place, not the region before
            own_over = scan.at("over", scan.skip(nxt + 1, hi) if nxt < hi else nxt)
            regions = after or ([] if own_over or scan.at("over", nxt) else before_)
        elif before_:
            regions = before_
    codes = [h.value for h in regions]
    # "over the Moscow region", "над Курской областью" (not "launched from Kursk")
    overs = scan.in_range("over", s.start, hi) if regions else []
    over_ru = any(
        str(h.value).startswith("RU-") and any(0 <= h.start - o.end <= 25 for o in overs)
        for h in regions
    )
    ua = c.ua
    if c.source is not None and cands[c.source].ua:
        ua = True
    if claimant is None:
        claimant = _source_claimant(r.ctx.doc.source)
    if claimant is not None and claimant.kind in ("russian_mod", "russian_official"):
        ua = True
    # "по Белгородской области выпущено 83 беспилотника": a launch at a Russian region
    targets = scan.in_range("target", s.start, hi) if c.measure == "launched" else []
    at_ru = bool(targets) and any(
        str(h.value).startswith("RU-") and any(0 <= h.start - t.end <= 20 for t in targets)
        for h in scan.in_range("regions", s.start, hi)
    )
    if (
        over_ru
        or at_ru
        or (
            c.kind in ("dash", "over", "part")
            and any(str(code).startswith("RU-") for code in codes)
        )
    ):
        ua = True
    if _russia_area(r, c.sent):
        ua = True
    if (
        codes
        and c.measure in ("shot_down", "neutralized", "suppressed")
        and any(str(code).startswith("RU-") for code in codes)
    ):
        ua = True  # "на подлёте к Москве сбиты три беспилотника": downed over Russia
    if not ua and c.measure == "launched":
        # "ВСУ атаковали …", "Ukraine launched 100 drones at Russia": a Ukrainian subject
        from .figures_resolve import _gap_ok

        for h in scan.in_range("attacker_ua", s.start, c.lead):
            start = h.end
            w = scan.at("weapons", scan.skip(h.end, s.end))
            if w is not None:  # "украинские беспилотники атаковали"
                start = w.end
            for cue in scan.in_range("cues", start, min(c.lead, start + 40)):
                if (
                    cue.value.measure == "launched"
                    and not cue.value.weak
                    and _gap_ok(text, start, cue.start)
                ):
                    ua = True  # "ВСУ за сутки выпустили …"
                break
            if ua:
                break
    if not ua:
        return "RU", ["UA", *_ua_regions(r, max(lo, c.lead - 40), hi)]
    area = ["RU"]
    for code in codes:
        if str(code).startswith("UA-"):
            area = ["UA", str(code)]
            break
        if code not in area:
            area.append(str(code))
    return "UA", area
