"""`watch` against a real HTTP server on localhost whose feeds change between polls."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from strikeledger.cli import main
from strikeledger.errors import FieldMappingError
from strikeledger.ingest.watch import Feed, load_feeds, watch
from strikeledger.ledger import open_store

pytestmark = pytest.mark.usefixtures("stub_extractor")


def rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>https://local.example/{i}</link>"
        f"<pubDate>Sat, 15 Mar 2025 0{i % 9}:00:00 +0200</pubDate>"
        f"<description>{d}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        f"{body}</channel></rss>"
    ).encode()


class Server:
    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                if self.path == "/broken":
                    self.send_response(500)
                    self.end_headers()
                    return
                body = server.feeds.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Sat, 15 Mar 2025 08:00:00 GMT")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


FIRST = [
    ("Night attack on Dnipro", "Drones attacked Dnipro overnight; 14 were shot down."),
    ("Sumy shelled", "Two people were injured in Sumy after an attack with 3 guided bombs."),
]
ADDED = ("Odesa port hit", "A drone hit the port of Odesa; 1 worker was injured.")


class FakeTime:
    def __init__(self, on_sleep: Any = None) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.on_sleep = on_sleep

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self.on_sleep:
            self.on_sleep(len(self.sleeps))


def test_conditional_polls_and_new_entries(server: Server, tmp_path: Path) -> None:
    server.feeds["/feed.xml"] = rss(FIRST)

    def change(n: int) -> None:
        if n == 2:  # after the second poll, the feed gains an entry
            server.feeds["/feed.xml"] = rss([*FIRST, ADDED])

    t = FakeTime(change)
    db = str(tmp_path / "l.duckdb")
    feeds = [Feed(url=server.url + "/feed.xml", source="local", interval=60)]
    summary = watch(feeds, db, max_polls=4, clock=t.clock, sleep=t.sleep)
    assert summary.polls == 4 and summary.errors == 0
    assert summary.not_modified == 2  # poll 2 (unchanged) and poll 4 (unchanged again)
    assert (summary.ingest.read, summary.ingest.new, summary.ingest.duplicate) == (5, 3, 2)
    assert t.sleeps == [60, 60, 60]
    conditional = [h.get("If-None-Match") for _, h in server.requests]
    assert conditional[0] is None and all(conditional[1:])
    assert all(h.get("If-Modified-Since") for _, h in server.requests[1:])
    with open_store(db, read_only=True) as store:
        docs = store.documents()
        assert {d["url"] for d in docs} == {f"https://local.example/{i}" for i in range(3)}
        assert {d["source"] for d in docs} == {"local"}


def test_a_restarted_watcher_asks_whether_the_feed_changed(server: Server, tmp_path: Path) -> None:
    server.feeds["/feed.xml"] = rss(FIRST)
    db = str(tmp_path / "l.duckdb")
    url = server.url + "/feed.xml"
    first = watch([Feed(url=url)], db, once=True)
    assert first.ingest.new == 2
    again = watch([Feed(url=url)], db, once=True)  # a new process would start like this
    assert again.not_modified == 1 and again.ingest.read == 0
    assert server.requests[-1][1].get("If-None-Match")


def test_failing_feed_backs_off_exponentially(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKELEDGER_WATCH_MAX_BACKOFF_SECONDS", "50")
    t = FakeTime()
    events: list[str] = []
    feeds = [Feed(url=server.url + "/broken", interval=10)]
    summary = watch(
        feeds,
        str(tmp_path / "l.duckdb"),
        max_polls=4,
        clock=t.clock,
        sleep=t.sleep,
        on_event=events.append,
    )
    assert summary.errors == 4
    assert t.sleeps == [20, 40, 50]
    assert "SL-E112" in events[0] and "HTTP 500" in events[0] and "/broken" in events[0]


def test_once_polls_each_feed_once_and_survives_a_bad_one(server: Server, tmp_path: Path) -> None:
    server.feeds["/a.xml"] = rss(FIRST)
    toml = tmp_path / "feeds.toml"
    toml.write_text(
        f'interval = 30\n[[feed]]\nurl = "{server.url}/a.xml"\nsource = "a"\n'
        f'[[feed]]\nurl = "{server.url}/missing.xml"\n'
    )
    db = str(tmp_path / "l.duckdb")
    assert main(["watch", str(toml), "--db", db, "--once", "--quiet"]) == 0
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
    assert [p for p, _ in server.requests] == ["/a.xml", "/missing.xml"]


def test_stops_cleanly_on_ctrl_c(server: Server, tmp_path: Path) -> None:
    server.feeds["/a.xml"] = rss(FIRST)

    def interrupt(_n: int) -> None:
        raise KeyboardInterrupt

    t = FakeTime(interrupt)
    db = str(tmp_path / "l.duckdb")
    summary = watch([Feed(url=server.url + "/a.xml", interval=5)], db, clock=t.clock, sleep=t.sleep)
    assert summary.polls == 1 and summary.ingest.new == 2
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2


@pytest.mark.parametrize(
    "text",
    ["", "[[feed]]\nurl = 'ftp://x'\n", "not toml [", "[[feed]]\nsource = 'x'\n"],
)
def test_bad_feeds_file(tmp_path: Path, text: str) -> None:
    p = tmp_path / "feeds.toml"
    p.write_text(text)
    with pytest.raises(FieldMappingError):
        load_feeds(p)


def test_ingest_a_url_of_a_page_and_of_a_feed(server: Server, tmp_path: Path) -> None:
    from strikeledger.document import Document
    from strikeledger.ingest import read_source
    from tests.conftest import ROOT

    server.feeds["/feed.xml"] = rss(FIRST)
    server.feeds["/page.html"] = (ROOT / "tests" / "fixtures" / "ingest" / "page.html").read_bytes()
    feed_docs = [d for d in read_source(server.url + "/feed.xml") if isinstance(d, Document)]
    assert [d.url for d in feed_docs] == ["https://local.example/0", "https://local.example/1"]
    (page,) = list(read_source(server.url + "/page.html", source="local"))
    assert isinstance(page, Document)
    assert page.url == server.url + "/page.html" and page.source == "local"
    assert "64 drones" in page.text
    (missing,) = list(read_source(server.url + "/nothing"))
    assert not isinstance(missing, Document) and missing.code == "SL-E112"
