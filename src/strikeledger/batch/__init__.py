"""Batch: the same ingest+extract mapped over shards on Dask, written as Parquet, loaded in bulk.

``extract`` is a pure function of a Document, so Spark, Ray or any other engine can call it
the same way ``process_shard`` does (see docs/BATCH.md).
"""

from __future__ import annotations

from .load import load_batch
from .run import BatchSummary, run_batch
from .shards import Shard, plan_shards
from .work import process_shard, shard_tables

__all__ = [
    "BatchSummary",
    "Shard",
    "load_batch",
    "plan_shards",
    "process_shard",
    "run_batch",
    "shard_tables",
]
