from __future__ import annotations

import pytest

from . import stub


@pytest.fixture
def stub_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest with the stand-in extractor (tests of ingest mechanics, not of extraction)."""
    from strikeledger.ingest import run

    monkeypatch.setattr(run, "_extract_one", stub.stub_extract_one)
    monkeypatch.setattr(run, "extractor_version", lambda: "stub")
