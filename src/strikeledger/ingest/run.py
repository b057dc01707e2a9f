"""``ingest``: read sources, extract each new document, file the reports in the ledger.

Documents are taken in batches (setting ``ingest_batch_size``). Per batch: documents already in
the ledger (same id) are counted as duplicates and not extracted again; the others are extracted
(in a process pool with ``jobs > 1``) and written with ``Store.add_batch`` in one transaction. A
run killed at any moment leaves the ledger as it was after the last whole batch; running it again
adds the rest, and nothing twice.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .. import settings
from ..document import Document
from ..errors import ExtractionFailedError, LedgerError, StoreRejectedError
from .base import Skipped
from .sources import read_source

__all__ = ["IngestSummary", "extractor_version", "ingest", "ingest_documents"]


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add_skipped(self, item: Skipped) -> None:
        self.skipped += 1
        self.reasons[f"{item.code} {item.reason}"] += 1

    def lines(self) -> list[str]:
        out = [
            f"read {self.read} documents: {self.new} new ({self.near_duplicate} of them "
            f"near-duplicates), {self.duplicate} already in the ledger or repeated",
            f"skipped {self.skipped} items",
        ]
        out.extend(f"  {n:>6}  {reason}" for reason, n in sorted(self.reasons.items()))
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "skipped": self.skipped,
            "skipped_reasons": dict(self.reasons),
        }


def extractor_version() -> str:
    from .. import __version__
    from ..extract.pipeline import components

    return f"strikeledger {__version__} " + ",".join(name for name, _ in components())


def _extract_one(doc: Document) -> tuple[dict[str, Any] | None, str | None]:
    from ..extract.guard import extract_within_limit  # setting max_extract_seconds

    try:
        return extract_within_limit(doc).to_dict(), None
    except Exception as e:  # a bug in a component must not stop a run: report and go on
        return None, f"{type(e).__name__}: {e}"


def _work(doc: Document) -> tuple[dict[str, Any] | None, str | None, Any]:
    """In a worker process: the report and the near-duplicate fingerprint of one document."""
    from ..ledger.dedup import fingerprint

    report, error = _extract_one(doc)
    if report is None:
        return report, error, None
    fp = fingerprint(doc.text)
    fp.bands()  # computed here (and cached in the fingerprint), not in the writing process
    return report, error, fp


def _warm(_: object = None) -> int:
    """Load the extractor in a worker, then freeze what is loaded: the garbage collector's full
    passes no longer walk the language data (tens of thousands of objects that live as long as
    the worker) over and over."""
    from ..extract.pipeline import components

    n = len(components())
    gc.freeze()
    return n


def _batches(items: Iterable[Document | Skipped], size: int) -> Iterator[list[Document | Skipped]]:
    batch: list[Document | Skipped] = []
    docs = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            docs += 1
        # a source of mostly bad items must not pile them up while waiting for documents
        if docs >= size or len(batch) >= 4 * size:
            yield batch
            batch, docs = [], 0
    if batch:
        yield batch


def ingest_documents(
    items: Iterable[Document | Skipped],
    store: Any,
    *,
    jobs: int = 1,
    progress: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    batch_size: int | None = None,
    kind: str = "text",
) -> IngestSummary:
    """Extract and store documents (Skipped items are counted and passed to ``on_skip``)."""
    from tqdm import tqdm

    summary = IngestSummary()
    size = batch_size or settings.INGEST_BATCH_SIZE.get()
    version = extractor_version()
    pool: Executor | None = None
    if jobs > 1:
        pool = ProcessPoolExecutor(jobs)
        list(pool.map(_warm, range(jobs)))
    bar = tqdm(
        unit=" docs", file=sys.stderr, disable=not progress, dynamic_ncols=True, mininterval=0.5
    )

    def skip(item: Skipped) -> None:
        summary.add_skipped(item)
        if on_skip:
            on_skip(item)

    def prepare(batch: list[Document | Skipped]) -> tuple[list[Document], Any, int]:
        """Count the batch, drop what the ledger has, and hand the rest to the pool (which
        starts on it at once: the next batch is read while this one is extracted)."""
        docs: list[Document] = []
        for item in batch:
            if isinstance(item, Skipped):
                skip(item)
            else:
                docs.append(item)
        summary.read += len(docs)
        known = store.known_ids({d.id for d in docs})
        todo: list[Document] = []
        seen: set[str] = set()
        for d in docs:
            if d.id in known or d.id in seen:
                summary.duplicate += 1
            else:
                seen.add(d.id)
                todo.append(d)
        results = None
        if pool is not None and len(todo) > 1:
            chunk = max(1, len(todo) // (jobs * 4))
            results = pool.map(_work, todo, chunksize=chunk)
        return todo, results, len(docs)

    def finish(todo: list[Document], results: Any, read: int) -> None:
        """Collect the reports of a batch and write it (one transaction)."""
        if results is None:
            results = [(*_extract_one(d), None) for d in todo]
        pairs = []
        prints = {}
        for doc, (report, error, fp) in zip(todo, results, strict=True):
            if fp is not None:
                prints[doc.id] = fp
            if report is None:
                where = doc.path or doc.url or doc.id
                skip(Skipped(ExtractionFailedError(f"extraction failed: {error}", item=where)))
                continue
            pairs.append((doc, report))
        result = _add(store, pairs, kind, version, prints, summary, on_skip)
        summary.new += result.new
        summary.duplicate += result.duplicate
        summary.near_duplicate += result.near_duplicate
        bar.update(read)
        bar.set_postfix(new=summary.new, skipped=summary.skipped, refresh=False)

    # Everything loaded so far (extractor, database driver) lives as long as the run: kept out
    # of the collector's full passes until the end (see _warm).
    gc.freeze()
    try:
        pending = None
        for batch in _batches(items, size):
            current = prepare(batch)
            if pending is not None:
                finish(*pending)
            pending = current
        if pending is not None:
            finish(*pending)
    finally:
        gc.unfreeze()
        bar.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


def _add(
    store: Any,
    pairs: list[tuple[Document, dict[str, Any]]],
    kind: str,
    version: str,
    prints: dict[str, Any],
    summary: IngestSummary,
    on_skip: Callable[[Skipped], None] | None,
) -> Any:
    """Write a batch; if the database refuses it, write its documents one by one so that one
    document it cannot take is skipped (and named) instead of stopping the run."""
    from ..ledger import BatchResult

    try:
        return store.add_batch(pairs, kind=kind, extractor_version=version, fingerprints=prints)
    except LedgerError:
        raise
    except Exception as batch_error:
        total = BatchResult()
        failed = 0
        for pair in pairs:
            try:
                one = store.add_batch(
                    [pair], kind=kind, extractor_version=version, fingerprints=prints
                )
            except Exception as e:
                failed += 1
                doc = pair[0]
                skipped = Skipped(
                    StoreRejectedError(
                        f"the ledger refused the document: {type(e).__name__}: {e}",
                        item=doc.path or doc.url or doc.id,
                    )
                )
                summary.add_skipped(skipped)
                if on_skip:
                    on_skip(skipped)
                continue
            total.new += one.new
            total.duplicate += one.duplicate
            total.near_duplicate += one.near_duplicate
            total.new_ids.extend(one.new_ids)
            total.near_duplicate_of.update(one.near_duplicate_of)
        if failed == len(pairs):
            raise batch_error
        return total


def ingest(
    sources: Sequence[str | os.PathLike[str]],
    db: str | os.PathLike[str] | None = None,
    *,
    jobs: int = 1,
    progress: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    batch_size: int | None = None,
    format: str | None = None,
    **options: Any,
) -> IngestSummary:
    """Read every source (files, directories, URLs), extract, and file in the ledger ``db``."""
    from ..ledger import open_store

    def items() -> Iterator[Document | Skipped]:
        for src in sources:
            yield from read_source(src, format=format, **options)

    with open_store(db) as store:
        return ingest_documents(
            items(), store, jobs=jobs, progress=progress, on_skip=on_skip, batch_size=batch_size
        )
