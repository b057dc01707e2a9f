"""The imported Air Force history (``strikeledger import-mmau``) as nightly tallies.

The ledger stores one synthetic document per dataset row (``source``/``kind`` ``mmau``): one row
per weapon model and reporting window. Compared row by row, a night's Shahed row and its
Iskander-M row would be two documents each giving one part; so before their claims are made the
rows of one night are merged into one report, as the Air Force post they were coded from: rows
of the same model add up, and a row with no model counts as the category's "other". The merged
report is a secondary source (a dataset coded from the posts), so an Air Force post of the same
night takes precedence; it keeps the smallest row id as its id and lists the others in
``document.merged``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import model_key

DATASET_SOURCES = frozenset({"mmau"})
_OTHER = {"drone": "drone_other", "missile": "missile_other", "guided_bomb": "kab"}


def is_dataset_row(report: Mapping[str, Any]) -> bool:
    doc = report.get("document") or {}
    return doc.get("kind") in DATASET_SOURCES or doc.get("source") in DATASET_SOURCES


def night_of(report: Mapping[str, Any]) -> str | None:
    for f in report.get("figures") or ():
        if f.get("night_of"):
            return str(f["night_of"])
    return None


def sum_rows(figures: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One figure per measure, attacker, area, category and model, values added up."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for f in figures:
        w = dict(f.get("weapon") or {})
        cat = w.get("category") or "any"
        if cat != "any" and not w.get("model"):
            w["model"] = _OTHER.get(cat)
        key = (
            f.get("measure"),
            f.get("night_of"),
            f.get("attacker"),
            tuple(f.get("area") or ()),
            cat,
            model_key(w),
        )
        if key in out:
            out[key]["value"] += int(f.get("value") or 0)
            out[key]["evidence"] = None  # a sum of rows has no one span
            out[key]["rule"] = "events.dataset.sum_of_rows.v1"
        else:
            out[key] = {**f, "weapon": w, "value": int(f.get("value") or 0)}
    return list(out.values())


def merge_rows(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One night's dataset rows as one report."""
    ordered = sorted(rows, key=lambda r: str((r.get("document") or {}).get("id")))
    doc = dict(ordered[0].get("document") or {})
    doc["merged"] = [str((r.get("document") or {}).get("id")) for r in ordered[1:]]
    doc["source_kind"] = None
    doc["duplicate_of"] = None
    pubs = [str((r.get("document") or {}).get("published") or "") for r in ordered]
    doc["published"] = max(pubs) or None
    merged: dict[str, Any] = {
        "schema": ordered[0].get("schema"),
        "document": doc,
        "figures": sum_rows(f for r in ordered for f in r.get("figures") or ()),
    }
    for section in ("casualties", "damage", "places", "statements", "persons", "flags"):
        merged[section] = []
    return merged


def merge_nights(reports: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Dataset rows grouped by night and merged (rows without a night are kept as they are)."""
    nights: dict[str, list[Mapping[str, Any]]] = {}
    loose: list[dict[str, Any]] = []
    for r in reports:
        n = night_of(r)
        if n is None:
            loose.append(dict(r))
        else:
            nights.setdefault(n, []).append(r)
    return [merge_rows(nights[n]) for n in sorted(nights)] + loose
