"""Statements: a table of small texts per language -> (speaker, kind) pairs, and negatives."""

from __future__ import annotations

import pytest

from strikeledger import Document, extract
from strikeledger.extract.statements import cues

CASES = [
    # English: quotes after, before, inverted; claims; pronouns; institutions
    ("en", '"We will not give up," Klitschko wrote on Telegram.', [("Vitali Klitschko", "quote")]),
    ("en", "“The night was loud,” said Mayor Ihor Terekhov.", [("Ihor Terekhov", "quote")]),
    ("en", "Governor Oleh Kiper said: “Two ports were hit overnight.”", [("Oleh Kiper", "quote")]),
    (
        "en",
        "President Volodymyr Zelensky hopes to speak with Trump on Monday.",
        [("Volodymyr Zelensky", "claim")],
    ),
    (
        "en",
        "Andrii Sybiha, who leads Ukraine's diplomacy, told reporters the talks failed.",
        [("Andrii Sybiha", "claim")],
    ),
    (
        "en",
        "Mayor Vitali Klitschko and Defence Minister Rustem Umerov said the city needed help.",
        [("Vitali Klitschko", "claim"), ("Rustem Umerov", "claim")],
    ),
    (
        "en",
        "Peskov said Moscow was open to talks. “We are ready to listen,” he added.",
        [("Dmitry Peskov", "claim"), ("Dmitry Peskov", "quote")],
    ),
    ("en", "The air force said 72 drones breached air defences.", []),
    (
        "en",
        "Zelensky, in his nightly video address, said the attack was cynical.",
        [("Volodymyr Zelensky", "claim")],
    ),
    ("en", "Trump, Putin and Xi met in Beijing on Monday.", []),
    ("en", "President Macron said Europe would send more air defence.", [("Macron", "claim")]),
    ("en", "The Mayor of Kyiv said nothing new.", []),
    ("en", "The Kremlin said it was striking only “military targets and nothing else”.", []),
    (
        "en",
        "A call between U.S. President Donald Trump and Russian President Vladimir Putin ended.",
        [],
    ),
    ("en", "Trump said Zelensky should be grateful.", [("Donald Trump", "claim")]),
    ("en", "Despite Trump's efforts to mediate, there was no progress.", []),
    (
        "en",
        "Kharkiv Governor Oleh Syniehubov visited the site. The governor said two were hurt.",
        [("Oleh Syniehubov", "claim")],
    ),
    ("en", "The governor said two people were injured.", []),
    (
        "en",
        "'We don't have enough interceptors,' Zelensky said.",
        [("Volodymyr Zelensky", "quote")],
    ),
    ("en", "The officials' statements were vague, the drones' debris fell.", []),
    ("en", "U.N. chief Antonio Guterres condemned the strike.", [("Antonio Guterres", "claim")]),
    ("en", "The General Staff said two depots were hit.", []),
    ("en", "Radio Liberty reported that two people died.", []),
    ("en", "Deep State said the village was lost.", []),
    # Ukrainian
    (
        "uk",
        "«Усі служби працюють на місцях», – написав Ткаченко у Telegram.",
        [("Tymur Tkachenko", "quote")],
    ),
    ("uk", "Про це повідомив начальник Одеської ОВА Олег Кіпер.", [("Oleh Kiper", "claim")]),
    (
        "uk",
        "За словами міського голови Ігоря Терехова, пошкоджено школу.",
        [("Ihor Terekhov", "claim")],
    ),
    ("uk", "Синєгубов додав, що постраждалих немає.", [("Oleh Syniehubov", "claim")]),
    ("uk", "Повітряні сили повідомили, що збито 40 «шахедів».", []),
    ("uk", "Обласна військова адміністрація заявила про пошкодження складу.", []),
    ("uk", "Вулиця Шевченка залишилася без світла.", []),
    ("uk", "Зеленський сказав Кличку, що ППО посилять.", [("Volodymyr Zelensky", "claim")]),
    (
        "uk",
        "«Серед загиблих – хлопчик. Поранено 30 людей», – написав у Telegram мер Віталій Кличко.",
        [("Vitali Klitschko", "quote")],
    ),
    (
        "uk",
        "Президент Зеленський назвав удар «демонстративним».",
        [("Volodymyr Zelensky", "claim")],
    ),
    # Russian
    ("ru", "«Пострадавших нет», — написал Гладков.", [("Vyacheslav Gladkov", "quote")]),
    (
        "ru",
        "Как сообщил мэр Москвы Сергей Собянин, обломки упали на дорогу.",
        [("Sergei Sobyanin", "claim")],
    ),
    (
        "ru",
        "Пресс-секретарь Кремля Дмитрий Песков заявил: «Мы ничего не комментируем сегодня».",
        [("Dmitry Peskov", "quote")],
    ),
    (
        "ru",
        "По данным главы Харьковской ОВА Олега Синегубова, ранены трое.",
        [("Oleh Syniehubov", "claim")],
    ),
    ("ru", "Минобороны России сообщило об уничтожении 30 беспилотников.", []),
    (
        "ru",
        "Президент Украины Владимир Зеленский заявил об атаке.",
        [("Volodymyr Zelensky", "claim")],
    ),
    (
        "ru",
        "Губернатор Вячеслав Гладков прибыл на место. Позже губернатор сообщил о раненых.",
        [("Vyacheslav Gladkov", "claim")],
    ),
    (
        "ru",
        "Об этом написал в Telegram губернатор Вячеслав Гладков.",
        [("Vyacheslav Gladkov", "claim")],
    ),
    ("uk", "Мер заявив, що Кличко приїде до лікарні.", []),
    (
        "uk",
        "Зеленський: Росія випустила понад 1100 дронів за тиждень",
        [("Volodymyr Zelensky", "claim")],
    ),
    ("en", "Trump told Zelensky to make a deal.", [("Donald Trump", "claim")]),
    (
        "en",
        "The head of the Kyiv City Military Administration, Tymur Tkachenko, said two were hurt.",
        [("Tymur Tkachenko", "claim")],
    ),
    ("ru", "— Все службы работают на месте, — сказал Собянин.", [("Sergei Sobyanin", "quote")]),
    ("uk", "— Пожежу вже ліквідовано, — додав Кличко.", [("Vitali Klitschko", "quote")]),
    ("ru", "По словам главы городской военной администрации, сбиты 12 дронов.", []),
    # openers with an acting title, lone surnames, wire-style reported speech
    (
        "ru",
        "По словам и.о. губернатора Алексея Смирнова, пострадавших нет.",
        [("Alexei Smirnov", "claim")],
    ),
    ("uk", "Галущенко повідомив, що ремонт триватиме тиждень.", [("Herman Halushchenko", "claim")]),
    (
        "ru",
        "Сбит беспилотник, сообщил в своем Telegram-канале губернатор Вячеслав Гладков.",
        [("Vyacheslav Gladkov", "claim")],
    ),
    ("ru", "Песков заявил журналистам, что Кремль не комментирует.", [("Dmitry Peskov", "claim")]),
    # speakers referred back by their role, in any case form
    (
        "ru",
        "Губернатор Брянской области Александр Богомаз сообщил об атаке. По словам главы "
        "региона, пострадавших нет.",
        [("Alexander Bogomaz", "claim")],
    ),
    (
        "uk",
        "Міський голова Львова Андрій Садовий написав про вибухи. Пізніше мер уточнив, що "
        "влучань немає.",
        [("Andriy Sadovyi", "claim")],
    ),
    (
        "en",
        "Kharkiv Mayor Ihor Terekhov wrote that a school was hit. According to the mayor, "
        "nobody was inside.",
        [("Ihor Terekhov", "claim")],
    ),
    # a title without a name resolves to the person holding that office that day
    (
        "en",
        "Khinshtein wrote that power was cut in Rylsk. The governor added that schools were "
        "closed.",
        [("Alexander Khinshtein", "claim")],
    ),
    # prepositions do not count in the gap between speaker and verb
    (
        "ru",
        "Мэр Москвы Сергей Собянин в своем канале в Max сообщил о дронах.",
        [("Sergei Sobyanin", "claim")],
    ),
    # headlines "Speaker on topic: …"
    (
        "uk",
        "Терехов про атаку на Харків: пошкоджено школу\n\nДеталі.",
        [("Ihor Terekhov", "claim")],
    ),
    ("ru", "Собянин об атаке: сбиты 12 дронов\n\nПодробности.", [("Sergei Sobyanin", "claim")]),
    ("en", "Sybiha on the strikes: Russia wants terror\n\nMore.", [("Andrii Sybiha", "claim")]),
    ("en", "Zelensky and Trump in Rome: a short meeting\n\nMore.", []),
    # a bare title two people could hold is nobody's
    ("en", "Trump met Zelensky in Rome. The president said he wanted a ceasefire.", []),
    (
        "ru",
        "Министр обороны РФ Андрей Белоусов и начальник Генштаба Валерий Герасимов доложили "
        "Путину об ударах.",
        [("Andrei Belousov", "claim"), ("Valery Gerasimov", "claim")],
    ),
    # the addressee is not the speaker ("сказав меру")
    ("uk", "Міський голова Львова Андрій Садовий прибув. Прем'єр сказав меру про допомогу.", []),
    # continental quote marks and a headline quote closed by a dash and a name
    (
        "en",
        "Sybiha: »Every strike on a power plant is a strike on civilians.«",
        [("Andrii Sybiha", "quote")],
    ),
    (
        "uk",
        "«Енергетики працюють цілодобово», – Галущенко\n\nДеталі згодом.",
        [("Herman Halushchenko", "quote")],
    ),
    ("en", "He said “Russia fired 40 drones”, the report by Reuters added.", []),
    # a paraphrased title does not make the title a speaker
    ("en", "The head of the country's armed forces visited the front.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_statement_table(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    doc = Document.from_text(text, published="2025-09-01", language=lang)
    statements = extract(doc).to_dict()["statements"]
    assert sorted({(s["speaker"], s["kind"]) for s in statements}) == sorted(set(expected))
    for s in statements:
        ev = s["evidence"]
        assert doc.text[ev["start"] : ev["end"]] == ev["text"]
        assert s["quote"].strip()
        assert s["rule"].startswith(lang + ".statements.")


def test_signature_is_a_claim_of_the_signer() -> None:
    text = (
        "Вночі ворог атакував Одещину.\n\nПоранено двох людей.\n\nНачальник Одеської ОВА Олег Кіпер"
    )
    doc = Document.from_text(text, published="2024-11-09", language="uk")
    (st,) = extract(doc).to_dict()["statements"]
    assert (st["speaker"], st["kind"]) == ("Oleh Kiper", "claim")
    assert st["evidence"]["text"] == "Начальник Одеської ОВА Олег Кіпер"
    assert st["role"] == "Начальник Одеської ОВА"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Вночі ворог атакував Київ.\n\nНачальник КМВА Тимур Ткаченко\n\n#Київ",
            ["Tymur Tkachenko"],
        ),
        ("Вночі ворог атакував Київ.\n\nМер Києва Віталій Кличко\n\nУ Дарниці горить склад.", []),
        ("Вночі ворог атакував Харків. Поранено п'ятьох.\n\nОлег Синєгубов", ["Oleh Syniehubov"]),
        ("Вночі ворог атакував Харків. Поранено п'ятьох.\n\nОлена Коваль", []),
    ],
)
def test_signature_only_at_the_end(text: str, speakers: list[str]) -> None:
    doc = Document.from_text(text, published="2025-06-01", language="uk")
    assert [s["speaker"] for s in extract(doc).to_dict()["statements"]] == speakers


def test_quote_text_is_the_inner_text() -> None:
    doc = Document.from_text(
        "“Every system we receive protects a city,” Sybiha said.",
        published="2025-03-06",
        language="en",
    )
    (st,) = extract(doc).to_dict()["statements"]
    assert st["quote"] == "Every system we receive protects a city,"
    assert st["evidence"]["start"] == 0


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_cue_data_loads(lang: str) -> None:
    c = cues(lang)
    assert c.after and c.before and c.pronouns
    assert c.max_gap_words >= 1 and c.min_quote_words >= 1
