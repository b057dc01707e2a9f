"""The gazetteer: romanisation, the shipped data, and inflected forms -> canonical places."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from strikeledger.extract.places import candidates_of, find_places
from strikeledger.kb.gazetteer import fold, load

ROOT = Path(__file__).resolve().parents[2]


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", mod)
    spec.loader.exec_module(mod)
    return mod


BUILD = _build_script()


@pytest.mark.parametrize(
    ("uk", "en"),
    [
        ("Київ", "Kyiv"),
        ("Харків", "Kharkiv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Одеса", "Odesa"),
        ("Біла Церква", "Bila Tserkva"),
        ("Голосіївський", "Holosiivskyi"),
        ("Святошинський", "Sviatoshynskyi"),
        ("Солом'янський", "Solomianskyi"),
        ("Згурівка", "Zghurivka"),
        ("Їжакевич", "Yizhakevych"),
        ("Яготин", "Yahotyn"),
        ("Юрій", "Yurii"),
        ("Єнакієве", "Yenakiieve"),
        ("Куп'янськ", "Kupiansk"),
        ("Хмельницький", "Khmelnytskyi"),
        ("Гнідин", "Hnidyn"),
        ("Ґалаґан", "Galagan"),
        ("Щасливе", "Shchaslyve"),
    ],
)
def test_ukrainian_romanisation(uk: str, en: str) -> None:
    assert BUILD.translit_uk(uk) == en


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Белгородский", "Belgorodsky"),
        ("Каменский", "Kamensky"),
        ("Разумное", "Razumnoye"),
        ("Льгов", "Lgov"),
        ("Орёл", "Oryol"),
        ("Белая Берёзка", "Belaya Beryozka"),
        ("Приморско-Ахтарск", "Primorsko-Akhtarsk"),
        ("Новая Таволжанка", "Novaya Tavolzhanka"),
        ("Ейск", "Yeysk"),
        ("Шебекино", "Shebekino"),
    ],
)
def test_russian_romanisation(ru: str, en: str) -> None:
    assert BUILD.translit_ru(ru) == en


def test_fold_keeps_length() -> None:
    for s in ("İstanbul Київ", "Орёл’s", "KYIV"):
        assert len(fold(s)) == len(s)
    assert fold("Орёл") == "орел"


def test_shipped_data_has_every_first_level_unit() -> None:
    gz = load()
    regions = {e.region for e in gz.entries if e.country == "UA"}
    assert len(regions) == 27
    oblasts = [e for e in gz.entries if e.level == "oblast"]
    assert len(oblasts) == 25  # 24 oblasts and Crimea; Kyiv and Sevastopol are cities
    kyiv = gz.find("Kyiv", "city")
    assert [(e.region, e.katottg) for e in kyiv] == [("UA-30", "UA80000000000093317")]
    assert len([e for e in gz.entries if e.level == "city_district" and e.region == "UA-30"]) == 10
    for name in ("Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv"):
        city = [e for e in gz.find(name, "city")]
        assert city and any(
            d.parent == city[0].index for d in gz.entries if d.level == "city_district"
        ), name
    assert len(gz) > 30_000


@pytest.mark.parametrize(
    ("form", "name", "level", "region"),
    [
        ("Київ", "Kyiv", "city", "UA-30"),
        ("Києві", "Kyiv", "city", "UA-30"),
        ("Києва", "Kyiv", "city", "UA-30"),
        ("Києвом", "Kyiv", "city", "UA-30"),
        ("Киев", "Kyiv", "city", "UA-30"),
        ("Киеве", "Kyiv", "city", "UA-30"),
        ("Kyiv", "Kyiv", "city", "UA-30"),
        ("Kiev", "Kyiv", "city", "UA-30"),
        ("Київщина", "Kyiv Oblast", "oblast", "UA-32"),
        ("Київщині", "Kyiv Oblast", "oblast", "UA-32"),
        ("Київська область", "Kyiv Oblast", "oblast", "UA-32"),
        ("Kyiv region", "Kyiv Oblast", "oblast", "UA-32"),
        ("Харківська область", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Харківської області", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Харківщині", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Харьковской области", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Харківської обл.", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Kharkiv region", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Kharkiv Oblast", "Kharkiv Oblast", "oblast", "UA-63"),
        ("Rostov region", "Rostov Oblast", "foreign_region", "RU-ROS"),
        ("Ростовской области", "Rostov Oblast", "foreign_region", "RU-ROS"),
        ("Ростовській області", "Rostov Oblast", "foreign_region", "RU-ROS"),
        ("Краснодарского края", "Krasnodar Krai", "foreign_region", "RU-KDA"),
        ("Московский регион", "Moscow Oblast", "foreign_region", "RU-MOS"),
        ("Подмосковье", "Moscow Oblast", "foreign_region", "RU-MOS"),
        ("Голосіївський район", "Holosiivskyi", "city_district", "UA-30"),
        ("Голосіївському районі", "Holosiivskyi", "city_district", "UA-30"),
        ("Holosiivskyi district", "Holosiivskyi", "city_district", "UA-30"),
        ("Голосеевском районе", "Holosiivskyi", "city_district", "UA-30"),
        ("Святошинского района", "Sviatoshynskyi", "city_district", "UA-30"),
        ("Марганецька громада", "Marhanets Hromada", "hromada", "UA-12"),
        ("Марганецькій громаді", "Marhanets Hromada", "hromada", "UA-12"),
        ("Бучанський район", "Bucha Raion", "raion", "UA-32"),
        ("Бучанському районі", "Bucha Raion", "raion", "UA-32"),
        ("Bucha district", "Bucha Raion", "raion", "UA-32"),
        ("Білій Церкві", "Bila Tserkva", "city", "UA-32"),
        ("Белой Церкви", "Bila Tserkva", "city", "UA-32"),
        ("Запоріжжі", "Zaporizhzhia", "city", "UA-23"),
        ("Запорожье", "Zaporizhzhia", "city", "UA-23"),
        ("Одесі", "Odesa", "city", "UA-51"),
        ("Одессе", "Odesa", "city", "UA-51"),
        ("Криму", "Crimea", "oblast", "UA-43"),
        ("Республикой Крым", "Crimea", "oblast", "UA-43"),
        ("Севастополі", "Sevastopol", "city", "UA-40"),
        ("Белгороде", "Belgorod", "foreign_city", "RU-BEL"),
        ("Бєлгороді", "Belgorod", "foreign_city", "RU-BEL"),
        ("Курська", "Kursk", "foreign_city", "RU-KRS"),
        ("Приморсько-Ахтарська", "Primorsko-Akhtarsk", "foreign_city", "RU-KDA"),
        ("Таганроге", "Taganrog", "foreign_city", "RU-ROS"),
        ("Миллерово", "Millerovo", "foreign_city", "RU-ROS"),
        ("Новороссийске", "Novorossiysk", "foreign_city", "RU-KDA"),
        ("Энгельсе", "Engels", "foreign_city", "RU-SAR"),
        ("Ейске", "Yeysk", "foreign_city", "RU-KDA"),
        ("Судже", "Sudzha", "foreign_city", "RU-KRS"),
        ("Каменском районе", "Kamensky District", "foreign_region", "RU-ROS"),
        ("Шебекинский округ", "Shebekinsky District", "foreign_region", "RU-BEL"),
        ("Kuibyshevsky district", "Kuibyshevsky District", "foreign_region", "RU-ROS"),
    ],
)
def test_inflected_form_resolves_to_canonical_place(
    form: str, name: str, level: str, region: str
) -> None:
    got = {(e.name, e.level, e.region) for e, _kind in candidates_of(form)}
    assert (name, level, region) in got, sorted(got)[:10]
    # and in running text, where it is the place chosen
    places, _ = find_places(f"Повідомлення. {form} — 5.", None)
    assert [p.name for p in places] == [name]


@pytest.mark.parametrize(
    ("adjective", "name"),
    [
        ("Белгородской", "Belgorod Oblast"),
        ("Брянской", "Bryansk Oblast"),
        ("Харківській", "Kharkiv Oblast"),
    ],
)
def test_bare_adjectives_are_elliptic_forms(adjective: str, name: str) -> None:
    kinds = {(e.name, k) for e, k in candidates_of(adjective)}
    assert (name, "a") in kinds
