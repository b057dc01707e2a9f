"""Bad input never stops a run and never loses good data: one Skipped per problem, naming the
file and the position; every good item around it is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import Document
from strikeledger.ingest import Skipped, jsonstream, read_source

GOOD = "Overnight, 12 drones attacked the region; 10 were shot down."


def split(items: Any) -> tuple[list[Document], list[Skipped]]:
    docs, skipped = [], []
    for it in items:
        (docs if isinstance(it, Document) else skipped).append(it)
    return docs, skipped


@pytest.mark.parametrize(
    ("name", "data", "code", "position"),
    [
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00", "SL-E102", "byte 7"),
        ("cp1251.txt", "Вибухи в Києві".encode("cp1251"), "SL-E105", "byte 0"),
        ("empty.txt", b"   \n\n", "SL-E101", None),
        ("latin.html", b"<html><body><p>caf\xe9</p></body></html>", "SL-E105", "byte 18"),
        ("nul.html", b"<html>\x00\x00</html>", "SL-E102", None),
        ("nothing.html", b"<html><body></body></html>", "SL-E101", None),
        ("noise.dat", b"\x00\x01\x02\x03binary", "SL-E102", "byte 0"),
        ("bad.json", b'{"name": "x", "messages": [', "SL-E109", None),
        ("notexport.json", b'{"name": "x"}', "SL-E107", None),
    ],
)
def test_one_clear_line_per_bad_file(
    tmp_path: Path, name: str, data: bytes, code: str, position: str | None
) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    docs, skipped = split(read_source(p))
    assert docs == []
    assert len(skipped) == 1, [s.describe() for s in skipped]
    s = skipped[0]
    assert s.code == code, s.describe()
    assert str(p) in s.describe() and "\n" not in s.describe()
    if position:
        assert s.error.position == position


def test_oversized_file_is_skipped_by_the_named_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKELEDGER_MAX_DOCUMENT_BYTES", "100")
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + " " + "x" * 200)
    docs, skipped = split(read_source(tmp_path))
    assert [Path(d.path or "").name for d in docs] == ["a.txt"]
    assert [s.code for s in skipped] == ["SL-E103"] and "b.txt" in skipped[0].describe()


def test_missing_path(tmp_path: Path) -> None:
    _, skipped = split(read_source(tmp_path / "nope.txt"))
    assert [s.code for s in skipped] == ["SL-E110"]


def test_a_bad_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(GOOD)
    (tmp_path / "2.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "3.txt").write_text(GOOD.replace("12", "13"))
    (tmp_path / ".hidden.txt").write_text("ignored")
    docs, skipped = split(read_source(tmp_path))
    assert len(docs) == 2 and len(skipped) == 1


def test_jsonl_bad_bytes_spoil_one_line_only(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    lines = [
        json.dumps({"text": GOOD}).encode(),
        b'{"text": "bad \xff byte"}',
        json.dumps({"text": GOOD + " More."}).encode(),
        b"[1, 2]",
    ]
    p.write_bytes(b"\n".join(lines) + b"\n")
    docs, skipped = split(read_source(p))
    assert len(docs) == 2
    assert [(s.code, s.error.position) for s in skipped] == [
        ("SL-E105", "line 2, byte 14"),
        ("SL-E107", "line 4"),
    ]


def test_jsonl_oversized_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKELEDGER_MAX_RECORD_BYTES", "200")
    p = tmp_path / "r.jsonl"
    p.write_text(
        json.dumps({"text": GOOD})
        + "\n"
        + json.dumps({"text": "y" * 500})
        + "\n"
        + json.dumps({"text": GOOD + "!"})
        + "\n"
    )
    docs, skipped = split(read_source(p))
    assert len(docs) == 2 and [(s.code, s.error.position) for s in skipped] == [
        ("SL-E103", "line 2")
    ]


def test_csv_bad_bytes_spoil_one_row_only(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_bytes(b'text,url\n"' + GOOD.encode() + b'",u1\nbad \xe9 row,u2\nSecond good row 7,u3\n')
    docs, skipped = split(read_source(p))
    assert [d.url for d in docs] == ["u1", "u3"]
    assert [(s.code, s.error.position) for s in skipped] == [("SL-E105", "row 2, line 3")]


def export(messages: list[Any]) -> str:
    return json.dumps(
        {"name": "Chan", "type": "public_channel", "id": 77, "messages": messages},
        ensure_ascii=False,
        indent=1,
    )


def msg(i: int, text: Any) -> dict[str, Any]:
    return {"id": i, "type": "message", "date": "2025-03-20T08:15:00", "text": text}


@pytest.mark.parametrize("chunk", [7, 64, 65536])
def test_telegram_streams_in_small_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(jsonstream, "CHUNK", chunk)
    messages = [msg(i, f"Message {i}: {i * 3} drones, «лапки» і ʼапостроф") for i in range(1, 301)]
    p = tmp_path / "result.json"
    p.write_text(export(messages), encoding="utf-8")
    docs, skipped = split(read_source(p, channel="chan"))
    assert not skipped
    assert [d.url for d in docs] == [f"https://t.me/chan/{i}" for i in range(1, 301)]
    assert docs[-1].text.startswith("Message 300: 900 drones")


def test_telegram_truncated_export_keeps_earlier_messages(tmp_path: Path) -> None:
    text = export([msg(i, f"Report {i} of {i * 5} drones") for i in range(1, 11)])
    cut = text.index('"Report 8')
    p = tmp_path / "result.json"
    p.write_text(text[:cut], encoding="utf-8")
    docs, skipped = split(read_source(p))
    assert [d.text for d in docs] == [f"Report {i} of {i * 5} drones" for i in range(1, 8)]
    assert [s.code for s in skipped] == ["SL-E109"]
    assert "character" in (skipped[0].error.position or "")


def test_telegram_malformed_message_is_skipped_and_reading_resumes(tmp_path: Path) -> None:
    text = export([msg(i, f"Report {i} of {i * 5} drones") for i in range(1, 6)])
    broken = text.replace('"Report 3 of 15 drones"', '"Report 3 of 15 drones" oops')
    p = tmp_path / "result.json"
    p.write_text(broken, encoding="utf-8")
    docs, skipped = split(read_source(p))
    assert [d.text for d in docs] == [
        "Report 1 of 5 drones",
        "Report 2 of 10 drones",
        "Report 4 of 20 drones",
        "Report 5 of 25 drones",
    ]
    assert len(skipped) == 1 and skipped[0].code == "SL-E107"
    assert "message #3" in (skipped[0].error.position or "")


def test_telegram_bad_bytes_spoil_one_message(tmp_path: Path) -> None:
    text = export([msg(1, "First 1"), msg(2, "BAD"), msg(3, "Third 3")])
    p = tmp_path / "result.json"
    p.write_bytes(text.encode("utf-8").replace(b"BAD", b"B\xffD"))
    docs, skipped = split(read_source(p))
    assert [d.text for d in docs] == ["First 1", "Third 3"]
    assert [(s.code, s.error.position) for s in skipped] == [("SL-E105", "message id 2")]


def test_telegram_entity_lists_and_oversized_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKELEDGER_MAX_RECORD_BYTES", "2000")
    messages = [
        msg(1, ["Plain ", {"type": "bold", "text": "bold"}, {"type": "hashtag", "text": " #tag"}]),
        msg(2, "z" * 5000),
        msg(3, [{"type": "text_link", "text": "link", "href": "https://x"}, " and 4 drones"]),
    ]
    p = tmp_path / "result.json"
    p.write_text(export(messages), encoding="utf-8")
    docs, skipped = split(read_source(p))
    assert [d.text for d in docs] == ["Plain bold #tag", "link and 4 drones"]
    assert [s.code for s in skipped] == ["SL-E103"]


def test_telegram_export_is_read_in_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory is bounded by the read buffer (4 KB here), not by the size of the export."""
    import tracemalloc

    monkeypatch.setattr(jsonstream, "CHUNK", 4096)
    p = tmp_path / "result.json"
    with p.open("w", encoding="utf-8") as f:
        f.write('{"name": "Big", "type": "public_channel", "id": 42, "messages": [\n')
        for i in range(8000):
            m = msg(i, [f"Повідомлення {i}: ", {"type": "bold", "text": f"{i % 700} дронів"}])
            f.write(json.dumps(m, ensure_ascii=False) + (",\n" if i < 7999 else "\n"))
        f.write("]}\n")
    size = p.stat().st_size
    small = tmp_path / "small.json"
    small.write_text(export([msg(1, "warm up 1")]), encoding="utf-8")
    list(read_source(small))  # imports and caches outside the measurement
    tracemalloc.start()
    try:
        count = 0
        for item in read_source(p):
            count += isinstance(item, Document)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8000
    assert size > 1_000_000 and peak < size / 8, (size, peak)
