"""`serve` hands uvicorn the port it prints, including a system-chosen one for ``--port 0``."""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger import settings
from strikeledger.api import server


@pytest.fixture()
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    monkeypatch.setattr(server, "ApiSettings", lambda **kw: type("C", (), {"db": "x.duckdb"})())
    monkeypatch.setattr("strikeledger.api.app.create_app", lambda cfg: object())
    return calls


def test_port_zero_serves_and_prints_a_real_free_port(
    runs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    server.serve("x.duckdb", host="127.0.0.1", port=0)
    port = runs[0]["port"]
    assert port > 0 and port != settings.SERVE_PORT.get()  # not the default in disguise
    assert f"http://localhost:{port}/" in capsys.readouterr().out


def test_explicit_port_is_kept(runs: list[dict[str, Any]]) -> None:
    server.serve("x.duckdb", host="127.0.0.1", port=8123)
    assert runs[0]["port"] == 8123 and runs[0]["host"] == "127.0.0.1"
