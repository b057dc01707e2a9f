"""find_numbers: tables of text -> the numbers found (value, evidence, marks), per language."""

from __future__ import annotations

import itertools

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from strikeledger.extract import langdata
from strikeledger.extract.numbers import Number, find_numbers, lang_data


def found(text: str, lang: str) -> list[tuple[str, int]]:
    return [(text[n.start : n.end], n.value) for n in find_numbers(text, lang)]


def counts(text: str, lang: str) -> list[int]:
    return [n.value for n in find_numbers(text, lang) if n.is_count]


def only(text: str, lang: str) -> Number:
    ns = find_numbers(text, lang)
    assert len(ns) == 1, [(text[n.start : n.end], n.value) for n in ns]
    return ns[0]


# --- digits -----------------------------------------------------------------------------------

DIGITS = [
    # (lang, text, [(evidence, value)])
    ("en", "Russia launched 550 drones", [("550", 550)]),
    ("en", "more than 1,000 drones", [("1,000", 1000)]),
    ("en", "some 12,500 drones in a month", [("12,500", 12500)]),
    ("en", "a total of 1 000 drones", [("1 000", 1000)]),
    ("en", "1\u00a0200 drones", [("1\u00a0200", 1200)]),
    ("en", "1,234,567 rounds", [("1,234,567", 1234567)]),
    ("en", "2.5 thousand drones", [("2.5 thousand", 2500)]),
    ("en", "1.5 million people", [("1.5 million", 1500000)]),
    ("en", "a 2.5 magnitude", []),
    ("en", "550 drones and 11 missiles", [("550", 550), ("11", 11)]),
    ("en", "at 18:00 local time", []),
    ("en", "at 3 a.m. local time", []),
    ("en", "at 5 pm", []),
    ("en", "the 1st wave and the 2nd wave and the 23rd", []),
    ("en", "Ukraine's 2nd-largest city", []),
    ("en", "Kh-101 and Kh-555 cruise missiles", []),
    ("en", "Shahed-136 drones and KN-23 missiles", []),
    ("en", "a Tu-95MS bomber and Kh-47M2 Kinzhal", []),
    ("en", "on 2025-07-04 at 09:30", []),
    ("en", "550.", [("550", 550)]),
    ("en", "(550)", [("550", 550)]),
    ("en", "24/7 coverage", []),
    ("uk", "атакував 539 ударними БпЛА", [("539", 539)]),
    ("uk", "понад 1.000 дронів", [("1.000", 1000)]),
    ("uk", "понад 1 000 дронів", [("1 000", 1000)]),
    ("uk", "2,5 тис. осіб", [("2,5 тис.", 2500)]),
    ("uk", "2,5 тис осіб", [("2,5 тис", 2500)]),
    ("uk", "5 тисяч дронів", [("5 тисяч", 5000)]),
    ("uk", "2 тисячі дронів", [("2 тисячі", 2000)]),
    ("uk", "1,2 млн гривень", [("1,2 млн", 1200000)]),
    ("uk", "з 18:00 до 09:00", []),
    ("uk", "з 18.00 до 09.00", []),
    ("uk", "04.07.2025", []),
    ("uk", "ракети Х-101, Х-555 та Х-59", []),
    ("uk", "бомбардувальники Ту-95МС і Ту-22М3", []),
    ("uk", "ракет 3-х типів", [("3-х", 3)]),
    ("uk", "3-й батальйон, 24-го лютого, 5-та рота, 2-га хвиля", []),
    ("uk", "2,5 кілометра", []),
    ("ru", "уничтожены 99 беспилотников", [("99", 99)]),
    ("ru", "15 000 человек", [("15 000", 15000)]),
    ("ru", "2 тыс. человек", [("2 тыс.", 2000)]),
    ("ru", "1,5 тыс. дронов", [("1,5 тыс.", 1500)]),
    ("ru", "Ту-22М3 и Су-34", []),
    ("ru", "в 2-х районах", [("2-х", 2)]),
    ("ru", "5-й этаж и 10-го числа", []),
    ("ru", "ракета Х-59", []),
    ("ru", "С-300 и С-400", []),
    ("ru", "около 3 тысяч", [("3 тысяч", 3000)]),
    ("ru", "на 5-м этаже", []),
    ("uk", "ракета №3 і дрон № 4", []),
    ("en", "Hospital No. 5 and gate #2", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DIGITS)
def test_digits(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, lang) == expected


# --- marks: age, percent, year, date, range, compound -----------------------------------------

MARKS = [
    # (lang, text, evidence, value, mark)
    ("en", "a 5-year-old boy", "5", 5, "age"),
    ("en", "a 72-year-old woman", "72", 72, "age"),
    ("en", "a man aged 45", "45", 45, "age"),
    ("en", "a woman, 72 years old,", "72", 72, "age"),
    ("en", "a five-year-old girl", "five", 5, "age"),
    ("en", "a 3-month-old baby", "3", 3, "age"),
    ("en", "40% of the grid", "40", 40, "percent"),
    ("en", "40 per cent of the grid", "40", 40, "percent"),
    ("en", "forty percent of", "forty", 40, "percent"),
    ("en", "in 2025 alone", "2025", 2025, "none"),
    ("en", "since 2022.", "2022", 2022, "year"),
    ("en", "In 2023, Russia", "2023", 2023, "year"),
    ("en", "on July 4, 2025", "2025", 2025, "year"),
    ("en", "on 9 July 2025", "2025", 2025, "year"),
    ("en", "on July 9", "9", 9, "date"),
    ("en", "on Jul. 9", "9", 9, "date"),
    ("en", "on 29 December", "29", 29, "date"),
    # a full stop after a month ends the sentence: the numeral opening the next is a count
    ("en", "early on 3 March. Two people died", "Two", 2, "none"),
    ("en", "it began on May 30. 12 people were hurt", "12", 12, "none"),
    ("en", "the raid of Sept. 4 was", "4", 4, "date"),
    ("uk", "вночі 5 березня. Дві людини загинули", "Дві", 2, "none"),
    ("ru", "утром 6 марта. Три человека ранены", "Три", 3, "none"),
    ("en", "a 10-storey building", "10", 10, "compound"),
    ("en", "The barrage involved 300-plus drones", "300-plus", 300, "none"),
    ("uk", "12-річний хлопець", "12", 12, "age"),
    ("uk", "70-річна жінка", "70", 70, "age"),
    ("uk", "25-літній чоловік", "25", 25, "age"),
    ("uk", "40% енергетики", "40", 40, "percent"),
    ("uk", "40 відсотків енергетики", "40", 40, "percent"),
    ("uk", "у 2024 році", "2024", 2024, "year"),
    ("uk", "29 грудня 2023 року", "2023", 2023, "year"),
    ("uk", "у ніч на 4 липня", "4", 4, "date"),
    ("uk", "з 18:00 3 липня", "3", 3, "date"),
    ("uk", "9-поверховий будинок", "9", 9, "compound"),
    ("ru", "5-летний мальчик", "5", 5, "age"),
    ("ru", "мужчина 45 лет", "45", 45, "age"),
    ("ru", "40 процентов", "40", 40, "percent"),
    ("ru", "в 2023 году", "2023", 2023, "year"),
    ("ru", "29 декабря 2023 г.", "2023", 2023, "year"),
    ("ru", "в ночь на 4 июля", "4", 4, "date"),
    ("ru", "16-этажный дом", "16", 16, "compound"),
]


@pytest.mark.parametrize(("lang", "text", "evidence", "value", "mark"), MARKS)
def test_marks(lang: str, text: str, evidence: str, value: int, mark: str) -> None:
    ns = [n for n in find_numbers(text, lang) if text[n.start : n.end] == evidence]
    assert len(ns) == 1, found(text, lang)
    n = ns[0]
    assert n.value == value
    marks = {k for k in ("age", "percent", "year", "date", "compound") if getattr(n, k)}
    assert marks == (set() if mark == "none" else {mark})
    assert n.is_count == (mark == "none")


RANGES = [
    ("en", "10-12 drones", [10, 12]),
    ("en", "10–12 drones", [10, 12]),
    ("uk", "10-12 дронів", [10, 12]),
    ("uk", "два-три дрони", [2, 3]),
    ("uk", "п'ять-шість ракет", [5, 6]),
    ("ru", "два-три беспилотника", [2, 3]),
    ("ru", "5-7 ракет", [5, 7]),
]


@pytest.mark.parametrize(("lang", "text", "values"), RANGES)
def test_ranges_return_both_ends(lang: str, text: str, values: list[int]) -> None:
    ns = find_numbers(text, lang)
    assert [n.value for n in ns] == values
    assert all(n.in_range for n in ns)


def test_year_range() -> None:
    ns = find_numbers("the 2022-2023 winter", "en")
    assert [(n.value, n.year) for n in ns] == [(2022, True), (2023, True)]


# --- words ------------------------------------------------------------------------------------

WORDS_EN = [
    ("two drones", 2),
    ("Two drones", 2),
    ("TWO DRONES", 2),
    ("eleven missiles", 11),
    ("twenty-three drones", 23),
    ("twenty three drones", 23),
    ("Fifty-six drones", 56),
    ("ninety-nine", 99),
    ("a hundred drones", 100),
    ("one hundred drones", 100),
    ("one hundred and five drones", 105),
    ("one hundred twenty-five drones", 125),
    ("two thousand drones", 2000),
    ("a thousand drones", 1000),
    ("two thousand three hundred", 2300),
    ("fifteen hundred", 1500),
    ("both missiles", 2),
    ("one missile", 1),
    ("three million", 3000000),
    ("half a million", 500000),
    ("seventy", 70),
    ("forty", 40),
]


@pytest.mark.parametrize(("text", "value"), WORDS_EN)
def test_words_en(text: str, value: int) -> None:
    n = only(text, "en")
    assert n.value == value
    assert n.words
    assert not n.approx


WORDS_UK = [
    ("дві ракети", 2),
    ("Дві ракети", 2),
    ("ДВІ РАКЕТИ", 2),
    ("двома ракетами", 2),
    ("двох ракет", 2),
    ("двом", 2),
    ("обидві ракети", 2),
    ("обидва дрони", 2),
    ("обох", 2),
    ("двоє дітей", 2),
    ("один дрон", 1),
    ("одна ракета", 1),
    ("одного дрона", 1),
    ("однієї ракети", 1),
    ("три ракети", 3),
    ("трьох", 3),
    ("трьома", 3),
    ("троє", 3),
    ("чотири", 4),
    ("чотирма", 4),
    ("чотирьох", 4),
    ("п'ять", 5),
    ("п'яти", 5),
    ("п'ятьма", 5),
    ("п'ятеро", 5),
    ("шість", 6),
    ("шести", 6),
    ("шістьома", 6),
    ("сім", 7),
    ("семи", 7),
    ("вісім", 8),
    ("восьми", 8),
    ("дев'ять", 9),
    ("дев'яти", 9),
    ("десять", 10),
    ("десятьма", 10),
    ("одинадцять", 11),
    ("одинадцяти", 11),
    ("дванадцятьма", 12),
    ("п'ятнадцять", 15),
    ("дев'ятнадцяти", 19),
    ("двадцять", 20),
    ("двадцяти", 20),
    ("тридцятьма", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("п'ятдесят", 50),
    ("п'ятдесяти", 50),
    ("шістдесят", 60),
    ("сімдесят", 70),
    ("сімдесят два", 72),
    ("сімдесятьма двома", 72),
    ("вісімдесят", 80),
    ("дев'яносто", 90),
    ("дев'яноста", 90),
    ("сто", 100),
    ("ста", 100),
    ("двісті", 200),
    ("двохсот", 200),
    ("триста", 300),
    ("трьохсот", 300),
    ("чотириста", 400),
    ("п'ятсот", 500),
    ("п'ятистах", 500),
    ("п'ятисот", 500),
    ("шістсот", 600),
    ("сімсот", 700),
    ("вісімсот", 800),
    ("дев'ятсот", 900),
    ("сто двадцять п'ять", 125),
    ("п'ятсот тридцять дев'ять", 539),
    ("тисяча", 1000),
    ("тисяча двісті", 1200),
    ("дві тисячі", 2000),
    ("дві тисячі триста сорок", 2340),
    ("п'ять тисяч", 5000),
    ("півтори тисячі", 1500),
    ("три мільйони", 3000000),
    ("півтораста", 150),
    ("півтисячі", 500),
    ("пів тисячі", 500),
]


@pytest.mark.parametrize(("text", "value"), WORDS_UK)
def test_words_uk(text: str, value: int) -> None:
    n = only(text, "uk")
    assert n.value == value
    assert n.words
    assert n.start == 0


WORDS_RU = [
    ("одиннадцать ракет", 11),
    ("одиннадцати ракет", 11),
    ("две ракеты", 2),
    ("двумя ракетами", 2),
    ("двух", 2),
    ("оба", 2),
    ("обе ракеты", 2),
    ("обеих", 2),
    ("двое", 2),
    ("один", 1),
    ("одну ракету", 1),
    ("три", 3),
    ("трёх", 3),
    ("трех", 3),
    ("тремя", 3),
    ("четырьмя", 4),
    ("пять", 5),
    ("пятью", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десятью", 10),
    ("двенадцать", 12),
    ("двадцатью", 20),
    ("тридцати", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятьдесят", 50),
    ("пятидесяти", 50),
    ("семьдесят два", 72),
    ("девяноста", 90),
    ("сто", 100),
    ("двести", 200),
    ("двумястами", 200),
    ("трёхсот", 300),
    ("пятьсот", 500),
    ("пятистах", 500),
    ("девятьсот", 900),
    ("сто двадцать пять", 125),
    ("тысяча", 1000),
    ("две тысячи", 2000),
    ("полторы тысячи", 1500),
    ("полутора тысяч", 1500),
    ("пять тысяч триста", 5300),
    ("полтораста", 150),
    ("полтысячи", 500),
]


@pytest.mark.parametrize(("text", "value"), WORDS_RU)
def test_words_ru(text: str, value: int) -> None:
    n = only(text, "ru")
    assert n.value == value
    assert n.words


APPROX = [
    ("en", "a dozen drones", "a dozen", 12),
    ("en", "A dozen drones", "A dozen", 12),
    ("en", "two dozen drones", "two dozen", 24),
    ("en", "half a dozen drones", "half a dozen", 6),
    ("en", "Dozen drones hit Kharkiv", "Dozen", 12),
    ("uk", "десяток дронів", "десяток", 10),
    ("uk", "близько десятка дронів", "десятка", 10),
    ("uk", "два десятки дронів", "два десятки", 20),
    ("uk", "півтора десятка дронів", "півтора десятка", 15),
    ("uk", "близько сотні дронів", "сотні", 100),
    ("uk", "сотня дронів", "сотня", 100),
    ("uk", "півсотні дронів", "півсотні", 50),
    ("ru", "десяток дронов", "десяток", 10),
    ("ru", "около сотни дронов", "сотни", 100),
    ("ru", "полсотни дронов", "полсотни", 50),
    ("ru", "три десятка дронов", "три десятка", 30),
    ("ru", "около полусотни дронов", "полусотни", 50),
    ("uk", "пів сотні дронів", "пів сотні", 50),
    ("uk", "півтори сотні дронів", "півтори сотні", 150),
]


@pytest.mark.parametrize(("lang", "text", "evidence", "value"), APPROX)
def test_approx(lang: str, text: str, evidence: str, value: int) -> None:
    n = only(text, lang)
    assert (text[n.start : n.end], n.value, n.approx) == (evidence, value, True)


NOT_NUMBERS = [
    ("en", "hundreds of drones"),
    ("en", "dozens of drones"),
    ("en", "half of the drones"),
    ("en", "a half"),
    ("en", "thousands of people"),
    ("en", "the third wave"),
    ("en", "the first drone"),
    ("en", "on the twenty-third"),
    ("en", "a drone hit a house"),
    ("uk", "десятки дронів"),
    ("uk", "сотні дронів"),
    ("uk", "тисячі людей"),
    ("uk", "десятків дронів"),
    ("uk", "третій день"),
    ("uk", "двадцять третього лютого"),
    ("uk", "сьома хвиля"),
    ("uk", "півтора року"),
    ("ru", "десятки дронов"),
    ("ru", "сотни дронов"),
    ("ru", "тысячи людей"),
    ("ru", "третий день"),
    ("ru", "семью погибшего"),
    ("ru", "полтора часа"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NUMBERS)
def test_not_numbers(lang: str, text: str) -> None:
    assert found(text, lang) == []


SENTENCES = [
    # wire, outlet, Air Force, administration and MoD phrasings (our own sentences)
    (
        "en",
        "The air force said 477 of the 537 drones and missiles were shot down or jammed, while "
        "38 missiles were intercepted.",
        [477, 537, 38],
    ),
    (
        "en",
        "Ukraine's air force said it downed 85 of 100 drones launched overnight from Kursk, Oryol "
        "and Primorsko-Akhtarsk, with hits recorded at 9 locations and debris falling at 4.",
        [85, 100, 9, 4],
    ),
    (
        "en",
        "Russia fired a Kinzhal hypersonic missile, four Iskander-M ballistic missiles and 49 "
        "Shahed-type drones.",
        [4, 49],
    ),
    (
        "en",
        "Authorities said a 41-year-old man and a teenager were killed, and 14 others, including "
        "two children, were wounded.",
        [14, 2],
    ),
    (
        "en",
        "Over the past week, Russia has fired around 1,800 drones, nearly 1,200 glide bombs and "
        "83 missiles at Ukraine, Zelensky said.",
        [1800, 1200, 83],
    ),
    (
        "en",
        "Eleven people were killed and forty-four were wounded, the State Emergency Service said "
        "at 07:30.",
        [11, 44],
    ),
    (
        "uk",
        "У ніч на 7 вересня противник атакував 810 ударними БпЛА та 13 ракетами: 9 крилатими "
        "ракетами Х-101 та 4 балістичними Іскандер-М.",
        [810, 13, 9, 4],
    ),
    (
        "uk",
        "За попередніми даними, ППО знешкоджено 747 ворожих БпЛА та 4 ракети, зафіксовано "
        "влучання 9 ракет та 56 ударних БпЛА на 33 локаціях, падіння уламків – на 8.",
        [747, 4, 9, 56, 33, 8],
    ),
    (
        "uk",
        "Загинули двоє людей, ще 18 осіб, зокрема троє дітей, отримали поранення.",
        [2, 18, 3],
    ),
    ("uk", "Сили ППО збили 41 ракету з 47 та 88 ударних дронів із 92.", [41, 47, 88, 92]),
    (
        "ru",
        "Дежурными средствами ПВО перехвачены и уничтожены 112 украинских беспилотных "
        "летательных аппаратов самолетного типа, из них 46 – над территорией Курской области.",
        [112, 46],
    ),
    (
        "ru",
        "Сбиты четыре управляемые авиабомбы JDAM, шесть реактивных снарядов HIMARS и 193 "
        "беспилотника.",
        [4, 6, 193],
    ),
    ("ru", "Ночью над регионом сбиты тридцать два беспилотника.", [32]),
    (
        "en",
        "Russia launched 550 drones and 11 missiles overnight, a dozen of them at Kyiv; "
        "two people died and a 12-year-old was injured.",
        [550, 11, 12, 2],
    ),
    (
        "en",
        "Air defences shot down 478 of them, but Fifty-six drones hit targets, 40% of the total.",
        [478, 56],
    ),
    (
        "uk",
        "У ніч на 4 липня (з 18:00 3 липня) противник атакував 539 ударними БпЛА та 11 ракетами. "
        "Станом на 09:00 збито 270 та ще 208 локаційно втрачені.",
        [539, 11, 270, 208],
    ),
    (
        "uk",
        "Знешкоджено сорок дві ракети з п'ятдесяти, двоє людей загинули, "
        "12-річна дитина травмована.",
        [42, 50, 2],
    ),
    (
        "ru",
        "В ночь на 4 июля дежурные средства ПВО перехватили и уничтожили 48 беспилотников, "
        "из них двадцать над Брянской областью и шесть над Курской.",
        [48, 20, 6],
    ),
    (
        "ru",
        "Уничтожены две ракеты Х-59 и одиннадцать БпЛА самолётного типа, пострадали трое.",
        [2, 11, 3],
    ),
]


@pytest.mark.parametrize(("lang", "text", "values"), SENTENCES)
def test_sentences_counts(lang: str, text: str, values: list[int]) -> None:
    assert counts(text, lang) == values


def test_offsets_are_evidence() -> None:
    text = "Противник запустив сто двадцять п'ять дронів і 2 тисячі ракет."
    for n in find_numbers(text, "uk"):
        assert text[n.start : n.end] in ("сто двадцять п'ять", "2 тисячі")


def test_sorted_and_non_overlapping() -> None:
    text = "дві тисячі триста, 1 000, 2,5 тис., десять-дванадцять"
    ns = find_numbers(text, "uk")
    assert ns == sorted(ns, key=lambda n: n.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ns))


def test_other_language_reads_english_words() -> None:
    assert [n.value for n in find_numbers("two and 3", "other")] == [2, 3]


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_number_yaml_schema(lang: str) -> None:
    data = lang_data(lang, "numbers")
    assert isinstance(data["words"], dict) and data["words"]
    for form, value in data["words"].items():
        assert isinstance(form, str) and form == form.lower(), form
        assert isinstance(value, int) and value > 0, form
    for key in ("scales", "approx_nouns"):
        for value, forms in (data.get(key) or {}).items():
            assert isinstance(value, int) and isinstance(forms, list), key
    for key in ("percent_words", "age_after", "ordinal_suffixes", "year_before"):
        assert isinstance(data.get(key, []), list), key
    # nothing is listed both as an ordinal and a cardinal form
    assert not set(data.get("ordinal_words") or []) & set(data["words"])


def test_bad_number_data_is_a_typed_error() -> None:
    from strikeledger.errors import LanguageDataError

    schema = numbers_mod_schema()
    with pytest.raises(LanguageDataError, match="percent_words"):
        langdata.validate({**lang_data("en", "numbers"), "percent_words": "%"}, schema, where="x")


def numbers_mod_schema() -> object:
    from strikeledger.extract.numbers_lexicon import SCHEMAS

    return SCHEMAS["numbers"]


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_number_yaml_has_no_duplicate_keys(lang: str) -> None:
    class Strict(yaml.SafeLoader):
        pass

    def construct(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
        return {k: loader.construct_object(v) for k, v in node.value}

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct)
    path = langdata.data_dir() / lang / "numbers.yaml"
    yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


@given(st.text(max_size=200), st.sampled_from(["en", "uk", "ru", "other"]))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(text: str, lang: str) -> None:
    ns = find_numbers(text, lang)
    for n in ns:
        assert 0 <= n.start < n.end <= len(text)
        assert n.value >= 0
    assert all(a.end <= b.start for a, b in itertools.pairwise(ns))


@given(st.integers(min_value=0, max_value=999_999))
@settings(max_examples=200, deadline=None)
def test_digit_groups_round_trip(value: int) -> None:
    for text, lang in ((f"{value:,} drones", "en"), (f"{value:,} дронів".replace(",", " "), "uk")):
        ns = find_numbers(text, lang)
        assert [n.value for n in ns] == [value], text


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("двох", "uk", True),
        ("Eleven", "en", True),
        ("тисяча", "uk", True),
        ("тисячі", "uk", False),  # "thousands" unless after a numeral
        ("десяток", "ru", True),
        ("hundreds", "en", False),
        ("дронів", "uk", False),
        ("третій", "uk", False),
    ],
)
def test_is_number_word(word: str, lang: str, expected: bool) -> None:
    from strikeledger.extract.numbers import is_number_word

    assert is_number_word(word, lang) is expected


def test_results_are_fresh_lists() -> None:
    text = "Russia launched 550 drones."
    first = find_numbers(text, "en")
    first.clear()
    assert [n.value for n in find_numbers(text, "en")] == [550]


@pytest.mark.parametrize(
    ("raw", "lang"),
    [
        ("one hundred and five drones, a dozen missiles and 5km of half a million", "en"),
        ("5two x_three rock'n'one four-five ²six", "en"),
        ("сто двадцять п'ять дронів, дев'ять ракет, 2п'ять та ДЕВ'ЯТЬ", "uk"),
        ("двести двадцать пять дронов и сорок ракет; Ёлка", "ru"),
    ],
)
def test_number_words_from_the_callers_runs_are_the_same(raw: str, lang: str) -> None:
    """``find_numbers(text, lang, runs)`` reads the number words from the ``\\w+`` runs of the
    lower-cased text it is given: the words found are those of a pass over the text."""
    from strikeledger.extract.figures_lexicon import Tokens
    from strikeledger.extract.numbers import _lexicon, _word_hits

    runs = Tokens(raw).lows
    assert _word_hits(raw, _lexicon(lang), runs) == _word_hits(raw, _lexicon(lang))
    assert find_numbers(raw, lang, runs) == find_numbers(raw, lang)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab'’ _-5²дев'ятьone hundred", max_size=40))
def test_number_words_from_runs_on_any_text(raw: str) -> None:
    from strikeledger.extract.figures_lexicon import Tokens
    from strikeledger.extract.numbers import _lexicon, _word_hits

    for lang in ("en", "uk"):
        got = _word_hits(raw, _lexicon(lang), Tokens(raw).lows)
        assert got == _word_hits(raw, _lexicon(lang))
