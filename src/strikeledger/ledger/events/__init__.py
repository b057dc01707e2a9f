"""Events: reports of the same attack linked, their figures reconciled, record claims checked.

The core is pure — functions over report-v1 dicts (``Report.to_dict()``) — so it runs and is
tested without a ledger store; ``strikeledger.ledger.events.store`` reads the reports from a
ledger and feeds them here. See docs/EVENTS.md.

    es = EventSet.build(reports)             # link + reconcile
    es.add(another_report)                   # incremental: no existing id changes
    es.reconciliation("ev:2025-07-04:RU>UA").conflicts
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .dataset import is_dataset_row, merge_rows, night_of
from .link import LinkedReport, Linker, link_reports
from .model import (
    ATTACK,
    CATEGORY_CONFUSION,
    CONFLICT_KINDS,
    DIFFERENT,
    LOCAL,
    ROUNDED,
    STALE,
    Claim,
    Conflict,
    Consensus,
    Event,
    EventKey,
    Link,
    Reconciliation,
    RecordCheck,
    RecordClaim,
    canonical_event_id,
)
from .reconcile import claims_of, reconcile, reconcile_event
from .records import History, check_record, find_record_claims

__all__ = [
    "ATTACK",
    "CATEGORY_CONFUSION",
    "CONFLICT_KINDS",
    "DIFFERENT",
    "LOCAL",
    "ROUNDED",
    "STALE",
    "Claim",
    "Conflict",
    "Consensus",
    "Event",
    "EventKey",
    "EventSet",
    "History",
    "Link",
    "LinkedReport",
    "Linker",
    "Reconciliation",
    "RecordCheck",
    "RecordClaim",
    "canonical_event_id",
    "check_record",
    "claims_of",
    "find_record_claims",
    "link_reports",
    "reconcile",
    "reconcile_event",
]


class EventSet:
    """Events built from reports: the linker's events and links, every claim, and the
    reconciliation of each event (computed lazily, recomputed only for events that changed)."""

    def __init__(self) -> None:
        self.linker = Linker()
        self._claims: dict[str, list[Claim]] = {}
        self._recs: dict[str, Reconciliation] = {}
        self._history: History | None = None
        # the imported Air Force history: rows per night, merged lazily (dataset.py)
        self._rows: dict[str, list[Mapping[str, Any]]] = {}
        self._row_claims: dict[str, list[Claim]] = {}
        self._dirty: set[str] = set()

    @classmethod
    def build(cls, reports: Iterable[Mapping[str, Any]]) -> EventSet:
        es = cls()
        for r in reports:
            es.add(r)
        return es

    def add(self, report: Mapping[str, Any]) -> LinkedReport:
        before = report.get("document", {}).get("id") in self.linker.linked
        linked = self.linker.add(report)
        if before:
            return linked
        self._history = None
        if is_dataset_row(report):
            night = night_of(report)
            if night is not None:
                self._rows.setdefault(night, []).append(report)
                self._dirty.add(night)
            return linked
        for c in claims_of(report, linked):
            self._claims.setdefault(c.event_id, []).append(c)
            self._recs.pop(c.event_id, None)
        return linked

    def _flush(self) -> None:
        """Re-make the claims of the dataset nights that received rows since last time."""
        while self._dirty:
            night = self._dirty.pop()
            for c in self._row_claims.pop(night, []):
                kept = [x for x in self._claims.get(c.event_id, []) if x is not c]
                self._claims[c.event_id] = kept
                self._recs.pop(c.event_id, None)
            merged = merge_rows(self._rows[night])
            tally = Linker().add(merged)
            fresh = claims_of(merged, tally)
            self._row_claims[night] = fresh
            for c in fresh:
                self._claims.setdefault(c.event_id, []).append(c)
                self._recs.pop(c.event_id, None)

    # -- reading ------------------------------------------------------------------------------
    @property
    def events(self) -> dict[str, Event]:
        return self.linker.events

    def event(self, event_id: str) -> Event | None:
        return self.linker.events.get(canonical_event_id(event_id))

    def links(self, event_id: str | None = None) -> list[Link]:
        if event_id is not None:
            return list(self.linker.event_links.get(event_id, ()))
        return [lk for lr in self.linker.linked.values() for lk in lr.links]

    def claims(self, event_id: str) -> list[Claim]:
        self._flush()
        return list(self._claims.get(event_id, ()))

    def reconciliation(self, event_id: str) -> Reconciliation:
        self._flush()
        rec = self._recs.get(event_id)
        if rec is None:
            rec = reconcile_event(event_id, self._claims.get(event_id, []))
            self._recs[event_id] = rec
        return rec

    def reconcile_all(self) -> dict[str, Reconciliation]:
        self._flush()
        return {ev: self.reconciliation(ev) for ev in sorted(self._claims)}

    def conflicts(self) -> list[Conflict]:
        return [c for rec in self.reconcile_all().values() for c in rec.conflicts]

    def history(self) -> History:
        self._flush()
        if self._history is None:
            self._history = History.from_reconciliations(
                self.reconciliation(ev) for ev in self._claims if ev.count(":") == 2
            )
        return self._history

    def select(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        area: str | None = None,
        attacker: str | None = None,
        weapon: str | None = None,
        level: str | None = None,
    ) -> list[Event]:
        """Events matching the filters, by night then id. ``area`` matches the attacked country
        or a local event's region; ``weapon`` a category linked reports mention."""
        out = []
        for ev in self.linker.events.values():
            k = ev.key
            if date_from and k.night_of < date_from:
                continue
            if date_to and k.night_of > date_to:
                continue
            if area and area.upper() not in (k.area, k.region):
                continue
            if attacker and attacker.upper() != k.attacker:
                continue
            if level and level != k.level:
                continue
            if weapon:
                parent = self.linker.events.get(k.parent().id) if k.level == LOCAL else ev
                if parent is None or weapon not in parent.weapons:
                    continue
            out.append(ev)
        out.sort(key=lambda e: (e.key.night_of, e.id))
        return out

    def describe(self, event_id: str) -> dict[str, Any] | None:
        """One event with its links, claims, consensus values and conflicts (JSON-ready)."""
        ev = self.event(event_id)
        if ev is None:
            return None
        event_id = ev.id
        d = ev.to_dict()
        d["children"] = sorted(e.id for e in self.linker.events.values() if e.parent_id == event_id)
        d["links"] = [lk.to_dict() for lk in self.links(event_id)]
        d.update(self.reconciliation(event_id).to_dict())
        d.pop("event", None)
        return d
