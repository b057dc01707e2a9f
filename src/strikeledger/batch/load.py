"""Loading a batch output into the ledger, in bulk and idempotently.

The Parquet ``documents`` and ``reports`` tables are read part by part, turned back into
(Document, report-v1) pairs and written with ``Store.add_batch`` — the same path ``ingest``
takes, so duplicates and near-duplicates are handled the same way and loading twice adds
nothing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from ..document import Document
from ..errors import UnsupportedSourceError


@dataclass
class LoadSummary:
    parts: int = 0
    documents: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0

    def describe(self) -> str:
        return (
            f"{self.parts} parts, {self.documents} documents: {self.new} new, "
            f"{self.duplicate} duplicate, {self.near_duplicate} near-duplicate"
        )


def load_batch(out_dir: str | os.PathLike[str], db: str | None = None) -> LoadSummary:
    import pyarrow.parquet as pq

    from ..ledger.store import open_store

    out = Path(out_dir)
    if not out.is_dir():
        raise UnsupportedSourceError("not a folder", item=str(out))
    if not (out / "documents").is_dir():
        raise UnsupportedSourceError(
            "not a `strikeledger batch` output (no documents/ folder)", item=str(out)
        )
    summary = LoadSummary()
    chunk = settings.BATCH_LOAD_CHUNK.get()
    parts = sorted((out / "documents").glob("part-*.parquet"))
    with open_store(db) as store:
        for part in parts:
            summary.parts += 1
            docs = pq.read_table(part).to_pylist()
            reports_path = out / "reports" / part.name
            reports = {
                r["document_id"]: json.loads(r["report_json"])
                for r in pq.read_table(
                    reports_path, columns=["document_id", "report_json"]
                ).to_pylist()
            }
            pairs = []
            for row in docs:
                doc = Document(
                    text=row["text"],
                    id=row["id"],
                    published=row["published"],
                    url=row["url"],
                    title=row["title"],
                    source=row["source"],
                    path=row["path"],
                    language=row["language"],
                )
                pairs.append((doc, reports[row["id"]]))
            for i in range(0, len(pairs), chunk):
                result = store.add_batch(pairs[i : i + chunk])
                summary.documents += len(pairs[i : i + chunk])
                summary.new += result.new
                summary.duplicate += result.duplicate
                summary.near_duplicate += result.near_duplicate
    return summary
