"""Writing needs a token; body size and rate limits; which routes need a token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from strikeledger.api import ApiSettings, create_app

from .conftest import TOKEN

DOC = {
    "text": "Overnight into 12 July the enemy attacked with 97 strike drones. 80 were shot down.",
    "published": "2025-07-12T08:00:00+03:00",
    "source": "kpszsu",
    "title": "Morning report, 12 July",
}


def test_post_without_token_is_401(client: TestClient) -> None:
    assert client.post("/api/documents", json=DOC).status_code == 401
    r = client.post("/api/documents", json=DOC, headers={"authorization": "Basic abc"})
    assert r.status_code == 401


def test_post_with_wrong_token_is_403(client: TestClient) -> None:
    r = client.post("/api/documents", json=DOC, headers={"authorization": "Bearer wrong"})
    assert r.status_code == 403
    r = client.post("/api/documents", json=DOC, headers={"authorization": f"Bearer {TOKEN}x"})
    assert r.status_code == 403


def test_writes_disabled_without_configured_token(readonly_client: TestClient) -> None:
    r = readonly_client.post("/api/documents", json=DOC, headers={"authorization": "Bearer "})
    assert r.status_code == 403
    r = readonly_client.post("/api/documents", json=DOC, headers={"authorization": "Bearer x"})
    assert r.status_code == 403 and "disabled" in r.json()["error"]["message"]


def test_post_with_token_ingests_once(client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/documents", json=DOC, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] is True and body["id"].startswith("sha256:")
    doc = client.get(f"/api/documents/{body['id']}").json()
    assert doc["title"] == "Morning report, 12 July"
    assert client.get("/api/documents?q=97%20strike").json()["items"]
    again = client.post("/api/documents", json=DOC, headers=auth).json()
    assert again["new"] is False and again["id"] == body["id"]


def test_post_bad_body_is_400(client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/documents", json={"title": "no text"}, headers=auth).status_code == 400
    r = client.post(
        "/api/documents", content=b"{not json", headers={**auth, "content-type": "application/json"}
    )
    assert r.status_code == 400
    assert client.post("/api/documents", json={"text": "   "}, headers=auth).status_code == 400
    r = client.post("/api/documents", json={**DOC, "published": "yesterday"}, headers=auth)
    assert r.status_code == 400 and "published" in r.json()["error"]["message"]


def test_body_over_limit_is_413(ledger_copy: object) -> None:
    app = create_app(ApiSettings(db=str(ledger_copy), token=TOKEN, max_body_bytes=1000))
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/documents", json={"text": "x" * 5000}, headers=auth)
        assert r.status_code == 413
        # Streamed without Content-Length: refused as it arrives.
        r = c.post(
            "/api/documents",
            content=iter([b'{"text": "', b"y" * 3000, b'"}']),
            headers={**auth, "content-type": "application/json"},
        )
        assert r.status_code == 413
        assert c.post("/api/documents", json={"text": "short"}, headers=auth).status_code != 413


def test_rate_limit_is_429_with_retry_after(ledger_copy: object) -> None:
    app = create_app(ApiSettings(db=str(ledger_copy), rate_limit=5, rate_window_seconds=60))
    with TestClient(app, raise_server_exceptions=False) as c:
        codes = [c.get("/api/places").status_code for _ in range(5)]
        assert codes == [200] * 5
        r = c.get("/api/places")
        assert r.status_code == 429
        assert 1 <= int(r.headers["retry-after"]) <= 60
        # Static files are not counted.
        assert c.get("/static/app.css").status_code == 200


def api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for r in routes:
        if isinstance(r, APIRoute):
            yield r
        elif hasattr(r, "original_router"):  # FastAPI's wrapper of an included router
            yield from api_routes(r.original_router.routes)


# Routes that change the ledger, and so need the bearer token. Adding a route means deciding.
WRITES = {("POST", "/api/documents")}


def test_every_route_is_classified_and_writes_need_a_token(ledger_copy: object) -> None:
    app = create_app(ApiSettings(db=str(ledger_copy), token=TOKEN))
    seen = set()
    for route in api_routes(app.routes):
        for method in route.methods:
            key = (method, route.path)
            seen.add(key)
            guarded = any(d.call.__name__ == "require_token" for d in route.dependant.dependencies)
            if key in WRITES:
                assert guarded, f"{key} writes but does not need a token"
            else:
                assert method in ("GET", "HEAD"), f"{key} is not a read and not in WRITES"
                assert not guarded
    assert seen >= WRITES
    assert ("GET", "/api/events") in seen and ("GET", "/events/{event_id}") in seen
    with TestClient(app, raise_server_exceptions=False) as c:
        for method, path in WRITES:
            assert c.request(method, path, json={"text": "x"}).status_code == 401


def test_events_index_follows_documents_added_by_another_writer(ledger_copy: object) -> None:
    import time

    from strikeledger.document import Document
    from strikeledger.ledger import open_store

    from . import ledger_data

    app = create_app(ApiSettings(db=str(ledger_copy), token=TOKEN, events_refresh_seconds=0.05))
    with TestClient(app, raise_server_exceptions=False) as c:
        nights = {n["night_of"] for n in c.get("/api/timeline").json()["items"]}
        assert "2025-07-20" not in nights
        d = Document.from_text(
            "Overnight the enemy attacked with 64 strike drones.",
            published="2025-07-20",
            source="kpszsu",
        )
        rep = ledger_data.report(
            d, [("launched", "drone", None, 64, "64 strike drones", ledger_data.AF, "2025-07-20")]
        )
        with open_store(str(ledger_copy)) as store:  # same process, same (read-write) mode
            store.add_batch([(d, rep)])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.1)
            items = c.get("/api/timeline?from=2025-07-20").json()["items"]
            if items:
                assert items[0]["launched"] == 64
                break
        else:
            raise AssertionError("the events index never picked up the new document")
