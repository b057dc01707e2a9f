"""The places component: tables of texts -> places, per language, with negatives, and the
interface it leaves for later components (ctx.notes)."""

from __future__ import annotations

import pytest

from strikeledger import Document, extract
from strikeledger.extract import langdata
from strikeledger.extract import text as textmod
from strikeledger.extract.places import PlaceMention, find_places


def _names(text: str) -> list[str]:
    doc = Document.from_text(text)
    places, _ = find_places(doc.text, [(s.start, s.end) for s in textmod.sentences(doc.text)])
    return [p.name for p in places]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # en
        ("KYIV, May 4 — Drones hit Kyiv overnight.", ["Kyiv"]),
        ("Russia struck the Kharkiv region and the city of Sumy.", ["Kharkiv Oblast", "Sumy"]),
        (
            "Debris fell in the Sviatoshynskyi and Solomianskyi districts of Kyiv.",
            ["Sviatoshynskyi", "Solomianskyi", "Kyiv"],
        ),
        (
            "Drones were downed over the Bryansk, Oryol and Rostov regions.",
            ["Bryansk Oblast", "Oryol Oblast", "Rostov Oblast"],
        ),
        (
            "A refinery near Novorossiysk in Krasnodar Krai burned.",
            ["Novorossiysk", "Krasnodar Krai"],
        ),
        ("Moscow said it had downed 30 drones.", []),
        ("Kyiv insists it will not cede land.", []),
        ("There was no immediate comment from Kyiv.", []),
        ("Moscow Mayor Sergei Sobyanin said flights resumed at Moscow airports.", ["Moscow"]),
        ("President Volodymyr Zelensky spoke in Lviv.", ["Lviv"]),
        ("The Kyiv City Military Administration reported two injured.", []),
        ("A shell hit the village of Lyptsi in Kharkiv Oblast.", ["Lyptsi", "Kharkiv Oblast"]),
        ("Fighting continued along the Dnipro river near Kherson.", ["Kherson"]),
        # uk
        ("У Києві пролунали вибухи.", ["Kyiv"]),
        ("На Київщині пошкоджено будинок.", ["Kyiv Oblast"]),
        ("Ворог атакував Харківську область і Сумщину.", ["Kharkiv Oblast", "Sumy Oblast"]),
        ("Начальник Харківської ОВА повідомив про обстріл.", []),
        ("Київська міська військова адміністрація повідомила.", []),
        ("У Голосіївському районі столиці пошкоджено школу.", ["Holosiivskyi"]),
        ("Обстріл Марганецької громади.", ["Marhanets Hromada"]),
        ("У селі Нова Басань пошкоджено будинок.", ["Nova Basan"]),
        ("Нова пошта працює.", []),
        ("Москва заявила про збиття дронів.", []),
        ("Збито ракети над Житомирщиною та Рівненщиною.", ["Zhytomyr Oblast", "Rivne Oblast"]),
        ("З напрямку Міллерово та Курська.", ["Millerovo", "Kursk"]),
        # ru
        ("В Киеве прогремели взрывы.", ["Kyiv"]),
        (
            "Над территорией Курской области — 25, Белгородской — 18.",
            ["Kursk Oblast", "Belgorod Oblast"],
        ),
        (
            "В Белгородской и Курской областях объявлена тревога.",
            ["Belgorod Oblast", "Kursk Oblast"],
        ),
        ("Обломки упали в Подмосковье.", ["Moscow Oblast"]),
        ("Атака на Московский регион.", ["Moscow Oblast"]),
        (
            "Губернатор Ростовской области сообщил о пожаре в Каменском районе.",
            ["Rostov Oblast", "Kamensky District"],
        ),
        ("Победа будет за нами.", []),
        ("Владимир Путин провёл совещание.", []),
        ("В Голосеевском районе Киева повреждён дом.", ["Holosiivskyi", "Kyiv"]),
        ("По данным Харьковской ОВА, ранены двое.", []),
        ("Беспилотники атаковали Рязанский НПЗ.", ["Ryazan"]),
        ("Рязанский край славится природой.", []),
        # a cue carries over a list; "the region of X" is the oblast
        (
            "У селах Липці, Слатине та Руська Лозова поранено людей.",
            ["Lyptsi", "Slatyne", "Ruska Lozova"],
        ),
        ("A woman died in the Russian border region of Belgorod.", ["Belgorod Oblast"]),
        ("Sumy and Poltava came under fire.", ["Sumy", "Poltava"]),
        ("Bar owners in Lviv reopened.", ["Lviv"]),
        ("The Zaporizhzhia nuclear power plant lost power.", []),
        # institution words follow adjectives and English names only; government speech
        # words must end a word ("атаковали" is not "атаковал")
        ("У Харківській області поліція відкрила провадження.", ["Kharkiv Oblast"]),
        ("На Харківщині військові РФ обстріляли села.", ["Kharkiv Oblast"]),
        ("Киев атаковали беспилотники.", ["Kyiv"]),
        ("Киев атаковал НПЗ в Рязани.", ["Ryazan"]),
        ("The Donetsk People's Republic claimed a village.", []),
        ("Every night like this is a message from Moscow.", []),
        ("Moscow used 700 drones, as Kyiv pleads for air defence.", []),
        ("З напрямків: Курськ, Міллерово, Шаталово – рф.", ["Kursk", "Millerovo", "Shatalovo"]),
        ("Удар по Бурштинській ТЕС.", ["Burshtyn"]),
        ("Ministers met in Copenhagen.", ["Copenhagen"]),
    ],
)
def test_places_of_text(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_places_in_report_and_notes() -> None:
    text = "У Києві та на Київщині, у Києві знову вибухи. Харків теж атаковано."
    doc = Document.from_text(text, language="uk")
    report = extract(doc).to_dict()
    places = report["places"]
    assert [p["id"] for p in places] == ["p1", "p2", "p3"]
    kyiv = places[0]
    assert (kyiv["name"], kyiv["level"], kyiv["country"], kyiv["region"]) == (
        "Kyiv",
        "city",
        "UA",
        "UA-30",
    )
    assert kyiv["katottg"] == "UA80000000000093317"
    assert kyiv["lat"] == pytest.approx(50.45, abs=0.05) and kyiv["lon"] == pytest.approx(
        30.52, abs=0.05
    )
    assert [e["text"] for e in kyiv["evidence"]] == ["Києві", "Києві"]
    for p in places:
        for ev in p["evidence"]:
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
        assert p["rule"] == "places.gazetteer.v1"


def test_notes_interface() -> None:
    from strikeledger.extract.pipeline import Context
    from strikeledger.extract.places import component
    from strikeledger.report import Report

    doc = Document.from_text("Удар по Одесі. В Одесі та Ізмаїлі пошкоджено порт.", language="uk")
    ctx = Context(doc=doc, text=doc.text, lang="uk", published=None, report=Report(document={}),
                  sentences=textmod.sentences(doc.text))  # fmt: skip
    component(ctx)
    mentions = ctx.notes["place_mentions"]
    by_id = ctx.notes["places_by_id"]
    assert all(isinstance(m, PlaceMention) for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [by_id[m.place_id].name for m in mentions] == ["Odesa", "Odesa", "Izmail"]
    assert set(by_id) == {p.id for p in ctx.report.places}


def test_language_files_validate() -> None:
    for lang in langdata.LANGS:
        data = langdata.load(lang, "places")
        assert data["settlement_cues"] and data["metonymy_after"], lang
        assert set(data["plural_heads"]) <= {"oblast", "district", "hromada"}, lang
