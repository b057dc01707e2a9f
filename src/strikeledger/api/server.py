"""Running the app with uvicorn (used by ``strikeledger serve`` and ``strikeledger demo``)."""

from __future__ import annotations

from .. import settings
from .config import ApiSettings


def serve(db: str | None = None, *, host: str | None = None, port: int | None = None) -> None:
    import uvicorn

    from .app import create_app

    cfg = ApiSettings() if db is None else ApiSettings(db=str(db))
    host = host or settings.SERVE_HOST.get()
    port = port or settings.SERVE_PORT.get()
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    print(f"strikeledger: serving {cfg.db} at http://{shown}:{port}/  (Ctrl-C stops)", flush=True)
    uvicorn.run(create_app(cfg), host=host, port=port, log_level="warning")
