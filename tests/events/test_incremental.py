"""Events over a DuckDB ledger read from the saved event set: linking the documents ingested
since the snapshot gives what a full rebuild gives (same events, links, claims, consensus,
conflicts), in the same order; a stale or damaged snapshot is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import Document
from strikeledger.ledger import open_store
from strikeledger.ledger.events import EventSet
from strikeledger.ledger.events import store as evstore
from strikeledger.ledger.events.store import iter_ledger_reports, load_event_set, snapshot_path

from .test_fixtures import load


def _pairs(reports: list[dict[str, Any]]) -> list[tuple[Document, dict[str, Any]]]:
    out = []
    for r in reports:
        d = r["document"]
        doc = Document.from_text(r["text"], published=d["published"], source=d["source"])
        rep = {k: v for k, v in r.items() if k != "text"}
        rep["document"] = {**d, "id": doc.id}
        out.append((doc, rep))
    return out


def _state(es: EventSet) -> str:
    """Everything a reader sees of an event set, in order."""
    out = {ev: es.describe(ev) for ev in sorted(es.events)}
    return json.dumps(out, sort_keys=True, default=str)


def _add(db: str, pairs: list[tuple[Document, dict[str, Any]]]) -> None:
    with open_store(db) as store:
        store.add_batch(pairs, near_duplicates=False)


@pytest.fixture()
def pairs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Document, dict[str, Any]]]:
    # one ingestion time per batch, a second apart (the ledger stamps whole seconds)
    from strikeledger.ledger.store import base

    ticks = iter(range(10_000))
    monkeypatch.setattr(base, "_now", lambda: f"2026-01-01T00:{next(ticks):05d}")
    reports, _ = load()
    return _pairs(reports)


@pytest.mark.parametrize("rewrite", [1, 5000])
def test_incremental_equals_full_rebuild(
    tmp_path: Path, pairs: list[Any], rewrite: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKELEDGER_EVENTS_SNAPSHOT_REWRITE_DOCS", str(rewrite))
    db = str(tmp_path / "l.duckdb")
    cut = len(pairs) // 2
    _add(db, pairs[:cut])
    with open_store(db, read_only=True) as store:
        first = load_event_set(store)
        path = snapshot_path(store)
    assert path is not None and path.exists()
    with open_store(db, read_only=True) as store:
        assert len(first.linker.linked) == store.counts()["documents"] > 10
    _add(db, pairs[cut : cut + 5])
    _add(db, pairs[cut + 5 :])
    with open_store(db, read_only=True) as store:
        grown = load_event_set(store)  # snapshot + the documents ingested since
        full = load_event_set(store, snapshot=False)
    assert len(grown.linker.linked) > len(first.linker.linked)
    import pickle

    saved = pickle.loads(path.read_bytes())["documents"]
    # rewritten once enough documents came since; else they are linked again next time
    assert saved == (len(grown.linker.linked) if rewrite == 1 else len(first.linker.linked))
    with open_store(db, read_only=True) as store:
        assert _state(load_event_set(store)) == _state(full)
    assert list(grown.linker.linked) == list(full.linker.linked)
    assert _state(grown) == _state(full)
    assert len(full.events) > 10 and any(full.conflicts())


def test_saved_event_set_is_read_not_relinked(
    tmp_path: Path, pairs: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "l.duckdb")
    _add(db, pairs)
    with open_store(db, read_only=True) as store:
        before = _state(load_event_set(store))

    def boom(*a: Any, **k: Any) -> Any:
        raise AssertionError("relinked although the snapshot is current")

    monkeypatch.setattr(evstore, "iter_ledger_reports", boom)
    with open_store(db, read_only=True) as store:
        assert _state(load_event_set(store)) == before


def test_stale_or_damaged_snapshot_is_rebuilt(tmp_path: Path, pairs: list[Any]) -> None:
    db = str(tmp_path / "l.duckdb")
    _add(db, pairs)
    with open_store(db, read_only=True) as store:
        want = _state(load_event_set(store, snapshot=False))
        path = snapshot_path(store)
        assert path is not None
        path.write_bytes(b"not a pickle")
        assert _state(load_event_set(store)) == want
        evstore._code_version.cache_clear()
        try:
            real = evstore._code_version()
            evstore._code_version.cache_clear()
            # a snapshot written by other code is not used
            import pickle

            state = pickle.loads(path.read_bytes())
            state["code"] = "other"
            state["events"] = EventSet()
            path.write_bytes(pickle.dumps(state))
            assert _state(load_event_set(store)) == want
            assert pickle.loads(path.read_bytes())["code"] == real
        finally:
            evstore._code_version.cache_clear()


def test_reports_stream_in_ingestion_order_with_marks(tmp_path: Path, pairs: list[Any]) -> None:
    db = str(tmp_path / "l.duckdb")
    _add(db, pairs[:3])
    with open_store(db, read_only=True) as store:
        stamp = store.query("SELECT max(ingested_at) AS m FROM documents")[0]["m"]
        first = {r["id"] for r in store.query("SELECT id FROM documents")}
    _add(db, pairs[3:6])
    with open_store(db, read_only=True) as store:
        ids = [r["document"]["id"] for r in iter_ledger_reports(store)]
        later = [r["document"]["id"] for r in iter_ledger_reports(store, after=stamp)]
    assert set(ids[: len(first)]) == first  # the first batch first
    assert ids[len(first) :] == later and set(later) == {p[0].id for p in pairs[3:6]}
