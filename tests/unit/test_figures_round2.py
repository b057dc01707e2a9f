"""Round-2 figure mechanisms (generalisation to unseen reporting), one row per phrasing, in the
three languages: elliptical parts, tally lines across a dash, 'respectively', averages,
comparisons, twins ('all 18 missiles Russia fired'), singular typed items, FPV and cumulative
totals (no figure), and canonical English claimant names."""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger import Document, extract
from tests.unit._figures_helpers import figures_of, keys

L, S, N, SU, H, F = "launched", "shot_down", "neutralized", "suppressed", "hit", "in_flight"

CASES: list[tuple[str, str, set[tuple[Any, ...]]]] = [
    # shot down or suppressed, written with a slash
    (
        "ru",
        "За сутки сбиты/подавлены 210 дронов и 7 ракет.",
        {(N, "drone", None, 210, "exact"), (N, "missile", None, 7, "exact")},
    ),
    ("ru", "Удалось обезвредить 44 БпЛА.", {(N, "drone", None, 44, "exact")}),
    (
        "ru",
        "Сбиты 30 БПЛА. В воздухе ещё находятся 6 вражеских беспилотников.",
        {(S, "drone", None, 30, "exact"), (F, "drone", None, 6, "exact")},
    ),
    # a cue, a dash, a number; an elliptical in-flight part
    (
        "uk",
        "Збито/подавлено 120 цілей. Локаційно втрачено – 20, ще 3 – у повітрі.",
        {
            (N, "any", None, 120, "exact"),
            (SU, "any", None, 20, "exact"),
            (F, "any", None, 3, "exact"),
        },
    ),
    # span lead and a dash with no verb: what was launched in that span
    (
        "uk",
        "«За тиждень — понад 900 ударних дронів. Тільки за цю ніч — 77 дронів».",
        {(L, "drone", None, 900, "more_than"), (L, "drone", None, 77, "exact")},
    ),
    ("en", '"Last night alone – 58 drones," he said.', {(L, "drone", None, 58, "exact")}),
    # a list of types after a colon names the type of the count
    (
        "uk",
        "Ворог випустив близько 40 ракет: крилаті ракети Х-101 та «Калібр».",
        {(L, "missile", "kh-101", 40, "approx")},
    ),
    # front-line FPV drones and war-long cumulative totals: no figure
    ("uk", "За добу ворог завдав 300 ударів БпЛА, зокрема 240 FPV-дронів.", set()),
    ("en", "Russian troops launched 1,200 FPV drones at the town.", set()),
    (
        "ru",
        "Всего с начала проведения специальной военной операции уничтожены 50 100 беспилотников.",
        set(),
    ),
    # "с начала суток" is today's tally, not a war-long total
    (
        "ru",
        "Над Москвой сбиты ещё три беспилотника, а всего с начала суток — 27.",
        {(S, "drone", None, 3, "exact"), (S, "drone", None, 27, "exact")},
    ),
    # respectively
    (
        "en",
        "Russia fired 10 missiles and 50 drones, of which 8 and 41 respectively were shot down.",
        {
            (L, "missile", None, 10, "exact"),
            (L, "drone", None, 50, "exact"),
            (S, "missile", None, 8, "exact"),
            (S, "drone", None, 41, "exact"),
        },
    ),
    (
        "ru",
        "Выпущены 4 ракеты и 30 дронов, из которых сбиты 3 и 25 соответственно.",
        {
            (L, "missile", None, 4, "exact"),
            (L, "drone", None, 30, "exact"),
            (S, "missile", None, 3, "exact"),
            (S, "drone", None, 25, "exact"),
        },
    ),
    # locations with the noun left out
    (
        "en",
        "Drones hit 5 locations. Debris fell at 9.",
        {("hit_locations", "any", None, 5, "exact"), ("debris_locations", "any", None, 9, "exact")},
    ),
    # approximate compounds, averages, comparisons, records
    ("en", "Russia launched 4,000-odd drones in May.", {(L, "drone", None, 4000, "approx")}),
    ("en", "Russia launched about 150 drones a day.", set()),
    ("ru", "В среднем противник запускал 120 дронов.", set()),
    (
        "en",
        "Russia launched 5,000 drones in June, up from 4,100 in May.",
        {(L, "drone", None, 5000, "exact"), (L, "drone", None, 4100, "exact")},
    ),
    (
        "en",
        "The previous record was 310 drones.",
        {(L, "drone", None, 310, "exact")},
    ),
    # twins: the relative clause states the launch; 'all of which' applies to each part
    (
        "en",
        "Air defences destroyed all 7 missiles Russia launched.",
        {(S, "missile", None, 7, "exact"), (L, "missile", None, 7, "exact")},
    ),
    (
        "en",
        "Russia fired two missiles along with 11 drones, all of which were shot down.",
        {
            (L, "missile", None, 2, "exact"),
            (L, "drone", None, 11, "exact"),
            (S, "missile", None, 2, "exact"),
            (S, "drone", None, 11, "exact"),
        },
    ),
    # people counted "of them" are no figure; a verb is no part of a weapon phrase
    (
        "en",
        "Russia launched 40 drones and missiles, killing 9 people, three of them children.",
        {(L, "any", None, 40, "exact")},
    ),
    (
        "en",
        "Air force: 65 Shaheds were downed, while 8 reached their targets.",
        {(S, "drone", "shahed", 65, "exact"), (H, "drone", "shahed", 8, "exact")},
    ),
    (
        "ru",
        "Минобороны сообщило об уничтожении 3 ракет ATACMS и 41 беспилотника.",
        {(S, "missile", "missile_other", 3, "exact"), (S, "drone", None, 41, "exact")},
    ),
    (
        "uk",
        "Влучання на 7 локаціях, на 2 локаціях – падіння уламків.",
        {("hit_locations", "any", None, 7, "exact"), ("debris_locations", "any", None, 2, "exact")},
    ),
    (
        "ru",
        "Киевский режим предпринял попытку атаки с применением 30 беспилотников. "
        "Все они были уничтожены.",
        {(L, "drone", None, 30, "exact"), (S, "drone", None, 30, "exact")},
    ),
    (
        "en",
        "Russia fired 6 missiles at Kyiv. All of them were shot down.",
        {(L, "missile", None, 6, "exact"), (S, "missile", None, 6, "exact")},
    ),
    # a composition part, a hit noun with its weapon, singular typed items
    (
        "en",
        "Russia launched 20 missiles. About 12 of the missiles were ballistic.",
        {(L, "missile", None, 20, "exact"), (L, "missile", None, 12, "approx")},
    ),
    (
        "uk",
        "Зафіксовано 3 влучання «шахедів».",
        {(H, "drone", "shahed", 3, "exact")},
    ),
    (
        "ru",
        "Сбиты 2 ракеты ATACMS, ракета «Нептун-Д» и 40 беспилотников.",
        {
            (S, "missile", "missile_other", 2, "exact"),
            (S, "missile", "missile_other", 1, "exact"),
            (S, "drone", None, 40, "exact"),
        },
    ),
    (
        "ru",
        "Над регионом сбиты пять беспилотников. Кроме того, ещё трёх подавили средствами РЭБ.",
        {(S, "drone", None, 5, "exact"), (SU, "drone", None, 3, "exact")},
    ),
    # tally lines: a place and a bare number across a dash; the line's own noun
    (
        "ru",
        "ПВО уничтожили 30 беспилотников. Над Брянской областью — 18, над Курской — 12.",
        {
            (S, "drone", None, 30, "exact"),
            (S, "drone", None, 18, "exact"),
            (S, "drone", None, 12, "exact"),
        },
    ),
    (
        "uk",
        "Ворог випустив 9 ракет: 5 Х-101 і 4 «Калібр». Найбільше ракет збито над Київщиною – 6.",
        {
            (L, "missile", None, 9, "exact"),
            (L, "missile", "kh-101", 5, "exact"),
            (L, "missile", "kalibr", 4, "exact"),
            (S, "missile", None, 6, "exact"),
        },
    ),
    (
        "uk",
        "Ворог запустив 8 ракет і майже стільки ж ударних дронів – близько 10.",
        {(L, "missile", None, 8, "exact"), (L, "drone", None, 10, "approx")},
    ),
    (
        "uk",
        "Противник атакував 90 ударними БпЛА. З них 30 – на Київ.",
        {(L, "drone", None, 90, "exact"), (L, "drone", None, 30, "exact")},
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES, ids=[c[1][:40] for c in CASES])
def test_round2_phrasings(lang: str, text: str, want: set[tuple[Any, ...]]) -> None:
    assert keys(text, lang) == want


def test_tally_line_parts_take_their_regions() -> None:
    text = (
        "Минобороны: перехвачены 20 украинских беспилотников.\n"
        "12 – над территорией Брянской области,\n8 – над территорией Курской области."
    )
    areas = {f["value"]: f["area"] for f in figures_of(text, "ru")}
    assert areas[12] == ["RU", "RU-BRY"] and areas[8] == ["RU", "RU-KRS"]


@pytest.mark.parametrize(
    ("lang", "text", "name", "kind"),
    [
        ("uk", "Повітряні сили: збито 40 дронів.", "Ukrainian Air Force", "air_force"),
        (
            "uk",
            "Начальник Одеської ОВА повідомив, що збито 12 дронів.",
            "Odesa Oblast Military Administration",
            "local_authority",
        ),
        ("ru", "Минобороны России: сбиты 20 БПЛА.", "Russian Ministry of Defence", "russian_mod"),
        ("ru", "Гладков: сбиты 3 беспилотника.", "Governor of Belgorod Oblast", "russian_official"),
        (
            "en",
            "Kursk governor said 9 drones were downed.",
            "Governor of Kursk Oblast",
            "russian_official",
        ),
    ],
)
def test_claimant_names_are_canonical_english(lang: str, text: str, name: str, kind: str) -> None:
    doc = Document.from_text(text, published="2025-07-04T10:00:00+03:00", language=lang)
    figs = extract(doc).to_dict()["figures"]
    assert figs and all(f["claimant"] == {"name": name, "kind": kind} for f in figs), figs
