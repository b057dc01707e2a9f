"""The events tables on PostgreSQL: the migration and the bulk rewrite work there too."""

from __future__ import annotations

import pytest

from strikeledger.ledger import open_store
from strikeledger.ledger.events.store import load_event_set, save_event_set
from tests.ledger.pg import pg_url

from .helpers import af_report_2025_07_04, history_nights, seed_report
from .test_store import _pair

pytestmark = pytest.mark.postgres


def test_events_tables_on_postgres() -> None:
    with pg_url() as url, open_store(url) as store:
        reports = [*history_nights(), af_report_2025_07_04(), seed_report()]
        store.add_batch([_pair(r, f"text of {r['document']['path']}") for r in reports])
        es = load_event_set(store)
        counts = save_event_set(store, es)
        assert counts == save_event_set(store, es)
        rows = store.query(
            "SELECT kind, value, consensus_value, matches FROM event_conflicts "
            "WHERE event_id = ? ORDER BY value",
            ["ev:2025-07-04:RU>UA"],
        )
        assert [(r["kind"], r["value"], r["consensus_value"]) for r in rows] == [
            ("category_confusion", 72, 63),
            ("category_confusion", 550, 539),
        ]
        n = store.query("SELECT COUNT(*) AS n FROM events")[0]["n"]
        assert n == counts["events"] == len(es.events)


def test_postgres_links_like_duckdb(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The generic reader (ordered ids, reports fetched in chunks) gives DuckDB's order."""
    from pathlib import Path

    from strikeledger.ledger.store import base

    from .test_fixtures import load
    from .test_incremental import _pairs, _state

    ticks = iter(range(10_000))
    monkeypatch.setattr(base, "_now", lambda: f"2026-01-01T00:{next(ticks):05d}")
    pairs = _pairs(load()[0])
    db = str(Path(str(tmp_path)) / "l.duckdb")
    with pg_url() as url:
        for chunk in (pairs[:10], pairs[10:]):
            for target in (url, db):
                with open_store(target) as store:
                    store.add_batch(chunk, near_duplicates=False)
        with open_store(url) as pg, open_store(db, read_only=True) as duck:
            assert _state(load_event_set(pg)) == _state(load_event_set(duck, snapshot=False))
