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


# Phrasings found while testing on new texts (each fixed a rule; kept as regressions).
MORE = [
    (
        "Ukraine's air force said it had downed 41 of the 48 drones launched by Russia overnight.",
        {(S, "drone", None, 41, "exact"), (L, "drone", None, 48, "exact")},
    ),
    (
        "Russia launched 49 drones, the air force said; 36 were shot down and 13 were lost.",
        {
            (L, "drone", None, 49, "exact"),
            (S, "drone", None, 36, "exact"),
            (SU, "drone", None, 13, "exact"),
        },
    ),
    (
        "Air defense forces shot down 17 missiles out of 18.",
        {(S, "missile", None, 17, "exact"), (L, "missile", None, 18, "exact")},
    ),
    (
        "Of the 40 missiles, 35 were intercepted.",
        {(L, "missile", None, 40, "exact"), (S, "missile", None, 35, "exact")},
    ),
    (
        # the relative clause states the launch too: shot down 23 and launched 23
        "Ukraine says it shot down all 23 drones Russia launched overnight.",
        {(S, "drone", None, 23, "exact"), ("launched", "drone", None, 23, "exact")},
    ),
    (
        "Russia launched 188 drones, with Ukraine downing 76 of them.",
        {(L, "drone", None, 188, "exact"), (S, "drone", None, 76, "exact")},
    ),
    (
        "The Air Force said 41 drones were intercepted, while 34 others were lost from radars.",
        {(S, "drone", None, 41, "exact"), (SU, "drone", None, 34, "exact")},
    ),
    (
        "It shot down 56 of 70 drones and three of six missiles launched by Russia.",
        {
            (S, "drone", None, 56, "exact"),
            (L, "drone", None, 70, "exact"),
            (S, "missile", None, 3, "exact"),
            (L, "missile", None, 6, "exact"),
        },
    ),
    (
        "The barrage, which included 40 cruise missiles - hit energy facilities.",
        {(L, "missile", None, 40, "exact")},
    ),
    ("A total of 14 drones were downed over Kyiv Oblast.", {(S, "drone", None, 14, "exact")}),
    ("Russia launched a barrage of 150 drones at Odesa.", {(L, "drone", None, 150, "exact")}),
    (
        "The air force said it detected 56 Russian drones overnight and downed 41 of them.",
        {(L, "drone", None, 56, "exact"), (S, "drone", None, 41, "exact")},
    ),
    (
        "Two of the three missiles were intercepted, while the third hit a power plant.",
        {(S, "missile", None, 2, "exact"), (L, "missile", None, 3, "exact")},
    ),
    (
        "Russia struck the city with a ballistic missile and 12 drones.",
        {(L, "missile", None, 1, "exact"), (L, "drone", None, 12, "exact")},
    ),
    (
        "Air defenses shot down 53 drones, and 35 drones were 'lost' from radars.",
        {(S, "drone", None, 53, "exact"), (SU, "drone", None, 35, "exact")},
    ),
    (
        "Russia attacked Ukraine with 273 drones alongside 2 Iskander-M missiles.",
        {(L, "drone", None, 273, "exact"), (L, "missile", "iskander-m", 2, "exact")},
    ),
    ("Russia launched 100+ drones overnight.", {(L, "drone", None, 100, "more_than")}),
    (
        "Russia launched 10-12 drones at Odesa overnight.",
        {(L, "drone", None, 10, "at_least"), (L, "drone", None, 12, "at_most")},
    ),
    (
        "Russia sent between 20 and 30 drones at Sumy overnight.",
        {(L, "drone", None, 20, "at_least"), (L, "drone", None, 30, "at_most")},
    ),
    (
        "Of the 71 drones Russia launched, forces destroyed 52 and another 18 were 'locally lost'.",
        {
            (L, "drone", None, 71, "exact"),
            (S, "drone", None, 52, "exact"),
            (SU, "drone", None, 18, "exact"),
        },
    ),
    (
        "It shot down 26 out of 30 drones and all four Kh-59 missiles launched overnight.",
        {
            (S, "drone", None, 26, "exact"),
            (L, "drone", None, 30, "exact"),
            (S, "missile", "kh-59", 4, "exact"),
        },
    ),
]


MORE += [
    (
        "Russia launched 150 drones overnight. Of those, 80 were Shahed attack drones.",
        {(L, "drone", None, 150, "exact"), (L, "drone", "shahed", 80, "exact")},
    ),
    (
        "Russia attacked Ukraine with 103 drones. Of them, 75 were shot down or jammed.",
        {(L, "drone", None, 103, "exact"), (N, "drone", None, 75, "exact")},
    ),
    (
        "Russia launched 90 drones overnight. Seven were killed and 12 were injured in Sumy.",
        {(L, "drone", None, 90, "exact")},
    ),
    # "N of the cruise missiles" after several types names them all (no model); after one
    # type it is that type
    (
        "Russia fired 20 Kh-101 missiles and 10 Kalibr missiles overnight. Air defences "
        "destroyed 25 of the cruise missiles.",
        {
            (L, "missile", "kh-101", 20, "exact"),
            (L, "missile", "kalibr", 10, "exact"),
            (S, "missile", None, 25, "exact"),
        },
    ),
    (
        "Russia fired 20 Kh-101 missiles overnight. Air defences destroyed 18 of the cruise "
        "missiles.",
        {(L, "missile", "kh-101", 20, "exact"), (S, "missile", "kh-101", 18, "exact")},
    ),
    # headline present tense: "drop", "unleash", "hurl" launch; a later "hits" is the drone's
    (
        "Russians drop 30 guided bombs on Kharkiv region, drone hits bus",
        {(L, "guided_bomb", "kab", 30, "exact")},
    ),
    (
        "Russia unleashes 400 drones on Ukraine, debris hits homes in Kyiv",
        {(L, "drone", None, 400, "exact")},
    ),
    # "took out" says neither shot down nor jammed: neutralized
    (
        "Air defences took out 95 targets: 90 drones and 5 missiles.",
        {
            (N, "any", None, 95, "exact"),
            (N, "drone", None, 90, "exact"),
            (N, "missile", None, 5, "exact"),
        },
    ),
    (
        "Ukrainian forces took out 48 of the drones, the air force said.",
        {(N, "drone", None, 48, "exact")},
    ),
    # "of one family" counts people: no "out of" total
    (
        "Russia struck with 300 drones and 40 missiles, killing four members of one family.",
        {(L, "drone", None, 300, "exact"), (L, "missile", None, 40, "exact")},
    ),
    (
        "Russia fired 20 missiles overnight, killing three relatives of one family and a pilot.",
        {(L, "missile", None, 20, "exact")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE, ids=[c[0][:40] for c in MORE])
def test_more_phrasings(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "en") == expected
