"""Batch on a real local Dask cluster must equal the single-process path, document for
document — also when the run is interrupted and resumed, and when a worker is killed."""

from __future__ import annotations

import itertools
import json
import os
import signal
import threading
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from strikeledger.batch import load_batch, plan_shards, run_batch
from strikeledger.batch.run import MANIFEST

TABLES = ("documents", "reports", "figures", "casualties", "places", "flags", "errors")

_TEMPLATES = [
    "Russia launched {n} drones and {m} missiles at Ukraine overnight, the air force said. "
    "Air defences shot down {k} of the drones.",
    "У ніч на 4 липня ворог атакував {n} ударними БпЛА. Збито/подавлено {k} БпЛА.",
    "В течение ночи дежурными средствами ПВО перехвачены и уничтожены {k} украинских БПЛА.",
    "Officials in Kharkiv said {m} people were injured after {n} drones struck the city.",
]


def make_corpus(root: Path, n_files: int = 60, n_lines: int = 40) -> list[Path]:
    texts = root / "texts"
    texts.mkdir()
    for i in range(n_files):
        t = _TEMPLATES[i % len(_TEMPLATES)].format(n=100 + i, m=i % 9 + 1, k=90 + i)
        (texts / f"doc{i:03}.txt").write_text(f"published: 2025-07-04\n\n{t}", encoding="utf-8")
    (texts / "broken.txt").write_bytes(b"\xff\xfe\x00\x01 not text")
    (texts / "empty.txt").write_bytes(b"")
    lines = root / "posts.jsonl"
    with lines.open("w", encoding="utf-8") as f:
        for i in range(n_lines):
            body = _TEMPLATES[(i + 1) % len(_TEMPLATES)].format(n=300 + i, m=i % 5 + 1, k=250 + i)
            f.write(json.dumps({"body": body, "date": "2025-07-09T08:00:00+03:00"}) + "\n")
        f.write("{not json\n")
    return [texts, lines]


