"""Self-consistency flags of one report: numbers in the same text that cannot all be right.

- ``PARTS_EXCEED_TOTAL``: the parts given for a total add up to more than it ("150 drones and
  missiles, including 145 drones and nine missiles"). Parts come from the figures component
  (``ctx.notes["figure_parents"]``: part index -> total index).
- ``TOTAL_MISMATCH``: a launched total ("550 air attack weapons") and separately stated drone
  and missile numbers of the same night and attacker ("550 drones and 11 missiles") that do
  not add up to it.
- ``NEUTRALIZED_EXCEEDS_LAUNCHED``: more weapons shot down / neutralized than launched, for one
  night, attacker and category.
- ``NO_DATE``: figures were found but no night could be fixed and the document has no date.

Only exact numbers are compared ("more than 700" is not a mismatch). Flags made by other
components (``STALE_ROLE``) are left alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..report import Figure

if TYPE_CHECKING:
    from .pipeline import Context

__all__ = ["component", "consistency_flags"]

_DOWN = ("neutralized", "shot_down")


def component(ctx: Context) -> None:
    figures = ctx.report.figures
    if not figures:
        return
    parents: dict[int, int] = ctx.notes.get("figure_parents") or {}
    for code, message, refs in consistency_flags(figures, parents):
        ctx.report.flag(code, message, refs)
    if ctx.published is None and all(f.night_of is None for f in figures):
        ctx.report.flag(
            "NO_DATE",
            f"{len(figures)} figure(s) found but the text has no date and no night could be fixed",
        )


def _ref(i: int, f: Figure) -> str:
    return f"figures[{i}]"


def _compatible(total: Figure, part: Figure) -> bool:
    if total.weapon.category != "any" and part.weapon.category != total.weapon.category:
        return False
    if total.measure == part.measure:
        return True
    # parts of "збито/подавлено 478" may say which: shot down or suppressed
    return total.measure == "neutralized" and part.measure in ("shot_down", "suppressed")


def _one_level(t: Figure, parts: list[int], figures: list[Figure]) -> list[int]:
    """The parts of one level of a breakdown, each claim once: a category subtotal stands for
    its sub-parts ("549: 496 drones (of them 47 decoys …), 53 missiles (…)": 496 + 53), a part
    repeating the total or an earlier part ("обидва" twice) is not added again."""
    seen: set[tuple[object, ...]] = set()
    once: list[int] = []
    for p in parts:
        f = figures[p]
        key = (f.measure, f.weapon.category, f.weapon.model, f.value, tuple(f.area))
        if key in seen or (
            f.value == t.value and f.weapon.category == t.weapon.category and f.area == t.area
        ):
            continue
        seen.add(key)
        once.append(p)
    if t.weapon.category == "any":
        subtotal = {figures[p].weapon.category for p in once if figures[p].weapon.model is None}
        return [
            p
            for p in once
            if figures[p].weapon.category not in subtotal or figures[p].weapon.model is None
        ]
    # a total of one category: its parts are types; parts with and without a type mix levels
    typed = [p for p in once if figures[p].weapon.model is not None]
    plain = [p for p in once if figures[p].weapon.model is None]
    if typed and plain:
        a, b = (sum(figures[p].value for p in g) for g in (plain, typed))
        return plain if a >= b else typed
    return once


def consistency_flags(
    figures: list[Figure], parents: dict[int, int]
) -> list[tuple[str, str, list[str]]]:
    out: list[tuple[str, str, list[str]]] = []
    # parts exceed their total ---------------------------------------------------------------
    children: dict[int, list[int]] = defaultdict(list)
    for part, total in parents.items():
        if 0 <= part < len(figures) and 0 <= total < len(figures):
            children[total].append(part)
    for total, parts in sorted(children.items()):
        t = figures[total]
        if t.qualifier not in ("exact", "at_most", "less_than"):
            continue
        used = _one_level(
            t,
            [
                p
                for p in parts
                if _compatible(t, figures[p])
                and figures[p].qualifier in ("exact", "at_least", "more_than")
            ],
            figures,
        )
        s = sum(figures[p].value for p in used)
        if used and s > t.value:
            out.append(
                (
                    "PARTS_EXCEED_TOTAL",
                    f"parts {' + '.join(str(figures[p].value) for p in used)} = {s} exceed the "
                    f"stated total {t.value} ({t.measure}, {t.weapon.category})",
                    [_ref(total, t)] + [_ref(p, figures[p]) for p in used],
                )
            )
    # total vs drones + missiles stated apart ------------------------------------------------
    groups: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        if f.measure == "launched" and f.qualifier == "exact":
            groups[(f.night_of, f.attacker)].append(i)
    for (night, _att), idxs in groups.items():
        totals = [i for i in idxs if figures[i].weapon.category == "any"]
        if not totals:
            continue
        if any(figures[i].weapon.category == "guided_bomb" for i in idxs):
            continue
        for ti in totals:
            t = figures[ti]
            kids = {p for p, q in parents.items() if q == ti}
            best: dict[str, int] = {}
            for i in idxs:
                f = figures[i]
                if i in kids or f.weapon.category not in ("drone", "missile") or i in parents:
                    continue
                if f.weapon.model is not None:
                    continue  # "40 Kh-101" is one type of the missiles, not their number
                cat = f.weapon.category
                if cat not in best or f.value > figures[best[cat]].value:
                    best[cat] = i
            if len(best) < 2:
                continue
            d, m = figures[best["drone"]], figures[best["missile"]]
            if d.value + m.value != t.value:
                out.append(
                    (
                        "TOTAL_MISMATCH",
                        f"{d.value} drones + {m.value} missiles = {d.value + m.value}, "
                        f"but the text gives {t.value} in total"
                        + (f" for the night of {night}" if night else ""),
                        [_ref(ti, t), _ref(best["drone"], d), _ref(best["missile"], m)],
                    )
                )
    # more neutralized than launched -----------------------------------------------------------
    launched: dict[tuple[str | None, str | None, str, tuple[str, ...]], int] = {}
    down: dict[tuple[str | None, str | None, str, tuple[str, ...]], int] = {}
    for i, f in enumerate(figures):
        if f.qualifier != "exact":
            continue
        # like with like: the same night, attacker, category and area (a region's count of
        # downed drones is not compared with another region's or the country's launches)
        key = (f.night_of, f.attacker, f.weapon.category, tuple(f.area))
        if f.measure == "launched" and (f.weapon.model is None or f.weapon.category == "any"):
            if key not in launched or f.value > figures[launched[key]].value:
                launched[key] = i
        elif (
            f.measure in _DOWN
            and (f.weapon.model is None or f.weapon.category == "any")
            and (key not in down or f.value > figures[down[key]].value)
        ):
            down[key] = i
    # a launched count of one type ("5 балістичних ракет") is not all missiles launched: compare
    # with the sum of every launched count of the category too (whichever is larger)
    launched_sum: dict[tuple[str | None, str | None, str, tuple[str, ...]], int] = defaultdict(int)
    for f in figures:
        if f.measure == "launched" and f.qualifier == "exact":
            launched_sum[(f.night_of, f.attacker, f.weapon.category, tuple(f.area))] += f.value
    for key, di in down.items():
        li = launched.get(key)
        if li is None:
            # no untyped launch (the headline's repeat dropped), but a launch naming the whole
            # mix ("120 ударными беспилотниками типа Shahed и имитаторами") stands for it
            typed = [
                k
                for k, f in enumerate(figures)
                if f.measure == "launched"
                and f.qualifier == "exact"
                and f.weapon.category == "drone"
                and len(f.weapon.models) > 1
                and (f.night_of, f.attacker, f.weapon.category, tuple(f.area)) == key
            ]
            if not typed:
                continue
            li = max(typed, key=lambda k: figures[k].value)
        if figures[di].value > max(figures[li].value, launched_sum[key]):
            out.append(
                (
                    "NEUTRALIZED_EXCEEDS_LAUNCHED",
                    f"{figures[di].value} {key[2]} {figures[di].measure.replace('_', ' ')} "
                    f"but only {figures[li].value} launched",
                    [_ref(di, figures[di]), _ref(li, figures[li])],
                )
            )
    return out
