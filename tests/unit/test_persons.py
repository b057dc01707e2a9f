"""Persons: transliteration, name forms, mentions, role titles and role checks, per language."""

from __future__ import annotations

from datetime import date

import pytest

from strikeledger import Document, extract
from strikeledger.extract import names
from strikeledger.extract.persons import check_role, find_mentions, find_roles, role_lexicon
from strikeledger.kb.officials import load


@pytest.mark.parametrize(
    ("cyr", "lang", "latin"),
    [
        ("Синєгубов", "uk", "Syniehubov"),
        ("Кіпер", "uk", "Kiper"),
        ("Зеленський", "uk", "Zelenskyi"),
        ("Згурський", "uk", "Zghurskyi"),
        ("Юлія", "uk", "Yuliia"),
        ("Олексій", "uk", "Oleksii"),
        ("Їжакевич", "uk", "Yizhakevych"),
        ("Щербань", "uk", "Shcherban"),
        ("В'ячеслав", "uk", "Viacheslav"),
        ("Гайваненко", "uk", "Haivanenko"),
        ("Єнакієве", "uk", "Yenakiieve"),
        ("Слюсарь", "ru", "Slyusar"),
        ("Хинштейн", "ru", "Khinshteyn"),
        ("Юрий", "ru", "Yury"),
        ("Дмитрий", "ru", "Dmitry"),
        ("Малков", "ru", "Malkov"),
        ("Ёлкин", "ru", "Yolkin"),
        ("Евгений", "ru", "Yevgeny"),
        # BGN/PCGN: "е" after a vowel is "ye" (Razvozhayev, not Razvozhaev)
        ("Развожаев", "ru", "Razvozhayev"),
        ("Бусаргін", "ru", "Busargin"),
        # a Ukrainian name written in Russian letters, by the Ukrainian table
        ("Григоров", "uk", "Hryhorov"),
        ("Kiper", "en", "Kiper"),
    ],
)
def test_transliterate(cyr: str, lang: str, latin: str) -> None:
    assert names.transliterate(cyr, lang) == latin


@pytest.mark.parametrize(
    ("word", "lang", "form"),
    [
        ("Синєгубов", "uk", "Синєгубова"),
        ("Синєгубов", "uk", "Синєгубовим"),
        ("Кличко", "uk", "Кличка"),
        ("Ткаченко", "uk", "Ткаченка"),
        ("Козицький", "uk", "Козицького"),
        ("Олег", "uk", "Олега"),
        ("Сергій", "uk", "Сергія"),
        ("Юлія", "uk", "Юлії"),
        ("Козицкий", "ru", "Козицкого"),
        ("Слюсарь", "ru", "Слюсаря"),
        ("Игорь", "ru", "Игоря"),
        ("Павел", "ru", "Павла"),
        ("Гладков", "ru", "Гладковым"),
    ],
)
def test_oblique_forms(word: str, lang: str, form: str) -> None:
    assert form in names.oblique_forms(word, lang)


