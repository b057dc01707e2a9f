"""The API over a PostgreSQL ledger (read-only session for reads): the same routes answer the
same way as on DuckDB."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from strikeledger.api import ApiSettings, create_app

from ..ledger.pg import pg_url
from . import ledger_data

pytestmark = pytest.mark.postgres


def test_api_over_postgres() -> None:
    with pg_url() as url:
        from strikeledger.ledger import open_store

        with open_store(url) as store:
            store.add_batch(ledger_data.documents())
        app = create_app(ApiSettings(db=url, token="", rate_limit=0))
        with TestClient(app, raise_server_exceptions=False) as c:
            n = next(
                i for i in c.get("/api/timeline").json()["items"] if i["night_of"] == "2025-07-04"
            )
            assert n["launched"] == 550 and n["neutralized"] == 478
            assert [r["source"] for r in c.get("/api/documents?q=railway").json()["items"]] == [
                "wire"
            ]
            assert c.get("/api/documents?q=%25").json()["items"] == []
            places = {p["name"]: p for p in c.get("/api/places?from=2025-07-01").json()["items"]}
            assert places["Kyiv"]["documents"] == 2
            assert (
                c.get("/api/casualties?measure=killed").json()["items"][0]["place"]
                == "Holosiivskyi"
            )
            d = c.get("/api/events/" + quote("ev:2025-07-04:RU>UA", safe="")).json()
            assert any(x["claim"]["value"] == 550 for x in d["conflicts"])
            assert c.get("/events/" + quote("ev:2025-07-04:RU>UA", safe="")).status_code == 200
            assert c.get("/api/figures?format=parquet").status_code == 200
            assert c.post("/api/documents", json={"text": "x"}).status_code in (401, 403)
