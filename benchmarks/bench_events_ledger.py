#!/usr/bin/env python3
"""Server-ready events on a big ledger: cold (no saved event set), warm (saved), incremental.

Uses the synthetic one-million-figure DuckDB ledger of ``bench_api.py`` (built once, cached in
the temp directory), copied so the original stays untouched. Each phase runs in a fresh process
(peak RSS per phase): the API app starts and answers its first ``/api/timeline`` request, which
waits for the events index (``events.store.load_event_set`` + the API's summary rows).

    python benchmarks/bench_events_ledger.py [--figures 1000000] [--new 1000]

Phases: ``cold`` (no ``<ledger>.events.pickle``: read, link, reconcile, save), ``warm`` (the
saved event set read back), ``incremental`` (``--new`` documents added first, then started).
Bar (issue 6): server-ready under 60 s and 2 GB on one million figures.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def serve_once(db: str) -> None:
    from fastapi.testclient import TestClient

    from strikeledger.api import ApiSettings, create_app

    t0, c0 = time.perf_counter(), time.process_time()
    app = create_app(ApiSettings(db=db, rate_limit=0))
    with TestClient(app) as client:
        r = client.get("/api/timeline?page_size=1")
        assert r.status_code == 200, r.text
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB, load {load:.1f}")


def add_new(db: str, n: int) -> None:
    from bench_api import synthetic

    from strikeledger.ledger import open_store

    pairs = list(itertools.islice(synthetic(10_000_000, seed=1234), n))
    with open_store(db) as store:
        store.add_batch(pairs, near_duplicates=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--serve-once", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_once:
        serve_once(args.serve_once)
        return
    src = Path(tempfile.gettempdir()) / f"strikeledger-bench-{args.figures}.duckdb"
    if not src.exists():
        from bench_api import build

        build(src, args.figures)
    work = Path(tempfile.mkdtemp(prefix="sl-events-bench-"))
    db = work / "ledger.duckdb"
    shutil.copy(src, db)
    from strikeledger.ledger import open_store

    with open_store(str(db)) as store:  # migrate the copy, if it is older
        print(f"ledger: {store.counts()}")
    me = [sys.executable, __file__, "--serve-once", str(db)]
    for phase in ("cold", "warm", "incremental"):
        if phase == "incremental":
            add_new(str(db), args.new)
        print(f"{phase:12s}", end=" ", flush=True)
        subprocess.run(me, check=True, stderr=subprocess.DEVNULL)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
