"""``create_app(settings)``: the FastAPI application serving the API and the dashboard.

Errors become JSON (API) or a small HTML page (dashboard) at this edge only: typed errors keep
their status and message; anything else is logged here and answered with a bare 500 — no
stack trace ever reaches a client.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ApiError, InputError, LedgerError, StrikeledgerError
from .config import ApiSettings
from .data import Ledger
from .plotly_assets import plotly_bundle, plotly_css
from .security import BodyLimit, RateLimit, SecurityHeaders, ServerTiming

log = logging.getLogger("strikeledger.api")

WEB = Path(__file__).resolve().parents[1] / "web"


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json"))


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if _wants_html(request):
        templates = request.app.state.templates
        page: Response = templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "path": request.url.path, "notice": None},
            status_code=status,
            headers=headers,
        )
        return page
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status, headers=headers
    )


def _warm(ledger: Ledger) -> None:
    from . import eventdata

    try:
        eventdata.index(ledger)
    except Exception as e:  # a missing ledger is reported to requests, not here
        log.warning("events index not built at start-up: %s", e)


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.warm_events:
            # Build the events index in the background at start-up, so that on a big ledger
            # the first visitor does not wait for it (requests meanwhile wait on its lock).
            threading.Thread(target=_warm, args=(app.state.ledger,), daemon=True).start()
        yield
        app.state.ledger.close()

    app = FastAPI(
        title="strikeledger",
        summary="Claims about air attacks on Ukraine, with their sources and evidence.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.ledger = Ledger(settings)

    from ..web.pages import make_templates
    from ..web.pages import router as pages_router
    from .routes import router as api_router

    app.state.templates = make_templates()

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer", "description": "api_token"}
            }
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        path = plotly_bundle()
        if path is None:
            return Response(
                "/* plotly is not installed */", media_type="text/javascript", status_code=404
            )
        return FileResponse(
            path, media_type="text/javascript", headers={"cache-control": "max-age=86400"}
        )

    @app.get("/assets/plotly.css", include_in_schema=False)
    def plotly_stylesheet() -> Response:
        return Response(
            plotly_css(), media_type="text/css", headers={"cache-control": "max-age=86400"}
        )

    @app.get("/assets/ukraine_oblasts.json", include_in_schema=False)
    def oblasts() -> Response:
        return FileResponse(
            WEB / "data" / "ukraine_oblasts.json",
            media_type="application/json",
            headers={"cache-control": "max-age=86400"},
        )

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.describe())

    @app.exception_handler(StrikeledgerError)
    async def library_error(request: Request, exc: StrikeledgerError) -> Response:
        # A typed error from the library: bad input is the client's (400), a ledger that
        # cannot be read is unavailable (503). The message names the item, never a trace.
        if isinstance(exc, InputError):
            return _error(request, 400, exc.describe())
        if isinstance(exc, LedgerError):
            return _error(request, 503, exc.describe())
        # Anything else (language data, knowledge base …) is ours: logged, code only.
        log.error("error serving %s: %s", request.url.path, exc.describe())
        return _error(request, 500, f"internal error ({exc.code})")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors()[:5]:
            loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
            parts.append(f"{loc}: {err.get('msg', 'invalid')}")
        return _error(request, 400, "SL-E601 bad request: " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error serving %s", request.url.path)
        return _error(request, 500, "internal error")

    app.add_middleware(ServerTiming)
    app.add_middleware(RateLimit, limit=settings.rate_limit, window=settings.rate_window_seconds)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
