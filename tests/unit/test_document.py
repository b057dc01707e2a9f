from __future__ import annotations

import pytest

from strikeledger.document import Document, document_from_bytes, normalise, split_header
from strikeledger.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    HeaderError,
    TooLargeError,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("п’ятсот пʼятсот п'ятсот", "п'ятсот п'ятсот п'ятсот"),
        ("Ukraine’s  air\tforce", "Ukraine's air force"),
        ("a\r\nb\r\n\r\n\r\n\r\nc", "a\nb\n\nc"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("1\u00a0000 drones", "1 000 drones"),
        ("  lead and trail  \n", "lead and trail"),
        ("e\u0301", "é"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_id_is_hash_of_normalised_text() -> None:
    a = Document.from_text("Kyiv’s night")
    b = Document.from_text("Kyiv's   night\n")
    assert a.id == b.id and a.id.startswith("sha256:") and len(a.id) == 7 + 64
    assert Document.from_text("other").id != a.id


def test_header_block() -> None:
    meta, body = split_header("published: 2025-07-04T09:00+03:00\nsource: kpszsu\n\nText here.")
    assert meta == {"published": "2025-07-04T09:00+03:00", "source": "kpszsu"}
    assert body == "Text here."
    assert split_header("Not: a header\n\nbody") == ({}, "Not: a header\n\nbody")
    doc = document_from_bytes(b"title: T\nurl: https://x.test/a\n\nBody.", path="a.txt")
    assert (doc.title, doc.url, doc.text, doc.path) == ("T", "https://x.test/a", "Body.", "a.txt")
    override = document_from_bytes(b"published: 2025-01-01\n\nBody.", published="2025-02-02")
    assert override.published == "2025-02-02"


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\n ", EmptyInputError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", BinaryInputError, "NUL byte"),
        (b"caf\xe9 au lait", EncodingError, "UTF-8"),
        (b"published: yesterday\n\nbody", HeaderError, "published"),
    ],
)
def test_bad_input_names_the_item(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as e:
        document_from_bytes(data, path="dir/bad.txt")
    assert "dir/bad.txt" in str(e.value) and words in str(e.value)


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKELEDGER_MAX_DOCUMENT_BYTES", "100")
    with pytest.raises(TooLargeError, match="max_document_bytes=100"):
        document_from_bytes(b"x" * 101, path="big.txt")
