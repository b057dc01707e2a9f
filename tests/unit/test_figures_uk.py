"""Ukrainian figure phrasings (Air Force, military administrations, news)."""

from __future__ import annotations

import pytest

from tests.unit._figures_helpers import figures_of, keys

L, S, N, SU, H = "launched", "shot_down", "neutralized", "suppressed", "hit"

CASES = [
    ("Ворог атакував 150 ударними БпЛА типу Shahed.", {(L, "drone", "shahed", 150, "exact")}),
    ("Противник застосував 7 крилатих ракет Х-101.", {(L, "missile", "kh-101", 7, "exact")}),
    ("Збито 44 шахеди.", {(S, "drone", "shahed", 44, "exact")}),
    ("Станом на 09:00 збито/подавлено 81 ворожий БпЛА.", {(N, "drone", None, 81, "exact")}),
    ("Знешкоджено понад 30 цілей.", {(N, "any", None, 30, "more_than")}),
    ("Ще 20 дронів-імітаторів локаційно втрачені.", {(SU, "drone", "decoy", 20, "exact")}),
    ("Ворог випустив близько 40 керованих авіабомб.", {(L, "guided_bomb", "kab", 40, "approx")}),
    ("Противник атакував щонайменше 12 безпілотниками.", {(L, "drone", None, 12, "at_least")}),
    ("Противник застосував дві ракети Іскандер-К.", {(L, "missile", "iskander-k", 2, "exact")}),
    (
        "З 25 крилатих ракет знищено 21.",
        {(L, "missile", None, 25, "exact"), (S, "missile", None, 21, "exact")},
    ),
    (
        "Ворог атакував 90 дронами, 70 з них збито.",
        {(L, "drone", None, 90, "exact"), (S, "drone", None, 70, "exact")},
    ),
    (
        "Зафіксовано влучання 4 ракет на 3 локаціях.",
        {(H, "missile", None, 4, "exact"), ("hit_locations", "any", None, 3, "exact")},
    ),
    (
        "Падіння уламків зафіксовано на 11 локаціях.",
        {("debris_locations", "any", None, 11, "exact")},
    ),
    ("У повітрі перебувають ще 6 ворожих БпЛА.", {("in_flight", "drone", None, 6, "exact")}),
    ("Ворог скинув на Херсон 5 КАБів.", {(L, "guided_bomb", "kab", 5, "exact")}),
    ("Противник застосував 4 ракети Х-22/Х-32.", {(L, "missile", "kh-22", 4, "exact")}),
    ("Ворог запустив 10 розвідувальних БпЛА типу Орлан.", {(L, "drone", "recon_uav", 10, "exact")}),
    ("Противник атакував трьома ракетами «Кинджал».", {(L, "missile", "kinzhal", 3, "exact")}),
    (
        "Ворог атакував 112 ударними БпЛА. Збито 84, ще 20 – локаційно втрачені.",
        {
            (L, "drone", None, 112, "exact"),
            (S, "drone", None, 84, "exact"),
            (SU, "drone", None, 20, "exact"),
        },
    ),
    (
        "Сили оборони знешкодили 35 з 40 ворожих дронів.",
        {(N, "drone", None, 35, "exact"), (L, "drone", None, 40, "exact")},
    ),
    (
        "По Одесі ворог запустив 2 балістичні ракети, обидві збито.",
        {(L, "missile", None, 2, "exact"), (S, "missile", None, 2, "exact")},
    ),
    (
        "Противник атакував Україну 40 ударними БпЛА, з яких понад 20 – шахеди.",
        {(L, "drone", None, 40, "exact"), (L, "drone", "shahed", 20, "more_than")},
    ),
]

