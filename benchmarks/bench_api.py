#!/usr/bin/env python3
"""API latency on a ledger of one million figures (synthetic).

Builds (once, cached by size) a DuckDB ledger of synthetic documents over ~1,500 nights: Air
Force posts (launched / neutralized / shot down / suppressed / hit per category and model,
locations), wire stories (rounded or mislabelled totals), local posts (casualties with places);
20 figures a document on average. Then starts the app in process, lets it build its events
index (timed separately), and sends each query N times, reading the server's own
``Server-Timing`` (handler wall time, and the process's CPU time) for p50 / p95 / max.

    python benchmarks/bench_api.py [--figures 1000000] [--requests 200] [--db PATH]

Bar: /api/timeline and /api/events under 50 ms at the 95th percentile.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strikeledger.document import Document  # noqa: E402

AF = {"name": "Ukrainian Air Force", "kind": "air_force"}
WIRE = {"name": "Ukrainian officials", "kind": "government"}
LOCAL = {"name": "Regional Military Administration", "kind": "local_authority"}
CITIES = [
    ("Kyiv", "UA-30", 50.45, 30.52),
    ("Kharkiv", "UA-63", 49.99, 36.23),
    ("Odesa", "UA-51", 46.48, 30.72),
    ("Dnipro", "UA-12", 48.46, 35.04),
    ("Lviv", "UA-46", 49.84, 24.03),
    ("Zaporizhzhia", "UA-23", 47.84, 35.14),
    ("Sumy", "UA-59", 50.91, 34.80),
    ("Mykolaiv", "UA-48", 46.97, 31.99),
]
DRONE_MODELS = ["shahed", "gerbera", "decoy", None]
MISSILE_MODELS = ["kh-101", "kalibr", "iskander-m", "kinzhal", None]


def _fig(
    measure: str, cat: str, model: str | None, value: int, night: str, cl: dict[str, str]
) -> dict[str, Any]:
    return {
        "measure": measure,
        "weapon": {"category": cat, "model": model},
        "value": value,
        "qualifier": "exact",
        "night_of": night,
        "window": None,
        "area": ["UA"],
        "attacker": "RU",
        "claimant": cl,
        "evidence": {"start": 0, "end": 9, "text": "synthetic"},
        "rule": "bench.v1",
    }


def synthetic(n_figures: int, seed: int = 7) -> Any:
    rnd = random.Random(seed)
    start = date(2022, 9, 1)
    made = 0
    i = 0
    while made < n_figures:
        night = (start + timedelta(days=rnd.randrange(1500))).isoformat()
        kind = rnd.random()
        i += 1
        text = f"synthetic report {i} for the night of {night}"
        doc = Document.from_text(
            text,
            published=f"{night}T{8 + rnd.randrange(10):02d}:00:00+03:00",
            source="kpszsu" if kind < 0.5 else ("wire" if kind < 0.8 else "local"),
            title=f"synthetic {i}",
        )
        drones, missiles = rnd.randrange(20, 800), rnd.randrange(0, 40)
        figures: list[dict[str, Any]] = []
        casualties: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        if kind < 0.5:
            for model in DRONE_MODELS:
                v = drones // 4
                for m in ("launched", "shot_down", "suppressed", "hit"):
                    figures.append(
                        _fig(
                            m, "drone", model, max(1, v // (1 if m == "launched" else 3)), night, AF
                        )
                    )
            for model in MISSILE_MODELS[:1]:
                figures.append(_fig("launched", "missile", model, missiles, night, AF))
            figures.append(
                _fig("neutralized", "any", None, int((drones + missiles) * 0.9), night, AF)
            )
            figures.append(_fig("hit_locations", "any", None, rnd.randrange(1, 30), night, AF))
        elif kind < 0.8:
            figures.append(
                _fig("launched", "drone", None, (drones + missiles) // 10 * 10, night, WIRE)
            )
            figures.append(_fig("launched", "missile", None, missiles, night, WIRE))
        else:
            name, region, lat, lon = rnd.choice(CITIES)
            places.append(
                {
                    "id": "p1",
                    "name": name,
                    "level": "city",
                    "country": "UA",
                    "region": region,
                    "katottg": None,
                    "lat": lat,
                    "lon": lon,
                    "rule": "bench.v1",
                    "evidence": [{"start": 0, "end": 9, "text": "synthetic"}],
                }
            )
            casualties.append(
                {
                    "measure": "injured",
                    "who": "people",
                    "value": rnd.randrange(1, 40),
                    "qualifier": "exact",
                    "place": "p1",
                    "claimant": LOCAL,
                    "evidence": {"start": 0, "end": 9, "text": "synthetic"},
                    "rule": "bench.v1",
                }
            )
            figures.append(_fig("hit", "drone", None, rnd.randrange(1, 10), night, LOCAL))
        made += len(figures)
        report = {
            "schema": "strikeledger/report-v1",
            "document": {
                "id": doc.id,
                "source": doc.source,
                "url": None,
                "path": None,
                "title": doc.title,
                "published": doc.published,
                "language": "en",
            },
            "figures": figures,
            "casualties": casualties,
            "damage": [],
            "places": places,
            "statements": [],
            "persons": [],
            "flags": [],
        }
        yield doc, report


def build(db: Path, n_figures: int) -> None:
    from strikeledger.ledger import open_store

    t0 = time.perf_counter()
    batch: list[Any] = []
    with open_store(str(db)) as store:
        for pair in synthetic(n_figures):
            batch.append(pair)
            if len(batch) >= 5000:
                store.add_batch(batch, near_duplicates=False)
                batch = []
        if batch:
            store.add_batch(batch, near_duplicates=False)
        counts = store.counts()
    print(f"built {db}: {counts} in {time.perf_counter() - t0:.1f} s", flush=True)


def timed(client: Any, url: str, n: int) -> dict[str, float]:
    durs, cpus = [], []
    for _ in range(n):
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code, r.text[:200])
        app, cpu = (float(x.split("dur=")[1]) for x in r.headers["server-timing"].split(","))
        durs.append(app)
        cpus.append(cpu)
    durs.sort()
    cpus.sort()

    def p95(xs: list[float]) -> float:
        return xs[min(len(xs) - 1, round(0.95 * len(xs)) - 1)]

    return {
        "p50": statistics.median(durs),
        "p95": p95(durs),
        "max": durs[-1],
        "cpu_p50": statistics.median(cpus),
        "cpu_p95": p95(cpus),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"strikeledger-bench-{args.figures}.duckdb"
    if not db.exists():
        build(db, args.figures)
    from fastapi.testclient import TestClient

    from strikeledger.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=str(db), rate_limit=0))
    with TestClient(app) as client:
        t0 = time.perf_counter()
        r = client.get("/api/timeline?page_size=1")
        assert r.status_code == 200, r.text
        print(
            f"events index built on first request in {time.perf_counter() - t0:.1f} s", flush=True
        )
        rnd = random.Random(1)
        queries = {
            "timeline (all nights, dashboard)": "/api/timeline?page_size=500",
            "timeline (one month)": "/api/timeline?from=2024-03-01&to=2024-03-31",
            "timeline (drones, 2023)": "/api/timeline?weapon=drone&from=2023-01-01&to=2023-12-31",
            "events (first page)": "/api/events",
            "events (attacks, page 20)": "/api/events?level=attack&page=20",
            "events (Kyiv, 2024)": "/api/events?area=UA-30&from=2024-01-01&to=2024-12-31",
            "events (random month)": None,
            "figures (page 100)": "/api/figures?page=100",
            "regions (dashboard map)": "/api/regions?from=2024-01-01&to=2024-12-31",
        }
        results = {}
        for name, url in queries.items():
            if url is None:
                d = date(2022, 9, 1) + timedelta(days=rnd.randrange(1400))
                url = f"/api/events?from={d.isoformat()}&to={(d + timedelta(days=30)).isoformat()}"
            results[name] = timed(client, url, args.requests)
            res = results[name]
            print(
                f"{name:36s} p50 {res['p50']:7.2f} ms  p95 {res['p95']:7.2f} ms"
                f"  max {res['max']:7.2f} ms   cpu p50 {res['cpu_p50']:6.2f}"
                f" p95 {res['cpu_p95']:6.2f} ms"
            )
    import os

    print(f"load average during the run: {os.getloadavg()}")
    worst = max(v["p95"] for k, v in results.items() if k.startswith(("timeline", "events")))
    print(
        f"worst p95 of timeline/events: {worst:.2f} ms (bar 50 ms): "
        + ("met" if worst < 50 else "NOT met")
    )


if __name__ == "__main__":
    main()
