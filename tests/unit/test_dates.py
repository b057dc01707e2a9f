"""Dates and nights: tables of (text, publication date) -> night_of and window at a number."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from strikeledger.document import document_from_bytes
from strikeledger.extract import dates_cues
from strikeledger.extract.dates import Moment, time_context
from strikeledger.extract.dates_cues import KINDS, find_cues
from strikeledger.extract.numbers import find_numbers, lang_data
from tests.conftest import shared_path


def pub(s: str | None) -> datetime | date | None:
    if s is None:
        return None
    if len(s) == 10:
        return date.fromisoformat(s)
    return datetime.fromisoformat(s)


def moment(lang: str, text: str, published: str | None, marker: str) -> Moment:
    at = text.index(marker)
    return time_context(text, lang, pub(published)).at(at)


# Fri 4 July 2025, a morning report (Kyiv summer time)
FRI = "2025-07-04T09:30:00+03:00"

NIGHTS_EN = [
    # phrasings of wire services and English-language Ukrainian outlets
    (
        "Russia attacked Ukraine with 49 drones overnight on Aug. 23, the Air Force reported.",
        "2025-08-23",
        "49",
        "2025-08-23",
    ),
    (
        "On the night of 22-23 August, Russia attacked Ukraine with 49 drones.",
        "2025-08-24",
        "49",
        "2025-08-23",
    ),
    (
        "Russia launched 40 drones at Ukraine in the early hours of Thursday.",
        "2025-08-21",
        "40",
        "2025-08-21",
    ),
    (
        "Russia launched its largest drone attack since the start of the war overnight, "
        "firing 728 drones.",
        "2025-07-09",
        "728",
        "2025-07-09",
    ),
    (
        "Late on Tuesday and early on Wednesday, Russia launched 90 drones.",
        "2025-07-09",
        "90",
        "2025-07-09",
    ),
    (
        "Russian forces launched 90 drones at Ukraine overnight into July 9, the air force said.",
        "2025-07-09",
        "90",
        "2025-07-09",
    ),
    (
        "The air force said on Telegram on Sunday that Russia had launched 90 drones overnight.",
        "2025-07-06",
        "90",
        "2025-07-06",
    ),
    # (text, published, marker, night_of)
    ("Russia launched 550 drones at Ukraine overnight.", FRI, "550", "2025-07-04"),
    (
        "Russia launched 550 drones overnight into Friday.",
        "2025-07-04T18:00:00+03:00",
        "550",
        "2025-07-04",
    ),
    (
        "Russia launched 550 drones overnight into Friday.",
        "2025-07-05T10:00:00+03:00",
        "550",
        "2025-07-04",
    ),
    (
        "Russia launched 550 drones overnight to Friday, officials said.",
        "2025-07-05",
        "550",
        "2025-07-04",
    ),
    ("On the night of July 4, Russia launched 550 drones.", "2025-07-05", "550", "2025-07-04"),
    ("On the night of July 3-4, Russia launched 550 drones.", "2025-07-05", "550", "2025-07-04"),
    (
        "On Saturday night, Russia launched 300 drones.",
        "2025-07-06T10:00:00+03:00",
        "300",
        "2025-07-06",
    ),
    ("Late on Tuesday, Russia fired 12 missiles at Kharkiv.", "2025-07-02", "12", "2025-07-01"),
    ("On Thursday evening, Russia sent 15 drones towards Odesa.", FRI, "15", "2025-07-03"),
    (
        "In the early hours of Sunday, Russia launched 40 drones.",
        "2025-07-06T14:00:00+03:00",
        "40",
        "2025-07-06",
    ),
    ("Russia launched 120 drones last night.", "2025-07-04T21:00:00+03:00", "120", "2025-07-04"),
    ("Russia launched 20 drones on Monday morning.", "2025-07-07", "20", "2025-07-07"),
    (
        "KYIV, Sept 28 — Russia launched 595 drones overnight.",
        "2025-09-28T11:30:00+03:00",
        "595",
        "2025-09-28",
    ),
    (
        "KYIV, July 4 (Reuters) - Russia launched 550 drones overnight.",
        "2025-07-05T01:00:00+03:00",
        "550",
        "2025-07-04",
    ),
    ("KYIV, July 4 — Russia launched 550 drones overnight.", None, "550", None),
    ("Russia launched 741 drones on July 9.", "2025-07-10", "741", "2025-07-09"),
    ("On 9 July 2025, Russia launched 741 drones.", "2025-12-01", "741", "2025-07-09"),
    ("On Friday, July 4, Russia launched 550 drones.", "2025-07-05", "550", "2025-07-04"),
    ("Russia fired 17 drones on 29 December.", "2026-01-02", "17", "2025-12-29"),
    ("On the night of December 31, Russia fired 17 drones.", "2025-01-02", "17", "2024-12-31"),
    (
        "On the night of January 1, Russia fired 17 drones.",
        "2024-12-31T23:00:00+02:00",
        "17",
        "2025-01-01",
    ),
    (
        "Russia is attacking overnight into Saturday with 30 drones.",
        "2025-07-04T23:00:00+03:00",
        "30",
        "2025-07-05",
    ),
    (
        "Russia attacked overnight into Saturday with 30 drones.",
        "2025-07-04T10:00:00+03:00",
        "30",
        "2025-06-28",
    ),
    ("Russia launched 60 drones yesterday.", FRI, "60", "2025-07-03"),
    ("Russia launched 30 drones in the past 24 hours.", FRI, "30", "2025-07-04"),
    ("Russia launched 30 drones.", FRI, "30", "2025-07-04"),
    ("Russia launched 30 drones.", "2025-07-04", "30", "2025-07-04"),
    ("Russia launched 30 drones.", None, "30", None),
    ("Russia launched 30 drones overnight.", None, "30", None),
    (
        "Russia launched 74 drones on Monday, the air force said on Wednesday.",
        "2025-01-15",
        "74",
        "2025-01-13",
    ),
    (
        "Russia launched 74 drones overnight, the air force said on Wednesday.",
        "2025-01-15",
        "74",
        "2025-01-15",
    ),
    ("In a second attack in a week, Russia launched 50 drones overnight.", FRI, "50", "2025-07-04"),
    (
        "Russian forces dropped five bombs on Zaporizhzhia on Thursday afternoon.",
        "2025-02-06",
        "five",
        "2025-02-06",
    ),
    (
        "Russia fired 122 missiles at Ukraine overnight, the largest attack since the start "
        "of the full-scale invasion.",
        "2023-12-29",
        "122",
        "2023-12-29",
    ),
    ("Russia launched 50 drones before dawn on Friday.", "2025-07-05", "50", "2025-07-04"),
    (
        "Russia launched its biggest attack this year with 728 drones overnight.",
        FRI,
        "728",
        "2025-07-04",
    ),
    ("Russia launched a record 5,000 drones in June.", FRI, "5,000", None),
    (
        "From Friday evening to Saturday morning, Russia launched 90 drones.",
        "2025-07-05",
        "90",
        "2025-07-05",
    ),
    ("Russia launched 90 drones overnight on Friday.", "2025-07-05", "90", "2025-07-04"),
    (
        "Russia launched 90 drones on the night of Friday to Saturday.",
        "2025-07-06",
        "90",
        "2025-07-05",
    ),
    (
        "Russia launched 90 drones on Friday night and Saturday morning.",
        "2025-07-05",
        "90",
        "2025-07-05",
    ),
    (
        "July 4 (Reuters) - Russia launched 90 drones overnight.",
        "2025-07-05T01:00:00+03:00",
        "90",
        "2025-07-04",
    ),
    (
        "Russia is attacking Kyiv with 50 drones tonight.",
        "2025-07-03T23:30:00+03:00",
        "50",
        "2025-07-04",
    ),
    (
        "Russia attacked Kyiv with 50 drones tonight.",
        "2025-07-04T06:00:00+03:00",
        "50",
        "2025-07-04",
    ),
    (
        "Russia attacked Kyiv with 50 drones overnight.",
        "2025-07-04T22:00:00+03:00",
        "50",
        "2025-07-04",
    ),
    ("On 2025-07-04, Russia launched 40 drones.", "2025-07-05", "40", "2025-07-04"),
    (
        "Russia attacked Ukraine overnight Thursday with 80 drones.",
        "2025-07-03",
        "80",
        "2025-07-03",
    ),
    (
        "Russia has launched 100 drones since Thursday evening, officials said.",
        FRI,
        "100",
        "2025-07-04",
    ),
    ("In a pre-dawn attack, Russia launched 70 drones.", FRI, "70", "2025-07-04"),
    ("Russia fired 40 drones at Ukraine in 24 hours.", FRI, "40", "2025-07-04"),
    ("The previous day, Russia launched 20 drones.", FRI, "20", "2025-07-03"),
    ("Early Friday morning, Russia launched 20 drones.", "2025-07-05", "20", "2025-07-04"),
    (
        "Russia launched 20 drones on the Fourth of July, on July 4th.",
        "2025-07-05",
        "20",
        "2025-07-04",
    ),
    (
        "Russia launched 20 drones at Ukraine, the air force said Saturday.",
        "2025-07-05",
        "20",
        "2025-07-05",
    ),
    (
        "Russia launched 20 drones on Monday, the air force said Wednesday.",
        "2025-07-09",
        "20",
        "2025-07-07",
    ),
    # periods: no night
    ("Russia launched 1,200 drones from July 1 to 7.", "2025-07-08", "1,200", None),
    ("Russia launched 1,200 drones between July 1 and 7.", "2025-07-08", "1,200", None),
    ("Russia launched 1,200 drones on July 1-7.", "2025-07-08", "1,200", None),
    ("Russia has launched 1,200 drones since July 1.", "2025-07-08", "1,200", None),
    ("Russia fired 3,000 drones since the start of September.", "2025-09-20", "3,000", None),
    ("Russia launched more than 1,300 drones this week.", FRI, "1,300", None),
    ("Russia launched more than 1,300 drones over the past week.", FRI, "1,300", None),
    ("Russia launched more than 1,300 drones in the past week.", FRI, "1,300", None),
    ("Russia launched 4,000 drones since the start of the month.", FRI, "4,000", None),
    ("Russia launched 30,000 drones since the beginning of the year.", FRI, "30,000", None),
    ("Russia launched 5,000 drones in June, a tally shows.", FRI, "5,000", None),
    ("Russia launched 5,000 drones in October.", "2025-11-03", "5,000", None),
    ("Russia now produces 2,700 drones a month.", FRI, "2,700", None),
    (
        "Russia launched 550 drones overnight a week after the Kyiv strike.",
        FRI,
        "550",
        "2025-07-04",
    ),
    ("Russia launched 6,000 drones last month.", FRI, "6,000", None),
    ("Russia launched 50,000 drones in 2024.", FRI, "50,000", None),
]

SENTENCES_EN = [
    # one text, several numbers with their own dates
    (
        "Russia launched 741 drones and missiles overnight, the air force said on Wednesday, "
        "surpassing the previous record of 550 drones and missiles set on July 4. "
        "The air force said 718 of them were shot down. "
        "Russia launched more than 5,000 drones in June.",
        "2025-07-09T12:00:00+03:00",
        {"741": "2025-07-09", "550": "2025-07-04", "718": "2025-07-09", "5,000": None},
    ),
    (
        "Russia fired 122 missiles and 36 drones overnight, the air force said, surpassing the "
        "previous record of 96 missiles fired on Nov. 15 last year.",
        "2023-12-29T20:15:00+02:00",
        {"122": "2023-12-29", "36": "2023-12-29", "96": "2022-11-15"},
    ),
    (
        "Russia launched 1,300 drones in a week, Zelensky said on Sunday.\n\n"
        "Overnight alone, 69 drones targeted Kharkiv.",
        "2025-11-09T14:30:00+02:00",
        {"1,300": None, "69": "2025-11-09"},
    ),
]

NIGHTS_UK = [
    (
        "Упродовж минулої доби ворог 487 разів атакував 10 населених пунктів.",
        "2025-07-04",
        "487",
        "2025-07-04",
    ),
    ("Під час нічної атаки ворог випустив по столиці 20 дронів.", "2025-07-04", "20", "2025-07-04"),
    (
        "В ніч на суботу, 23 серпня, противник атакував 49 ударними БпЛА.",
        "2025-08-23",
        "49",
        "2025-08-23",
    ),
    (
        "Ворог атакував Запоріжжя ввечері 22 серпня: 5 ударів по інфраструктурі.",
        "2025-08-23",
        "5",
        "2025-08-22",
    ),
    ("У ніч на 4 липня противник атакував 539 ударними БпЛА.", FRI, "539", "2025-07-04"),
    ("Протягом ночі на 4 липня ворог застосував 550 засобів.", FRI, "550", "2025-07-04"),
    ("У ніч проти 4 липня ворог застосував 550 засобів.", FRI, "550", "2025-07-04"),
    (
        "У ніч на 1 січня 2024 року противник атакував 90 БпЛА.",
        "2024-01-01T09:25:00+02:00",
        "90",
        "2024-01-01",
    ),
    ("У ніч на 29 грудня ворог випустив 158 ракет і дронів.", "2025-01-03", "158", "2024-12-29"),
    (
        "У ніч на 1 січня ворог атакував 90 дронами.",
        "2025-01-01T09:00:00+02:00",
        "90",
        "2025-01-01",
    ),
    ("У ніч з 3 на 4 липня ворог випустив 60 дронів.", "2025-07-05", "60", "2025-07-04"),
    ("У ніч на п'ятницю ворог атакував 50 дронами.", FRI, "50", "2025-07-04"),
    ("У ніч на п'ятницю ворог атакував 50 дронами.", "2025-07-05", "50", "2025-07-04"),
    ("У ніч на суботу ворог атакував 50 дронами.", "2025-07-07", "50", "2025-07-05"),
    ("За минулу добу збито 40 дронів.", "2025-03-18T08:40:00+02:00", "40", "2025-03-18"),
    ("Протягом доби ворог 14 разів обстріляв громаду.", "2025-03-18", "14", "2025-03-18"),
    ("Вдень 11 квітня ворог скинув 3 КАБи.", "2025-04-11T15:10:00+03:00", "3", "2025-04-11"),
    ("Ввечері 3 липня ворог атакував 20 дронами.", FRI, "20", "2025-07-03"),
    (
        "Зранку 29 грудня противник випустив 120 ракет.",
        "2022-12-29T12:20:00+02:00",
        "120",
        "2022-12-29",
    ),
    ("Вночі ворог атакував Одещину 12 дронами.", "2024-11-09T08:55:00+02:00", "12", "2024-11-09"),
    ("Минулої ночі ворог атакував Одещину 12 дронами.", "2024-11-09", "12", "2024-11-09"),
    ("Цієї ночі противник запустив по Україні 177 дронів.", "2025-02-26", "177", "2025-02-26"),
    ("Вчора ввечері ворог атакував 7 дронами.", FRI, "7", "2025-07-03"),
    ("Сьогодні вранці ворог атакував 5 ракетами.", FRI, "5", "2025-07-04"),
    ("Ворог атакував 5 ракетами.", FRI, "5", "2025-07-04"),
    ("Ворог атакував 5 ракетами.", None, "5", None),
    (
        "У ніч на 9 липня противник здійснив наймасованішу атаку від початку "
        "повномасштабного вторгнення – 741 засобом.",
        "2025-07-09",
        "741",
        "2025-07-09",
    ),
    ("Вдруге за тиждень ворог атакував Київ 300 дронами вночі.", FRI, "300", "2025-07-04"),
    ("Вночі ворог здійснив наймасованішу цього року атаку – 550 дронів.", FRI, "550", "2025-07-04"),
    ("Напередодні ввечері ворог атакував 10 дронами.", FRI, "10", "2025-07-03"),
    (
        "З вечора п'ятниці до ранку суботи ворог випустив 90 дронів.",
        "2025-07-05",
        "90",
        "2025-07-05",
    ),
    ("У ніч на суботу, 5 липня, ворог випустив 90 дронів.", "2025-07-05", "90", "2025-07-05"),
    ("Протягом 4 липня ворог 30 разів обстріляв Нікополь.", "2025-07-05", "30", "2025-07-04"),
    (
        "4 липня з 06:30 до 10:20 ворог випустив 84 ракети.",
        "2025-07-04T16:00:00+03:00",
        "84",
        "2025-07-04",
    ),
    (
        "Сьогодні вночі ворог атакує Київ 50 дронами.",
        "2025-07-03T22:00:00+03:00",
        "50",
        "2025-07-04",
    ),
    ("Цієї ночі противник запустив 177 дронів.", "2025-02-26T08:00:00+02:00", "177", "2025-02-26"),
    ("Протягом дня ворог 20 разів обстріляв громаду.", FRI, "20", "2025-07-04"),
    (
        "КИЇВ, 4 липня. Противник запустив 100 дронів.",
        "2025-07-05T00:30:00+03:00",
        "100",
        "2025-07-04",
    ),
    (
        "З 18:00 3 липня до 09:00 4 липня противник запустив 100 дронів.",
        "2025-07-05",
        "100",
        "2025-07-04",
    ),
    ("З 18:00 3 липня противник запустив 100 дронів.", "2025-07-05", "100", "2025-07-04"),
    ("Ввечері 3 липня та вночі ворог атакував 40 дронами.", FRI, "40", "2025-07-04"),
    ("У ніч на 4-е липня ворог атакував 40 дронами.", FRI, "40", "2025-07-04"),
    ("04.07.2025 ворог атакував 40 дронами.", "2025-07-05", "40", "2025-07-04"),
    # periods
    ("З 1 по 7 липня ворог випустив 1 200 дронів.", "2025-07-08", "1 200", None),
    ("Протягом липня ворог випустив 6 000 дронів.", "2025-08-01", "6 000", None),
    ("За 2024 рік ворог випустив 50 000 дронів.", FRI, "50 000", None),
    ("З початку вересня ворог випустив 3 000 дронів.", "2025-09-20", "3 000", None),
    ("Від 24 лютого 2022 року ворог випустив 50 000 дронів.", FRI, "50 000", None),
    ("Минулого тижня Росія випустила понад 1 100 дронів.", FRI, "1 100", None),
    ("За тиждень Росія випустила понад 1 100 дронів.", FRI, "1 100", None),
    ("Цього тижня росіяни випустили 1 100 дронів.", FRI, "1 100", None),
    ("З початку місяця ворог випустив 4 000 дронів.", FRI, "4 000", None),
    ("З початку року ворог випустив 30 000 дронів.", FRI, "30 000", None),
    ("У жовтні Росія випустила 5 000 дронів.", "2025-11-03", "5 000", None),
    ("За жовтень Росія випустила 5 000 дронів.", "2025-11-03", "5 000", None),
    ("За останні 30 днів ворог випустив 6 000 дронів.", FRI, "6 000", None),
]

SENTENCES_EN.append(
    (
        "Zelensky met Trump in Washington yesterday.\n\n"
        "Russia launched 300 drones at Ukraine overnight. Air defences downed 280 of them.",
        FRI,
        {"300": "2025-07-04", "280": "2025-07-04"},
    )
)

SENTENCES_UK = [
    (
        "У ніч на 29 грудня 2023 року був рекорд – 158 ракет і дронів. "
        "У ніч на 4 липня противник атакував 539 ударними БпЛА.",
        FRI,
        {"158": "2023-12-29", "539": "2025-07-04"},
    ),
    (
        "Зеленський: за тиждень Росія випустила понад 1 100 ударних дронів\n\n"
        "«Цього тижня росіяни випустили 1 400 бомб. Лише минулої ночі – 69 ударних дронів».",
        "2025-11-09T14:30:00+02:00",
        {"1 100": None, "1 400": None, "69": "2025-11-09"},
    ),
]

NIGHTS_RU = [
    (
        "Средства ПВО за ночь перехватили и уничтожили 37 украинских беспилотников.",
        FRI,
        "37",
        "2025-07-04",
    ),
    (
        "С 21:00 до 23:00 мск 17 сентября над регионами сбиты 20 дронов.",
        "2025-09-17T23:30:00+03:00",
        "20",
        "2025-09-17",
    ),
    ("Утром 5 июля ВСУ атаковали село 3 дронами.", "2025-07-05T12:00:00+03:00", "3", "2025-07-05"),
    (
        "В ночь на субботу, 23 августа, противник атаковал 49 ударными БпЛА.",
        "2025-08-23",
        "49",
        "2025-08-23",
    ),
    ("В ночь на 4 июля средства ПВО уничтожили 48 беспилотников.", FRI, "48", "2025-07-04"),
    ("В ночь с 3 на 4 июля сбиты 40 дронов.", "2025-07-05", "40", "2025-07-04"),
    ("В ночь на понедельник сбиты 2 беспилотника.", "2025-09-15T07:10:00+03:00", "2", "2025-09-15"),
    ("За сутки сбиты 14 беспилотников.", "2025-06-12T21:00:00+03:00", "14", "2025-06-12"),
    ("За прошедшие сутки уничтожены 9 беспилотников.", "2025-04-09", "9", "2025-04-09"),
    (
        "Ночью 5 сентября беспилотники атаковали Рязань, сбиты 26 дронов.",
        "2025-09-05",
        "26",
        "2025-09-05",
    ),
    ("Днем 24 января Харьков атаковали 5 КАБами.", "2025-01-24T17:30:00+02:00", "5", "2025-01-24"),
    ("Вечером 14 августа сбиты 27 беспилотников.", "2025-08-14T23:40:00+03:00", "27", "2025-08-14"),
    ("Вчера вечером сбиты 7 дронов.", FRI, "7", "2025-07-03"),
    ("Этой ночью город атаковали 12 шахедов.", None, "12", None),
    ("Этой ночью город атаковали 12 шахедов.", "2025-03-21", "12", "2025-03-21"),
    ("Ночью дежурные средства ПВО уничтожили 24 беспилотника.", "2025-07-08", "24", "2025-07-08"),
    ("В ночь на 29 декабря 2023 года сбиты 36 дронов.", FRI, "36", "2023-12-29"),
    (
        "В ночь на 12 апреля российские войска атаковали Харьков 4 ракетами.",
        "2025-04-12",
        "4",
        "2025-04-12",
    ),
    ("Это крупнейшая атака с начала войны – 741 дрон.", "2025-07-09", "741", "2025-07-09"),
    (
        "Этой ночью ВСУ предприняли крупнейшую в этом году атаку – 337 дронов.",
        FRI,
        "337",
        "2025-07-04",
    ),
    ("МОСКВА, 4 июля. Над регионами сбиты 20 дронов.", "2025-07-05", "20", "2025-07-04"),
    ("Накануне вечером сбиты 10 дронов.", FRI, "10", "2025-07-03"),
    ("С вечера пятницы до утра субботы сбиты 90 дронов.", "2025-07-05", "90", "2025-07-05"),
    ("В ночь на субботу, 5 июля, сбиты 90 дронов.", "2025-07-05", "90", "2025-07-05"),
    ("В ночь на субботу сбиты 90 дронов.", "2025-07-04T22:30:00+03:00", "90", "2025-07-05"),
    ("Этой ночью город атакуют 12 шахедов.", "2025-03-20T23:10:00+02:00", "12", "2025-03-21"),
    ("В течение дня сбиты 15 дронов.", FRI, "15", "2025-07-04"),
    (
        "В течение прошедшей ночи перехвачены и уничтожены 48 беспилотников.",
        FRI,
        "48",
        "2025-07-04",
    ),
    ("Минувшей ночью уничтожены 48 беспилотников.", FRI, "48", "2025-07-04"),
    (
        "4 июля в период с 8:00 до 12:00 мск сбиты 6 дронов.",
        "2025-07-04T13:00:00+03:00",
        "6",
        "2025-07-04",
    ),
    ("В ночь на 4-е июля уничтожены 48 беспилотников.", FRI, "48", "2025-07-04"),
    # periods
    ("С 1 по 7 июля сбиты 1 200 дронов.", "2025-07-08", "1 200", None),
    ("За 2024 год сбиты 50 000 дронов.", FRI, "50 000", None),
    ("С начала сентября сбиты 3 000 дронов.", "2025-09-20", "3 000", None),
    ("За неделю ВСУ выпустили 1 500 дронов.", FRI, "1 500", None),
    ("На прошлой неделе ВСУ выпустили 1 500 дронов.", FRI, "1 500", None),
    ("С начала года сбиты 30 000 дронов.", FRI, "30 000", None),
    ("В июне сбиты 5 000 дронов.", FRI, "5 000", None),
    ("За месяц сбиты 5 000 дронов.", FRI, "5 000", None),
]


@pytest.mark.parametrize(("text", "published", "marker", "night"), NIGHTS_EN)
def test_nights_en(text: str, published: str | None, marker: str, night: str | None) -> None:
    assert moment("en", text, published, marker).night_of == night


@pytest.mark.parametrize(("text", "published", "marker", "night"), NIGHTS_UK)
def test_nights_uk(text: str, published: str | None, marker: str, night: str | None) -> None:
    assert moment("uk", text, published, marker).night_of == night


@pytest.mark.parametrize(("text", "published", "marker", "night"), NIGHTS_RU)
def test_nights_ru(text: str, published: str | None, marker: str, night: str | None) -> None:
    assert moment("ru", text, published, marker).night_of == night


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [("en", *c) for c in SENTENCES_EN] + [("uk", *c) for c in SENTENCES_UK],
)
def test_sentence_overrides(
    lang: str, text: str, published: str, expected: dict[str, str | None]
) -> None:
    tc = time_context(text, lang, pub(published))
    got = {marker: tc.at(text.index(marker)).night_of for marker in expected}
    assert got == expected


WINDOWS = [
    (
        "ru",
        "В период с 20:00 до 23:00 мск над Брянской областью сбиты 7 беспилотников.",
        "2025-07-04T23:40:00+03:00",
        "7",
        "2025-07-04",
        "2025-07-04T20:00:00+03:00",
        "2025-07-04T23:00:00+03:00",
    ),
    # (lang, text, published, marker, night_of, start, end)
    (
        "uk",
        "У ніч на 4 липня (з 18:00 3 липня) противник атакував 539 ударними БпЛА. "
        "Станом на 09:00 збито 478.",
        FRI,
        "539",
        "2025-07-04",
        "2025-07-03T18:00:00+03:00",
        "2025-07-04T09:00:00+03:00",
    ),
    (
        "uk",
        "У ніч на 4 липня (з 18:00 3 липня) противник атакував 539 ударними БпЛА. "
        "Станом на 09:00 збито 478.",
        FRI,
        "478",
        "2025-07-04",
        "2025-07-03T18:00:00+03:00",
        "2025-07-04T09:00:00+03:00",
    ),
    (
        "uk",
        "Протягом ночі на 4 липня (починаючи з 18:00 3 липня) ворог застосував 550 засобів.",
        FRI,
        "550",
        "2025-07-04",
        "2025-07-03T18:00:00+03:00",
        None,
    ),
    (
        "uk",
        "У ніч на 27 грудня (з 18:00 26 грудня) противник атакував 519 ударними БпЛА. "
        "Станом на 08:30 збито 474.",
        "2025-12-27T13:40:00+02:00",
        "519",
        "2025-12-27",
        "2025-12-26T18:00:00+02:00",
        "2025-12-27T08:30:00+02:00",
    ),
    (
        "uk",
        "У ніч на 26 листопада (з 19:30 25 листопада) ворог атакував 188 дронами.",
        "2024-11-26",
        "188",
        "2024-11-26",
        "2024-11-25T19:30:00+02:00",
        None,
    ),
    (
        "uk",
        "У ніч на 4 липня з 18:00 ворог атакував 60 дронами. На 09:00 збито 40.",
        FRI,
        "40",
        "2025-07-04",
        "2025-07-03T18:00:00+03:00",
        "2025-07-04T09:00:00+03:00",
    ),
    (
        "ru",
        "Вечером 14 августа, в период с 19:30 до 23:00 мск, силами ПВО сбиты 27 беспилотников.",
        "2025-08-14T23:40:00+03:00",
        "27",
        "2025-08-14",
        "2025-08-14T19:30:00+03:00",
        "2025-08-14T23:00:00+03:00",
    ),
    (
        "ru",
        "С 20:00 до 07:00 мск над регионами уничтожены 112 беспилотников.",
        "2025-05-21T07:35:00+03:00",
        "112",
        "2025-05-21",
        "2025-05-20T20:00:00+03:00",
        "2025-05-21T07:00:00+03:00",
    ),
    (
        "ru",
        "В ночь на 4 января с 20:00 до 07:00 мск уничтожены 30 беспилотников.",
        "2025-01-04",
        "30",
        "2025-01-04",
        "2025-01-03T20:00:00+03:00",
        "2025-01-04T07:00:00+03:00",
    ),
    (
        "ru",
        "В ночь на 4 января (с 18:00 3 января) противник атаковал 80 дронами.",
        "2025-01-04",
        "80",
        "2025-01-04",
        "2025-01-03T18:00:00+02:00",
        None,
    ),
    (
        "uk",
        "10 жовтня з 06:30 до 10:20 ворог випустив 84 крилаті ракети.",
        "2022-10-10T16:40:00+03:00",
        "84",
        "2022-10-10",
        "2022-10-10T06:30:00+03:00",
        "2022-10-10T10:20:00+03:00",
    ),
    (
        "en",
        "Russia launched 100 drones overnight, from 6 p.m. to 9 a.m. Kyiv time.",
        FRI,
        "100",
        "2025-07-04",
        "2025-07-03T18:00:00+03:00",
        "2025-07-04T09:00:00+03:00",
    ),
    (
        "en",
        "Russia launched 100 drones overnight. As of 9 a.m., 80 had been shot down.",
        FRI,
        "80",
        "2025-07-04",
        None,
        "2025-07-04T09:00:00+03:00",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "marker", "night", "start", "end"), WINDOWS)
def test_windows(
    lang: str,
    text: str,
    published: str,
    marker: str,
    night: str,
    start: str | None,
    end: str | None,
) -> None:
    m = moment(lang, text, published, marker)
    assert m.night_of == night
    assert m.window is not None
    assert (m.window.start, m.window.end) == (start, end)


def test_no_window_without_times() -> None:
    assert moment("uk", "У ніч на 4 липня ворог атакував 60 дронами.", FRI, "60").window is None


def test_published_forms() -> None:
    text = "Russia launched 30 drones overnight."
    utc_evening = "2025-07-03T22:30:00+00:00"  # 01:30 on 4 July in Kyiv
    assert moment("en", text, utc_evening, "30").night_of == "2025-07-04"
    assert moment("en", text, "2025-07-04T09:00:00", "30").night_of == "2025-07-04"
    assert moment("en", text, "2025-07-04", "30").night_of == "2025-07-04"


def test_component_sets_note() -> None:
    from strikeledger.document import Document
    from strikeledger.extract.pipeline import Context
    from strikeledger.extract.text import sentences
    from strikeledger.report import Report

    doc = Document.from_text("У ніч на 4 липня ворог атакував 60 дронами.", published=FRI)
    ctx = Context(doc, doc.text, "uk", doc.published_at(), Report(document={}), sentences(doc.text))
    from strikeledger.extract.dates import component

    component(ctx)
    assert ctx.notes["time"].at(doc.text.index("60")).night_of == "2025-07-04"
    assert ctx.notes["time"].document.night_of == "2025-07-04"


CUES = [
    ("uk", "у ніч на 4 липня", "night_date"),
    ("uk", "за минулу добу", "day24"),
    ("uk", "станом на 09:00", "window_end"),
    ("uk", "з 18:00 3 липня", "window_start"),
    ("uk", "за тиждень", "period"),
    ("uk", "вдруге за тиждень", "ignore"),
    ("ru", "в ночь на 4 июля", "night_date"),
    ("ru", "за сутки", "day24"),
    ("ru", "с 20:00 до 07:00", "window_range"),
    ("ru", "этой ночью", "night_rel"),
    ("en", "overnight into Friday", "night_weekday"),
    ("en", "overnight", "night_rel"),
    ("en", "on Saturday night", "night_after"),
    ("en", "said on Wednesday", "speech"),
    ("en", "said in a statement on Telegram on Sunday", "speech"),
    ("en", "KYIV, July 4 (Reuters) —", "dateline"),
    ("en", "over the past week", "period"),
    ("en", "over the weekend", "period"),
    ("en", "in the first half of 2025", "period"),
    ("en", "since Friday", "period"),
    ("en", "since Friday evening", "night_after"),
    ("en", "the previous day", "day_rel"),
    ("en", "before dawn on Friday", "night_weekday"),
    ("en", "from Friday evening to Saturday morning", "night_range"),
    ("en", "in the past 24 hours", "day24"),
    ("en", "since the start of September", "period"),
    ("en", "from 18:00 on July 3", "window_start"),
    ("en", "as of 9 a.m.", "window_end"),
    ("uk", "за вихідні", "period"),
    ("uk", "протягом вихідних", "period"),
    ("uk", "у першому півріччі", "period"),
    ("uk", "з п'ятниці", "period"),
    ("uk", "з початку доби", "day_rel"),
    ("uk", "протягом дня", "day_rel"),
    ("uk", "напередодні ввечері", "day_rel"),
    ("uk", "минулого вечора", "day_rel"),
    ("uk", "з вечора п'ятниці до ранку суботи", "night_range"),
    ("uk", "з 1 по 7 липня", "period"),
    ("uk", "з початку вересня", "period"),
    ("uk", "у ніч проти суботи", "night_weekday"),
    ("uk", "ввечері 3 липня", "day_date"),
    ("uk", "цієї ночі", "night_rel"),
    ("uk", "минулої доби", "day24"),
    ("ru", "в выходные", "period"),
    ("ru", "в первом полугодии", "period"),
    ("ru", "с пятницы", "period"),
    ("ru", "с начала суток", "day_rel"),
    ("ru", "в течение дня", "day_rel"),
    ("ru", "накануне вечером", "day_rel"),
    ("ru", "с вечера пятницы до утра субботы", "night_range"),
    ("ru", "с 1 по 7 июля", "period"),
    ("ru", "с четверга на пятницу", "night_range"),
    ("uk", "з четверга на п'ятницю", "night_range"),
    ("ru", "с начала СВО", "period"),
    ("ru", "в течение прошедшей ночи", "night_rel"),
    ("ru", "по состоянию на 7:00", "window_end"),
    ("ru", "вечером 14 августа", "day_date"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), CUES)
def test_cue_kinds(lang: str, text: str, kind: str) -> None:
    cs = find_cues(text, lang)
    assert [(c.kind, c.text) for c in cs] == [(kind, text)]


def test_may_is_a_month_only_when_capitalised() -> None:
    assert [c.kind for c in find_cues("Russia launched 80 drones on May 9.", "en")] == ["day_date"]
    assert find_cues("officials said drones may 9 times", "en") == []


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_dates_yaml_schema(lang: str) -> None:
    d = lang_data(lang, "dates")
    assert sorted(int(k) for k in d["months"]) == list(range(1, 13))
    assert sorted(int(k) for k in d["weekdays"]) == list(range(7))
    assert set(d["cues"]) <= set(KINDS)
    for kind, entries in d["cues"].items():
        for e in entries or []:
            assert isinstance(e, str) or (isinstance(e, dict) and "re" in e), (kind, e)
    dates_cues.cues(lang)  # compiles


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_dates_yaml_parses_strictly(lang: str) -> None:
    path = Path(dates_cues.__file__).parent / "lang" / lang / "dates.yaml"  # .py or compiled
    with open(path, encoding="utf-8") as f:
        assert isinstance(yaml.safe_load(f), dict)


@pytest.mark.shared
def test_dev_gold_nights() -> None:
    """For each gold figure with a value present in the text, the moment at (some) occurrence of
    that number gives the gold night. Measured: en 110/110, uk 133/133, ru 61/61."""
    gold = shared_path("gold", "dev")
    total: dict[str, int] = {}
    good: dict[str, int] = {}
    for path in sorted(gold.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        lang = path.name[:2]
        txt = path.with_suffix(".txt")
        doc = document_from_bytes(
            txt.read_bytes(), path=str(txt), published=g["document"].get("published")
        )
        tc = time_context(doc.text, lang, doc.published_at())
        nums = find_numbers(doc.text, lang)
        for f in g["expected"].get("figures", []):
            at = [n.start for n in nums if n.value == f["value"]]
            if not at:
                continue
            total[lang] = total.get(lang, 0) + 1
            if f.get("night_of") in {tc.at(o).night_of for o in at}:
                good[lang] = good.get(lang, 0) + 1
    for lang, n in total.items():
        assert good.get(lang, 0) / n >= 0.95, (lang, good.get(lang, 0), n)


@given(st.text(max_size=300), st.sampled_from(["en", "uk", "ru", "other"]))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_a_moment_at_every_offset(text: str, lang: str) -> None:
    tc = time_context(text, lang, date(2025, 7, 4))
    for off in range(0, len(text) + 1, 7):
        m = tc.at(off)
        assert m.night_of is None or len(m.night_of) == 10


@given(
    st.lists(
        st.sampled_from(
            [
                "у ніч на",
                "4 липня",
                "з 18:00",
                "станом на 09:00",
                "за тиждень",
                "overnight",
                "on July 9",
                "в ночь на",
                "с 20:00 до 07:00 мск",
                "30",
                "дронів",
                ",",
                ".",
                "\n",
                "since the start of",
                "вчора",
                "29 грудня",
                "Saturday night",
                "tonight",
            ]
        ),
        max_size=25,
    ),
    st.sampled_from(["en", "uk", "ru"]),
)
@settings(max_examples=150, deadline=None)
def test_cue_soup_never_fails(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    tc = time_context(text, lang, datetime(2025, 1, 2, 9, 0))
    for c in tc.cues:
        assert text[c.start : c.end] == c.text
    tc.at(len(text) // 2)


def test_moment_says_what_decided() -> None:
    text = (
        "Russia launched 741 drones overnight, surpassing the previous record of 550 drones set "
        "on July 4. It has launched 5,000 drones in June. Air defences downed 700."
    )
    tc = time_context(text, "en", date(2025, 7, 9))
    assert (tc.at(text.index("741")).kind, tc.at(text.index("741")).cue) == (
        "night_rel",
        "overnight",
    )
    assert tc.at(text.index("550")).kind == "day_date"
    assert tc.at(text.index("5,000")).kind == "period"
    assert tc.at(text.index("700")).kind == "night_rel"  # the document's cue
    bare = time_context("Russia launched 30 drones.", "en", date(2025, 7, 9))
    assert (bare.document.night_of, bare.document.kind) == ("2025-07-09", "published")


@pytest.mark.parametrize(
    ("lang", "text", "published", "marker", "night"),
    [
        (
            "ru",
            "Ночная атака на Одессу: ранены четыре человека\n\nВ ночь на 21 марта противник "
            "запустил 214 дронов. Сбиты 114.",
            "2025-03-22T00:40:00+02:00",
            "четыре",
            "2025-03-21",
        ),
        (
            "uk",
            "Нічна атака на Київ: постраждали дев'ятеро людей\n\nУ ніч на 10 жовтня Росія "
            "атакувала Київ. Загалом цієї ночі противник випустив 465 дронів.",
            "2025-10-11T01:20:00+03:00",
            "465",
            "2025-10-10",
        ),
        (
            "uk",
            "Вночі ворог атакував Київ 40 дронами. Минулого тижня, у ніч на 4 жовтня, було 465.",
            "2025-10-11T09:00:00+03:00",
            "40",
            "2025-10-11",
        ),
    ],
)
def test_late_publication(lang: str, text: str, published: str, marker: str, night: str) -> None:
    assert moment(lang, text, published, marker).night_of == night
