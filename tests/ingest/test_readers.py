"""Each reader on its fixture: documents, metadata, and what is skipped with which code."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import Document, normalise
from strikeledger.errors import FieldMappingError
from strikeledger.ingest import Skipped, read_source
from strikeledger.ingest.base import html_to_text
from strikeledger.ingest.records import parse_field_options
from strikeledger.ingest.sources import sniff
from tests.conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "ingest"


def split(items: Any) -> tuple[list[Document], list[Skipped]]:
    docs, skipped = [], []
    for it in items:
        (docs if isinstance(it, Document) else skipped).append(it)
    return docs, skipped


def test_text_folder_with_headers() -> None:
    docs, skipped = split(read_source(FIX / "texts"))
    assert not skipped
    assert [Path(d.path or "").name for d in docs] == [
        "af-night.txt",
        "kyiv-ua.txt",
        "wire-story.txt",
    ]
    af = docs[0]
    assert af.published == "2025-03-12T09:10:00+02:00" and af.source == "fixture-airforce"
    assert af.url == "https://example.org/af/1" and af.title == "Night of 12 March"
    assert af.text.startswith("In the night of 12 March") and "published:" not in af.text


def test_html_page_main_text_and_metadata() -> None:
    (doc,), skipped = split(read_source(FIX / "page.html"))
    assert not skipped
    assert doc.published == "2025-03-14T08:45:00+02:00"
    assert doc.url == "https://news.example.org/odesa-port"
    assert doc.title == "Drones hit Odesa port"
    assert doc.text.startswith("Drones hit Odesa port")
    assert "64 drones were launched" in doc.text
    assert "Copyright" not in doc.text and "Sport" not in doc.text


@pytest.mark.parametrize(
    ("name", "count", "first_url", "first_published", "source"),
    [
        (
            "feed.rss",
            2,
            "https://wire.example.org/dnipro-1",
            "2025-03-15T06:20:00+02:00",
            "Fixture Wire",
        ),
        (
            "feed.atom",
            1,
            "https://atom.example.org/sumy-1",
            "2025-03-16T07:15:00+02:00",
            "Fixture Atom",
        ),
    ],
)
def test_feeds(name: str, count: int, first_url: str, first_published: str, source: str) -> None:
    docs, skipped = split(read_source(FIX / name))
    assert not skipped and len(docs) == count
    d = docs[0]
    assert (d.url, d.published, d.source) == (first_url, first_published, source)
    assert d.title and d.text.startswith(d.title)
    assert "<" not in d.text and "&lt;" not in d.text


def test_feed_html_becomes_text() -> None:
    docs, _ = split(read_source(FIX / "feed.rss"))
    assert "engaged drones over the city.\n\nOne person was injured" in docs[0].text


@pytest.mark.parametrize(
    ("name", "code", "where"),
    [
        ("billion-laughs.xml", "SL-E108", None),
        ("external-entity.rss", "SL-E108", None),
        ("broken.rss", "SL-E107", "line 5, column 49"),
    ],
)
def test_hostile_or_broken_xml_is_refused(name: str, code: str, where: str | None) -> None:
    docs, skipped = split(read_source(FIX / name))
    assert docs == [] and len(skipped) == 1
    (s,) = skipped
    assert s.code == code and name in s.describe()
    if where:
        assert s.error.position == where
    assert "root:" not in s.describe()  # /etc/passwd never read


def test_jsonl_with_mapping_and_bad_lines() -> None:
    fields = parse_field_options(["text=body", "published=meta.date", "title=headline"])
    docs, skipped = split(read_source(FIX / "records.jsonl", fields=fields))
    assert [d.url for d in docs] == [
        "https://records.example.org/1",
        "https://records.example.org/2",
        "https://records.example.org/3",
    ]
    assert docs[0].published == "2025-03-17T08:00:00+02:00" and docs[0].title == "Poltava night"
    assert docs[2].published == "2025-03-18"
    assert [(s.code, s.error.position) for s in skipped] == [
        ("SL-E107", "line 3, column 41"),
        ("SL-E111", "line 4"),
    ]


def test_csv_with_semicolons() -> None:
    docs, skipped = split(read_source(FIX / "records.csv", source="csv-outlet"))
    assert [d.url for d in docs] == ["https://csv.example.org/1", "https://csv.example.org/2"]
    assert all(d.source == "csv-outlet" for d in docs)
    assert docs[0].published == "2025-03-19T07:00:00+02:00"
    assert [(s.code, s.error.position) for s in skipped] == [
        ("SL-E111", "row 3, line 4"),
        ("SL-E106", "row 4, line 5"),
    ]


def test_csv_multiline_field_and_field_mapping(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text('id,story,when\n1,"line one\nline two",2025-01-02\n2,"second",2025-01-03\n')
    docs, skipped = split(read_source(p, fields={"text": "story", "published": "when"}))
    assert not skipped
    assert [d.text for d in docs] == ["line one\nline two", "second"]
    assert [d.published for d in docs] == ["2025-01-02", "2025-01-03"]


def test_field_option_errors() -> None:
    with pytest.raises(FieldMappingError):
        parse_field_options(["colour=red"])
    with pytest.raises(FieldMappingError):
        parse_field_options(["text"])


def test_telegram_export() -> None:
    docs, skipped = split(read_source(FIX / "telegram" / "result.json", channel="fixture_af"))
    assert not skipped
    assert [d.url for d in docs] == [
        "https://t.me/fixture_af/102",
        "https://t.me/fixture_af/103",
        "https://t.me/fixture_af/105",
    ]
    assert docs[0].published == "2025-03-20T08:15:00+02:00"  # from date_unixtime, Kyiv time
    assert docs[2].published == "2025-03-21T07:45:00"  # only "date": as written
    assert docs[1].text.startswith("Attention! Details of the night attack: https://example.org")
    assert "Hits were recorded at 3 locations." in docs[1].text
    assert all(d.source == "fixture_af" for d in docs)


def test_telegram_without_channel_uses_chat_id_links() -> None:
    docs, _ = split(read_source(FIX / "telegram" / "result.json"))
    assert docs[0].url == "https://t.me/c/1234567890/102"
    assert docs[0].source == "Fixture Air Force"


def test_json_array_of_records(tmp_path: Path) -> None:
    p = tmp_path / "recs.json"
    p.write_text(json.dumps([{"text": "first 1"}, {"text": "second 2"}, {"nope": 1}]))
    docs, skipped = split(read_source(p))
    assert [d.text for d in docs] == ["first 1", "second 2"]
    assert [s.code for s in skipped] == ["SL-E111"]


def make_warc(records: list[tuple[str, str, bytes]], *, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(rec)
    return out.getvalue()


PAGE = (FIX / "page.html").read_bytes()
PAGE2 = PAGE.replace(b"Odesa", b"Izmail").replace(b"64 drones", b"46 drones")


def test_warc_pages(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(
        make_warc(
            [
                ("https://a.example.org/1", "text/html; charset=utf-8", PAGE),
                ("https://a.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
                ("https://a.example.org/2", "text/html", PAGE2),
            ]
        )
    )
    assert sniff(p) == "warc"
    docs, skipped = split(read_source(p))
    assert not skipped
    assert [d.url for d in docs] == ["https://a.example.org/1", "https://a.example.org/2"]
    assert "46 drones" in docs[1].text


def test_truncated_warc_keeps_what_came_before(tmp_path: Path) -> None:
    data = make_warc(
        [
            ("https://a.example.org/1", "text/html", PAGE),
            ("https://a.example.org/2", "text/html", PAGE2),
        ],
        gz=False,
    )
    p = tmp_path / "cut.warc"
    p.write_bytes(data[: len(data) - 700])
    docs, skipped = split(read_source(p))
    assert [d.url for d in docs] == ["https://a.example.org/1"]
    assert len(skipped) == 1 and skipped[0].code in ("SL-E109", "SL-E105", "SL-E101")
    assert "cut.warc" in skipped[0].describe() and "byte" in skipped[0].describe()


def test_truncated_gzip_warc(tmp_path: Path) -> None:
    data = make_warc([("https://a.example.org/1", "text/html", PAGE)] * 1, gz=True)
    data += make_warc([("https://a.example.org/2", "text/html", PAGE2)], gz=True)[:-200]
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data)
    docs, skipped = split(read_source(p))
    assert [d.url for d in docs] == ["https://a.example.org/1"]
    assert [s.code for s in skipped] == ["SL-E109"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("plain &amp; simple", "plain & simple"),
        ("<p>One</p><p>Two<br>Three</p>", "One\n\nTwo\n\nThree"),
        ("<div>a<script>alert(1)</script>b</div>", "ab"),
        ("<ul><li>x</li><li>y</li></ul>", "x\n\ny"),
        ("<p>a <b>bold</b> word</p>", "a bold word"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert normalise(html_to_text(html)) == expected


def test_gzip_is_not_mistaken_for_text(tmp_path: Path) -> None:
    p = tmp_path / "blob.bin"
    p.write_bytes(gzip.compress(b"hello"))
    _, skipped = split(read_source(p))
    assert skipped and skipped[0].code == "SL-E109"


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Вибухи</title></head><body><article><p>Уночі над Києвом збили 12 дронів, "
        "повідомили у військовій адміністрації міста. Уламки впали у двох районах.</p>"
        "</article></body></html>"
    )
    p = tmp_path / "cp1251.html"
    p.write_bytes(page.encode("cp1251"))
    (doc,), skipped = split(read_source(p))
    assert not skipped and "збили 12 дронів" in doc.text
