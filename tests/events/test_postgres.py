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