def read_output(out: Path) -> dict[str, list[dict[str, Any]]]:
    tables = {}
    for name in TABLES:
        rows = pq.read_table(out / name).to_pylist() if (out / name).exists() else []
        tables[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return tables


FIELDS = {"text": "body", "published": "date"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ref")
    summary = run_batch(corpus, out, workers=0, fields=FIELDS, docs_per_shard=7)
    assert summary.documents == 100 and summary.errors == 3 and not summary.failed_shards
    return out


def test_reference_output_has_every_document_and_error(reference: Path) -> None:
    tables = read_output(reference)
    assert len(tables["documents"]) == 100
    assert len({r["id"] for r in tables["documents"]}) == 100
    assert len(tables["reports"]) == 100
    assert tables["figures"], "the corpus states figures"
    messages = " | ".join(f"{e['item']} {e['code']} {e['message']}" for e in tables["errors"])
    assert "broken.txt" in messages and "empty.txt" in messages and "not JSON" in messages


def test_shards_are_stable_and_cover_the_input(corpus: list[Path]) -> None:
    a = plan_shards(corpus, docs_per_shard=7, bytes_per_shard=1000)
    b = plan_shards(corpus, docs_per_shard=7, bytes_per_shard=1000)
    assert [s.id for s in a] == [s.id for s in b]
    jsonl = [s for s in a if s.kind == "jsonl"]
    assert len(jsonl) > 1
    assert jsonl[0].start == 0 and all(x.stop == y.start for x, y in itertools.pairwise(jsonl))
    assert jsonl[-1].stop == corpus[1].stat().st_size


@pytest.mark.dask
def test_dask_equals_single_process(corpus: list[Path], reference: Path, tmp_path: Path) -> None:
    summary = run_batch(corpus, tmp_path, workers=2, fields=FIELDS, docs_per_shard=7)
    assert summary.documents == 100
    assert read_output(tmp_path) == read_output(reference)


def test_interrupted_batch_resumes_to_the_same_output(
    corpus: list[Path], reference: Path, tmp_path: Path
) -> None:
    seen = []

    def stop_after_three(result: Any) -> None:
        seen.append(result)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(
            corpus, tmp_path, workers=0, fields=FIELDS, docs_per_shard=7, on_result=stop_after_three
        )
    assert len((tmp_path / MANIFEST).read_text().splitlines()) == 3
    resumed = run_batch(corpus, tmp_path, workers=0, fields=FIELDS, docs_per_shard=7)
    assert resumed.skipped_shards == 3
    assert read_output(tmp_path) == read_output(reference)


@pytest.mark.dask
def test_worker_killed_mid_run(corpus: list[Path], reference: Path, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(os.getpid).values())
        killed = threading.Event()

        def kill_one(result: Any) -> None:
            if not killed.is_set():
                killed.set()
                os.kill(pids[0], signal.SIGKILL)

        summary = run_batch(
            corpus,
            tmp_path,
            scheduler=cluster.scheduler_address,
            fields=FIELDS,
            docs_per_shard=3,
            on_result=kill_one,
        )
    assert killed.is_set()
    assert not summary.failed_shards
    assert read_output(tmp_path) == read_output(reference_with(corpus, tmp_path.parent / "ref3"))


def reference_with(corpus: list[Path], out: Path) -> Path:
    if not (out / MANIFEST).exists():
        run_batch(corpus, out, workers=0, fields=FIELDS, docs_per_shard=3)
    return out


def test_load_is_idempotent(reference: Path, tmp_path: Path) -> None:
    from strikeledger.ledger.store import open_store

    db = str(tmp_path / "ledger.duckdb")
    first = load_batch(reference, db)
    assert first.documents == 100 and first.new + first.near_duplicate == 100
    again = load_batch(reference, db)
    assert again.new == 0 and again.duplicate == 100
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 100
        assert counts["figures"] == len(read_output(reference)["figures"])


# The stand-in for process_shard below: module-level, so that Dask pickles it by reference
# (the cluster of that test runs in threads of this process, so the state is shared).
_LOST: dict[str, Any] = {"calls": {}, "once": None, "twice": None}
_LOST_LOCK = threading.Lock()


def _losing_shards(shard: Any, out_dir: str, fields: Any = None) -> Any:
    from strikeledger.batch.work import process_shard

    with _LOST_LOCK:
        calls = _LOST["calls"]
        calls[shard.id] = n = calls.get(shard.id, 0) + 1
    if (shard.id == _LOST["once"] and n == 1) or shard.id == _LOST["twice"]:
        raise ConnectionError(f"lost with its worker ({shard.id}, attempt {n})")
    return process_shard(shard, out_dir, fields)


@pytest.mark.dask
def test_a_shard_lost_once_is_run_again_and_one_lost_twice_fails(
    corpus: list[Path], reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard whose result does not come back (as when its worker dies after running it) is
    submitted once more; a shard lost twice is recorded as failed and the run goes on. Dask's
    own retries are off here, and the cluster runs in threads, so the stand-in applies."""
    from distributed import LocalCluster

    from strikeledger.batch import run as batch_run
    from strikeledger.batch.work import process_shard

    plan = plan_shards(corpus, docs_per_shard=7)
    once, twice = plan[1].id, plan[4].id
    _LOST.update(calls={}, once=once, twice=twice)
    monkeypatch.setattr(batch_run, "process_shard", _losing_shards)
    monkeypatch.setenv("STRIKELEDGER_BATCH_TASK_RETRIES", "0")
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        summary = run_batch(
            corpus, tmp_path, scheduler=cluster.scheduler_address, fields=FIELDS, docs_per_shard=7
        )
    calls = _LOST["calls"]
    assert calls[once] == 2 and calls[twice] == 2
    assert summary.failed_shards == [twice]
    failed = [json.loads(line) for line in (tmp_path / "failed.jsonl").read_text().splitlines()]
    assert [f["shard"] for f in failed] == [twice] and "attempt 2" in failed[0]["error"]
    # everything but the failed shard's documents, as the single-process run has them
    alone = tmp_path.parent / f"{tmp_path.name}-alone"
    process_shard(plan[4], str(alone), FIELDS)
    its = {r["id"] for r in read_output(alone)["documents"]}
    got, want = read_output(tmp_path), read_output(reference)
    assert its and {r["id"] for r in got["documents"]} == {r["id"] for r in want["documents"]} - its
    assert got["figures"] == [r for r in want["figures"] if r["document_id"] not in its]
