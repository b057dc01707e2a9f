"""API hardening that tests/web does not already cover (it has: 401/403 on writes, 413, 429,
the classification of APIRoutes, headers on ordinary responses, a bare 500 for a RuntimeError).
Here: readers hold a read-only database handle, the token is compared with hmac.compare_digest
and never echoed, every route of any kind is classified (mounts and plain routes too), unsafe
methods are refused everywhere, library errors and error statuses carry no trace or secret and
keep the security headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from strikeledger.api import ApiSettings, create_app
from strikeledger.errors import KnowledgeDataError, LedgerError
from tests.web import ledger_data

TOKEN = "hostile-token-5b1d"
WRITES = {("POST", "/api/documents")}  # the same decision as tests/web/test_writes.py


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ledger_data.build(tmp_path_factory.mktemp("api") / "l.duckdb")


@pytest.fixture
def copy(ledger: Path, tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "l.duckdb"
    shutil.copy(ledger, dst)
    return dst


def all_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for r in routes:
        if hasattr(r, "original_router"):
            yield from all_routes(r.original_router.routes, prefix)
        elif isinstance(r, Mount):
            yield prefix + r.path, r
            yield from all_routes(getattr(r, "routes", []) or [], prefix + r.path)
        else:
            yield prefix + getattr(r, "path", ""), r


def test_every_route_of_any_kind_is_classified(copy: Path) -> None:
    app = create_app(ApiSettings(db=str(copy), token=TOKEN))
    seen = set()
    for path, route in all_routes(app.routes):
        if isinstance(route, Mount):
            assert path in ("/static",), f"unexpected mount {path}"
            continue
        assert isinstance(route, Route), f"{path}: a {type(route).__name__} (websocket?)"
        for method in route.methods or ():
            seen.add((method, path))
            if (method, path) in WRITES:
                assert isinstance(route, APIRoute)
                deps = [d.call.__name__ for d in route.dependant.dependencies]
                assert "require_token" in deps, f"{method} {path} writes without a token"
            else:
                assert method in ("GET", "HEAD"), f"{method} {path} is a write not in WRITES"
    assert seen >= WRITES


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
def test_unsafe_methods_refused_everywhere(copy: Path, method: str) -> None:
    app = create_app(ApiSettings(db=str(copy), token=TOKEN, rate_limit=0))
    paths = sorted({p for p, r in all_routes(app.routes) if not isinstance(r, Mount)})
    with TestClient(app, raise_server_exceptions=False) as c:
        for path in paths:
            url = path.replace("{event_id}", "x").replace("{doc_id}", "x")
            url = url.replace("{", "").replace("}", "")
            r = c.request(method, url, json={"text": "97 drones"})
            if (method, path) in WRITES:
                assert r.status_code == 401, (method, url, r.status_code)
            else:
                assert r.status_code in (404, 405), (method, url, r.status_code)
            assert r.headers["x-content-type-options"] == "nosniff"


def test_readers_hold_a_read_only_handle(copy: Path) -> None:
    app = create_app(ApiSettings(db=str(copy), token=""))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/events").status_code == 200
        store = app.state.ledger.store()
        assert store.read_only
        with pytest.raises(Exception, match=r"(?i)read.only"):
            store.execute("DELETE FROM documents")
        assert c.get("/api/documents").json()["items"]


def test_token_is_compared_in_constant_time_and_never_echoed(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikeledger.api import security

    calls: list[tuple[bytes, bytes]] = []
    real = security.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    app = create_app(ApiSettings(db=str(copy), token=TOKEN, rate_limit=0))
    guess = "guess-0123456789-should-not-come-back"
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post(
            "/api/documents", json={"text": "x"}, headers={"authorization": f"Bearer {guess}"}
        )
    assert r.status_code == 403
    assert calls and calls[-1][0] == guess.encode()
    assert guess not in r.text and TOKEN not in r.text


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (KnowledgeDataError("bad file /srv/secret/officials.yaml", item="/srv/secret"), 500),
        (LedgerError("cannot open", item="postgresql://user@db/ledger"), 503),
        (KeyError("/srv/secret/key"), 500),
    ],
)
def test_errors_carry_no_trace_and_keep_the_headers(
    copy: Path, error: BaseException, status: int
) -> None:
    app = create_app(ApiSettings(db=str(copy), rate_limit=0))

    @app.get("/api/hostile-boom")
    def boom() -> None:
        raise error

    with TestClient(app, raise_server_exceptions=False) as c:
        for accept in ("application/json", "text/html"):
            r = c.get("/api/hostile-boom", headers={"accept": accept})
            assert r.status_code == status
            assert "Traceback" not in r.text and 'File "' not in r.text
            if status == 500:
                assert "/srv/secret" not in r.text
            h = r.headers
            assert "frame-ancestors 'none'" in h["content-security-policy"]
            assert h["x-content-type-options"] == "nosniff"


def test_statuses_from_the_edge_keep_the_headers(copy: Path) -> None:
    app = create_app(ApiSettings(db=str(copy), token=TOKEN, rate_limit=2, max_body_bytes=100))
    with TestClient(app, raise_server_exceptions=False) as c:
        auth = {"authorization": f"Bearer {TOKEN}"}
        responses = [
            c.post("/api/documents", json={"text": "x" * 500}, headers=auth),  # 413
            c.get("/api/nope"),  # 404
            c.get("/api/events"),
            c.get("/api/events"),  # 429
        ]
    assert [r.status_code for r in responses][:2] == [413, 404]
    assert responses[-1].status_code == 429
    for r in responses:
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_database_password_never_reaches_a_client() -> None:
    app = create_app(ApiSettings(db="postgresql://reader:hunter2-secret@127.0.0.1:1/ledger"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/events")
    assert r.status_code >= 500
    assert "hunter2" not in r.text


def test_a_posted_document_is_extracted_under_the_time_limit(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import time

    from strikeledger.document import Document
    from strikeledger.extract import pipeline

    real = pipeline.extract
    real(Document.from_text("97 drones over Kyiv."))

    def spin(doc: Document) -> object:
        if "SLOWDOWN" in doc.text:
            end = time.perf_counter() + 30
            while time.perf_counter() < end:
                pass
        return real(doc)

    monkeypatch.setattr(sys.modules["strikeledger.extract"], "extract", spin)
    monkeypatch.setenv("STRIKELEDGER_MAX_EXTRACT_SECONDS", "0.5")
    app = create_app(ApiSettings(db=str(copy), token=TOKEN, rate_limit=0))
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(app, raise_server_exceptions=False) as c:
        t0 = time.perf_counter()
        r = c.post("/api/documents", json={"text": "SLOWDOWN 97 drones"}, headers=auth)
        assert time.perf_counter() - t0 < 10
        assert r.status_code == 400 and "SL-E120" in r.text and "max_extract_seconds" in r.text
        ok = c.post("/api/documents", json={"text": "Overnight 97 drones hit Kyiv."}, headers=auth)
        assert ok.status_code == 201, ok.text
