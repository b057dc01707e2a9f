"""Benchmark: link and reconcile N synthetic report-v1 dicts (default 100,000).

    python benchmarks/bench_link.py [--n 100000] [--nights 1500] [--seed 7]

Synthetic reports imitate the mix of a real ledger: per night an Air Force post (totals and
parts), wire stories and their syndicated copies (some figures mislabelled or rounded), local
authorities' casualty posts with updates, and Ukrainian strikes on Russian regions. Generation
is not timed; linking (``EventSet.build``) and reconciling every event are, separately.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from datetime import date, timedelta
from typing import Any

from strikeledger.ledger.events import EventSet

AF = {"name": "Ukrainian Air Force", "kind": "air_force"}
LOCAL = {"name": "Regional Military Administration", "kind": "local_authority"}
MOD = {"name": "Russian Ministry of Defence", "kind": "russian_mod"}
CITIES = [
    ("Kyiv", "city", "UA", "UA-30"),
    ("Kharkiv", "city", "UA", "UA-63"),
    ("Odesa", "city", "UA", "UA-51"),
    ("Dnipro", "city", "UA", "UA-12"),
    ("Lviv", "city", "UA", "UA-46"),
    ("Zaporizhzhia", "city", "UA", "UA-23"),
    ("Sumy", "city", "UA", "UA-59"),
    ("Kyiv Oblast", "oblast", "UA", "UA-32"),
]
RU_PLACES = [
    ("Belgorod", "foreign_city", "RU", "RU-BEL"),
    ("Kursk", "foreign_city", "RU", "RU-KRS"),
]


def _fig(
    m: str,
    cat: str,
    v: int,
    night: str,
    cl: Any,
    *,
    model: str | None = None,
    q: str = "exact",
    attacker: str = "RU",
    area: str = "UA",
) -> dict[str, Any]:
    return {
        "measure": m,
        "weapon": {"category": cat, "model": model},
        "value": v,
        "qualifier": q,
        "night_of": night,
        "window": None,
        "area": [area],
        "attacker": attacker,
        "claimant": cl,
        "evidence": {"start": 0, "end": 3, "text": f"{v} {cat}"},
        "rule": "bench.v1",
    }


def _report(
    i: int,
    night: str,
    source: str,
    figures: list[Any],
    casualties: list[Any] = (),  # type: ignore[assignment]
    places: list[Any] = (),
) -> dict[str, Any]:  # type: ignore[assignment]
    return {
        "schema": "strikeledger/report-v1",
        "document": {
            "id": f"sha256:{i:064x}",
            "source": source,
            "url": None,
            "path": None,
            "title": None,
            "published": f"{night}T{8 + i % 12:02d}:00:00+03:00",
            "language": "uk",
        },
        "figures": figures,
        "casualties": list(casualties),
        "damage": [],
        "places": list(places),
        "statements": [],
        "persons": [],
        "flags": [],
    }


def synthetic(n: int, nights: int, seed: int) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    start = date(2022, 10, 1)
    out: list[dict[str, Any]] = []
    i = 0
    while len(out) < n:
        night = (start + timedelta(days=rnd.randrange(nights))).isoformat()
        drones, missiles = rnd.randint(10, 800), rnd.randint(0, 90)
        kind = rnd.random()
        if kind < 0.15:  # Air Force post
            figs = [
                _fig("launched", "drone", drones, night, AF, model="shahed"),
                _fig("launched", "missile", missiles, night, AF, model="kh-101"),
                _fig("launched", "any", drones + missiles, night, AF),
                _fig("shot_down", "drone", drones // 2, night, AF),
                _fig("suppressed", "drone", drones // 3, night, AF),
                _fig("hit_locations", "any", rnd.randint(1, 20), night, AF),
            ]
            out.append(_report(i, night, "kpszsu", figs))
        elif kind < 0.55:  # wire story, sometimes mislabelled or rounded
            v = rnd.choice([drones, drones + missiles, round(drones, -1)])
            figs = [
                _fig("launched", "drone", v, night, AF),
                _fig(
                    "launched",
                    "missile",
                    missiles,
                    night,
                    AF,
                    q=rnd.choice(["exact", "at_least", "more_than"]),
                ),
            ]
            city = rnd.choice(CITIES)
            cas = [
                {
                    "measure": "injured",
                    "who": "people",
                    "value": rnd.randint(1, 40),
                    "qualifier": "at_least",
                    "place": "p1",
                    "claimant": None,
                    "evidence": {"start": 0, "end": 2, "text": "x"},
                    "rule": "bench.v1",
                }
            ]
            places = [
                {
                    "id": "p1",
                    "name": city[0],
                    "level": city[1],
                    "country": city[2],
                    "region": city[3],
                    "evidence": [],
                    "rule": "bench.v1",
                }
            ]
            out.append(_report(i, night, f"wire-{i % 7}", figs, cas, places))
        elif kind < 0.85:  # local authority with casualties
            city = rnd.choice(CITIES)
            cas = [
                {
                    "measure": m,
                    "who": "people",
                    "value": rnd.randint(0, 30),
                    "qualifier": "exact",
                    "place": "p1",
                    "claimant": LOCAL,
                    "evidence": {"start": 0, "end": 2, "text": "x"},
                    "rule": "bench.v1",
                }
                for m in ("killed", "injured")
            ]
            places = [
                {
                    "id": "p1",
                    "name": city[0],
                    "level": city[1],
                    "country": city[2],
                    "region": city[3],
                    "evidence": [],
                    "rule": "bench.v1",
                }
            ]
            out.append(_report(i, night, "ova", [], cas, places))
        else:  # Ukrainian strikes on Russia
            ru = rnd.choice(RU_PLACES)
            figs = [
                _fig(
                    "shot_down", "drone", rnd.randint(5, 300), night, MOD, attacker="UA", area="RU"
                )
            ]
            cas = [
                {
                    "measure": "injured",
                    "who": "people",
                    "value": rnd.randint(0, 5),
                    "qualifier": "exact",
                    "place": "p1",
                    "claimant": None,
                    "evidence": {"start": 0, "end": 2, "text": "x"},
                    "rule": "bench.v1",
                }
            ]
            places = [
                {
                    "id": "p1",
                    "name": ru[0],
                    "level": ru[1],
                    "country": ru[2],
                    "region": ru[3],
                    "evidence": [],
                    "rule": "bench.v1",
                }
            ]
            out.append(_report(i, night, "mod_russia", figs, cas, places))
        i += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--nights", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    reports = synthetic(args.n, args.nights, args.seed)
    c0, t0 = time.process_time(), time.perf_counter()
    es = EventSet.build(reports)
    t1 = time.perf_counter()
    recs = es.reconcile_all()
    c2, t2 = time.process_time(), time.perf_counter()
    claims = sum(len(r.claims) for r in recs.values())
    conflicts = sum(len(r.conflicts) for r in recs.values())
    print(
        f"reports {len(reports)}  events {len(es.events)}  claims {claims}  conflicts {conflicts}"
    )
    print(
        f"link {t1 - t0:.1f}s  reconcile {t2 - t1:.1f}s  total {t2 - t0:.1f}s wall, "
        f"{c2 - c0:.1f}s CPU  ({len(reports) / (t2 - t0):,.0f} reports/s)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"python {platform.python_version()}  {platform.machine()}  {platform.processor()}")


if __name__ == "__main__":
    main()
