"""Golden files of the figures component: NAME.txt + NAME.json in the gold format
(``shared/gold/FORMAT.md``), written by us for testing; one test per file, plus a floor over the
set computed with ``strikeledger.eval`` (the same scorer as the dev gold set)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.eval import extract_gold, load_gold, score_reports
from strikeledger.eval.score import figure_key

HERE = Path(__file__).parent
CASES = load_gold(HERE)


def test_there_are_enough_cases_per_language() -> None:
    for lang in ("en", "uk", "ru"):
        assert len([c for c in CASES if c.name.startswith(lang + "-")]) >= 15, lang


def test_gold_files_are_well_formed() -> None:
    for case in CASES:
        exp = case.gold["expected"]
        assert set(exp) <= {"figures", "flags"}, case.name
        for f in exp["figures"]:
            assert {"measure", "category", "model", "value", "qualifier"} <= set(f), (case.name, f)
        json.dumps(case.gold)


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    return {case.name: rep for case, rep in extract_gold(CASES)}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Any, reports: dict[str, dict[str, Any]]) -> None:
    report = reports[case.name]
    text = Path(case.text_path).read_text(encoding="utf-8")
    exp = case.gold["expected"]
    got = {figure_key(f) for f in report["figures"]}
    want = {figure_key(f) for f in exp["figures"]}
    assert got == want, {
        "missed": sorted(map(repr, want - got)),
        "spurious": sorted(map(repr, got - want)),
    }
    by_key = {figure_key(f): f for f in report["figures"]}
    for f in exp["figures"]:
        mine = by_key[figure_key(f)]
        assert mine["qualifier"] == f["qualifier"], (f, mine)
        if "attacker" in f:
            assert mine["attacker"] == f["attacker"], (f, mine)
        ev = mine["evidence"]
        assert str(mine["value"]) in ev["text"] or ev["text"].strip(), ev
        assert ev["end"] > ev["start"]
        assert mine["rule"].startswith(case.name[:2] + "."), mine["rule"]
    assert {fl["code"] for fl in report["flags"]} == set(exp["flags"]), report["flags"]
    del text


def test_floor_over_the_golden_set(reports: dict[str, dict[str, Any]]) -> None:
    score = score_reports({c.name: c.gold for c in CASES}, reports)
    assert (score.value("figures") or 0) >= 0.97
    assert (score.value("figures.qualifier@acc") or 0) >= 0.97
    assert (score.value("flags") or 0) >= 0.95
