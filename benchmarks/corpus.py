"""A generator of realistic synthetic corpora for the benchmarks.

Documents imitate the genres strikeledger reads — English wire stories (news-sized, ~3–5 KB),
Ukrainian Air Force morning posts, Ukrainian regional-administration posts, Russian
defence-ministry bulletins and Russian-language Ukrainian news — with random but plausible
numbers, dates and places. Every sentence template here was written for this project.

    python benchmarks/corpus.py --docs 100000 --out corpus.jsonl [--seed 1] [--mix news=0.6,...]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

CITIES_EN = ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia", "Sumy", "Chernihiv"]
CITIES_UK = ["Києві", "Харкові", "Одесі", "Дніпрі", "Львові", "Запоріжжі", "Сумах", "Чернігові"]
OBLASTS_RU = ["Курской", "Белгородской", "Брянской", "Воронежской", "Орловской", "Ростовской"]
MONTHS_UK = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]

FILLER_EN = [
    "Residents spent hours in shelters and metro stations as explosions echoed across the city.",
    "Emergency crews worked through the morning to put out fires and clear debris from streets.",
    "The attack was one of several large strikes on the country's energy system this season.",
    "Officials urged people to heed air raid alerts and to stay away from damaged buildings.",
    "Power engineers said they expected to restore electricity to most homes by the evening.",
    "Kyiv has repeatedly asked its partners for more air defence systems and interceptors.",
    "Analysts said the size of the barrages has grown steadily over the past twelve months.",
    "Schools in the region switched to remote lessons for the day, local authorities said.",
    "The foreign ministry summoned diplomats to discuss the strikes, according to a statement.",
    "Rail operators reported delays on several routes while tracks were being inspected.",
]


def _news_en(rng: random.Random, night: date) -> str:
    drones, missiles = rng.randint(40, 700), rng.randint(0, 60)
    down_d = rng.randint(drones // 2, drones)
    down_m = rng.randint(0, missiles)
    city = rng.choice(CITIES_EN)
    injured, killed = rng.randint(0, 40), rng.randint(0, 9)
    lead = (
        f"{city.upper()}, {MONTHS_EN[night.month - 1][:3]} {night.day} — Russia attacked Ukraine "
        f"with {drones} drones and {missiles} missiles overnight, the air force said on "
        f"{night.strftime('%A')}, adding that air defences shot down or jammed {down_d} drones "
        f"and {down_m} missiles."
    )
    toll = (
        f"At least {killed} people were killed and {injured} injured in {city}, the head of the "
        f"regional administration said."
    )
    paras = [lead, toll]
    for _ in range(rng.randint(8, 14)):
        paras.append(" ".join(rng.sample(FILLER_EN, 3)))
    return f"Russian strikes hit {city} overnight\n\n" + "\n\n".join(paras)


def _af_uk(rng: random.Random, night: date) -> str:
    drones, missiles = rng.randint(40, 700), rng.randint(0, 40)
    shot = rng.randint(drones // 3, drones // 2)
    lost = rng.randint(0, drones - shot)
    prev = night - timedelta(days=1)
    return (
        f"У ніч на {night.day} {MONTHS_UK[night.month - 1]} (з 18:00 {prev.day} "
        f"{MONTHS_UK[prev.month - 1]}) противник атакував {drones + missiles} засобами "
        f"повітряного нападу: {drones} ударними БпЛА типу Shahed та імітаторами, а також "
        f"{missiles} ракетами.\n\nЗа попередніми даними, станом на 09:00 протиповітряною "
        f"обороною збито/подавлено {shot + lost} цілей: {shot} БпЛА збито, ще {lost} – "
        f"локаційно втрачені.\n\nЗафіксовано влучання {rng.randint(1, 30)} ударних БпЛА на "
        f"{rng.randint(1, 12)} локаціях. Не ігноруйте сигнали тривоги!"
    )


def _local_uk(rng: random.Random, night: date) -> str:
    city = rng.choice(CITIES_UK)
    return (
        f"Внаслідок нічної атаки у {city} постраждали {rng.randint(1, 30)} людей, серед них "
        f"{rng.randint(1, 4)} дітей. Пошкоджено багатоповерхівку та кілька автомобілів. На місці "
        f"працюють усі служби, повідомив начальник ОВА."
    )


def _mod_ru(rng: random.Random, night: date) -> str:
    parts = rng.sample(OBLASTS_RU, 4)
    nums = [rng.randint(1, 40) for _ in parts]
    tally = ", ".join(f"{p} — {n}" for p, n in zip(parts, nums, strict=True))
    return (
        f"В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены "
        f"{sum(nums)} украинских беспилотных летательных аппаратов самолетного типа: над "
        f"территорией {tally.replace(' — ', ' области — ', 1)}."
    )


def _news_ru(rng: random.Random, night: date) -> str:
    return (
        f"В ночь на {night.day} {MONTHS_RU[night.month - 1]} Россия атаковала Украину "
        f"{rng.randint(30, 500)} дронами и {rng.randint(1, 30)} ракетами, сообщили в Воздушных "
        f"силах. По данным ГСЧС, пострадали {rng.randint(1, 20)} человек."
    )


GENRES = {
    "news_en": _news_en,
    "af_uk": _af_uk,
    "local_uk": _local_uk,
    "mod_ru": _mod_ru,
    "news_ru": _news_ru,
}
DEFAULT_MIX = {"news_en": 0.5, "af_uk": 0.2, "local_uk": 0.1, "mod_ru": 0.1, "news_ru": 0.1}


def documents(
    n: int, *, seed: int = 1, mix: dict[str, float] | None = None
) -> Iterator[dict[str, str]]:
    """``n`` records {text, published, source, genre}, deterministic for a seed."""
    rng = random.Random(seed)
    weights = mix or DEFAULT_MIX
    names = list(weights)
    cum = [sum(list(weights.values())[: i + 1]) for i in range(len(names))]
    start = date(2022, 10, 1)
    for i in range(n):
        genre = rng.choices(names, cum_weights=cum)[0]
        night = start + timedelta(days=rng.randint(0, 1200))
        text = GENRES[genre](rng, night)
        yield {
            "text": f"{text}\n\n(ref {seed}-{i})",
            "published": f"{night.isoformat()}T09:30:00+03:00",
            "source": genre,
            "genre": genre,
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True, help="a .jsonl file or a folder for .txt")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mix", help="genre=weight,… (genres: " + ", ".join(GENRES) + ")")
    a = ap.parse_args(argv)
    mix = None
    if a.mix:
        mix = {k: float(v) for k, v in (kv.split("=") for kv in a.mix.split(","))}
    if a.out.suffix == ".jsonl":
        with a.out.open("w", encoding="utf-8") as f:
            for rec in documents(a.docs, seed=a.seed, mix=mix):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        a.out.mkdir(parents=True, exist_ok=True)
        for i, rec in enumerate(documents(a.docs, seed=a.seed, mix=mix)):
            body = f"published: {rec['published']}\nsource: {rec['source']}\n\n{rec['text']}"
            (a.out / f"doc{i:07}.txt").write_text(body, encoding="utf-8")
    print(f"wrote {a.docs} documents to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
