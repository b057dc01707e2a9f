"""Casualties component: tables of ``sentence -> (measure, who, value[, qualifier])`` per language.

The component runs alone here (no places component), so places are None; the golden files and
the eval floors cover places. Sentences are written for the tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger.document import Document
from strikeledger.extract import casualties, text
from strikeledger.extract.casualties_lexicon import (
    PhraseMatcher,
    PhraseSet,
    casualty_data,
    damage_data,
    tokenize,
    tokenize_from,
)
from strikeledger.extract.figures_lexicon import Tokens as FigureTokens
from strikeledger.extract.pipeline import Context
from strikeledger.report import CASUALTY_GROUPS, CASUALTY_MEASURES, DAMAGE_CATEGORIES, Report

Key = tuple[Any, ...]


def run(raw: str, lang: str, published: str | None = "2025-07-04") -> Report:
    doc = Document.from_text(raw, language=lang, published=published)
    report = Report(document={})
    ctx = Context(
        doc=doc,
        text=doc.text,
        lang=lang,
        published=doc.published_at(),
        report=report,
        sentences=text.sentences(doc.text),
    )
    casualties.component(ctx)
    return report


def keys(raw: str, lang: str) -> set[Key]:
    return {(c.measure, c.who, c.value) for c in run(raw, lang).casualties}


EN: list[tuple[str, set[Key]]] = [
    ("A drone strike killed four people in the city.", {("killed", "people", 4)}),
    (
        "23 people, including two children, were injured.",
        {("injured", "people", 23), ("injured", "children", 2)},
    ),
    ("A woman was killed when debris hit her house.", {("killed", "women", 1)}),
    ("A 12-year-old girl was among the dead.", {("killed", "children", 1)}),
    ("A man was wounded in the Darnytskyi district.", {("injured", "men", 1)}),
    ("A teenager was injured by shrapnel.", {("injured", "children", 1)}),
    ("A rescuer was hurt during the second strike.", {("injured", "rescuers", 1)}),
    (
        "Two police officers and a paramedic were injured.",
        {("injured", "police", 2), ("injured", "medics", 1)},
    ),
    ("Three soldiers were killed at the training ground.", {("killed", "soldiers", 3)}),
    ("The attack killed two civilians.", {("killed", "civilians", 2)}),
    (
        "The death toll rose to 18 from nine earlier in the day.",
        {("killed", "people", 18), ("killed", "people", 9)},
    ),
    (
        "Seven people were killed and 32 wounded.",
        {("killed", "people", 7), ("injured", "people", 32)},
    ),
    (
        "Two port workers were injured and taken to hospital.",
        {("injured", "people", 2), ("hospitalized", "people", 2)},
    ),
    (
        "Eleven of the wounded, including two children, were taken to hospital.",
        {("hospitalized", "people", 11), ("hospitalized", "children", 2)},
    ),
    ("Rescuers pulled a 75-year-old woman alive from the rubble.", {("rescued", "women", 1)}),
    ("Two people are believed to be trapped under the rubble.", {("trapped", "people", 2)}),
    ("One person remains missing.", {("missing", "people", 1)}),
    (
        "The strike killed a driver and injured five passengers.",
        {("killed", "people", 1), ("injured", "people", 5)},
    ),
    (
        "Russian bombs kill three, wound 19, including a 7-year-old girl.",
        {("killed", "people", 3), ("injured", "people", 19), ("injured", "children", 1)},
    ),
    (
        "Another 44 people were hurt, and 19 of them were taken to hospital.",
        {("injured", "people", 44), ("hospitalized", "people", 19)},
    ),
    ("The number of injured has grown to 47.", {("injured", "people", 47)}),
    ("A 5-year-old was killed.", {("killed", "children", 1)}),
    (
        "The governor reported one fatality and four injuries.",
        {("killed", "people", 1), ("injured", "people", 4)},
    ),
    ("The hospital said 3 of its staff were hurt.", {("injured", "people", 3)}),
    ("Nobody was killed, but 4 people suffered minor injuries.", {("injured", "people", 4)}),
    ("A 34-year-old man died in hospital of his injuries.", {("killed", "men", 1)}),
    ("Two boys, aged 8 and 11, were among the wounded.", {("injured", "children", 2)}),
    ("Rescuers recovered the bodies of three people.", {("killed", "people", 3)}),
    ("Among the injured are four children.", {("injured", "children", 4)}),
    ("The dead included two children aged 4 and 9.", {("killed", "children", 2)}),
    (
        "One person died and seven children were treated for acute stress.",
        {("killed", "people", 1)},
    ),
    ("Three bodies were recovered from the rubble.", {("killed", "people", 3)}),
    (
        "Rescuers pulled 11 people from under the debris, and two others are still missing.",
        {("rescued", "people", 11), ("missing", "people", 2)},
    ),
    (
        "A family of four - a mother, a father and their two daughters - was killed.",
        {
            ("killed", "people", 4),
            ("killed", "women", 1),
            ("killed", "men", 1),
            ("killed", "children", 2),
        },
    ),
    (
        "Killed: 3. Injured: 12, including 4 children.",
        {("killed", "people", 3), ("injured", "people", 12), ("injured", "children", 4)},
    ),
    (
        "The attack left two dead and 15 injured.",
        {("killed", "people", 2), ("injured", "people", 15)},
    ),
]
EN_NEGATIVE = [
    "More than 12,000 civilians have been killed since February 2022, the UN said.",
    "The centre will treat 3,000 wounded soldiers a year.",
    "No one was injured in the attack.",
    "The 45-year-old minister said 2% of the budget would go to 1,000 new drones.",
    "A 12-storey building was damaged, 40 cars burned.",
    "Air defences shot down 87 of the missiles and 27 of the drones.",
    "Candles were lit for the dead and a volunteer read out names.",
    "Two of the injured were in grave condition.",
    "Nobody was killed.",
    "The passenger train was damaged.",
    "The strike killed 30 cows on a farm.",
]

UK: list[tuple[str, set[Key]]] = [
    ("Загинули двоє людей.", {("killed", "people", 2)}),
    ("Є двоє загиблих.", {("killed", "people", 2)}),
    ("Постраждали 5 осіб.", {("injured", "people", 5)}),
    (
        "Поранено 12 людей, серед них 9-річна дівчинка.",
        {("injured", "people", 12), ("injured", "children", 1)},
    ),
    ("Загинула жінка.", {("killed", "women", 1)}),
    ("Загинув 58-річний чоловік.", {("killed", "men", 1)}),
    ("Травмовано 14-річного хлопця.", {("injured", "children", 1)}),
    ("Четверо постраждалих госпіталізовані.", {("hospitalized", "people", 4)}),
    ("Шістьох госпіталізували.", {("hospitalized", "people", 6)}),
    (
        "Поранено двох рятувальників та поліцейського.",
        {("injured", "rescuers", 2), ("injured", "police", 1)},
    ),
    ("Загинули двоє мирних жителів.", {("killed", "civilians", 2)}),
    ("Під завалами можуть перебувати 3 людини.", {("trapped", "people", 3)}),
    ("Вдалося врятувати 11 людей.", {("rescued", "people", 11)}),
    ("Кількість загиблих зросла до 9.", {("killed", "people", 9)}),
    ("Загинули щонайменше 14 людей.", {("killed", "people", 14)}),
    (
        "Поранені двоє людей – 34-річний чоловік і 29-річна жінка.",
        {("injured", "people", 2), ("injured", "men", 1), ("injured", "women", 1)},
    ),
    (
        "Ще 17 мешканців постраждали, семеро з них – діти.",
        {("injured", "people", 17), ("injured", "children", 7)},
    ),
    (
        "Поранені ще троє людей. Серед них – 9-річна дівчинка, вона у лікарні.",
        {("injured", "people", 3), ("injured", "children", 1), ("hospitalized", "children", 1)},
    ),
    ("Загиблих – 2, поранених – 7.", {("killed", "people", 2), ("injured", "people", 7)}),
    ("Є загиблий.", {("killed", "people", 1)}),
    (
        "Травмовано ще сімох, з них трьох у важкому стані госпіталізували.",
        {("injured", "people", 7), ("hospitalized", "people", 3)},
    ),
    (
        "Наразі відомо про одного загиблого та шістьох поранених.",
        {("killed", "people", 1), ("injured", "people", 6)},
    ),
    (
        "Кількість жертв атаки зросла до 32, серед них 6 дітей.",
        {("killed", "people", 32), ("killed", "children", 6)},
    ),
    (
        "Поранено подружжя пенсіонерів – 72-річного чоловіка та 70-річну жінку. "
        "Їх госпіталізовано.",
        {
            ("injured", "people", 2),
            ("injured", "men", 1),
            ("injured", "women", 1),
            ("hospitalized", "people", 2),
            ("hospitalized", "men", 1),
            ("hospitalized", "women", 1),
        },
    ),
    ("Харків: 3 загиблих та 21 поранений.", {("killed", "people", 3), ("injured", "people", 21)}),
    (
        "Загинула родина з чотирьох людей – батько, мати та дві доньки.",
        {
            ("killed", "people", 4),
            ("killed", "men", 1),
            ("killed", "women", 1),
            ("killed", "children", 2),
        },
    ),
    (
        "Ще двоє людей отримали поранення – чоловіки 61 та 68 років.",
        {("injured", "people", 2), ("injured", "men", 2)},
    ),
    (
        "Поранено 16-річного юнака та жінку 45 років. Обоє перебувають у лікарні.",
        {("injured", "children", 1), ("injured", "women", 1), ("hospitalized", "people", 2)},
    ),
    ("Її чоловік травмований.", {("injured", "men", 1)}),
    ("Поранений чоловік перебуває в лікарні.", {("injured", "men", 1), ("hospitalized", "men", 1)}),
    ("Двоє людей загинули, ще 7 – поранені.", {("killed", "people", 2), ("injured", "people", 7)}),
    (
        "Загинули 3 людини, серед яких 2 дітей.",
        {("killed", "people", 3), ("killed", "children", 2)},
    ),
]
UK_NEGATIVE = [
    "Після загибелі трьох людей біля зачиненого укриття у 2024 році місто посилило контроль.",
    "Уряд виплатить допомогу родинам 56 загиблих рятувальників.",
    "Обійшлося без постраждалих.",
    "Ніхто не постраждав.",
    "За роки повномасштабної війни загинули понад 500 спортсменів.",
    "Уряд виділив 1,2 млрд гривень на 35 шкіл, де навчаються 600 дітей.",
    "Пошкоджено 5 приватних будинків і 3 автомобілі.",
    "Центр зможе приймати 200 поранених військових щомісяця.",
]

RU: list[tuple[str, set[Key]]] = [
    (
        "Ранены двое мужчин. Один из них получил осколочное ранение, второй – баротравму.",
        {("injured", "men", 2)},
    ),
    ("Погибла женщина.", {("killed", "women", 1)}),
    ("Погиб водитель.", {("killed", "people", 1)}),
    ("Ранен мирный житель.", {("injured", "civilians", 1)}),
    ("Пострадали двое мирных жителей.", {("injured", "civilians", 2)}),
    ("Ранены два мирных жителя.", {("injured", "civilians", 2)}),
    (
        "Погибли два человека, ещё трое получили ранения и госпитализированы.",
        {("killed", "people", 2), ("injured", "people", 3), ("hospitalized", "people", 3)},
    ),
    (
        "Пострадал 14-летний подросток, он госпитализирован.",
        {("injured", "children", 1), ("hospitalized", "children", 1)},
    ),
    ("Число погибших возросло до 15.", {("killed", "people", 15)}),
    ("Под завалами могут находиться около 10 человек.", {("trapped", "people", 10)}),
    ("Спасатели спасли шесть человек.", {("rescued", "people", 6)}),
    (
        "Ранения получили двое мирных жителей – мужчина 1967 года рождения и 12-летний мальчик.",
        {("injured", "civilians", 2), ("injured", "men", 1), ("injured", "children", 1)},
    ),
    (
        "Ещё 11 человек пострадали, семеро из них госпитализированы.",
        {("injured", "people", 11), ("hospitalized", "people", 7)},
    ),
    ("Тела двух погибших извлекли из-под завалов.", {("killed", "people", 2)}),
    ("Погиб человек, еще трое ранены.", {("killed", "people", 1), ("injured", "people", 3)}),
    ("Погибших: 3, раненых: 11.", {("killed", "people", 3), ("injured", "people", 11)}),
    ("Жертвами атаки стали 5 человек.", {("killed", "people", 5)}),
    ("Есть погибший.", {("killed", "people", 1)}),
    (
        "Известно об одном погибшем и шести раненых.",
        {("killed", "people", 1), ("injured", "people", 6)},
    ),
    (
        "Погибла женщина, ее муж и 10-летняя дочь получили ранения. Мужчину госпитализировали, "
        "девочке помощь оказана на месте.",
        {
            ("killed", "women", 1),
            ("injured", "men", 1),
            ("injured", "children", 1),
            ("hospitalized", "men", 1),
        },
    ),
    (
        "Пострадали трое детей в возрасте от 7 до 12 лет и их мать.",
        {("injured", "children", 3), ("injured", "women", 1)},
    ),
    (
        "Пострадали 6 человек, из них трое — дети.",
        {("injured", "people", 6), ("injured", "children", 3)},
    ),
    ("За сутки россияне ранили 11 человек.", {("injured", "people", 11)}),
    (
        "Пострадали три человека: женщина и двое подростков. Подростков госпитализировали.",
        {
            ("injured", "people", 3),
            ("injured", "women", 1),
            ("injured", "children", 2),
            ("hospitalized", "children", 2),
        },
    ),
    ("Скончался в больнице один из пострадавших.", {("killed", "people", 1)}),
]
RU_NEGATIVE = [
    "Пострадавших нет.",
    "Разрушений и пострадавших нет.",
    "Открыли центр для 300 раненых военных.",
    "Выплаты семьям погибших военнослужащих составят 5 млн рублей.",
    "Над областью уничтожены 14 украинских беспилотников.",
    "Удар убил 12 коров.",
    "За сутки ВСУ потеряли до 1 200 военнослужащих убитыми и ранеными.",
]


@pytest.mark.parametrize(("raw", "want"), EN)
def test_en(raw: str, want: set[Key]) -> None:
    assert keys(raw, "en") == want


@pytest.mark.parametrize(("raw", "want"), UK)
def test_uk(raw: str, want: set[Key]) -> None:
    assert keys(raw, "uk") == want


@pytest.mark.parametrize(("raw", "want"), RU)
def test_ru(raw: str, want: set[Key]) -> None:
    assert keys(raw, "ru") == want


@pytest.mark.parametrize(
    ("raw", "lang"),
    [(r, "en") for r in EN_NEGATIVE]
    + [(r, "uk") for r in UK_NEGATIVE]
    + [(r, "ru") for r in RU_NEGATIVE],
)
def test_negative(raw: str, lang: str) -> None:
    assert keys(raw, lang) == set()


@pytest.mark.parametrize(
    ("raw", "lang", "qualifier"),
    [
        ("At least 30 people were injured.", "en", "at_least"),
        ("More than 130 people were wounded.", "en", "more_than"),
        ("About 30 people were injured.", "en", "approx"),
        ("Поранено понад 20 людей.", "uk", "more_than"),
        ("Загинули щонайменше 14 людей.", "uk", "at_least"),
        ("Пострадали не менее 8 человек.", "ru", "at_least"),
        ("Ранены около 10 человек.", "ru", "approx"),
        ("Seven people were killed.", "en", "exact"),
        ("At least one person was killed.", "en", "at_least"),
    ],
)
def test_qualifier(raw: str, lang: str, qualifier: str) -> None:
    (item,) = run(raw, lang).casualties
    assert item.qualifier == qualifier


def test_headline_and_body_merge_keeps_the_stated_qualifier() -> None:
    raw = "Drones kill four in Kyiv\n\nThe attack killed at least four people, officials said."
    (item,) = run(raw, "en").casualties
    assert (item.measure, item.value, item.qualifier) == ("killed", 4, "at_least")


def test_evidence_and_rule() -> None:
    raw = "Загалом у столиці постраждали дев'ятеро людей."
    rep = run(raw, "uk")
    doc = Document.from_text(raw)
    (item,) = rep.casualties
    assert doc.text[item.evidence.start : item.evidence.end] == item.evidence.text
    assert "дев'ятеро людей" in item.evidence.text
    assert item.rule == "uk.casualty.number.v1"


def test_other_language_gives_nothing() -> None:
    assert run("Zwei Menschen wurden getötet.", "other").casualties == []


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_language_data_is_valid(lang: str) -> None:
    data = casualty_data(lang)
    assert set(data["measures"]) <= set(CASUALTY_MEASURES)
    assert set(data["nouns"]) <= set(CASUALTY_MEASURES)
    assert set(data["toll"]) <= set(CASUALTY_MEASURES)
    assert set(data["groups"]) <= set(CASUALTY_GROUPS)
    assert set(data["qualifiers"]) <= {"at_least", "more_than", "approx", "at_most", "less_than"}
    dmg = damage_data(lang)
    assert set(dmg["categories"]) <= set(DAMAGE_CATEGORIES)
    for entry in dmg.get("absorbable") or []:
        assert entry["default"] in DAMAGE_CATEGORIES
        assert set(entry["absorbed_by"]) <= set(DAMAGE_CATEGORIES)
    for forms in [*data["measures"].values(), dmg["cues"]]:
        for f in forms:
            assert f == f.strip() and f == f.lower().replace("ё", "е"), (lang, f)


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_language_tables_compile(lang: str) -> None:
    """Every phrase compiles into the tries (a prefix entry needs three letters)."""
    from strikeledger.extract import damage as damage_mod
    from strikeledger.extract.casualties_victims import lexicon

    assert lexicon(lang).main.find(tokenize("x").words) == []
    assert damage_mod._matcher(lang).find(tokenize("x").words) == []


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Russia's nine-storey block, north-east-facing; rock'n'roll - a - b",
        "Ukraine’s 'quoted' x--y -a- a'-b ab' 'a o'clock-ish",
        "Зруйновано п'ятиповерхівку, ще ДЕВ'ЯТЬ будинків; Алёна й Ёлка-2 — «шахеди»",
        "snake_case_word 10-12 24/7 x_-_y _'_ İstanbul",  # "İ" lower-cases to two characters
    ],
)
def test_tokens_cut_from_the_figure_tokens_are_tokenize(raw: str) -> None:
    fine = FigureTokens(raw)
    got = tokenize_from(raw, fine.starts, fine.ends, fine.lows)
    assert got is None if len(raw.lower()) != len(raw) else got == tokenize(raw)


def test_short_prefix_is_refused() -> None:
    with pytest.raises(ValueError):
        PhraseMatcher([("ab*", "x")])


def test_phrase_matcher_is_leftmost_longest_with_prefixes() -> None:
    m = PhraseMatcher([("житлов* будин*", "res"), ("будинок", "house"), ("пошкоджено", "cue")])
    toks = tokenize("Пошкоджено житловий будинок і будинок культури")
    found = [(toks.words[x.start], x.labels) for x in m.find(toks.words)]
    assert found == [("пошкоджено", ("cue",)), ("житловий", ("res",)), ("будинок", ("house",))]
    ps = PhraseSet(["at least", "more than"])
    words = tokenize("killing at least four").words
    assert ps.ends_before(words, 3) == 2
    assert ps.starts_at(words, 1) == 2
    assert PhraseSet([]).starts_at(words, 0) == 0


@pytest.mark.parametrize(
    ("raw", "lang", "kind"),
    [
        ("Загинули двоє людей, повідомили в ДСНС.", "uk", "emergency_service"),
        (
            "Харків. Поранено 8 людей.\n\nНачальник Харківської ОВА Олег Синєгубов",
            "uk",
            "local_authority",
        ),
        ("Губернатор Гладков: ранены трое мирных жителей.", "ru", "russian_official"),
        ("Two people were killed, the State Emergency Service said.", "en", "emergency_service"),
        ("Two people were killed.", "en", None),
    ],
)
def test_claimant(raw: str, lang: str, kind: str | None) -> None:
    items = run(raw, lang).casualties
    assert items
    assert {c.claimant.kind if c.claimant else None for c in items} == {kind}


def test_random_word_soup_keeps_the_contract() -> None:
    """Shuffled casualty vocabulary never crashes the component and every item it makes is
    well-formed (evidence is a slice of the text, closed vocabularies, positive values)."""
    import random

    from strikeledger.report import QUALIFIERS

    vocab = [
        "загинули",
        "двоє",
        "людей",
        "поранено",
        "–",
        ",",
        ".",
        "серед",
        "них",
        "дітей",
        "12-річна",
        "дівчинка",
        "killed",
        "at",
        "least",
        "4",
        "people",
        "including",
        "a",
        "child",
        "of",
        "them",
        "hospital",
        "у",
        "лікарні",
        "Є",
        "загиблий",
        "ранены",
        "трое",
        "из",
        "них",
        "дети",
        "1967",
        "года",
        "рождения",
        "«",
        "»",
        "said",
        "toll",
        "rose",
        "to",
        "18",
        "from",
        "nine",
        "обоє",
        "aged",
        "5",
        "years",
        "old",
        "нет",
    ]
    rng = random.Random(11)
    for _ in range(200):
        raw = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 30)))
        for lang in ("en", "uk", "ru"):
            doc = Document.from_text(raw)
            for c in run(raw, lang).casualties:
                assert doc.text[c.evidence.start : c.evidence.end] == c.evidence.text
                assert c.measure in CASUALTY_MEASURES and c.who in CASUALTY_GROUPS
                assert c.qualifier in QUALIFIERS and c.value > 0


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("In Russia's Rostov region, a woman was killed in a Ukrainian drone strike.", "UA"),
        ("A woman was killed in Kyiv when a Russian drone hit her house.", "RU"),
    ],
)
def test_attacker_follows_the_place_country(text: str, attacker: str) -> None:
    from strikeledger import Document, extract

    report = extract(Document.from_text(text, published="2025-07-04")).to_dict()
    killed = [c for c in report["casualties"] if c["measure"] == "killed"]
    assert killed and all(c["attacker"] == attacker for c in killed)


def _span(text_: str) -> Any:
    from strikeledger.report import Span

    return Span.of(text_, 0, len(text_))


# Round 2: patterns of unseen reporting (elliptical parts, pronouns across paragraphs, lists).
PARTS: list[tuple[str, str, set[Key]]] = [
    (
        "uk",
        "У Луцьку загинули троє людей, у Дніпрі – щонайменше двоє.",
        {("killed", "people", 3), ("killed", "people", 2)},
    ),
    (
        "ru",
        "В Курске погибли два человека, в Рыльске — один.",
        {("killed", "people", 2), ("killed", "people", 1)},
    ),
    (
        "en",
        "Two people were killed in Zaporizhzhia and one in Nikopol.",
        {("killed", "people", 2), ("killed", "people", 1)},
    ),
    (
        "ru",
        "За медпомощью обратились 35 человек, из них 7 детей (ранее сообщалось о 28).",
        {("injured", "people", 35), ("injured", "children", 7), ("injured", "people", 28)},
    ),
    (
        "uk",
        "Поранено семеро людей.\n\nУсі госпіталізовані.",
        {("injured", "people", 7), ("hospitalized", "people", 7)},
    ),
    (
        "uk",
        "Поранено семеро людей. Серед них – 16-річна дівчина та рятувальник ДСНС.",
        {("injured", "people", 7), ("injured", "children", 1), ("injured", "rescuers", 1)},
    ),
    (
        "ru",
        "Двое членов экипажа получили ранения. Оба госпитализированы.",
        {("injured", "people", 2), ("hospitalized", "people", 2)},
    ),
    ("uk", "З-під завалів дістали тіла ще трьох людей.", {("killed", "people", 3)}),
    ("ru", "Спасатели извлекли тела двух человек.", {("killed", "people", 2)}),
    ("uk", "Загинув американський громадянин 62 років.", {("killed", "people", 1)}),
    (
        "en",
        "Two crew members were injured. Both were taken to hospital.",
        {("injured", "people", 2), ("hospitalized", "people", 2)},
    ),
    # not elliptical: a number of drones after a dash, a time
    ("uk", "Загинули двоє людей, дронів – 40.", {("killed", "people", 2)}),
]


@pytest.mark.parametrize(("lang", "raw", "want"), PARTS)
def test_parts_pronouns_and_lists(lang: str, raw: str, want: set[Key]) -> None:
    assert keys(raw, lang) == want


def _places(raw: str) -> dict[Key, str | None]:
    from strikeledger import Document, extract

    report = extract(Document.from_text(raw, published="2025-07-04")).to_dict()
    names = {p["id"]: p["name"] for p in report["places"]}
    return {
        (c["measure"], c["who"], c["value"]): names.get(c["place"]) for c in report["casualties"]
    }


@pytest.mark.parametrize(
    ("raw", "key", "place"),
    [
        # each clause keeps its own place
        (
            "У Луцьку загинули троє людей, у Дніпрі – щонайменше двоє.",
            ("killed", "people", 3),
            "Lutsk",
        ),
        (
            "У Луцьку загинули троє людей, у Дніпрі – щонайменше двоє.",
            ("killed", "people", 2),
            "Dnipro",
        ),
        (
            "Three people were killed in Lutsk and five were injured in Dnipro.",
            ("killed", "people", 3),
            "Lutsk",
        ),
        # one place told twice is not two clauses
        (
            "In Kyiv, seven people were killed and 32 wounded in the Podilskyi district.",
            ("killed", "people", 7),
            "Podilskyi",
        ),
        # nationwide totals have no place; a part naming its own place keeps it
        (
            "За добу по всій країні загинули 11 людей, ще 38 поранені. "
            "У Харкові пошкоджено будинок.",
            ("injured", "people", 38),
            None,
        ),
        (
            "Russian strikes killed 13 people across the country, including five in Kharkiv.",
            ("killed", "people", 13),
            None,
        ),
        (
            "Russian strikes killed 13 people across the country, including five in Kharkiv.",
            ("killed", "people", 5),
            "Kharkiv",
        ),
        # the capital / the city / a total after districts
        (
            "У Солом'янському районі Києва пошкоджено будинок. "
            "Загалом у столиці постраждали 9 людей.",
            ("injured", "people", 9),
            "Kyiv",
        ),
        (
            "Атака на Київ: у Дарницькому районі пошкоджено будинок, у Деснянському горять авто."
            "\n\nЗагалом постраждали 9 людей.",
            ("injured", "people", 9),
            "Kyiv",
        ),
        # the region
        (
            "Губернатор Белгородской области сообщил об атаке на Шебекино."
            "\n\nВсего в регионе за сутки ранены пять человек.",
            ("injured", "people", 5),
            "Belgorod Oblast",
        ),
        # a count over a list of towns of one region is the region's
        (
            "Губернатор Курской области: в Судже и Рыльске за сутки пострадали пять человек.",
            ("injured", "people", 5),
            "Kursk Oblast",
        ),
        # an unresolved village does not take a city named elsewhere
        (
            "Ворог обстріляв Херсон.\n\nУ селі Калинове Поле загинула жінка.",
            ("killed", "women", 1),
            None,
        ),
    ],
)
def test_place_linking(raw: str, key: Key, place: str | None) -> None:
    got = _places(raw)
    assert key in got and got[key] == place, got


@pytest.mark.parametrize(
    ("lang", "raw", "want"),
    [
        (
            "ru",
            "В Рыльске ранены двое мужчин. Пострадавших доставили в районную больницу.",
            {("injured", "men", 2), ("hospitalized", "men", 2)},
        ),
        (
            "uk",
            "У Харкові поранено 5 людей. Постраждалих доставили до лікарні.",
            {("injured", "people", 5), ("hospitalized", "people", 5)},
        ),
        (
            "ru",
            "В Шебекино пострадал водитель. Он с осколочными ранениями госпитализирован.",
            {("injured", "people", 1), ("hospitalized", "people", 1)},
        ),
    ],
)
def test_a_casualty_noun_or_pronoun_points_back(lang: str, raw: str, want: set[Key]) -> None:
    assert keys(raw, lang) == want


@pytest.mark.parametrize(
    ("lang", "raw", "want"),
    [
        (
            "ru",
            "Пострадавшие — мужчина 45 лет и женщина 1970 года рождения — госпитализированы.",
            {
                ("injured", "men", 1),
                ("injured", "women", 1),
                ("hospitalized", "men", 1),
                ("hospitalized", "women", 1),
            },
        ),
        (
            "uk",
            "Поранені – чоловік 45 років і жінка 50 років – у лікарні.",
            {
                ("injured", "men", 1),
                ("injured", "women", 1),
                ("hospitalized", "men", 1),
                ("hospitalized", "women", 1),
            },
        ),
        # a contrast keeps them apart
        (
            "ru",
            "Мужчина погиб, а женщина госпитализирована.",
            {("killed", "men", 1), ("hospitalized", "women", 1)},
        ),
    ],
)
def test_coordinated_people_share_their_cues(lang: str, raw: str, want: set[Key]) -> None:
    assert keys(raw, lang) == want
