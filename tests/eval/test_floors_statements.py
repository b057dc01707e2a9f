"""Floors of the statements and persons components over the whole dev gold set. A change may
raise them, never quietly lower them."""

from __future__ import annotations

import pytest

from strikeledger.eval import extract_gold, load_gold, score_reports
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

FLOORS = {"statements": 0.90, "persons.stale": 1.0}


@pytest.fixture(scope="module")
def summary() -> dict[str, dict[str, float]]:
    cases = load_gold(shared_path("gold", "dev"))
    golds = {c.name: c.gold for c in cases}
    reports = {c.name: r for c, r in extract_gold(cases)}
    return score_reports(golds, reports).summary()


@pytest.mark.parametrize(("section", "floor"), sorted(FLOORS.items()))
def test_floor(summary: dict[str, dict[str, float]], section: str, floor: float) -> None:
    assert summary[section]["f1"] >= floor, summary[section]


def test_every_language_has_statements_above_floor() -> None:
    root = shared_path("gold", "dev")
    for lang in ("en", "uk", "ru"):
        cases = load_gold(root, prefix=(lang + "-",))
        golds = {c.name: c.gold for c in cases}
        reports = {c.name: r for c, r in extract_gold(cases)}
        got = score_reports(golds, reports).summary()["statements"]
        assert got["f1"] >= FLOORS["statements"], (lang, got)