@pytest.mark.parametrize(
    ("word", "lang", "nominative"),
    [
        ("Смолина", "ru", "Смолин"),
        ("Смолиной", "ru", "Смолина"),
        ("Коваленка", "uk", "Коваленко"),
        ("Петровського", "uk", "Петровський"),
        ("Захарової", "uk", "Захарова"),
    ],
)
def test_nominative_guess(word: str, lang: str, nominative: str) -> None:
    assert names.nominative_guess(word, lang, oblique=True) == nominative
    assert names.nominative_guess(word, lang, oblique=False) == word


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Mayor Vitali Klitschko said", ["Vitali Klitschko"]),
        ("en", "Ukraine's Foreign Minister Dmytro Kuleba condemned", ["Dmytro Kuleba"]),
        ("en", "Zelensky hopes to speak with Trump", ["Volodymyr Zelensky", "Donald Trump"]),
        ("en", "Despite Trump's efforts", ["Donald Trump"]),
        ("en", "race director Oksana Melnyk said. Melnyk added", ["Oksana Melnyk"] * 2),
        ("en", "Fedorov said the cluster grew.", []),  # two officials share the surname
        ("en", "Mykhailo Fedorov spoke. Fedorov said", ["Mykhailo Fedorov"] * 2),
        ("en", "The air force said 72 drones hit.", []),
        ("en", "President Ursula von der Leyen said", ["Ursula von der Leyen"]),
        ("uk", "За словами начальника ОВА Олега Кіпера", ["Oleh Kiper"]),
        ("uk", "Терехов додав", ["Ihor Terekhov"]),
        ("uk", "мер Києва Віталій Кличко", ["Vitali Klitschko"]),
        ("uk", "розповіла мешканка Ірина Коваль", ["Iryna Koval"]),
        ("ru", "По словам мэра Игоря Терехова", ["Ihor Terekhov"]),
        ("ru", "глава Харьковской ОВА Олег Синегубов", ["Oleh Syniehubov"]),
        ("ru", "Губернатор Ростовской области Юрий Слюсарь", ["Yury Slyusar"]),
        ("ru", "директора компании Павла Смолина", ["Pavel Smolin"]),
        ("ru", "Минобороны России сообщило", []),
    ],
)
def test_mentions(lang: str, text: str, expected: list[str]) -> None:
    assert [m.name for m in find_mentions(text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "role", "place", "country"),
    [
        ("en", "Ukraine's Foreign Minister", "foreign_minister", None, "UA"),
        ("en", "U.S. President", "president", None, "US"),
        (
            "en",
            "head of Kyiv's city military administration",
            "city_military_admin_head",
            "Kyiv",
            "UA",
        ),
        ("en", "Lviv region governor", "governor", "Lviv", None),
        ("en", "Regional governor", "governor", None, None),
        ("en", "Kremlin spokesman", "kremlin_spokesperson", None, "RU"),
        ("uk", "начальник Харківської ОВА", "governor", "Харківської", None),
        (
            "uk",
            "начальника Київської міської військової адміністрації",
            "city_military_admin_head",
            "Київської",
            "UA",
        ),
        ("uk", "міський голова", "mayor", None, None),
        ("uk", "Головнокомандувач Збройних Сил України", "commander_in_chief", None, "UA"),
        ("ru", "губернатор Белгородской области", "governor", "Белгородской", None),
        ("ru", "Врио губернатора Курской области", "governor", "Курской", None),
        ("ru", "мэр Москвы", "mayor", "Москвы", None),
        ("ru", "Пресс-секретарь Кремля", "kremlin_spokesperson", None, "RU"),
        ("uk", "Президент України", "president", None, "UA"),
        ("ru", "Президент России", "president", None, "RU"),
        ("ru", "губернатор Кубани", "governor", "Кубани", None),
        # paraphrases and synonyms of titles
        ("en", "the head of the country's armed forces", "commander_in_chief", None, "UA"),
        ("en", "Ukraine's army chief", "commander_in_chief", None, "UA"),
        ("en", "head of the Kharkiv region", "governor", "Kharkiv", None),
        ("en", "head of the region", "governor", None, None),
        ("en", "Energy Minister", "energy_minister", None, "UA"),
        ("en", "supreme commander-in-chief", "president", None, None),
        ("uk", "главком ЗСУ", "commander_in_chief", None, "UA"),
        ("uk", "очільника Харківщини", "governor", "Харківщини", None),
        ("uk", "Верховний головнокомандувач", "president", None, None),
        ("uk", "градоначальник", "mayor", None, None),
        ("uk", "міністра енергетики", "energy_minister", None, "UA"),
        ("ru", "Верховный главнокомандующий", "president", None, None),
        ("ru", "главы Севастополя", "governor", "Севастополя", None),
        ("ru", "главы ОВА", "governor", None, None),
        # a place-less title covering the word wins over "глава {place}"
        ("ru", "глава МИД России", "foreign_minister", None, "RU"),
        ("ru", "главы региона", "governor", None, None),
        ("ru", "мэр города", "mayor", None, None),
    ],
)
def test_role_titles(
    lang: str, text: str, role: str, place: str | None, country: str | None
) -> None:
    found = find_roles(text, lang)
    assert len(found) == 1, found
    assert found[0].roles[0] == role
    assert found[0].place == place
    assert found[0].country == country


