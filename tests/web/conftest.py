"""Fixtures for the API and dashboard tests: a small test ledger (``ledger_data``), an
in-process client, and a real uvicorn server on a free localhost port for browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from strikeledger.api import ApiSettings, create_app

from . import ledger_data

TOKEN = "test-token-7f3a9c"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def built_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ledger_data.build(tmp_path_factory.mktemp("ledger") / "test.duckdb")


@pytest.fixture
def ledger_copy(built_ledger: Path, tmp_path: Path) -> Path:
    """A private copy: DuckDB allows one open mode per file per process."""
    dst = tmp_path / "ledger.duckdb"
    shutil.copy(built_ledger, dst)
    return dst


@pytest.fixture
def client(ledger_copy: Path) -> Iterator[TestClient]:
    app = create_app(ApiSettings(db=str(ledger_copy), token=TOKEN, rate_limit=100_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def readonly_client(ledger_copy: Path) -> Iterator[TestClient]:
    app = create_app(ApiSettings(db=str(ledger_copy), token="", rate_limit=100_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, settings: ApiSettings) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def live_server(ledger_copy: Path) -> Iterator[LiveServer]:
    with LiveServer(ApiSettings(db=str(ledger_copy), token=TOKEN, rate_limit=100_000)) as srv:
        yield srv
