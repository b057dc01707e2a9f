"""Our scorer must give the same numbers as the reference scorer (shared/eval/score.py) on the
same reports. The reports are built from the gold annotations with deterministic damage
(dropped, altered and invented items), so every section has hits, misses and extras."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from strikeledger.eval import load_gold, score_reports
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


def _damaged_report(name: str, gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    exp = gold["expected"]
    places = [
        {"id": f"p{i}", "name": p["name"], "level": p.get("level", "city")}
        for i, p in enumerate(exp.get("places", []))
        if rng.random() > 0.2
    ]
    figures = []
    for f in exp.get("figures", []):
        if rng.random() < 0.15:
            continue
        value = f["value"] + (1 if rng.random() < 0.1 else 0)
        figures.append(
            {
                "measure": f["measure"],
                "weapon": {"category": f["category"], "model": f["model"]},
                "value": value,
                "qualifier": f.get("qualifier", "exact") if rng.random() > 0.1 else "approx",
                "night_of": f.get("night_of") if rng.random() > 0.1 else None,
            }
        )
    if rng.random() < 0.3:
        extra = {"measure": "launched", "weapon": {"category": "drone", "model": None}, "value": 7}
        figures.append(extra)
    casualties = [
        {
            "measure": c["measure"],
            "who": c["who"],
            "value": c["value"],
            "qualifier": c.get("qualifier", "exact"),
            "place": places[0]["id"] if places and rng.random() > 0.3 else None,
        }
        for c in exp.get("casualties", [])
        if rng.random() > 0.15
    ]
    return {
        "document": {"path": f"gold/{name}.txt"},
        "figures": figures,
        "casualties": casualties,
        "places": places,
        "damage": [d for d in exp.get("damage", []) if rng.random() > 0.2],
        "statements": [s for s in exp.get("statements", []) if rng.random() > 0.2],
        "persons": [
            {"name": p["name"], "role_check": {"status": p.get("status")}}
            for p in exp.get("persons", [])
        ],
        "flags": [{"code": c} for c in exp.get("flags", []) if rng.random() > 0.3],
    }


def test_our_scorer_equals_reference(tmp_path: Path) -> None:
    gold_dir = shared_path("gold", "dev")
    reference = shared_path("eval", "score.py")
    rng = random.Random(20250704)
    cases = load_gold(gold_dir)
    reports = {c.name: _damaged_report(c.name, c.gold, rng) for c in cases}
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in reports.values()) + "\n", encoding="utf-8")
    ref = subprocess.run(
        [sys.executable, str(reference), str(gold_dir), str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(ref.stdout)["sections"]
    ours = score_reports({c.name: c.gold for c in cases}, reports).summary()
    assert ours == expected
    assert 0 < ours["figures"]["f1"] < 1  # the damage made it a real comparison