NEGATIVES = [
    "Уламки дрона пошкодили 5 приватних будинків.",
    "Поранено 14 людей, серед них 3 дітей.",
    "Україна отримала 40 ракет до систем ППО.",
    "Сили ППО працювали майже 6 годин.",
    "Атаковано 11 населених пунктів області.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "uk") == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_not_a_figure(text: str) -> None:
    assert keys(text, "uk") == set()


def test_bullet_list_under_a_header() -> None:
    text = (
        "Станом на 08:00 збито/подавлено 100 засобів повітряного нападу:\n"
        "– 90 ворожих БпЛА;\n"
        "– 10 крилатих ракет Х-101."
    )
    assert keys(text, "uk") == {
        (N, "any", None, 100, "exact"),
        (N, "drone", None, 90, "exact"),
        (N, "missile", "kh-101", 10, "exact"),
    }


def test_oblast_tally_lines() -> None:
    text = "Знищено 20 ударних БпЛА, з них:\n– на Сумщині – 12;\n– на Полтавщині – 8."
    got = keys(text, "uk")
    assert (S, "drone", None, 12, "exact") in got and (S, "drone", None, 8, "exact") in got


def test_claimant_air_force() -> None:
    (f,) = figures_of("Повітряні сили: противник атакував 55 ударними БпЛА.", "uk")
    assert f["claimant"]["kind"] == "air_force"
    assert f["rule"] == "uk.launched.v1"


# Phrasings found while testing on new texts (each fixed a rule; kept as regressions).
MORE = [
    (
        "Вдалося знищити 92 повітряні цілі. Серед них – 55 шахедів і 37 ракет.",
        {
            (S, "any", None, 92, "exact"),
            (S, "drone", "shahed", 55, "exact"),
            (S, "missile", None, 37, "exact"),
        },
    ),
    (
        "Сили ППО збили 39 шахедів з 42.",
        {(S, "drone", "shahed", 39, "exact"), (L, "drone", "shahed", 42, "exact")},
    ),
    (
        "У повітряному просторі було виявлено та супроводжено 56 засобів повітряного нападу.",
        {(L, "any", None, 56, "exact")},
    ),
    (
        "Протягом доби ворог завдав 15 авіаударів, скинувши 22 КАБи.",
        {(L, "guided_bomb", "kab", 22, "exact")},
    ),
    ("Окупанти атакували Херсонщину 12 разів, випустивши 40 снарядів.", set()),
    ("Ворог атакував Сумщину 17 дронами-приманками.", {(L, "drone", "decoy", 17, "exact")}),
    ("Окупанти скинули 4 ФАБ-500 з УМПК.", {(L, "guided_bomb", "kab", 4, "exact")}),
    (
        "Ворог атакував 500 дронами. З них 300 – шахеди.",
        {(L, "drone", None, 500, "exact"), (L, "drone", "shahed", 300, "exact")},
    ),
    (
        "Ворог атакував 407 дронами та 45 ракетами, з яких понад 20 – балістичні.",
        {
            (L, "drone", None, 407, "exact"),
            (L, "missile", None, 45, "exact"),
            (L, "missile", None, 20, "more_than"),
        },
    ),
    # a part after "серед ракет було" (a copula before digits) is part of the launched total
    (
        "Ворог випустив 70 ракет. Серед ракет було 11 балістичних Іскандер-М/KN-23.",
        {(L, "missile", None, 70, "exact"), (L, "missile", "iskander-m", 11, "exact")},
    ),
    (
        "Ворог випустив 40 ракет. Серед них було 9 крилатих ракет Х-101.",
        {(L, "missile", None, 40, "exact"), (L, "missile", "kh-101", 9, "exact")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE, ids=[c[0][:40] for c in MORE])
def test_more_phrasings(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "uk") == expected


def test_emoji_bullets_continue_a_list() -> None:
    text = (
        "Станом на 09:00 збито/подавлено 100 цілей:\n"
        "🔹 90 ворожих БпЛА;\n🔹 10 крилатих ракет Х-101."
    )
    assert keys(text, "uk") == {
        (N, "any", None, 100, "exact"),
        (N, "drone", None, 90, "exact"),
        (N, "missile", "kh-101", 10, "exact"),
    }
