"""A time limit per document, for the callers of the extractor (ingest, batch).

Extraction stays a pure function; the limit is applied around it by whoever calls it:
``extract_within_limit(doc)`` runs ``extract(doc)`` and raises
:class:`~strikeledger.errors.ExtractionTimeoutError` (SL-E120) when it takes longer than the
setting ``max_extract_seconds`` (0: no limit). The caller records the document as skipped and goes
on with the next one.

Mechanism: a watchdog thread (one per process) raises an exception asynchronously in the
extracting thread (``PyThreadState_SetAsyncExc``). It works in any thread (the main thread of a
process-pool worker, a Dask worker thread), needs no signal handler, and leaves no exception
pending after the call returns, whatever the timing. The exception arrives between two Python
bytecodes: a single C call that never returns (one catastrophic regex match) is not
interrupted, which is why the rules are also fuzzed and timed on pathological input
(tests/hostile).

The compiled extractor (strikeledger/native.py) runs no bytecode of its own: there the exception
arrives at its next call into Python code, ``tick()``. The pipeline calls it before each
component, and figures (per number), places (per mention), casualties and damage (per sentence)
inside their loops; the other components are the short ones. A document over the limit is
stopped within one short component's work.
"""

from __future__ import annotations

import ctypes
import math
import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from .. import settings
from ..document import Document
from ..errors import ExtractionTimeoutError
from ..report import Report

__all__ = ["call_within_limit", "extract_within_limit", "tick"]

R = TypeVar("R")


_ACTIVE = threading.local()  # .watch: the guarded call running in this thread, if any


def tick() -> None:
    """Where a compiled extractor can be stopped (see the module docstring): raise when this
    thread's guarded call has expired. The asynchronous exception alone is not enough there:
    it lands in whatever Python code the thread runs when the watchdog gets the interpreter,
    and when that is a garbage-collector callback, the exception is swallowed ("ignored").
    This module is never compiled."""
    watch = getattr(_ACTIVE, "watch", None)
    if watch is not None and watch.fired and not watch.done:
        raise _Expired


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

    def fire(self) -> bool:
        """Raise in the guarded thread unless its call has finished; whether it did."""
        with self.lock:
            if not self.done:
                self.fired = True
                _raise_in(self.thread_id, _Expired)
            return not self.done

    def finish(self) -> None:
        with self.lock:
            self.done = True
            fired = self.fired
        if fired:  # the exception may still be pending: take it back
            _raise_in(self.thread_id, None)


class _Watchdog:
    """One daemon thread per process fires the deadlines of every guarded call (a thread per
    call cost ~80 us of CPU and ~300 us of waiting per document). Arming wakes the thread only
    when the new deadline is earlier than the one it sleeps towards, which for calls one after
    another under one limit is almost never."""

    def __init__(self) -> None:
        self.pid = -1  # the process whose thread runs; -1: none yet (or this is a forked child)
        self.start_lock = threading.Lock()
        self.cond = threading.Condition()
        self.calls: dict[int, tuple[float, _Watch]] = {}
        self.wake_at = math.inf

    def _start(self) -> None:
        """Start the thread in this process (threads do not survive a fork: a child starts its
        own, with fresh locks)."""
        with self.start_lock:
            if self.pid == os.getpid():
                return
            self.cond = threading.Condition()
            self.calls = {}
            self.wake_at = math.inf
            threading.Thread(target=self._run, name="strikeledger-watchdog", daemon=True).start()
            self.pid = os.getpid()

    def arm(self, watch: _Watch, seconds: float) -> None:
        if self.pid != os.getpid():
            self._start()
        deadline = time.monotonic() + seconds
        with self.cond:
            self.calls[id(watch)] = (deadline, watch)
            if deadline < self.wake_at:
                self.cond.notify()

    def disarm(self, watch: _Watch) -> None:
        with self.cond:
            self.calls.pop(id(watch), None)

    def _run(self) -> None:
        cond = self.cond
        with cond:
            while True:
                now = time.monotonic()
                for key, (deadline, watch) in list(self.calls.items()):
                    if deadline <= now:
                        if watch.fire():  # and again until the call ends (see _REFIRE_SECONDS)
                            self.calls[key] = (now + _REFIRE_SECONDS, watch)
                        else:
                            del self.calls[key]
                self.wake_at = min((d for d, _ in self.calls.values()), default=math.inf)
                cond.wait(None if self.wake_at == math.inf else self.wake_at - now)


# Python code that swallows exceptions may run in the guarded thread when the exception arrives
# and take it: a garbage-collector callback, a ``__del__`` (they report it as "ignored"). So an
# expired call is raised in again every 20 ms until it ends (and ``tick`` raises by itself).
_REFIRE_SECONDS = 0.02


def _settle(watch: _Watch) -> None:
    """After an expiry: the watchdog forgets the call and nothing stays pending in this thread,
    even if one more exception arrives meanwhile (it is caught here, then cleared by finish)."""
    while True:
        try:
            _WATCHDOG.disarm(watch)
            watch.finish()
            return
        except _Expired:
            continue


def _forget_after_fork() -> None:
    _WATCHDOG.pid = -1
    _WATCHDOG.start_lock = threading.Lock()  # it may have been held by a thread of the parent


_WATCHDOG = _Watchdog()
os.register_at_fork(after_in_child=_forget_after_fork)


def call_within_limit(
    fn: Callable[[], R], seconds: float | None, *, item: str, what: str = "extraction"
) -> R:
    """``fn()``, or ExtractionTimeoutError naming ``item`` when it runs longer than
    ``seconds`` (None or <= 0: no limit)."""
    if not seconds or seconds <= 0:
        return fn()
    watch = _Watch(threading.get_ident())
    outer = getattr(_ACTIVE, "watch", None)
    _ACTIVE.watch = watch
    try:
        _WATCHDOG.arm(watch, seconds)
        try:
            return fn()
        finally:
            _WATCHDOG.disarm(watch)
            watch.finish()
    except _Expired:
        _settle(watch)
        raise ExtractionTimeoutError(
            f"{what} took longer than max_extract_seconds={seconds:g}; the document is skipped",
            item=item,
        ) from None
    finally:
        _ACTIVE.watch = outer


def extract_within_limit(doc: Document, seconds: float | None = None) -> Report:
    """``extract(doc)`` under the time limit (default: the setting ``max_extract_seconds``)."""
    from . import extract

    limit = settings.MAX_EXTRACT_SECONDS.get() if seconds is None else seconds
    return call_within_limit(lambda: extract(doc), limit, item=doc.path or doc.url or doc.id)
