"""Golden files of the casualties and damage components: NAME.txt + NAME.json in the gold format
(``shared/gold/FORMAT.md``), written by us for testing (wire stories, local news, oblast
administration Telegram posts, ДСНС updates, Russian governors' posts, negatives). One test per
file compares the (measure, who, value) keys and damage categories exactly; a floor over the set,
computed with ``strikeledger.eval`` (the scorer of the dev gold set), covers qualifiers and
places, which also depend on the places component."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import document_from_bytes
from strikeledger.eval import extract_gold, load_gold, score_reports
from strikeledger.eval.score import casualty_key

HERE = Path(__file__).parent
CASES = load_gold(HERE)

FLOORS = {
    "casualties": 0.97,
    "damage": 0.95,
    "casualties.qualifier@acc": 0.95,
    "casualties.place@acc": 0.90,
}


def test_there_are_enough_cases_per_language() -> None:
    for lang in ("en", "uk", "ru"):
        names = [c.name for c in CASES if c.name.startswith(lang + "-")]
        assert len(names) >= 10, lang
        assert any("negative" in n for n in names), f"{lang}: no negative case"


def test_gold_files_are_well_formed() -> None:
    for case in CASES:
        exp = case.gold["expected"]
        assert set(exp) == {"casualties", "damage"}, case.name
        for c in exp["casualties"]:
            assert {"measure", "who", "value", "qualifier"} <= set(c), (case.name, c)
        json.dumps(case.gold)


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    return {case.name: rep for case, rep in extract_gold(CASES)}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Any, reports: dict[str, dict[str, Any]]) -> None:
    report = reports[case.name]
    exp = case.gold["expected"]
    got = {casualty_key(c) for c in report["casualties"]}
    want = {casualty_key(c) for c in exp["casualties"]}
    assert got == want, {
        "missed": sorted(map(repr, want - got)),
        "spurious": sorted(map(repr, got - want)),
    }
    cats = {d["category"] for d in report["damage"]}
    assert cats == {d["category"] for d in exp["damage"]}, report["damage"]
    meta = case.gold.get("document") or {}
    doc = document_from_bytes(case.text_path.read_bytes(), published=meta.get("published"))
    for item in report["casualties"] + report["damage"]:
        ev = item["evidence"]
        assert doc.text[ev["start"] : ev["end"]] == ev["text"], item
        assert item["rule"].startswith(case.name[:2] + ".") and item["rule"].endswith(".v1"), item
    for c in report["casualties"]:
        assert c["place"] is None or c["place"] in {p["id"] for p in report["places"]}, c


@pytest.mark.parametrize("section", sorted(FLOORS))
def test_floor_over_the_golden_set(reports: dict[str, dict[str, Any]], section: str) -> None:
    score = score_reports({c.name: c.gold for c in CASES}, reports)
    got = score.value(section)
    assert got is not None and got >= FLOORS[section], (section, got, score.errors[:20])
