"""Floor of the places component over the whole dev gold set, and per language. A change may
raise it, never quietly lower it."""

from __future__ import annotations

import pytest

from strikeledger.eval import extract_gold, load_gold, score_reports
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

FLOOR = 0.90


def _summary(prefix: tuple[str, ...] = ()) -> dict[str, dict[str, float]]:
    cases = load_gold(shared_path("gold", "dev"), prefix=prefix)
    golds = {c.name: c.gold for c in cases}
    reports = {c.name: r for c, r in extract_gold(cases)}
    return score_reports(golds, reports).summary()


def test_places_floor() -> None:
    got = _summary()["places"]
    assert got["f1"] >= FLOOR, got
    assert got["p"] >= FLOOR, got


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_places_floor_per_language(lang: str) -> None:
    got = _summary((lang + "-",))["places"]
    assert got["f1"] >= FLOOR - 0.05, (lang, got)