@pytest.mark.parametrize(
    ("lang", "text", "day", "status", "holder", "since"),
    [
        (
            "en",
            "Ukraine's Foreign Minister Dmytro Kuleba",
            "2025-07-04",
            "stale",
            "Andrii Sybiha",
            "2024-09-05",
        ),
        ("en", "Foreign Minister Dmytro Kuleba", "2023-05-01", "ok", "Dmytro Kuleba", "2020-03-04"),
        (
            "en",
            "Defence Minister Oleksii Reznikov",
            "2025-05-26",
            "stale",
            "Rustem Umerov",
            "2023-09-06",
        ),
        (
            "en",
            "Prime Minister Denys Shmyhal",
            "2025-09-01",
            "stale",
            "Yulia Svyrydenko",
            "2025-07-17",
        ),
        ("en", "Mayor Vitali Klitschko", "2025-07-04", "ok", "Vitali Klitschko", "2014-06-05"),
        ("en", "Governor Oleh Syniehubov", "2025-06-01", "ok", "Oleh Syniehubov", "2020-12-24"),
        (
            "en",
            "Defence Minister Sergei Shoigu",
            "2024-08-01",
            "stale",
            "Andrei Belousov",
            "2024-05-14",
        ),
        (
            "en",
            "Ukrainian Defence Minister John Smith",
            "2025-01-01",
            "stale",
            "Rustem Umerov",
            "2023-09-06",
        ),
        ("en", "President Alexander Lukashenko", "2025-01-01", "unknown", None, None),
        ("en", "Kherson mayor Ihor Kolykhaiev", "2025-01-01", "unknown", None, None),
        (
            "en",
            "Ukrainian Foreign Ministry spokesman Heorhii Tykhyi",
            "2025-01-01",
            "unknown",
            None,
            None,
        ),
        (
            "en",
            "Ukraine's top general Oleksandr Syrskyi",
            "2025-01-01",
            "ok",
            "Oleksandr Syrskyi",
            "2024-02-08",
        ),
        (
            "ru",
            "глава региона Вячеслав Гладков",
            "2025-06-01",
            "ok",
            "Vyacheslav Gladkov",
            "2020-11-18",
        ),
        (
            "uk",
            "начальник Харківської ОВА Олег Синєгубов",
            "2025-03-18",
            "ok",
            "Oleh Syniehubov",
            "2020-12-24",
        ),
        (
            "uk",
            "міністр оборони Олексій Резніков",
            "2024-05-10",
            "stale",
            "Rustem Umerov",
            "2023-09-06",
        ),
        (
            "ru",
            "Губернатор Курской области Роман Старовойт",
            "2024-09-02",
            "stale",
            "Alexei Smirnov",
            "2024-05-15",
        ),
        ("ru", "мэр Москвы Сергей Собянин", "2025-09-15", "ok", "Sergei Sobyanin", "2010-10-21"),
    ],
)
def test_role_check(
    lang: str, text: str, day: str, status: str, holder: str | None, since: str | None
) -> None:
    mention = next(m for m in find_mentions(text, lang) if m.role is not None)
    assert mention.role is not None
    check, _country = check_role(
        load(), mention.person_id, mention.name, mention.role, date.fromisoformat(day)
    )
    assert (check.status, check.holder, check.since, check.as_of) == (status, holder, since, day)


