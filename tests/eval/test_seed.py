"""The seed document (REPORT.md "The seed example"): every single-document item a correct
report must contain. Figures, casualties, damage and places are delivered by their own
components; statements, persons and the STALE_ROLE flag by statements/persons."""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger.document import document_from_bytes
from strikeledger.extract import extract
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

PUBLISHED = "2025-07-04"  # Friday 4 July 2025


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    path = shared_path("seed", "000_9e1610bb8458d0ee.txt")
    doc = document_from_bytes(path.read_bytes(), path=str(path), published=PUBLISHED)
    return extract(doc).to_dict()


def _place_name(report: dict[str, Any], ref: str | None) -> str | None:
    for p in report["places"]:
        if p["id"] == ref:
            return str(p["name"])
    return None


def _figure(report: dict[str, Any], measure: str, category: str, value: int) -> dict[str, Any]:
    found = [
        f
        for f in report["figures"]
        if f["measure"] == measure and f["weapon"]["category"] == category and f["value"] == value
    ]
    assert found, f"no {measure} {category} {value} in {report['figures']}"
    return found[0]


@pytest.mark.parametrize(("category", "value"), [("drone", 550), ("missile", 11)])
def test_launched(report: dict[str, Any], category: str, value: int) -> None:
    f = _figure(report, "launched", category, value)
    assert f["night_of"] == "2025-07-04"
    assert f["claimant"] and "ukrainian authorities" in f["claimant"]["name"].lower()


def test_hit_drones(report: dict[str, Any]) -> None:
    f = _figure(report, "hit", "drone", 72)
    assert f["claimant"] and f["claimant"]["kind"] == "air_force"


def test_injured_in_kyiv(report: dict[str, Any]) -> None:
    found = [
        c
        for c in report["casualties"]
        if (c["measure"], c["who"], c["value"]) == ("injured", "people", 23)
    ]
    assert found, report["casualties"]
    assert found[0]["qualifier"] == "at_least"
    assert _place_name(report, found[0]["place"]) == "Kyiv"


def test_woman_killed_in_rostov_by_ukraine(report: dict[str, Any]) -> None:
    found = [c for c in report["casualties"] if c["measure"] == "killed" and c["value"] == 1]
    assert found, report["casualties"]
    c = next((c for c in found if c["who"] == "women"), found[0])
    assert c["who"] == "women"
    assert _place_name(report, c["place"]) == "Rostov Oblast"
    assert c.get("attacker") == "UA", c


@pytest.mark.parametrize("category", ["railway", "vehicles", "residential"])
def test_damage_in_kyiv(report: dict[str, Any], category: str) -> None:
    found = [d for d in report["damage"] if d["category"] == category]
    assert found, report["damage"]
    assert any(_place_name(report, d["place"]) == "Kyiv" for d in found), found


@pytest.mark.parametrize(
    "speaker", ["Donald Trump", "Dmytro Kuleba", "Andrii Sybiha", "Volodymyr Zelensky"]
)
def test_statements(report: dict[str, Any], speaker: str) -> None:
    assert speaker in {s["speaker"] for s in report["statements"]}, report["statements"]


def test_zelensky_hope_is_a_reported_claim(report: dict[str, Any]) -> None:
    zelensky = [s for s in report["statements"] if s["speaker"] == "Volodymyr Zelensky"]
    assert any(s["kind"] == "claim" and "hopes" in s["quote"] for s in zelensky), zelensky


def test_no_institution_speaks(report: dict[str, Any]) -> None:
    speakers = {s["speaker"] for s in report["statements"]}
    assert not speakers & {"Kremlin", "The Kremlin", "Ukraine's air force", "air force"}


def test_kuleba_role_is_stale(report: dict[str, Any]) -> None:
    kuleba = [p for p in report["persons"] if p["name"] == "Dmytro Kuleba"]
    assert kuleba, report["persons"]
    check = kuleba[0]["role_check"]
    assert check == {
        "status": "stale",
        "as_of": "2025-07-04",
        "holder": "Andrii Sybiha",
        "since": "2024-09-05",
    }
    assert kuleba[0]["country"] == "UA"
    assert "foreign minister" in kuleba[0]["role_stated"].lower()


def test_stale_role_flag(report: dict[str, Any]) -> None:
    flags = [f for f in report["flags"] if f["code"] == "STALE_ROLE"]
    assert len(flags) == 1, report["flags"]
    assert "Kuleba" in flags[0]["message"] and "Sybiha" in flags[0]["message"]
    assert flags[0]["refs"]
