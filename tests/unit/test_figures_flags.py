"""Self-consistency flags, from texts and from hand-built figures."""

from __future__ import annotations

import pytest

from strikeledger import Document, extract
from strikeledger.extract.flags import consistency_flags
from strikeledger.report import Figure, Span, Weapon


def _codes(
    text: str, lang: str = "en", published: str | None = "2025-07-04T10:00:00+03:00"
) -> set[str]:
    report = extract(Document.from_text(text, published=published, language=lang))
    return {f.code for f in report.flags}


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        (
            "Russia launched 100 drones and missiles, including 95 drones and 10 missiles.",
            "en",
            "PARTS_EXCEED_TOTAL",
        ),
        (
            "Russia fired 200 drones and 5 missiles overnight. "
            "In all, 200 air attack weapons were used.",
            "en",
            "TOTAL_MISMATCH",
        ),
        (
            "Russia launched 50 drones. Air defences shot down 55 drones.",
            "en",
            "NEUTRALIZED_EXCEEDS_LAUNCHED",
        ),
        (
            "Противник атакував 30 засобами повітряного нападу: 25 БпЛА та 8 ракетами.",
            "uk",
            "PARTS_EXCEED_TOTAL",
        ),
        (
            "Противник запустил 40 дронов. Сбиты 41 беспилотник.",
            "ru",
            "NEUTRALIZED_EXCEEDS_LAUNCHED",
        ),
    ],
)
def test_flag_raised(text: str, lang: str, code: str) -> None:
    assert code in _codes(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia launched 100 drones and missiles, including 90 drones and 10 missiles.", "en"),
        ("Russia launched 50 drones. Air defences shot down 50 drones.", "en"),
        ("Russia launched more than 100 drones and missiles: 95 drones and 10 missiles.", "en"),
        ("Противник атакував 30 засобами повітряного нападу: 25 БпЛА та 5 ракетами.", "uk"),
        (
            "Перехвачены 42 украинских беспилотника. Восемнадцать БПЛА уничтожены над территорией "
            "Курской области, 11 - над Белгородской областью, 7 - над Брянской областью.",
            "ru",
        ),
        # after a sub-part ("including two flying toward Moscow") the regional list goes on
        # one level up: the next regions are not parts of the sub-part's region
        (
            "Air defences destroyed 40 drones overnight: 20 over the Bryansk Region, seven over "
            "the Moscow Region, including three flying toward the capital, six over the Tver "
            "Region, and seven over the Tula Region.",
            "en",
        ),
        (
            "Air defences downed 30 drones: 12 over the Kursk Region, 9 over the Moscow Region, "
            "including 2 heading for Moscow, 5 over the Oryol Region and 4 over the Tula Region.",
            "en",
        ),
        (
            "Перехвачены и уничтожены 30 беспилотников:\n12 – над территорией Курской области,\n"
            "7 – над территорией Московского региона, в том числе 3, летевших на Москву,\n"
            "6 – над территорией Тверской области,\n5 – над территорией Тульской области.",
            "ru",
        ),
        (
            "Уничтожены 30 беспилотников: 12 – над Курской областью, 7 – над Московским регионом, "
            "в том числе 3, летевших на Москву, 6 – над Тверской областью, 5 – над Тульской.",
            "ru",
        ),
        # a type of missile under the breakdown ("40 Kh-101") is not the number of missiles
        (
            "Russia attacked with 60 air attack weapons: 10 missiles and 50 drones. They "
            "included eight Kh-101 cruise missiles and two Kalibr missiles.",
            "en",
        ),
        (
            "У ніч на 19 листопада противник атакував 60 засобами повітряного нападу: 10 ракетами "
            "різних типів і 50 ударними БпЛА.\n\nЗокрема:\n– 8 крилатих ракет Х-101 – з районів "
            "пусків Саратовська обл.;\n– 2 крилаті ракети «Калібр» – з акваторії Чорного моря;\n"
            "– 50 ударними БпЛА типу Shahed, «Гербера» та дронами-імітаторами – з напрямків "
            "Курськ.",
            "uk",
        ),
        (
            "В ночь на 19 ноября противник атаковал 60 средствами воздушного нападения: "
            "10 ракетами "
            "разных типов и 50 ударными БпЛА.\n\nВ частности:\n– 8 крылатых ракет Х-101 – из "
            "районов пусков Саратовская обл.;\n– 2 крылатые ракеты «Калибр» – из акватории Черного "
            "моря;\n– 50 ударными БпЛА типа Shahed, «Гербера» и дронами-имитаторами – "
            "с направления "
            "Курск.",
            "ru",
        ),
    ],
)
def test_no_flag_when_consistent(text: str, lang: str) -> None:
    assert (
        _codes(text, lang)
        & {"PARTS_EXCEED_TOTAL", "TOTAL_MISMATCH", "NEUTRALIZED_EXCEEDS_LAUNCHED"}
        == set()
    )


