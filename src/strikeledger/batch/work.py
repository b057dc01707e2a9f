"""What one batch task does: read a shard, extract every document, write Parquet parts.

``process_shard`` is the function Dask runs. It is deterministic (same shard, same files, byte
for byte in content) and idempotent (parts are written to a temporary name, then renamed), so a
retried or resumed shard cannot leave half a part or a second copy behind.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document, document_from_bytes
from ..errors import ExtractionTimeoutError, InputError, StrikeledgerError
from ..extract.guard import extract_within_limit
from ..ledger.store import rows as rowsmod
from .shards import Shard

ITEM_TABLES = ("figures", "casualties", "damage", "places", "statements", "persons", "flags")
ERRORS_SCHEMA = [
    ("shard", "string"),
    ("item", "string"),
    ("position", "string"),
    ("code", "string"),
    ("message", "string"),
]


@dataclass(frozen=True)
class ErrorRow:
    item: str
    position: str | None
    code: str
    message: str


@dataclass(frozen=True)
class ShardResult:
    shard: str
    documents: int
    errors: int
    seconds: float
    worker_pid: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "shard": self.shard,
            "documents": self.documents,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
        }


def record_document(
    record: Any, *, path: str, item: str, position: str, fields: dict[str, str] | None
) -> Document | ErrorRow:
    """A document from one JSON/Parquet record, mapped as ``ingest`` maps records (``fields``:
    our name -> theirs, dotted keys, the usual names when unmapped), or the ErrorRow saying why
    not."""
    from ..ingest.base import Skipped
    from ..ingest.records import record_to_document

    got = record_to_document(record, item=item, position=position, fields=fields)
    if isinstance(got, Skipped):
        return ErrorRow(path, got.error.position or position, got.error.code, got.error.message)
    return got


def read_shard(shard: Shard, fields: dict[str, str] | None = None) -> Iterator[Document | ErrorRow]:
    """The documents of a shard, and an ErrorRow for each item that cannot be read."""
    if shard.kind == "text":
        for path in shard.paths:
            try:
                with open(path, "rb") as f:
                    data = f.read(_max_bytes() + 1)
                yield document_from_bytes(data, path=path)
            except OSError as e:
                yield ErrorRow(path, None, InputError.code, e.strerror or str(e))
            except StrikeledgerError as e:
                yield ErrorRow(path, e.position, e.code, e.message)
    elif shard.kind == "jsonl":
        path = shard.paths[0]
        with open(path, "rb") as f:
            f.seek(shard.start)
            offset = shard.start
            while offset < shard.stop:
                line = f.readline()
                if not line:
                    break
                here = offset
                offset += len(line)
                if not line.strip():
                    continue
                item = f"{path}@{here}"
                try:
                    record = json.loads(line)
                except RecursionError:  # 100,000 nested brackets would fail the whole shard
                    yield ErrorRow(path, f"byte {here}", "SL-E121", "JSON nested too deeply")
                    continue
                except json.JSONDecodeError as e:
                    yield ErrorRow(
                        path, f"byte {here + e.pos}", InputError.code, f"not JSON: {e.msg}"
                    )
                    continue
                yield record_document(
                    record, path=path, item=item, position=f"byte {here}", fields=fields
                )
    elif shard.kind == "parquet":
        import pyarrow.parquet as pq

        path = shard.paths[0]
        pf = pq.ParquetFile(path)
        for group in range(shard.start, shard.stop):
            for i, record in enumerate(pf.read_row_group(group).to_pylist()):
                item = f"{path}#rg{group}:{i}"
                where = f"row group {group} row {i}"
                yield record_document(record, path=path, item=item, position=where, fields=fields)
    else:
        yield from _read_source(shard.paths[0])


def _read_source(path: str) -> Iterator[Document | ErrorRow]:
    """Any other format, through the ingest readers."""
    try:
        from ..ingest import read_source
    except ImportError:  # pragma: no cover - the readers ship with the package
        yield ErrorRow(path, None, "SL-E100", "no reader for this format")
        return
    try:
        for got in read_source(path):
            if isinstance(got, Document):
                yield got
            else:
                err = got.error
                yield ErrorRow(err.item or path, err.position, err.code, err.message)
    except StrikeledgerError as e:
        yield ErrorRow(path, e.position, e.code, e.message)


def _max_bytes() -> int:
    from .. import settings

    return settings.MAX_DOCUMENT_BYTES.get()


def shard_tables(shard: Shard, fields: dict[str, str] | None = None) -> dict[str, Any]:
    """The Arrow tables of one shard: documents, reports, one per item kind, errors."""
    import pyarrow as pa

    cols = rowsmod.Columns()
    errors: list[ErrorRow] = []
    seen: set[str] = set()
    for got in read_shard(shard, fields):
        if isinstance(got, ErrorRow):
            errors.append(got)
            continue
        if got.id in seen:
            continue
        seen.add(got.id)
        try:
            report = extract_within_limit(got).to_dict()  # setting max_extract_seconds
        except ExtractionTimeoutError as e:
            errors.append(ErrorRow(got.path or got.id, None, e.code, e.message))
            continue
        except Exception as e:
            errors.append(
                ErrorRow(got.path or got.id, None, "SL-E900", f"extraction failed: {e!r}")
            )
            continue
        cols.add(
            "documents",
            {
                "id": got.id,
                "text": got.text,
                "source": got.source,
                "url": got.url,
                "path": got.path,
                "title": got.title,
                "published": got.published,
                "published_date": rowsmod.iso_date(got.published),
                "language": report["document"].get("language"),
                "kind": "text",
            },
        )
        cols.add(
            "reports",
            {
                "document_id": got.id,
                "schema": report["schema"],
                "language": report["document"].get("language"),
                "report_json": json.dumps(report, ensure_ascii=False, sort_keys=True),
            },
        )
        rowsmod.add_report(cols, got.id, report)
    tables = {name: cols.arrow(name) for name in ("documents", "reports", *ITEM_TABLES)}
    schema = pa.schema([(n, pa.string()) for n, _ in ERRORS_SCHEMA])
    tables["errors"] = pa.Table.from_pylist(
        [
            {
                "shard": shard.id,
                "item": e.item,
                "position": e.position,
                "code": e.code,
                "message": e.message,
            }
            for e in errors
        ],
        schema=schema,
    )
    return tables


def write_parquet_atomic(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def process_shard(shard: Shard, out_dir: str, fields: dict[str, str] | None = None) -> ShardResult:
    """Read, extract and write one shard's Parquet parts under ``out_dir/<table>/``."""
    started = time.perf_counter()
    tables = shard_tables(shard, fields)
    out = Path(out_dir)
    for name, table in tables.items():
        write_parquet_atomic(table, out / name / f"part-{shard.id}.parquet")
    return ShardResult(
        shard=shard.id,
        documents=tables["documents"].num_rows,
        errors=tables["errors"].num_rows,
        seconds=time.perf_counter() - started,
        worker_pid=os.getpid(),
    )
