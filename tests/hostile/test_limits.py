"""Every limit on input is a named setting; exceeding one skips that item, with a message that
names the limit, and the run goes on with the next item (a test per limit)."""

from __future__ import annotations

import contextlib
import gc
import json
import time
from pathlib import Path

import pytest

from strikeledger import settings
from strikeledger.document import Document
from strikeledger.errors import ExtractionTimeoutError
from strikeledger.extract import guard
from strikeledger.ingest import Skipped, read_source
from strikeledger.ingest.run import ingest

from .samples import HTML, TEXT, warc_record

GOOD = TEXT


def split(items: list[Document | Skipped]) -> tuple[list[Document], list[Skipped]]:
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Skipped)],
    )


def read(path: Path, fmt: str | None = None) -> tuple[list[Document], list[Skipped]]:
    return split(list(read_source(path, format=fmt)))


def limit(monkeypatch: pytest.MonkeyPatch, setting: settings.Setting, value: object) -> str:
    monkeypatch.setenv("STRIKELEDGER_" + setting.name.upper(), str(value))
    assert setting.get() == value
    return str(value)


def test_max_document_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = limit(monkeypatch, settings.MAX_DOCUMENT_BYTES, 4321)
    (tmp_path / "a-big.txt").write_text(GOOD + " x" * 3000, encoding="utf-8")
    (tmp_path / "b-ok.txt").write_text(GOOD, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert len(docs) == 1 and len(skipped) == 1
    assert skipped[0].code == "SL-E103" and f"max_document_bytes={n}" in skipped[0].describe()
    assert "a-big.txt" in skipped[0].describe()


def test_max_document_bytes_in_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limit(monkeypatch, settings.MAX_DOCUMENT_BYTES, 4321)
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"text": "y " * 3000}) + "\n" + json.dumps({"text": GOOD}) + "\n",
        encoding="utf-8",
    )
    docs, skipped = read(path)
    assert len(docs) == 1 and [s.code for s in skipped] == ["SL-E103"]
    assert "max_document_bytes=4321" in skipped[0].describe() and "line 1" in skipped[0].describe()