def test_no_date_only_without_publication_date() -> None:
    text = "Air defences shot down 12 drones over the city."
    assert "NO_DATE" in _codes(text, published=None)
    assert "NO_DATE" not in _codes(text)
    assert "NO_DATE" not in _codes("The city was quiet.", published=None)


def _fig(measure: str, cat: str, value: int, q: str = "exact") -> Figure:
    return Figure(
        measure, Weapon(cat), value, Span(0, 1, "x"), "test.v1", qualifier=q, night_of="2025-07-04"
    )


def test_parts_of_a_neutralized_total_may_say_which() -> None:
    figs = [
        _fig("neutralized", "any", 100),
        _fig("shot_down", "drone", 70),
        _fig("suppressed", "drone", 40),
    ]
    codes = [c for c, _m, _r in consistency_flags(figs, {1: 0, 2: 0})]
    assert codes == ["PARTS_EXCEED_TOTAL"]


def test_approximate_totals_are_not_compared() -> None:
    figs = [
        _fig("launched", "any", 700, "more_than"),
        _fig("launched", "drone", 653),
        _fig("launched", "missile", 52),
    ]
    assert consistency_flags(figs, {}) == []


def test_flags_of_other_components_are_kept() -> None:
    report = extract(
        Document.from_text(
            "Russia launched 50 drones. Air defences shot down 55 drones.",
            published="2025-07-04",
            language="en",
        )
    )
    report.flag("STALE_ROLE", "kept")
    assert {"STALE_ROLE", "NEUTRALIZED_EXCEEDS_LAUNCHED"} <= {f.code for f in report.flags}


def _typed(measure: str, cat: str, model: str | None, value: int, area: list[str]) -> Figure:
    return Figure(
        measure,
        Weapon(cat, model),
        value,
        Span(0, 1, "x"),
        "test.v1",
        night_of="2025-07-04",
        area=area,
    )


def test_two_levels_of_a_breakdown_are_not_summed() -> None:
    # 549 weapons: 496 drones (47 decoys, 4 Gerbera among them) and 53 missiles (2 Kinzhal)
    figs = [
        _fig("launched", "any", 549),
        _fig("launched", "drone", 496),
        _typed("launched", "drone", "decoy", 47, ["UA"]),
        _typed("launched", "drone", "gerbera", 4, ["UA"]),
        _fig("launched", "missile", 53),
        _typed("launched", "missile", "kinzhal", 2, ["UA"]),
    ]
    parents = {k: 0 for k in range(1, 6)}
    assert [c for c, _m, _r in consistency_flags(figs, parents)] == []
    figs[1] = _fig("launched", "drone", 500)  # 500 + 53 > 549: one level exceeds
    assert [c for c, _m, _r in consistency_flags(figs, parents)] == ["PARTS_EXCEED_TOTAL"]


def test_a_repeated_part_counts_once() -> None:
    figs = [_fig("shot_down", "missile", 3), _fig("shot_down", "missile", 2)]
    figs.append(_fig("shot_down", "missile", 2))
    assert consistency_flags(figs, {1: 0, 2: 0}) == []


def test_neutralized_and_launched_compared_like_with_like() -> None:
    # 12 drones downed over Kursk vs 8 launched at Kharkiv: different areas, no flag
    figs = [
        _typed("launched", "drone", None, 8, ["UA", "UA-63"]),
        _typed("shot_down", "drone", None, 12, ["RU", "RU-KRS"]),
    ]
    assert consistency_flags(figs, {}) == []
    figs[1] = _typed("shot_down", "drone", None, 12, ["UA", "UA-63"])
    assert [c for c, _m, _r in consistency_flags(figs, {})] == ["NEUTRALIZED_EXCEEDS_LAUNCHED"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia used a total of 98 aerial weapons — 90 Shahed drones and 12 missiles.", "en"),
        ("Загалом ворог застосував 50 засобів повітряного нападу — 45 БпЛА та 7 ракет.", "uk"),
    ],
)
def test_dash_opens_the_parts_of_a_total(text: str, lang: str) -> None:
    assert _codes(text, lang) == {"PARTS_EXCEED_TOTAL"}


def test_a_typed_launch_count_is_not_all_launches() -> None:
    text = "Ворог випустив 90 крилатих ракет Х-101 та 5 балістичних ракет. Збито 87 крилатих ракет."
    assert _codes(text, "uk") == set()
    assert _codes("Ворог випустив 50 дронів. Збито 55 дронів.", "uk") == {
        "NEUTRALIZED_EXCEEDS_LAUNCHED"
    }
