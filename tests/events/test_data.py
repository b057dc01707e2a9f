"""The events package's data file: channels mapped to report-v1 claimant kinds."""

from __future__ import annotations

from strikeledger.ledger.events.claimants import source_kinds
from strikeledger.report import CLAIMANT_KINDS


def test_source_kinds_are_report_kinds() -> None:
    kinds = source_kinds()
    assert kinds["kpszsu"] == "air_force"
    assert set(kinds.values()) <= set(CLAIMANT_KINDS)
    assert all(k == k.lower() for k in kinds)
