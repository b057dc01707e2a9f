"""A stand-in for `strikeledger import-mmau` in the events tests: the Air Force history rows as
(Document, report-v1) pairs in the form docs/LEDGER.md documents (one synthetic document per row,
kind ``mmau``, figures claimed by the Ukrainian Air Force, night_of = the date of time_end).
Used only when the ledger's own importer is not available."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from strikeledger.document import Document

AF = {"name": "Ukrainian Air Force", "kind": "air_force"}
_MODELS = {
    "shahed": "shahed",
    "iskander-m": "iskander-m",
    "iskander-k": "iskander-k",
    "kinzhal": "kinzhal",
    "x-101": "kh-101",
    "kalibr": "kalibr",
    "x-22": "kh-22",
    "x-59": "kh-59",
    "c-300": "s-300",
    "kn-23": "kn-23",
}


def _model(name: str) -> str | None:
    low = name.lower()
    for k, v in _MODELS.items():
        if k in low:
            return v
    return None


def _category(name: str, cats: dict[str, str]) -> str:
    c = cats.get(name, "")
    if c == "UAV" or "uav" in name.lower() or "shahed" in name.lower():
        return "drone"
    if "bomb" in c:
        return "guided_bomb"
    return "missile"


def _num(s: str) -> int | None:
    try:
        return int(float(s)) if s not in ("", "nan") else None
    except ValueError:
        return None


def mmau_pairs(daily: Path, models: Path) -> list[tuple[Document, dict[str, Any]]]:
    cats = {r["model"]: r["category"] for r in csv.DictReader(models.open(encoding="utf-8"))}
    out = []
    for i, row in enumerate(csv.DictReader(daily.open(encoding="utf-8"))):
        night = row["time_end"][:10]
        text = f"mmau row {i}: " + "; ".join(f"{k}={v}" for k, v in row.items() if v)
        doc = Document.from_text(text, published=night, source="mmau", url=row.get("source"))
        cat = _category(row["model"], cats)
        model = _model(row["model"])
        figures: list[dict[str, Any]] = []

        def add(
            measure: str,
            value: int | None,
            category: str,
            mdl: str | None,
            figures: list[dict[str, Any]] = figures,
            night: str = night,
        ) -> None:
            if value is None:
                return
            figures.append(
                {
                    "measure": measure,
                    "weapon": {"category": category, "model": mdl},
                    "value": value,
                    "qualifier": "exact",
                    "night_of": night,
                    "window": None,
                    "area": ["UA"],
                    "attacker": "RU",
                    "claimant": AF,
                    "evidence": {"start": 0, "end": 0, "text": ""},
                    "rule": "mmau.row.v1",
                }
            )

        launched, destroyed = _num(row["launched"]), _num(row["destroyed"])
        lost = _num(row["not_reach_goal"])
        add("launched", launched, cat, model)
        add("shot_down" if lost is not None else "neutralized", destroyed, cat, model)
        add("suppressed", lost, cat, model)
        add("hit_locations", _num(row["num_hit_location"]), "any", None)
        add("debris_locations", _num(row["num_fall_fragment_location"]), "any", None)
        report = {
            "schema": "strikeledger/report-v1",
            "document": {
                "id": doc.id,
                "source": "mmau",
                "url": doc.url,
                "path": None,
                "title": None,
                "published": night,
                "language": "other",
            },
            "figures": figures,
            "casualties": [],
            "damage": [],
            "places": [],
            "statements": [],
            "persons": [],
            "flags": [],
        }
        out.append((doc, report))
    return out
