"""Running a batch on Dask: a local cluster by default, any scheduler by address.

Finished shards are appended to ``out/manifest.jsonl`` only after all their parts are on disk,
so an interrupted batch resumes by skipping the shards listed there and produces exactly the
output of an uninterrupted run. A failed task is retried (``batch_task_retries``); a shard that
still fails is recorded in ``out/failed.jsonl`` with its reason, and the other shards go on.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import InputError
from .shards import Shard, plan_shards
from .work import ShardResult, process_shard

MANIFEST = "manifest.jsonl"
FAILED = "failed.jsonl"
PLAN = "plan.json"


@dataclass
class BatchSummary:
    shards: int = 0
    skipped_shards: int = 0
    documents: int = 0
    errors: int = 0
    failed_shards: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{self.shards} shards ({self.skipped_shards} already done), "
            f"{self.documents} documents, {self.errors} document errors, "
            f"{len(self.failed_shards)} failed shards"
        )


def finished_shards(out: Path) -> set[str]:
    path = out / MANIFEST
    if not path.exists():
        return set()
    done = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            done.add(json.loads(line)["shard"])
        except (json.JSONDecodeError, KeyError, TypeError):
            continue  # a line cut by a kill: that shard is simply done again
    return done


def _append(path: Path, record: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    fields: dict[str, str] | None = None,
    docs_per_shard: int | None = None,
    bytes_per_shard: int | None = None,
    progress: bool = False,
    on_result: Callable[[ShardResult], None] | None = None,
) -> BatchSummary:
    """Run ingest+extract over the inputs and write Parquet under ``out_dir``.

    ``workers=0`` runs in this process (no Dask) — the reference the Dask path must equal.
    Otherwise a ``distributed.LocalCluster`` of ``workers`` single-threaded processes is started,
    or the running scheduler at ``scheduler`` is used.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("the output must be a folder, not a file", item=str(out))
    shards = plan_shards(inputs, docs_per_shard=docs_per_shard, bytes_per_shard=bytes_per_shard)
    out.mkdir(parents=True, exist_ok=True)
    _write_plan(out, shards)
    done = finished_shards(out)
    todo = [s for s in shards if s.id not in done]
    summary = BatchSummary(shards=len(shards), skipped_shards=len(shards) - len(todo))
    bar = _bar(len(shards), summary.skipped_shards, progress)

    def record(result: ShardResult) -> None:
        _append(out / MANIFEST, result.to_dict())
        summary.documents += result.documents
        summary.errors += result.errors
        if bar is not None:
            bar.update(1)
            bar.set_postfix(documents=summary.documents, refresh=False)
        if on_result:
            on_result(result)

    def failed(shard: Shard, error: BaseException) -> None:
        summary.failed_shards.append(shard.id)
        _append(out / FAILED, {"shard": shard.id, "paths": list(shard.paths), "error": repr(error)})
        if bar is not None:
            bar.update(1)

    try:
        if workers == 0 and scheduler is None:
            for shard in todo:
                try:
                    record(process_shard(shard, str(out), fields))
                except Exception as e:
                    failed(shard, e)
        else:
            _run_dask(todo, out, scheduler, workers, fields, record, failed)
    finally:
        if bar is not None:
            bar.close()
    return summary


def _run_dask(
    todo: list[Shard],
    out: Path,
    scheduler: str | None,
    workers: int | None,
    fields: dict[str, str] | None,
    record: Callable[[ShardResult], None],
    failed: Callable[[Shard, BaseException], None],
) -> None:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        n = workers or settings.BATCH_WORKERS.get() or os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
    try:
        retries = settings.BATCH_TASK_RETRIES.get()

        def submit(shard: Shard, attempt: int) -> Any:
            key = f"shard-{shard.id}" + (f"-again{attempt}" if attempt else "")
            future = client.submit(
                process_shard,
                shard,
                str(out.resolve()),
                fields,
                key=key,
                retries=retries,
                pure=False,
            )
            futures[future] = (shard, attempt)
            return future

        futures: dict[Any, tuple[Shard, int]] = {}
        for shard in todo:
            submit(shard, 0)
        done = as_completed(list(futures))
        for future in done:
            shard, attempt = futures.pop(future)
            try:
                record(future.result())
            except Exception as e:
                # Dask retries a shard whose task raised; a result lost with its worker (killed
                # after the shard ran, before the result reached us) surfaces here instead: the
                # shard is submitted once more before it counts as failed.
                if attempt < 1:
                    done.add(submit(shard, attempt + 1))
                else:
                    failed(shard, e)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _write_plan(out: Path, shards: list[Shard]) -> None:
    tmp = out / f".{PLAN}.tmp"
    tmp.write_text(json.dumps([s.to_dict() for s in shards], indent=1), encoding="utf-8")
    os.replace(tmp, out / PLAN)


def _bar(total: int, initial: int, progress: bool) -> Any:
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="shard", file=sys.stderr, desc="batch")
