"""Running the app with uvicorn (used by ``strikeledger serve`` and ``strikeledger demo``)."""

from __future__ import annotations

import socket

from .. import settings
from .config import ApiSettings


def _free_port(host: str) -> int:
    """A port the system has free now (for ``--port 0``), so the printed address is the real one."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def serve(db: str | None = None, *, host: str | None = None, port: int | None = None) -> None:
    import uvicorn

    from .app import create_app

    cfg = ApiSettings() if db is None else ApiSettings(db=str(db))
    host = host or settings.SERVE_HOST.get()
    port = settings.SERVE_PORT.get() if port is None else port
    if port == 0:
        port = _free_port(host)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    print(f"strikeledger: serving {cfg.db} at http://{shown}:{port}/  (Ctrl-C stops)", flush=True)
    uvicorn.run(create_app(cfg), host=host, port=port, log_level="warning")