@pytest.mark.parametrize(
    ("lang", "text", "day", "status", "holder"),
    [
        # "former" titles are right when the person held the office before the date
        ("en", "former Defence Minister Oleksii Reznikov", "2025-05-26", "ok", "Rustem Umerov"),
        ("uk", "колишній міністр оборони Олексій Резніков", "2025-05-26", "ok", "Rustem Umerov"),
        ("ru", "экс-министр обороны Сергей Шойгу", "2025-01-10", "ok", "Andrei Belousov"),
        # a day near a term date marked uncertain is not called stale
        (
            "en",
            "Kyiv military administration head Serhii Popko",
            "2025-01-20",
            "unknown",
            "Tymur Tkachenko",
        ),
        (
            "en",
            "Kyiv military administration head Serhii Popko",
            "2025-06-20",
            "stale",
            "Tymur Tkachenko",
        ),
        # nobody recorded that day: stale without a holder
        ("en", "Russian Defence Minister Sergei Shoigu", "2024-05-13", "stale", None),
        # Odesa's city military administration (from October 2025)
        (
            "en",
            "head of Odesa city military administration Serhiy Lysak",
            "2025-11-20",
            "ok",
            "Serhiy Lysak",
        ),
        ("ru", "мэр Одессы Геннадий Труханов", "2025-11-20", "stale", "Serhiy Lysak"),
    ],
)
def test_role_check_edges(lang: str, text: str, day: str, status: str, holder: str | None) -> None:
    mention = next(m for m in find_mentions(text, lang) if m.role is not None)
    assert mention.role is not None
    check, _ = check_role(
        load(), mention.person_id, mention.name, mention.role, date.fromisoformat(day)
    )
    assert (check.status, check.holder) == (status, holder)


@pytest.mark.parametrize(
    ("lang", "text", "acting"),
    [
        ("en", "acting governor", True),
        ("en", "Acting Governor", True),
        ("en", "governor", False),
        ("uk", "т.в.о. губернатора", True),
        ("uk", "тимчасово виконувач обов'язків губернатора", True),
        ("ru", "и.о. губернатора", True),
        ("ru", "врио губернатора Курской области", True),
        ("ru", "временно исполняющий обязанности губернатора", True),
    ],
)
def test_acting_titles_are_governor_titles(lang: str, text: str, acting: bool) -> None:
    found = find_roles(text, lang)
    assert len(found) == 1 and found[0].text == text, found
    assert found[0].roles == ("governor",)
    assert found[0].acting is acting


@pytest.mark.parametrize(
    ("lang", "text", "day", "status"),
    [
        # an acting holder holds the office; an elected one named "acting" still holds it
        ("en", "acting governor Yury Slyusar", "2025-03-01", "ok"),
        ("en", "acting governor Yury Slyusar", "2025-11-01", "ok"),
        ("en", "Rostov governor Yury Slyusar", "2025-03-01", "ok"),
        ("ru", "и.о. губернатора Курской области Алексей Смирнов", "2024-06-01", "ok"),
        # an acting title on someone who no longer holds the office is stale
        ("ru", "и.о. губернатора Курской области Алексей Смирнов", "2025-03-01", "stale"),
        ("uk", "т.в.о. губернатора Курської області Олексій Смирнов", "2025-03-01", "stale"),
    ],
)
def test_acting_role_check(lang: str, text: str, day: str, status: str) -> None:
    mention = next(m for m in find_mentions(text, lang) if m.role is not None)
    assert mention.role is not None
    check, _ = check_role(
        load(), mention.person_id, mention.name, mention.role, date.fromisoformat(day)
    )
    assert check.status == status, check


def test_acting_periods_in_the_kb() -> None:
    officials = load()
    slyusar = next(t for o, t in officials.terms_of("slyusar") if o.id == "RU-ROS.governor")
    assert slyusar.acting_on(date(2025, 3, 1))
    assert not slyusar.acting_on(date(2025, 11, 1))
    assert slyusar.covers(date(2025, 11, 1))


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # unknown people spelled by their office's country
        (
            "uk",
            "Губернатор Ярославської області Михайло Євраєв повідомив про атаку.",
            "Mykhailo Yevrayev",
        ),
        ("uk", "Губернатор Тульської області Дмитро Міляєв повідомив про атаку.", "Dmitry Milyaev"),
        ("ru", "Мэр Кременчуга Виталий Малецкий сообщил о пожаре.", "Vitaly Maletskyi"),
        # a lone unknown surname before a singular speech verb
        ("uk", "Кудрицький повідомив, що світло повернули.", "Kudrytskyi"),
        # people in the KB keep the KB's English name in every case form
        ("uk", "За словами Развожаєва, збито шість дронів.", "Mikhail Razvozhayev"),
        ("ru", "По словам Развожаева, сбиты шесть дронов.", "Mikhail Razvozhayev"),
    ],
)
def test_names_in_context(lang: str, text: str, name: str) -> None:
    report = extract(Document.from_text(text, published="2025-05-01", language=lang))
    assert [s.speaker for s in report.statements] == [name]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Пекін заявив, що не постачає дронів."),
        ("uk", "Генштаб повідомив про 120 боєзіткнень."),
        ("ru", "Берлин заявил о новой помощи."),
        ("ru", "Минобороны сообщило о сбитых дронах."),
        ("uk", "Шевченко повідомили про відключення."),
    ],
)
def test_lone_capitalised_words_that_are_not_speakers(lang: str, text: str) -> None:
    report = extract(Document.from_text(text, published="2025-05-01", language=lang))
    assert report.statements == []


