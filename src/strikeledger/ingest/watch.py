"""``watch``: poll feeds on an interval and file their new entries in the ledger.

Feeds are listed in a TOML file::

    interval = 300                      # seconds between polls (default: watch_interval_seconds)

    [[feed]]
    url = "https://example.org/rss"
    source = "example"                  # source name of its documents (default: the feed title)
    interval = 120                      # this feed's own interval

Each poll is a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the previous
answer), so an unchanged feed costs one 304. New entries go through the same path as
``strikeledger ingest`` (entries already in the ledger are counted as duplicates). A feed that
fails waits twice as long after each failure in a row, up to ``watch_max_backoff_seconds``.
Ctrl-C stops cleanly between two polls; the ledger holds every batch committed so far. The
validators of each feed's last answer are kept in the ledger (table ``feed_state``), so a
restarted watcher goes on with conditional requests.
"""

from __future__ import annotations

import os
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import EncodingError, FieldMappingError, InputError, UnsupportedSourceError
from .base import Skipped
from .run import IngestSummary, ingest_documents

__all__ = ["Feed", "WatchSummary", "load_feeds", "watch"]


@dataclass
class Feed:
    url: str
    source: str | None = None
    interval: float = 300.0
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_at: float = 0.0


@dataclass
class WatchSummary:
    polls: int = 0
    not_modified: int = 0
    errors: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)

    def lines(self) -> list[str]:
        return [
            f"{self.polls} polls: {self.not_modified} not modified, {self.errors} failed",
            *self.ingest.lines(),
        ]


def load_feeds(path: str | os.PathLike[str]) -> list[Feed]:
    item = os.fspath(path)
    try:
        with open(item, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise UnsupportedSourceError("no such file", item=item) from None
    except OSError as e:  # a folder, no permission …
        raise UnsupportedSourceError(e.strerror or str(e), item=item) from None
    except UnicodeDecodeError as e:
        raise EncodingError(f"not valid UTF-8: {e.reason}", item=item) from None
    except tomllib.TOMLDecodeError as e:
        raise FieldMappingError(f"not valid TOML: {e}", item=item) from None
    try:
        default = float(data.get("interval", settings.WATCH_INTERVAL_SECONDS.get()))
    except (TypeError, ValueError):
        raise FieldMappingError("interval must be a number of seconds", item=item) from None
    feeds = []
    for i, entry in enumerate(data.get("feed") or [], 1):
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise FieldMappingError(
                "a [[feed]] needs an http(s) url", item=item, position=f"feed {i}"
            )
        feeds.append(
            Feed(
                url=url,
                source=entry.get("source") or entry.get("name"),
                interval=float(entry.get("interval", default)),
            )
        )
    if not feeds:
        raise FieldMappingError("no [[feed]] entries", item=item)
    return feeds


def watch(
    feeds: list[Feed],
    db: str | os.PathLike[str] | None = None,
    *,
    once: bool = False,
    max_polls: int | None = None,
    on_event: Callable[[str], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    client: Any = None,
) -> WatchSummary:
    """Poll ``feeds`` until Ctrl-C (or ``once`` each, or ``max_polls`` polls in all)."""
    import httpx

    from ..ledger import open_store
    from .fetch import documents_from_response, fetch

    say = on_event or (lambda _msg: None)
    summary = WatchSummary()
    max_backoff = settings.WATCH_MAX_BACKOFF_SECONDS.get()
    own_client = client is None
    http = client or httpx.Client(
        timeout=settings.WATCH_TIMEOUT_SECONDS.get(), follow_redirects=True
    )
    start = clock()
    for feed in feeds:
        feed.next_at = start
    polled: set[str] = set()
    try:
        with open_store(db) as store:
            _load_state(store, feeds)
            while True:
                now = clock()
                for feed in feeds:
                    if feed.next_at > now or (once and feed.url in polled):
                        continue
                    summary.polls += 1
                    polled.add(feed.url)
                    try:
                        got = fetch(
                            http, feed.url, etag=feed.etag, last_modified=feed.last_modified
                        )
                    except InputError as e:
                        feed.failures += 1
                        summary.errors += 1
                        wait = min(feed.interval * 2**feed.failures, max_backoff)
                        feed.next_at = clock() + wait
                        say(f"{e.describe()} (retry in {wait:.0f}s)")
                    else:
                        feed.failures = 0
                        feed.next_at = clock() + feed.interval
                        if got.not_modified:
                            summary.not_modified += 1
                            say(f"{feed.url}: not modified")
                        else:
                            items = documents_from_response(got, feed.url, source=feed.source)
                            result = ingest_documents(items, store, on_skip=on_skip)
                            _add(summary.ingest, result)
                            # validators are kept only once the entries are in the ledger
                            feed.etag, feed.last_modified = got.etag, got.last_modified
                            _save_state(store, feed)
                            say(f"{feed.url}: {result.read} entries, {result.new} new")
                    if max_polls is not None and summary.polls >= max_polls:
                        return summary
                if once and len(polled) == len({f.url for f in feeds}):
                    return summary
                wait = min(f.next_at for f in feeds) - clock()
                if wait > 0:
                    sleep(wait)
    except KeyboardInterrupt:
        say("stopped")
        return summary
    finally:
        if own_client:
            http.close()


def _load_state(store: Any, feeds: list[Feed]) -> None:
    rows = store.query("SELECT url, etag, last_modified FROM feed_state")
    known = {r["url"]: r for r in rows}
    for feed in feeds:
        row = known.get(feed.url)
        if row is not None:
            feed.etag, feed.last_modified = row["etag"], row["last_modified"]


def _save_state(store: Any, feed: Feed) -> None:
    from datetime import UTC, datetime

    with store.transaction():
        store.execute("DELETE FROM feed_state WHERE url = ?", [feed.url])
        store.execute(
            "INSERT INTO feed_state (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)",
            [
                feed.url,
                feed.etag,
                feed.last_modified,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ],
        )


def _add(total: IngestSummary, part: IngestSummary) -> None:
    total.read += part.read
    total.new += part.new
    total.duplicate += part.duplicate
    total.near_duplicate += part.near_duplicate
    total.skipped += part.skipped
    total.reasons.update(part.reasons)


def watch_file(path: str | os.PathLike[str], db: str | None = None, **kw: Any) -> WatchSummary:
    return watch(load_feeds(Path(path)), db, **kw)
