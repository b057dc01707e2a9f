"""Events, timeline, regions and conflicts as the events package records them, and ingest.

Nothing here links or reconciles: it reads what ``strikeledger.ledger.events`` wrote (or calls
its public functions). While that package offers no reader, these routes answer 503.
"""

from __future__ import annotations

from typing import Any

from ..errors import LedgerUnavailableError
from .data import Ledger
from .params import Filters, Page

CONFLICT_KINDS = ("different", "rounded", "category_confusion", "stale")


def _unavailable() -> LedgerUnavailableError:
    return LedgerUnavailableError("events are not available in this ledger yet")


def events(
    ledger: Ledger, f: Filters, page: Page, *, level: str | None = None
) -> list[dict[str, Any]]:
    raise _unavailable()


def event(ledger: Ledger, event_id: str) -> dict[str, Any]:
    raise _unavailable()


def timeline(ledger: Ledger, f: Filters, page: Page) -> list[dict[str, Any]]:
    raise _unavailable()


def regions(ledger: Ledger, f: Filters) -> list[dict[str, Any]]:
    raise _unavailable()


def conflicts(
    ledger: Ledger, f: Filters, page: Page, *, kind: str | None = None
) -> list[dict[str, Any]]:
    raise _unavailable()


def ingest(ledger: Ledger, doc: dict[str, Any]) -> dict[str, Any]:
    raise _unavailable()
