"""Batch throughput: documents/s and MB/s per core, the speed-up from 1 to 2 workers, peak
memory per worker, and the load rate into DuckDB (and PostgreSQL when a URL is given).

    python benchmarks/bench_batch.py --docs 20000 [--pg postgresql://…] [--keep DIR]

Writes a generated corpus (benchmarks/corpus.py) as JSON Lines, runs `batch` with 1 and with 2
local Dask workers, then `load`s the output. Prints one line per figure, ready for RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

from strikeledger.batch import load_batch, run_batch


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_workers(corpus: Path, out: Path, workers: int) -> tuple[float, int, float]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: None)  # workers are up before the clock starts
        t0 = time.perf_counter()
        # at least 8 shards per worker, so that both workers stay busy to the end
        shard_bytes = max(1_000_000, corpus.stat().st_size // 16)
        summary = run_batch(
            [corpus], out, scheduler=cluster.scheduler_address, bytes_per_shard=shard_bytes
        )
        seconds = time.perf_counter() - t0
        peaks = client.run(_peak_rss_mb)
    return seconds, summary.documents, max(peaks.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pg", help="also load into this PostgreSQL database")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temp folder)")
    a = ap.parse_args(argv)
    work = a.keep or Path(tempfile.mkdtemp(prefix="sl-bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for rec in documents(a.docs, seed=a.seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    mb = corpus.stat().st_size / 1e6
    results = {}
    for workers in (1, 2):
        out = work / f"out{workers}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, n, peak = run_workers(corpus, out, workers)
        results[workers] = seconds
        print(
            f"batch workers={workers}: {n} docs, {mb:.1f} MB in {seconds:.1f} s = "
            f"{n / seconds:.0f} docs/s, {mb / seconds:.2f} MB/s "
            f"({n / seconds / workers:.0f} docs/s per core); peak worker RSS {peak:.0f} MB"
        )
    print(f"speed-up 1 -> 2 workers: {results[1] / results[2]:.2f}x")
    for label, db in (("duckdb", str(work / "ledger.duckdb")), ("postgresql", a.pg)):
        if not db:
            continue
        t0 = time.perf_counter()
        s = load_batch(work / "out2", db)
        seconds = time.perf_counter() - t0
        print(
            f"load into {label}: {s.documents} docs in {seconds:.1f} s = "
            f"{s.documents / seconds:.0f} docs/s ({s.new} new)"
        )
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
