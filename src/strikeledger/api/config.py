"""The server's settings, gathered once from ``strikeledger.settings`` (environment or default).

``create_app(ApiSettings(...))`` takes every limit from here; tests and the CLI override fields
by keyword. Nothing in ``api/`` or ``web/`` reads the environment itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import settings as S


def _db_default() -> str:
    return S.LEDGER_PATH.get()


@dataclass(frozen=True)
class ApiSettings:
    db: str = field(default_factory=_db_default)
    page_size: int = field(default_factory=S.API_PAGE_SIZE.get)
    max_page_size: int = field(default_factory=S.API_MAX_PAGE_SIZE.get)
    export_max_rows: int = field(default_factory=S.API_EXPORT_MAX_ROWS.get)
    max_body_bytes: int = field(default_factory=S.API_MAX_BODY_BYTES.get)
    rate_limit: int = field(default_factory=S.API_RATE_LIMIT.get)
    rate_window_seconds: float = field(default_factory=S.API_RATE_WINDOW_SECONDS.get)
    token: str = field(default_factory=S.API_TOKEN.get, repr=False)
    max_query_chars: int = field(default_factory=S.API_MAX_QUERY_CHARS.get)
    events_refresh_seconds: float = field(default_factory=S.API_EVENTS_REFRESH_SECONDS.get)
    warm_events: bool = True  # build the events index at start-up (tests may turn it off)

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    @property
    def is_postgres(self) -> bool:
        return self.db.startswith(("postgresql://", "postgres://"))

    def but(self, **changes: object) -> ApiSettings:
        return replace(self, **changes)  # type: ignore[arg-type]
