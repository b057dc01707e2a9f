"""A time limit per document, for the callers of the extractor (ingest, batch).

Extraction stays a pure function; the limit is applied around it by whoever calls it:
``extract_within_limit(doc)`` runs ``extract(doc)`` and raises
:class:`~strikeledger.errors.ExtractionTimeoutError` (SL-E120) when it takes longer than the
setting ``max_extract_seconds`` (0: no limit). The caller records the document as skipped and goes
on with the next one.

Mechanism: a watchdog timer thread raises an exception asynchronously in the extracting thread
(``PyThreadState_SetAsyncExc``). It works in any thread (the main thread of a process-pool worker,
a Dask worker thread), needs no signal handler, and leaves no exception pending after the call
returns, whatever the timing. The exception arrives between two Python bytecodes: a single C call
that never returns (one catastrophic regex match) is not interrupted, which is why the rules are
also fuzzed and timed on pathological input (tests/hostile).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

from .. import settings
from ..document import Document
from ..errors import ExtractionTimeoutError
from ..report import Report

__all__ = ["call_within_limit", "extract_within_limit"]

R = TypeVar("R")


class _Expired(BaseException):
    """Raised inside the guarded call by the watchdog. A BaseException, so that a component's
    ``except Exception`` cannot swallow it."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )


class _Watch:
    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.done = False
        self.fired = False

    def fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                _raise_in(self.thread_id, _Expired)

    def finish(self) -> None:
        with self.lock:
            self.done = True
            fired = self.fired
        if fired:  # the exception may still be pending: take it back
            _raise_in(self.thread_id, None)


def call_within_limit(
    fn: Callable[[], R], seconds: float | None, *, item: str, what: str = "extraction"
) -> R:
    """``fn()``, or ExtractionTimeoutError naming ``item`` when it runs longer than
    ``seconds`` (None or <= 0: no limit)."""
    if not seconds or seconds <= 0:
        return fn()
    watch = _Watch(threading.get_ident())
    timer = threading.Timer(seconds, watch.fire)
    timer.daemon = True
    try:
        timer.start()
        try:
            return fn()
        finally:
            timer.cancel()
            watch.finish()
    except _Expired:
        raise ExtractionTimeoutError(
            f"{what} took longer than max_extract_seconds={seconds:g}; the document is skipped",
            item=item,
        ) from None


def extract_within_limit(doc: Document, seconds: float | None = None) -> Report:
    """``extract(doc)`` under the time limit (default: the setting ``max_extract_seconds``)."""
    from . import extract

    limit = settings.MAX_EXTRACT_SECONDS.get() if seconds is None else seconds
    return call_within_limit(lambda: extract(doc), limit, item=doc.path or doc.url or doc.id)
