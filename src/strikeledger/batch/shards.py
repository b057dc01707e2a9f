"""Cutting inputs into shards: the unit of work that Dask schedules, retries and resumes.

A shard names its input exactly (a list of text files, a byte range of a JSON Lines file, row
groups of a Parquet file, one WARC file), so its id is stable across runs and the output of a
shard depends on nothing but its input. That is what makes resuming from the manifest give
the same output as an uninterrupted run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import MalformedInputError, UnsupportedSourceError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
OTHER_SUFFIXES = {".html", ".htm", ".warc", ".gz", ".xml", ".rss", ".atom", ".json", ".csv"}


@dataclass(frozen=True)
class Shard:
    """One unit of batch work. ``kind`` is text | jsonl | parquet | source."""

    kind: str
    paths: tuple[str, ...]
    start: int = 0  # byte offset (jsonl) or first row group (parquet)
    stop: int = -1  # end byte offset (jsonl) or row group after the last (parquet)

    @property
    def id(self) -> str:
        key = json.dumps(asdict(self), sort_keys=True).encode("utf-8")
        return hashlib.sha256(key).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self), "paths": list(self.paths)}


def _files(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        elif path.is_file():
            yield path
        else:  # a named input that is not there is the caller's mistake, not a bad item
            raise UnsupportedSourceError("no such file or directory", item=str(path))


def _jsonl_ranges(path: Path, target_bytes: int) -> Iterator[tuple[int, int]]:
    """Byte ranges of about ``target_bytes`` that end on line boundaries."""
    size = path.stat().st_size
    start = 0
    with path.open("rb") as f:
        while start < size:
            f.seek(min(start + target_bytes, size))
            f.readline()
            stop = min(f.tell(), size)
            if stop <= start:
                stop = size
            yield start, stop
            start = stop


def plan_shards(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    docs_per_shard: int | None = None,
    bytes_per_shard: int | None = None,
) -> list[Shard]:
    """The shards of the inputs (files and folders), in a deterministic order."""
    per_shard = docs_per_shard or settings.BATCH_DOCS_PER_SHARD.get()
    shard_bytes = bytes_per_shard or settings.BATCH_BYTES_PER_SHARD.get()
    shards: list[Shard] = []
    texts: list[str] = []
    for path in _files(inputs):
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            texts.append(str(path))
            if len(texts) >= per_shard:
                shards.append(Shard("text", tuple(texts)))
                texts = []
        elif suffix in JSONL_SUFFIXES:
            for start, stop in _jsonl_ranges(path, shard_bytes):
                shards.append(Shard("jsonl", (str(path),), start, stop))
        elif suffix in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            try:
                groups = pq.ParquetFile(path).num_row_groups
            except (OSError, ValueError) as e:  # pyarrow's ArrowInvalid is a ValueError
                raise MalformedInputError(f"not a Parquet file: {e}", item=str(path)) from None
            step = max(1, settings.BATCH_ROW_GROUPS_PER_SHARD.get())
            for first in range(0, max(groups, 1), step):
                shards.append(Shard("parquet", (str(path),), first, min(first + step, groups)))
        else:
            shards.append(Shard("source", (str(path),)))
    if texts:
        shards.append(Shard("text", tuple(texts)))
    return shards
