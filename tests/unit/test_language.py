"""detect_language: tables of texts (headlines, posts, mixed script, other languages)."""

from __future__ import annotations

import pytest
import yaml

from strikeledger.document import document_from_bytes
from strikeledger.extract import language as language_mod
from strikeledger.extract.language import detect_language, script_guess
from tests.conftest import shared_path

CASES = [
    # English: headlines, wire leads, short posts
    ("en", "Russia launches 550 drones and missiles at Ukraine overnight"),
    ("en", "Kyiv hit by record drone attack"),
    ("en", "Two killed as drones strike Odesa port"),
    ("en", "Air defences down 478 of 550 drones, air force says"),
    ("en", "Massive attack on Kharkiv leaves dozens injured"),
    ("en", "Explosions heard in Kyiv"),
    ("en", "Drone debris sparks fire in Lviv"),
    (
        "en",
        "KYIV, July 4 (Reuters) - Russia fired 539 drones and 11 missiles at Ukraine overnight, "
        "the air force said on Friday, in what officials called the largest attack of the war.",
    ),
    ("en", "Ukraine's air force said 72 drones breached air defences."),
    ("en", "Zelensky urges allies to speed up Patriot deliveries"),
    ("en", "Kyiv"),
    ("en", "Explosions"),
    ("en", "Drone attack"),
    ("en", "BREAKING: Explosions in Kyiv"),
    # English with Cyrillic quotes and names
    (
        "en",
        "The post, headlined 'Збито 478 цілей', said that the drones were shot down over "
        "the Kyiv, Kharkiv and Odesa regions overnight.",
    ),
    # Ukrainian
    ("uk", "Збито 270 ударних БпЛА"),
    ("uk", "У ніч на 4 липня противник атакував 539 ударними БпЛА"),
    ("uk", "Вибухи у Києві"),
    ("uk", "Масована атака на Київ: є загиблі"),
    ("uk", "Харків під ударом КАБів"),
    ("uk", "Повітряна тривога в Одесі"),
    ("uk", "Знешкоджено 478 засобів повітряного нападу"),
    ("uk", "Внаслідок атаки пошкоджено будинок, постраждали троє людей."),
    (
        "uk",
        "У ніч на 9 липня (з 18:00 8 липня) противник атакував 728 ударними БпЛА типу Shahed "
        "та імітаторами різних типів, а також 13 ракетами Х-101 та Kinzhal.",
    ),
    ("uk", "Shahed-136 збили над Києвом"),
    ("uk", "Київ"),
    ("uk", "Вибухи"),
    ("uk", "Збито"),
    (
        "uk",
        "Повітряні сили повідомили, що «в ночь на 4 июля были сбиты 48 беспилотников», – так "
        "заявили в Міноборони РФ. Також у Києві постраждали 23 людини.",
    ),
    # Russian
    ("ru", "Сбито 99 беспилотников"),
    ("ru", "В ночь на 4 июля средства ПВО уничтожили 48 БПЛА"),
    ("ru", "Взрывы в Харькове"),
    ("ru", "Массированная атака на Киев: есть погибшие"),
    ("ru", "Атака дронов на Белгород"),
    ("ru", "Над Брянской областью перехвачены и уничтожены 12 беспилотников"),
    ("ru", "Губернатор сообщил о пострадавших в Курской области"),
    (
        "ru",
        "Дежурными средствами ПВО перехвачены и уничтожены 112 украинских беспилотных "
        "летательных аппаратов самолетного типа, сообщило Минобороны России.",
    ),
    ("ru", "Ракеты Х-101 и Kinzhal над Киевом"),
    ("ru", "Сбито"),
    ("ru", "Взрыв"),
    ("ru", "Киев"),
    (
        "ru",
        "Воздушные силы ВСУ сообщили: «У ніч на 4 липня противник атакував 539 ударними "
        "БпЛА». По данным ведомства, сбиты 478 целей, а в Киеве пострадали 23 человека.",
    ),
    # other languages
    ("other", "Russland greift die Ukraine mit Hunderten Drohnen an"),
    ("other", "La Russie a lancé des centaines de drones sur l'Ukraine cette nuit"),
    ("other", "Rosja zaatakowała Ukrainę setkami dronów w nocy"),
    ("other", "Rusia lanzó cientos de drones contra Ucrania durante la noche"),
    ("other", "Русија је ноћас напала Украјину дроновима"),
    ("other", "Беларусь: у Гомелі ўзмацнілі ахову мяжы"),
    ("other", "Русия атакува Украйна с над петстотин дрона през нощта"),
    ("other", "ロシアがウクライナを攻撃"),
    ("other", "Rosja atakuje"),
    ("other", "Ataque ruso"),
    ("other", "https://t.me/kpszsu/12345"),
    ("other", "12345 — 678"),
    ("other", ""),
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_detect_language(lang: str, text: str) -> None:
    assert detect_language(text) == lang


FAST = [
    (
        "uk",
        "Збито 270 ударних БпЛА, ще 208 локаційно втрачені. Зафіксовано влучання на 8 локаціях.",
    ),
    ("ru", "Сбито 99 беспилотников, ещё 12 подавлены средствами РЭБ над Курской областью."),
    ("en", "The air force said that 478 of the drones were shot down overnight."),
    ("other", "— 12:00 —"),
]


@pytest.mark.parametrize(("lang", "text"), FAST)
def test_prepass_decides_clear_cases_without_the_model(lang: str, text: str) -> None:
    assert script_guess(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Russland greift die Ukraine an",  # Latin without English function words
        "Атака на Харьков",  # Cyrillic without distinguishing letters or words
        "Русија је ноћас напала",  # Serbian letters
    ],
)
def test_prepass_defers_unclear_cases(text: str) -> None:
    assert script_guess(text) is None


def test_language_yaml_schema() -> None:
    path = language_mod.resources.files("strikeledger.extract").joinpath("lang", "language.yaml")
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    for lang in ("en", "uk", "ru"):
        assert isinstance(d[lang]["letters"], str)
        words = d[lang]["stopwords"]
        assert words and all(isinstance(w, str) and w == w.lower() for w in words)
    # a cue word that belongs to two languages would be no cue at all
    assert not set(d["uk"]["stopwords"]) & set(d["ru"]["stopwords"])
    assert not set(d["uk"]["letters"]) & set(d["ru"]["letters"])


@pytest.mark.shared
def test_dev_gold_languages() -> None:
    gold = shared_path("gold", "dev")
    for path in sorted(gold.glob("*.txt")):
        doc = document_from_bytes(path.read_bytes(), path=str(path))
        want = path.name[:2]
        assert detect_language(doc.text) == want, path.name
        headline = doc.text.split("\n")[0][:120]
        assert detect_language(headline) == want, (path.name, headline)