def test_apposition_does_not_steal_the_next_persons_title() -> None:
    found = find_mentions("Dmytro Kuleba, Defence Minister Rustem Umerov and others met.", "en")
    roles = {m.name: (m.role.roles[0] if m.role else None) for m in found}
    assert roles == {"Dmytro Kuleba": None, "Rustem Umerov": "defence_minister"}


def test_no_date_means_unknown() -> None:
    mention = find_mentions("Defence Minister Oleksii Reznikov", "en")[0]
    assert mention.role is not None
    check, _ = check_role(load(), mention.person_id, mention.name, mention.role, None)
    assert check.status == "unknown"


def test_component_reports_person_and_flag() -> None:
    doc = Document.from_text(
        "Foreign Minister Dmytro Kuleba said the strike was a war crime.",
        published="2025-07-04",
        language="en",
    )
    report = extract(doc).to_dict()
    (person,) = report["persons"]
    assert person["name"] == "Dmytro Kuleba" and person["country"] == "UA"
    assert person["role_stated"] == "Foreign Minister"
    ev = person["evidence"]
    assert doc.text[ev["start"] : ev["end"]] == ev["text"] == "Foreign Minister Dmytro Kuleba"
    assert [f["code"] for f in report["flags"]] == ["STALE_ROLE"]


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_language_data_loads(lang: str) -> None:
    lex = role_lexicon(lang)
    assert lex.entries and lex.countries
    data = names.name_data(lang)
    assert data.given
    known_roles = {o.role for o in load().offices.values()}
    for roles, _country, _place in lex.entries.values():
        assert set(roles) <= known_roles, roles


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("roles", {"countries": {}, "roles": [{"patterns": ["mayor"]}]}),
        ("statements", {"after": ["said"], "before": [], "openers": [], "pronouns": "he"}),
        ("persons", {"declension": [{"nom": "ий"}], "given_names": ["Oleh"]}),
    ],
)
def test_bad_language_data_is_a_typed_error(name: str, bad: dict[str, object]) -> None:
    from strikeledger.errors import LanguageDataError
    from strikeledger.extract import langdata

    with pytest.raises(LanguageDataError, match="SL-E200"):
        langdata.validate(bad, names.SCHEMAS[name], where=f"x/{name}.yaml")


def test_sentence_date_from_the_time_note_rescues_a_past_title() -> None:
    from strikeledger.extract import persons
    from strikeledger.extract import text as textmod
    from strikeledger.extract.dates import Moment
    from strikeledger.extract.pipeline import Context
    from strikeledger.report import Report

    class Time:
        document = Moment("2025-05-26", kind="published")

        def at(self, offset: int) -> Moment:
            return Moment("2023-02-24", kind="date")

    text = "Defence Minister Oleksii Reznikov said on 24 February 2023 that tanks would come."
    doc = Document.from_text(text, published="2025-05-26", language="en")
    for note, status in ((Time(), "ok"), (None, "stale")):
        ctx = Context(doc, doc.text, "en", doc.published_at(), Report({}), textmod.sentences(text))
        if note is not None:
            ctx.notes["time"] = note
        persons.component(ctx)
        assert [p.role_check.status for p in ctx.report.persons] == [status]


def test_apposition_after_a_country_word() -> None:
    text = "Oleksandr Syrskyi, Ukraine's army chief, said the line held."
    mention = next(m for m in find_mentions(text, "en") if m.role is not None)
    assert mention.name == "Oleksandr Syrskyi"
    assert mention.role is not None and mention.role.roles == ("commander_in_chief",)
