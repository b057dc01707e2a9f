"""Damage component: tables of ``sentence -> damage categories`` per language.

The component runs after the casualties component (as in the pipeline) without places; the
golden files and the eval floors cover places. Sentences are written for the tests.
"""

from __future__ import annotations

import pytest

from strikeledger.document import Document
from strikeledger.extract import casualties, damage, text
from strikeledger.extract.pipeline import Context
from strikeledger.report import Report


def cats(raw: str, lang: str) -> set[str]:
    doc = Document.from_text(raw, language=lang, published="2025-07-04")
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
    damage.component(ctx)
    for d in report.damage:
        assert doc.text[d.evidence.start : d.evidence.end] == d.evidence.text
        assert d.rule == f"{lang}.damage.{d.category}.v1"
    return {d.category for d in report.damage}


CASES: list[tuple[str, str, set[str]]] = [
    # round 2: lexicon of unseen reporting
    ("uk", "Пошкоджено ЛЕП, частина сіл без світла.", {"energy"}),
    ("ru", "Повреждены ЛЕП и ЛЭП.", {"energy"}),
    ("uk", "Уламки пошкодили зерносклад і СТО.", {"agricultural", "commercial"}),
    ("uk", "Сили ППО збили сто дронів, пошкоджено будинок.", {"residential"}),
    ("uk", "Удар припав на газогін.", {"energy"}),
    ("uk", "Пошкоджено катери та вантажне судно.", {"vehicles"}),
    ("en", "A drone hit a cargo vessel.", {"vehicles"}),
    ("en", "A strike damaged a warehouse of a delivery company.", {"commercial"}),
    ("ru", "Повреждены склад логистической компании и автосервис.", {"commercial"}),
    ("en", "A missile hit a warehouse of a machine-building plant.", {"industrial"}),
    ("en", "Debris fell near an oil depot, but nothing was damaged.", set()),
    ("uk", "Уламки впали біля нафтобази, пошкоджень немає.", set()),
    ("ru", "Повреждено общежитие.", {"residential"}),
    ("en", "A student dormitory was damaged.", {"residential"}),
    ("ru", "Идет разбор завалов в подъезде жилого дома.", {"residential"}),
    ("en", "A missile hit a five-storey apartment building.", {"residential"}),
    ("en", "Debris damaged several private houses and a substation.", {"residential", "energy"}),
    ("en", "Drones struck an oil refinery in the Ryazan region.", {"energy"}),
    ("en", "An oil depot caught fire after the attack.", {"energy"}),
    ("en", "The strike damaged railway infrastructure and two locomotives.", {"railway"}),
    ("en", "Falling debris set several cars on fire.", {"vehicles"}),
    ("en", "A school and a kindergarten were damaged.", {"education"}),
    ("en", "A clinic was damaged in the Solomianskyi district.", {"healthcare"}),
    ("en", "The drones damaged a supermarket and a shopping centre.", {"commercial"}),
    ("en", "Russian drones hit port infrastructure, damaging a grain terminal.", {"port"}),
    ("en", "Drones damaged warehouses in the port of Izmail.", {"port"}),
    # a warehouse alone is a storage business; a complex or an enterprise's one is industrial
    ("en", "A drone hit a warehouse on the outskirts of the city.", {"commercial"}),
    ("en", "A warehouse complex burned after the strike.", {"industrial"}),
    ("en", "The plant's warehouse was damaged.", {"industrial"}),
    ("uk", "Уламки пошкодили склад на околиці міста.", {"commercial"}),
    ("uk", "Внаслідок удару згорів складський комплекс.", {"industrial"}),
    ("ru", "Обломки повредили склад на окраине города.", {"commercial"}),
    ("ru", "На территории предприятия поврежден склад.", {"industrial"}),
    ("en", "Debris damaged an administrative building.", {"administrative"}),
    ("en", "The blast shattered windows of the embassy.", {"diplomatic"}),
    ("en", "Windows were blown out in a historic museum.", {"cultural"}),
    ("en", "A church was damaged by the blast wave.", {"religious"}),
    ("en", "Debris damaged a livestock farm.", {"agricultural"}),
    ("en", "The strike damaged a water pipeline.", {"water"}),
    ("en", "A drone hit a mobile tower.", {"telecom"}),
    ("en", "Two people were injured and taken to hospital.", set()),
    ("en", "The school year starts on September 1 in 120 schools.", set()),
    ("en", "In the southern port of Odesa, three people were killed.", set()),
    ("uk", "Пошкоджено багатоповерхівку та приватний будинок.", {"residential"}),
    ("uk", "У Дніпровському районі пошкоджено об'єкт енергетичної інфраструктури.", {"energy"}),
    ("uk", "Уламки впали на територію нафтобази, виникла пожежа.", {"energy"}),
    ("uk", "Пошкоджено залізничну колію та вагони.", {"railway"}),
    ("uk", "Пошкоджено кілька автівок.", {"vehicles"}),
    ("uk", "Через влучання дрона зайнялося приміщення школи.", {"education"}),
    ("uk", "Вибито вікна в лікарні та поліклініці.", {"healthcare"}),
    ("uk", "Пошкоджено складські приміщення та зерновий термінал порту.", {"port"}),
    ("uk", "Пошкоджено адмінбудівлю та магазин.", {"administrative", "commercial"}),
    ("uk", "Уламки пошкодили будівлю церкви.", {"religious"}),
    ("uk", "Пошкоджено сільськогосподарське підприємство.", {"agricultural"}),
    ("uk", "Пошкоджено водогін.", {"water"}),
    ("uk", "Уламки пошкодили автомобільний міст.", {"transport"}),
    ("uk", "Дві людини у лікарні.", set()),
    ("uk", "У Білій Церкві пошкоджено ліцей.", {"education"}),
    ("uk", "Школа розрахована на 900 учнів.", set()),
    ("ru", "Повреждены кровля и остекление нескольких многоквартирных домов.", {"residential"}),
    ("ru", "Беспилотники атаковали Рязанский нефтеперерабатывающий завод.", {"energy"}),
    ("ru", "В Миллерово загорелась кровля склада на территории предприятия.", {"industrial"}),
    ("ru", "Повреждены линия электропередачи и газопровод.", {"energy"}),
    ("ru", "Поражены объекты транспортной инфраструктуры.", {"transport"}),
    ("ru", "Поражены пункты временной дислокации подразделений.", {"military"}),
    ("ru", "Посечены окна административного здания.", {"administrative"}),
    ("ru", "Пострадал 14-летний подросток, он госпитализирован в областную больницу.", set()),
    ("ru", "Пострадал один сотрудник предприятия.", set()),
    ("ru", "Помещения рассчитаны на защиту от ракетных ударов.", set()),
    ("ru", "В связи с угрозой атаки школы перешли на дистанционное обучение.", set()),
    ("ru", "В Масловой Пристани дрон ударил по легковому автомобилю.", {"vehicles"}),
]


@pytest.mark.parametrize(("lang", "raw", "want"), CASES)
def test_damage(lang: str, raw: str, want: set[str]) -> None:
    assert cats(raw, lang) == want


def test_one_item_per_category_and_place() -> None:
    raw = "A drone hit a house. Debris damaged another house and two homes."
    doc = Document.from_text(raw, language="en")
    report = Report(document={})
    ctx = Context(doc, doc.text, "en", None, report, text.sentences(doc.text))
    damage.component(ctx)
    assert [d.category for d in report.damage] == ["residential"]


@pytest.mark.parametrize(
    ("lang", "raw", "want"),
    [
        ("en", "The hospital, which treats 300 patients a day, was not damaged.", set()),
        ("uk", "Будинок не пошкоджено. Школа не постраждала.", set()),
        ("ru", "Школа не пострадала, но повреждены окна в жилом доме.", {"residential"}),
    ],
)
def test_denied_damage(lang: str, raw: str, want: set[str]) -> None:
    assert cats(raw, lang) == want
