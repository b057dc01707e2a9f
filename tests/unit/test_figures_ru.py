"""Russian figure phrasings (Russian MoD, governors, Russian-language Ukrainian news)."""

from __future__ import annotations

import pytest

from tests.unit._figures_helpers import figures_of, keys

L, S, N, SU, H = "launched", "shot_down", "neutralized", "suppressed", "hit"

CASES = [
    (
        "Дежурными средствами ПВО перехвачены и уничтожены 35 украинских беспилотников.",
        {(S, "drone", None, 35, "exact")},
    ),
    ("Силами ПВО уничтожено и подавлено около 20 БПЛА.", {(N, "drone", None, 20, "approx")}),
    (
        "Противник применил 200 ударных дронов и 8 ракет.",
        {(L, "drone", None, 200, "exact"), (L, "missile", None, 8, "exact")},
    ),
    ("Сбиты 4 ракеты «Калибр».", {(S, "missile", "kalibr", 4, "exact")}),
    (
        "Россия выпустила свыше 50 управляемых авиабомб.",
        {(L, "guided_bomb", "kab", 50, "more_than")},
    ),
    ("Оккупанты сбросили на город 3 КАБа.", {(L, "guided_bomb", "kab", 3, "exact")}),
    ("Еще 15 беспилотников локационно потеряны.", {(SU, "drone", None, 15, "exact")}),
    ("Попадания зафиксированы на 6 локациях.", {("hit_locations", "any", None, 6, "exact")}),
    ("Обломки упали на 3 локациях.", {("debris_locations", "any", None, 3, "exact")}),
    (
        "Россия атаковала 40 шахедами, 30 из них сбиты.",
        {(L, "drone", "shahed", 40, "exact"), (S, "drone", "shahed", 30, "exact")},
    ),
    ("Противник применил не менее 10 ракет Х-101.", {(L, "missile", "kh-101", 10, "at_least")}),
    ("Сбиты две ракеты ATACMS.", {(S, "missile", "missile_other", 2, "exact")}),
    (
        "ПВО сбила 28 из 32 ракет.",
        {(S, "missile", None, 28, "exact"), (L, "missile", None, 32, "exact")},
    ),
    (
        "Сбиты 11 беспилотников ВСУ, еще 4 – над Курской областью.",
        {(S, "drone", None, 11, "exact"), (S, "drone", None, 4, "exact")},
    ),
    (
        "Средствами ПВО сбиты 4 управляемые авиационные бомбы «Хаммер» французского производства.",
        {(S, "guided_bomb", "kab", 4, "exact")},
    ),
    # a part after "среди ракет было" (a copula before digits) is part of the launched total
    (
        "Враг выпустил 70 ракет. Среди ракет было 11 баллистических Искандер-М/KN-23.",
        {(L, "missile", None, 70, "exact"), (L, "missile", "iskander-m", 11, "exact")},
    ),
    (
        "Враг выпустил 40 ракет. Среди них было 9 крылатых ракет Х-101.",
        {(L, "missile", None, 40, "exact"), (L, "missile", "kh-101", 9, "exact")},
    ),
]

NEGATIVES = [
    "Повреждены 3 легковых автомобиля и 2 частных дома.",
    "Ранены 5 человек, в том числе 2 детей.",
    "Россия производит 100 шахедов в день.",
    "Школа рассчитана на 900 учеников.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "ru") == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_not_a_figure(text: str) -> None:
    assert keys(text, "ru") == set()


def test_mod_tally_by_region_adjectives() -> None:
    text = (
        "Перехвачены и уничтожены 40 украинских беспилотников. Беспилотники уничтожены над "
        "территорией Брянской области — 25, Курской — 15."
    )
    figs = {f["value"]: f for f in figures_of(text, "ru")}
    assert set(figs) == {40, 25, 15}
    assert all(f["attacker"] == "UA" and f["measure"] == S for f in figs.values())
    assert "RU-BRY" in figs[25]["area"] and "RU-KRS" in figs[15]["area"]
    assert figs[40]["claimant"] is None or figs[40]["claimant"]["kind"] != "air_force"


@pytest.mark.parametrize(
    ("text", "lang", "attacker"),
    [
        (
            "ВСУ за сутки выпустили по Белгородской области 85 снарядов "
            "и атаковали 47 беспилотниками.",
            "ru",
            "UA",
        ),
        (
            "Воздушные силы: Россия атаковала Украину 170 ударными дронами, 125 из них сбиты.",
            "ru",
            "RU",
        ),
        ("Ukrainian forces said Russia launched 50 drones overnight.", "en", "RU"),
        (
            "Ukrainian drones attacked the Ryazan refinery; Russia said it downed 28 of them.",
            "en",
            "UA",
        ),
        ("Українські сили ППО збили 40 російських дронів.", "uk", "RU"),
        ("За сутки по Белгородской области выпущено 93 боеприпаса и 83 беспилотника.", "ru", "UA"),
        ("Ukraine fired 12 drones at the Kursk region overnight.", "en", "UA"),
        ("Ворог випустив 12 дронів з Курської області по Сумщині.", "uk", "RU"),
    ],
)
def test_who_attacked(text: str, lang: str, attacker: str) -> None:
    figs = figures_of(text, lang)
    assert figs and all(f["attacker"] == attacker for f in figs), figs


def test_governor_makes_attacker_ua() -> None:
    (f,) = figures_of("Над Брянской областью сбиты 7 беспилотников, сообщил губернатор.", "ru")
    assert f["attacker"] == "UA"
    assert f["claimant"]["kind"] == "russian_official"


def test_a_total_of_ukrainian_parts_is_ukrainian() -> None:
    text = "✅ Над территорией области уничтожены 7 БПЛА:\n▪️ Курская – 4\n▪️ Брянская – 3"
    figs = {f["value"]: f for f in figures_of(text, "ru")}
    assert set(figs) == {7, 4, 3}
    assert all(f["attacker"] == "UA" for f in figs.values())
