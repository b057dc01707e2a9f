"""Small valid samples of each source format (written for these tests), which the fuzzer then
mutates, and builders for hostile ones."""

from __future__ import annotations

import gzip
import json

TEXT = (
    "Overnight on 12 July the enemy attacked with 97 Shahed drones and 4 missiles. "
    "Air defence shot down 80 drones. Two people were killed in Kharkiv."
)
TEXT_UK = (
    "У ніч на 12 липня ворог атакував 97 ударними БпЛА. Збито 80 дронів. "
    "У Харкові загинули двоє людей."
)

HTML = f"""<!doctype html><html><head><meta charset="utf-8"><title>Night attack</title>
<meta property="article:published_time" content="2025-07-12T08:00:00+03:00"></head>
<body><article><h1>Night attack</h1><p>{TEXT}</p><p>{TEXT_UK}</p>
<script>alert(1)</script></article></body></html>""".encode()

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://example.org/</link>
<item><title>Night attack</title><link>https://example.org/1</link>
<pubDate>Sat, 12 Jul 2025 05:00:00 GMT</pubDate><description>{TEXT}</description></item>
<item><title>Ніч</title><link>https://example.org/2</link>
<description><![CDATA[<p>{TEXT_UK}</p>]]></description></item>
</channel></rss>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id>
<updated>2025-07-12T05:00:00Z</updated>
<entry><title>Night attack</title><id>urn:1</id><updated>2025-07-12T05:00:00Z</updated>
<content type="html">&lt;p&gt;{TEXT}&lt;/p&gt;</content></entry></feed>""".encode()

TELEGRAM = json.dumps(
    {
        "name": "Air Force",
        "type": "public_channel",
        "id": 1234,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2025-07-12T08:00:00",
                "date_unixtime": "1752296400",
                "text": TEXT,
            },
            {"id": 2, "type": "service", "date": "2025-07-12T08:01:00", "text": ""},
            {
                "id": 3,
                "type": "message",
                "date": "2025-07-12T09:00:00",
                "text": ["Збито ", {"type": "bold", "text": "80"}, " дронів."],
            },
        ],
    },
    ensure_ascii=False,
).encode()

JSONL = (
    json.dumps({"text": TEXT, "published": "2025-07-12", "url": "https://e.org/1"})
    + "\n"
    + json.dumps({"body": TEXT_UK, "date": "2025-07-12T08:00:00+03:00"}, ensure_ascii=False)
    + "\n"
).encode()

JSON_ARRAY = json.dumps([{"text": TEXT}, {"text": TEXT_UK}], ensure_ascii=False).encode()

CSV = f'text,published,url\n"{TEXT}",2025-07-12,https://e.org/1\n"{TEXT_UK}",,\n'.encode()


def warc_record(html: bytes, uri: str = "https://example.org/a") -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(html)}\r\n\r\n".encode()
        + html
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-07-12T05:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


WARC = warc_record(HTML) + warc_record(HTML.replace(b"97", b"98"), "https://example.org/b")
WARC_GZ = gzip.compress(warc_record(HTML)) + gzip.compress(warc_record(HTML, "https://e.org/c"))

SAMPLES: dict[str, tuple[str, bytes]] = {
    # format: (file suffix, sample bytes)
    "text": (".txt", TEXT.encode()),
    "html": (".html", HTML),
    "feed": (".xml", RSS),
    "atom": (".atom", ATOM),
    "telegram": (".json", TELEGRAM),
    "jsonl": (".jsonl", JSONL),
    "json": (".json", JSON_ARRAY),
    "csv": (".csv", CSV),
    "warc": (".warc", WARC),
    "warc.gz": (".warc.gz", WARC_GZ),
}
FORMAT_OF = {"atom": "feed", "warc.gz": "warc"}
