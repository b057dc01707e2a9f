"""Precision, recall and F1 of reports against gold annotations, section by section.

The semantics follow the project's reference scorer (``shared/eval/score.py``): figures and
casualties are compared as sets of keys, places by folded name, statements by the speaker's
last name, damage by category, persons by stale names, flags by code; qualifiers, nights and
casualty places are scored as accuracies over matched items. A test keeps the two in agreement.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Key = tuple[Any, ...]

_APOS = re.compile(r"[’'`ʼ]")
_REGION = re.compile(r"\bregion\b")
_DROP = re.compile(r"\b(city|the|district)\b")
_NONWORD = re.compile(r"[^a-z0-9а-яіїєґё]+")


def fold_name(name: str | None) -> str:
    """A comparable form of a place or person name ("Kyiv region" == "Kyiv Oblast")."""
    s = (name or "").lower().strip()
    s = _APOS.sub("", s)
    s = _REGION.sub("oblast", s)
    s = _DROP.sub("", s)
    return _NONWORD.sub("", s)


def figure_key(f: dict[str, Any]) -> Key:
    weapon = f.get("weapon") or {}
    value = f.get("value")
    return (
        f.get("measure"),
        f.get("category", weapon.get("category")),
        f.get("model", weapon.get("model")),
        int(value) if value is not None else None,
    )


def casualty_key(c: dict[str, Any]) -> Key:
    value = c.get("value")
    return (c.get("measure"), c.get("who") or "people", int(value) if value is not None else None)


def _speaker_key(name: str | None) -> str:
    return fold_name(name.split()[-1]) if name and name.split() else ""


@dataclass
class Score:
    """Counts per section; ``@acc`` sections are accuracies over matched items."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, section: str, tp: int, pred: int, gold: int) -> None:
        c = self.counts.setdefault(section, Counter())
        c["tp"] += tp
        c["pred"] += pred
        c["gold"] += gold

    def compare(self, doc: str, section: str, pred: set[Any], gold: set[Any]) -> None:
        self.add(section, len(pred & gold), len(pred), len(gold))
        self.errors.extend(
            f"{doc}: {section}: missed {x!r}" for x in sorted(map(repr, gold - pred))
        )
        self.errors.extend(
            f"{doc}: {section}: spurious {x!r}" for x in sorted(map(repr, pred - gold))
        )

    def accuracy(self, section: str, right: bool) -> None:
        self.add(section, int(right), 0, 1)

    def summary(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for name, c in sorted(self.counts.items()):
            if name.endswith("@acc"):
                acc = round(c["tp"] / c["gold"], 4) if c["gold"] else None
                out[name] = {"right": c["tp"], "of": c["gold"], "acc": acc}
                continue
            p = c["tp"] / c["pred"] if c["pred"] else (1.0 if c["gold"] == 0 else 0.0)
            r = c["tp"] / c["gold"] if c["gold"] else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out[name] = {
                "tp": c["tp"],
                "pred": c["pred"],
                "gold": c["gold"],
                "p": round(p, 4),
                "r": round(r, 4),
                "f1": round(f1, 4),
            }
        return out

    def value(self, section: str) -> float | None:
        got = self.summary().get(section)
        if got is None:
            return None
        v = got.get("f1", got.get("acc"))
        return float(v) if v is not None else None


def _first_by_key(items: Iterable[dict[str, Any]], key: Any) -> dict[Key, dict[str, Any]]:
    out: dict[Key, dict[str, Any]] = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def score_document(score: Score, doc: str, gold: dict[str, Any], report: dict[str, Any]) -> None:
    exp = gold.get("expected", {})
    places = {p.get("id"): p for p in report.get("places", [])}

    if "figures" in exp:
        g = {figure_key(f): f for f in exp["figures"]}
        p = _first_by_key(report.get("figures", []), figure_key)
        score.compare(doc, "figures", set(p), set(g))
        for k in set(p) & set(g):
            if "qualifier" in g[k]:
                right = p[k].get("qualifier", "exact") == g[k]["qualifier"]
                score.accuracy("figures.qualifier@acc", right)
            if g[k].get("night_of"):
                score.accuracy("figures.night_of@acc", p[k].get("night_of") == g[k]["night_of"])
    if "casualties" in exp:
        g = {casualty_key(c): c for c in exp["casualties"]}
        p = _first_by_key(report.get("casualties", []), casualty_key)
        score.compare(doc, "casualties", set(p), set(g))
        for k in set(p) & set(g):
            if "qualifier" in g[k]:
                right = p[k].get("qualifier", "exact") == g[k]["qualifier"]
                score.accuracy("casualties.qualifier@acc", right)
            if g[k].get("place"):
                ref = p[k].get("place")
                place = places.get(ref, {}) if isinstance(ref, str) else (ref or {})
                right = fold_name(place.get("name")) == fold_name(g[k]["place"])
                score.accuracy("casualties.place@acc", right)
    if "places" in exp:
        pred = {
            fold_name(x.get("name"))
            for x in report.get("places", [])
            if x.get("level") != "country"
        }
        score.compare(doc, "places", pred, {fold_name(x["name"]) for x in exp["places"]})
    if "damage" in exp:
        pred = {d.get("category") for d in report.get("damage", [])}
        score.compare(doc, "damage", pred, {d["category"] for d in exp["damage"]})
    if "statements" in exp:
        pred = {
            _speaker_key(s.get("speaker")) for s in report.get("statements", []) if s.get("speaker")
        }
        score.compare(
            doc, "statements", pred, {_speaker_key(s["speaker"]) for s in exp["statements"]}
        )
    if "persons" in exp:
        gold_stale = {fold_name(x["name"]) for x in exp["persons"] if x.get("status") == "stale"}
        pred_stale = {
            fold_name(x.get("name"))
            for x in report.get("persons", [])
            if (x.get("role_check") or {}).get("status") == "stale"
        }
        score.compare(doc, "persons.stale", pred_stale, gold_stale)
    if "flags" in exp:
        pred = {f.get("code") for f in report.get("flags", [])}
        score.compare(doc, "flags", pred, set(exp["flags"]))


def score_reports(golds: dict[str, dict[str, Any]], reports: dict[str, dict[str, Any]]) -> Score:
    """Score reports (by gold name) against gold annotations (by name); a gold document
    without a report is scored as an empty report."""
    score = Score()
    for name in sorted(golds):
        rep = reports.get(name)
        score_document(score, name, golds[name], rep or {})
        if rep is None:
            score.errors.append(f"{name}: no report")
    return score
