"""Fetching a source over HTTP (httpx): one URL, or a conditional poll of a feed.

Only ``strikeledger ingest URL`` and ``strikeledger watch`` fetch; nothing else in strikeledger
touches the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import settings
from ..document import Document
from ..errors import FeedFetchError, InputError, TooLargeError
from .base import Skipped


@dataclass(frozen=True)
class Fetched:
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch(
    client: Any,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET ``url`` with ``If-None-Match`` / ``If-Modified-Since`` when known. Raises
    FeedFetchError for network errors and statuses other than 2xx and 304."""
    import httpx

    headers = {"User-Agent": "strikeledger (+https://github.com/strikeledger)"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    limit = settings.MAX_SOURCE_BYTES.get()
    try:
        with client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Fetched(304, b"", etag, last_modified, "")
            if not 200 <= r.status_code < 300:
                raise FeedFetchError(f"HTTP {r.status_code}", item=url)
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(f"more than max_source_bytes={limit}", item=url)
                chunks.append(chunk)
            return Fetched(
                r.status_code,
                b"".join(chunks),
                r.headers.get("ETag"),
                r.headers.get("Last-Modified"),
                r.headers.get("Content-Type", "").lower(),
            )
    except httpx.HTTPError as e:
        raise FeedFetchError(f"{type(e).__name__}: {e}", item=url) from None


def documents_from_response(
    got: Fetched, url: str, *, source: str | None = None
) -> Iterator[Document | Skipped]:
    """Documents of a fetched feed or page, by content type (else by its first bytes)."""
    from .feeds import feed_documents
    from .html import html_document

    head = got.content[:512].lstrip().lower()
    is_feed = any(t in got.content_type for t in ("rss", "atom", "xml")) and b"<html" not in head
    if not is_feed and head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        is_feed = b"<html" not in head
    if is_feed:
        yield from feed_documents(got.content, item=url, source=source)
        return
    try:
        yield html_document(got.content, item=url, url=url, source=source)
    except InputError as e:
        yield Skipped(e)


def read_url(
    url: str, *, source: str | None = None, **_options: Any
) -> Iterator[Document | Skipped]:
    import httpx

    try:
        with httpx.Client(
            timeout=settings.WATCH_TIMEOUT_SECONDS.get(), follow_redirects=True
        ) as client:
            got = fetch(client, url)
    except (FeedFetchError, TooLargeError) as e:
        yield Skipped(e)
        return
    yield from documents_from_response(got, url, source=source)
