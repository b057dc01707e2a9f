"""English figure phrasings: text -> the set of (measure, category, model, value, qualifier)."""

from __future__ import annotations

import pytest

from tests.unit._figures_helpers import figures_of, keys

L, S, N, SU, H = "launched", "shot_down", "neutralized", "suppressed", "hit"

CASES = [
    ("Russia launched 300 drones at Ukraine overnight.", {(L, "drone", None, 300, "exact")}),
    (
        "Russia fired 40 cruise missiles and 12 ballistic missiles.",
        {(L, "missile", None, 40, "exact"), (L, "missile", None, 12, "exact")},
    ),
    ("Russia sent 120 Shahed drones and decoys.", {(L, "drone", "shahed", 120, "exact")}),
    ("The military said 9 Kalibr missiles were shot down.", {(S, "missile", "kalibr", 9, "exact")}),
    (
        "Russia launched more than 600 drones and missiles overnight.",
        {(L, "any", None, 600, "more_than")},
    ),
    ("Air defences downed almost 50 drones.", {(S, "drone", None, 50, "approx")}),
    (
        "Russia used up to 20 guided bombs against Kostiantynivka.",
        {(L, "guided_bomb", "kab", 20, "at_most")},
    ),
    ("Fewer than 10 drones reached their targets.", {(H, "drone", None, 10, "less_than")}),
    ("Some 35 drones were jammed by electronic warfare.", {(SU, "drone", None, 35, "approx")}),
    ("The air force said 80 drones were shot down or jammed.", {(N, "drone", None, 80, "exact")}),
    (
        "Russia fired 5 Kh-22 missiles; 4 of them were destroyed.",
        {(L, "missile", "kh-22", 5, "exact"), (S, "missile", "kh-22", 4, "exact")},
    ),
    (
        "Russia launched 61 drones, 50 of which were neutralised.",
        {(L, "drone", None, 61, "exact"), (N, "drone", None, 50, "exact")},
    ),
    (
        "Russia attacked with 70 drones and a Kinzhal missile.",
        {(L, "drone", None, 70, "exact"), (L, "missile", "kinzhal", 1, "exact")},
    ),
    ("Russia fired 14 Iskander-M/KN-23 missiles.", {(L, "missile", "iskander-m", 14, "exact")}),
    (
        "Air defences shot down 30 drones, and another 12 were lost locally.",
        {(S, "drone", None, 30, "exact"), (SU, "drone", None, 12, "exact")},
    ),
    (
        "Hits were recorded at 9 locations, and debris fell at 4 more.",
        {("hit_locations", "any", None, 9, "exact"), ("debris_locations", "any", None, 4, "exact")},
    ),
    (
        "Russia launched 44 Lancet and Orlan drones over the front line.",
        {(L, "drone", "lancet", 44, "exact")},
    ),
    ("Two Kh-59 missiles hit an energy facility.", {(H, "missile", "kh-59", 2, "exact")}),
    ("Russia fired 3 S-300 missiles at Kharkiv.", {(L, "missile", "s-300", 3, "exact")}),
    (
        "The attack involved 15 drones of unidentified type.",
        {(L, "drone", "drone_other", 15, "exact")},
    ),
]

NEGATIVES = [
    "A drone hit a substation in the Sumy region.",
    "Russia produces 2,000 Shahed drones a month, intelligence says.",
    "Ukraine will receive 20 more Patriot missiles next year.",
    "The 12-year-old girl was among 8 people injured in the attack.",
    "About 40% of the drones were decoys, officials said.",
    "The war has lasted more than 1,000 days and the front stretches for 1,200 km.",
    "18 strategic bombers took part in the attack.",
    "Hundreds of drones attacked Ukraine overnight.",
    "Brave1 has registered more than 500 drone makers.",
    "The attack on the Russian patrol boats involved 12 sea drones.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "en") == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_not_a_figure(text: str) -> None:
    assert keys(text, "en") == set()


def test_attacker_and_area_of_russian_claims() -> None:
    text = (
        "Russia's Defence Ministry said it destroyed 30 Ukrainian drones, "
        "12 of them over the Kursk region."
    )
    figs = {f["value"]: f for f in figures_of(text, "en")}
    assert figs[30]["attacker"] == "UA" and figs[30]["area"] == ["RU"]
    assert figs[12]["attacker"] == "UA" and "RU-KRS" in figs[12]["area"]
    assert figs[30]["claimant"]["kind"] == "russian_mod"


def test_evidence_covers_number_and_weapon() -> None:
    (f,) = figures_of("Russia launched 128 Shahed-type attack drones overnight.", "en")
    assert f["evidence"]["text"] == "128 Shahed-type attack drones"
    assert f["rule"] == "en.launched.v1"
    assert f["claimant"] is None


def test_claimant_from_the_sentence() -> None:
    (f,) = figures_of("Russia launched 90 drones, Ukraine's air force said.", "en")
    assert f["claimant"] == {"name": "Ukrainian Air Force", "kind": "air_force"}
