"""Edge protection as plain ASGI middleware: security headers, request body limit, per-client
rate limit, and bearer-token checks for writes.

Kept as raw ASGI (not ``BaseHTTPMiddleware``) so that a body over the limit is refused while it
streams in, before a handler reads it, and so that every response, errors included, carries the
headers.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request

from ..errors import ForbiddenError, UnauthorizedError

log = logging.getLogger("strikeledger.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]


async def _json_error(
    send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]]
) -> None:
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers to every HTTP response, and answers an unexpected exception
    with a bare 500 (logged here; no trace reaches the client)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names
                ]
            await send(message)

        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            log.exception("unexpected error serving %s", scope.get("path"))
            if not started:
                await _json_error(send_with_headers, 500, "internal error", [])


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413: at once when Content-Length says
    so, else as soon as the streamed body passes the limit (before any handler runs)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    await _json_error(send, 400, "bad Content-Length header", [])
                    return
                if declared > self.max_bytes:
                    await _json_error(send, 413, self._message(), [(b"connection", b"close")])
                    return
        # Read the whole body (it is at most max_bytes) before the handler sees it, so that
        # a streamed body over the limit is refused here and not turned into a parse error.
        chunks: list[bytes] = []
        seen = 0
        more = scope.get("method") not in ("GET", "HEAD", "OPTIONS", "DELETE")
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            seen += len(body)
            if seen > self.max_bytes:
                await _json_error(send, 413, self._message(), [(b"connection", b"close")])
                return
            chunks.append(body)
            more = bool(message.get("more_body"))
        buffered = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": buffered, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self) -> str:
        return f"request body larger than api_max_body_bytes={self.max_bytes}"


class RateLimit:
    """A sliding-window limit of ``limit`` requests per ``window`` seconds per client address.

    Static files and the plotly bundle are not counted (a page load fetches several). Over the
    limit: 429 with ``Retry-After`` (whole seconds until the oldest counted request leaves the
    window).
    """

    EXEMPT_PREFIXES = ("/static/", "/assets/")

    def __init__(self, app: ASGIApp, limit: int, window: float) -> None:
        self.app = app
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._last_sweep = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or self.limit <= 0
            or scope["path"].startswith(self.EXEMPT_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        retry = self._check(key, time.monotonic())
        if retry is not None:
            await _json_error(
                send,
                429,
                f"rate limit of {self.limit} requests per {self.window:g} s exceeded",
                [(b"retry-after", str(retry).encode())],
            )
            return
        await self.app(scope, receive, send)

    def _check(self, key: str, now: float) -> int | None:
        with self._lock:
            if now - self._last_sweep > self.window:
                self._sweep(now)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return None

    def _sweep(self, now: float) -> None:
        self._last_sweep = now
        for key in [k for k, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[key]


def require_token(request: Request) -> None:
    """Dependency of every writing route: a configured token and a matching bearer header.

    No token configured on the server: 403 (writes disabled). No or malformed Authorization
    header: 401. Wrong token: 403. Compared in constant time.
    """
    expected: str = request.app.state.settings.token
    if not expected:
        raise ForbiddenError("writes are disabled on this server (no api_token configured)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise UnauthorizedError("this route needs 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ForbiddenError("invalid token")


class ServerTiming:
    """Adds ``Server-Timing: app;dur=<ms>, cpu;dur=<ms>``: wall time from the request to the
    response start, and the process's CPU time meanwhile (the work itself, whatever else runs
    on the machine), so that clients and the benchmark can read what the server took."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0, c0 = time.perf_counter(), time.process_time()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - t0) * 1000
                cpu = (time.process_time() - c0) * 1000
                message["headers"] = [
                    *message.get("headers", []),
                    (b"server-timing", f"app;dur={ms:.2f}, cpu;dur={cpu:.2f}".encode()),
                ]
            await send(message)

        await self.app(scope, receive, timed)