def test_max_document_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limit(monkeypatch, settings.MAX_DOCUMENT_LINES, 50)
    (tmp_path / "a-long.txt").write_text(GOOD + "\n1" * 200, encoding="utf-8")
    (tmp_path / "b-ok.txt").write_text(GOOD, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert len(docs) == 1 and [s.code for s in skipped] == ["SL-E104"]
    assert "max_document_lines=50" in skipped[0].describe()


@pytest.mark.parametrize("kind", ["html", "feed"])
def test_max_source_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    n = limit(monkeypatch, settings.MAX_SOURCE_BYTES, 3000)
    from .samples import RSS

    data = HTML if kind == "html" else RSS
    (tmp_path / f"a-big.{'html' if kind == 'html' else 'xml'}").write_bytes(
        data.replace(b"</body>", b"<p>" + b"z " * 3000 + b"</p></body>")
        if kind == "html"
        else data.replace(b"</channel>", b"<!-- " + b"z" * 3000 + b" --></channel>")
    )
    (tmp_path / f"b-ok.{'html' if kind == 'html' else 'xml'}").write_bytes(data)
    docs, skipped = read(tmp_path)
    assert docs and [s.code for s in skipped] == ["SL-E103"]
    assert f"max_source_bytes={n}" in skipped[0].describe() and "a-big" in skipped[0].describe()


@pytest.mark.parametrize("fmt", ["jsonl", "telegram", "json", "csv"])
def test_max_record_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    n = limit(monkeypatch, settings.MAX_RECORD_BYTES, 5000)
    big, ok = "w " * 4000, GOOD
    path = tmp_path / f"r.{fmt}"
    if fmt == "jsonl":
        path.write_text(json.dumps({"text": big}) + "\n" + json.dumps({"text": ok}) + "\n")
    elif fmt == "json":
        path.write_text(json.dumps([{"text": big}, {"text": ok}]))
    elif fmt == "csv":
        path.write_text(f'text\n"{big}"\n"{ok}"\n')
    else:
        msgs = [{"id": 1, "type": "message", "text": big}, {"id": 2, "type": "message", "text": ok}]
        path.write_text(json.dumps({"name": "c", "messages": msgs}))
    docs, skipped = read(path, fmt)
    assert skipped and skipped[0].code in ("SL-E103", "SL-E107"), skipped[0].describe()
    assert n in skipped[0].describe() or "field larger than field limit" in skipped[0].describe()
    assert [d.text for d in docs] == [Document.from_text(ok).text]


def test_archive_member_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = limit(monkeypatch, settings.MAX_SOURCE_BYTES, 3000)
    big = HTML.replace(b"</body>", b"<p>" + b"z " * 3000 + b"</p></body>")
    path = tmp_path / "a.warc"
    path.write_bytes(warc_record(big, "https://e.org/big") + warc_record(HTML, "https://e.org/ok"))
    docs, skipped = read(path)
    assert len(docs) == 1 and [s.code for s in skipped] == ["SL-E103"]
    assert f"max_source_bytes={n}" in skipped[0].describe()
    assert "https://e.org/big" in skipped[0].describe()


@pytest.mark.parametrize("fmt", ["jsonl", "telegram", "json"])
def test_max_json_depth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    limit(monkeypatch, settings.MAX_JSON_DEPTH, 10)
    deep: object = GOOD
    for _ in range(20):
        deep = [deep]
    path = tmp_path / f"r.{fmt}"
    records = [{"text": GOOD, "x": deep}, {"id": 2, "type": "message", "text": GOOD + " 2"}]
    if fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    elif fmt == "json":
        path.write_text(json.dumps(records))
    else:
        path.write_text(
            json.dumps({"name": "c", "messages": [{"id": 1, **records[0]}, records[1]]})
        )
    docs, skipped = read(path, fmt)
    assert [s.code for s in skipped] == ["SL-E121"], [s.describe() for s in skipped]
    assert "max_json_depth=10" in skipped[0].describe()
    assert [d.text for d in docs] == [GOOD + " 2"]


@pytest.mark.parametrize("fmt", ["jsonl", "telegram", "json"])
def test_json_nesting_beyond_the_parser(tmp_path: Path, fmt: str) -> None:
    """100,000 nested brackets: the parser's own recursion limit is not an escape hatch."""
    path = tmp_path / f"r.{fmt}"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(
        {
            "jsonl": deep + "\n",
            "json": "[" + deep + "]",
            "telegram": '{"messages": [' + deep + "]}",
        }[fmt]
    )
    docs, skipped = read(path, fmt)
    assert not docs and skipped and skipped[0].code == "SL-E121"


# --- time per document ---------------------------------------------------------------------------
def busy(seconds: float) -> str:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return "done"


def test_guard_stops_a_runaway_call() -> None:
    t0 = time.perf_counter()
    with pytest.raises(ExtractionTimeoutError) as e:
        guard.call_within_limit(lambda: busy(10), 0.2, item="doc-7")
    assert time.perf_counter() - t0 < 2
    assert "doc-7" in str(e.value) and "max_extract_seconds" in str(e.value)
    assert e.value.code == "SL-E120"


def test_guard_leaves_nothing_pending() -> None:
    """Many calls ending right at their limit: the watchdog's exception never escapes later."""
    for i in range(200):
        with contextlib.suppress(ExtractionTimeoutError):
            guard.call_within_limit(lambda: busy(0.001), 0.001, item=f"d{i}")
    busy(0.05)  # a pending async exception would be raised here
    assert guard.call_within_limit(lambda: 42, 5.0, item="x") == 42
    assert guard.call_within_limit(lambda: 43, 0, item="x") == 43


def test_guard_in_a_worker_thread() -> None:
    import threading

    seen: list[BaseException] = []

    def work() -> None:
        try:
            guard.call_within_limit(lambda: busy(10), 0.2, item="t")
        except ExtractionTimeoutError as e:
            seen.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join(5)
    assert not t.is_alive() and len(seen) == 1


# A paragraph of our own with figures, places, casualties and damage in it, varied per copy.
_LONG = (
    "Overnight Russia sent {a} attack drones and {b} missiles against Kharkiv and Odesa, the air "
    "force said; {c} of the drones were shot down. In Dnipro {d} people were injured and a "
    "school was damaged, the regional governor wrote on Telegram.\n\n"
)


def test_the_limit_stops_the_real_extractor_mid_document() -> None:
    """The real extractor — the compiled one when it is built, which runs no bytecode of its own
    and lets the limit in at ``guard.tick()`` — is stopped long before it would finish."""
    from strikeledger import extract, native

    extract(Document.from_text(GOOD))  # load the language data first
    copies = (_LONG.format(a=100 + i, b=i % 9 + 2, c=90 + i, d=i % 7 + 1) for i in range(2000))
    doc = Document.from_text("".join(copies), published="2025-05-02T08:00+03:00")
    t0 = time.perf_counter()
    report = extract(doc)
    full = time.perf_counter() - t0
    assert len(report.figures) > 4000 and full > 0.5, (len(report.figures), full)
    t0 = time.perf_counter()
    with pytest.raises(ExtractionTimeoutError):
        guard.extract_within_limit(doc, 0.05)
    stopped = time.perf_counter() - t0
    assert stopped < 0.05 + 0.5 * full, (stopped, full, native.active())


def test_the_limit_stops_the_real_extractor_when_gc_callbacks_run() -> None:
    """Python code that swallows exceptions may be what the thread runs when the limit strikes:
    a garbage-collector callback (Hypothesis installs one), whose exception is "ignored". In the
    compiled build that is much of the Python the thread runs; the watchdog raises in again
    until the call ends."""

    def callback(phase: str, info: dict[str, int]) -> None:
        busy(0.0002)

    gc.callbacks.append(callback)
    try:
        test_the_limit_stops_the_real_extractor_mid_document()
    finally:
        gc.callbacks.remove(callback)


@pytest.fixture
def slow_on_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction that spins on documents containing SLOWDOWN (the stand-in of a runaway rule)."""
    from strikeledger.extract import pipeline

    real = pipeline.extract
    real(Document.from_text(GOOD))  # load the language data before the short limit applies

    def extract(doc: Document) -> object:
        if "SLOWDOWN" in doc.text:
            busy(30)
        return real(doc)

    import sys

    monkeypatch.setattr(sys.modules["strikeledger.extract"], "extract", extract)


def test_max_extract_seconds_in_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slow_on_marker: None
) -> None:
    limit(monkeypatch, settings.MAX_EXTRACT_SECONDS, 0.5)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-slow.txt").write_text("SLOWDOWN " + GOOD, encoding="utf-8")
    (tmp_path / "in" / "b-ok.txt").write_text(GOOD, encoding="utf-8")
    skipped: list[Skipped] = []
    t0 = time.perf_counter()
    summary = ingest([tmp_path / "in"], str(tmp_path / "l.duckdb"), on_skip=skipped.append)
    assert time.perf_counter() - t0 < 20
    assert summary.new == 1 and summary.skipped == 1
    text = skipped[0].describe()
    assert "a-slow.txt" in text and "max_extract_seconds=0.5" in text


def test_max_extract_seconds_in_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slow_on_marker: None
) -> None:
    from strikeledger.batch.shards import Shard
    from strikeledger.batch.work import shard_tables

    limit(monkeypatch, settings.MAX_EXTRACT_SECONDS, 0.5)
    a, b = tmp_path / "a-slow.txt", tmp_path / "b-ok.txt"
    a.write_text("SLOWDOWN " + GOOD, encoding="utf-8")
    b.write_text(GOOD, encoding="utf-8")
    tables = shard_tables(Shard("text", (str(a), str(b))))
    assert tables["documents"].num_rows == 1
    errors = tables["errors"].to_pylist()
    assert (
        len(errors) == 1 and "SL-E120" in json.dumps(errors) and "a-slow.txt" in json.dumps(errors)
    )


def test_deep_json_line_in_batch_spoils_one_record(tmp_path: Path) -> None:
    from strikeledger.batch.shards import Shard
    from strikeledger.batch.work import shard_tables

    p = tmp_path / "deep.jsonl"
    p.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    tables = shard_tables(Shard("jsonl", (str(p),), 0, p.stat().st_size))
    assert tables["documents"].num_rows == 1
    assert [e["code"] for e in tables["errors"].to_pylist()] == ["SL-E121"]
