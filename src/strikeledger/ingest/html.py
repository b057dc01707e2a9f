"""HTML pages: the main text by trafilatura, metadata from the page's own tags.

One parse per page: lxml builds the tree, the publication time is read from the usual meta tags
(full timestamps with offsets, better than trafilatura's bare date), then trafilatura extracts
the article from the same tree. The headline leads the text when the article body omits it, as
in the texts the extractor is evaluated on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document, parse_published
from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
)
from .base import Skipped, read_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
)


def read_html(
    path: Path, *, source: str | None = None, **_options: Any
) -> Iterator[Document | Skipped]:
    try:
        data = read_bytes(path)
        yield html_document(data, item=str(path), path=str(path), source=source)
    except InputError as e:
        yield Skipped(e)


def decode_html(data: bytes, *, item: str) -> str:
    """The text of an HTML page: its BOM or declared charset, else UTF-8 (strictly)."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        at = head.index(b"\x00")
        raise BinaryInputError(f"binary data (NUL byte at offset {at})", item=item)
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        m = _CHARSET.search(head)
        if m:
            encoding = m.group(1).decode("ascii").lower()
    try:
        return data.decode(encoding)
    except LookupError:
        raise EncodingError(f"unknown charset {encoding!r}", item=item) from None
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"not valid {encoding}: {e.reason} at byte {e.start}",
            item=item,
            position=f"byte {e.start}",
        ) from None


def _meta_published(tree: Any) -> str | None:
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in _PUBLISHED_META:
            value = (el.get("content") or "").strip()
            if _valid_published(value):
                return value
    for el in tree.iter("time"):
        value = (el.get("datetime") or "").strip()
        if _valid_published(value):
            return value
    return None


def _valid_published(value: str | None) -> bool:
    if not value:
        return False
    try:
        return parse_published(value) is not None
    except ValueError:
        return False


def html_document(
    data: bytes,
    *,
    item: str,
    path: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Document:
    """A document from the bytes of one HTML page (raises InputError subclasses)."""
    import trafilatura
    from lxml import etree
    from lxml import html as lhtml

    text = _XML_DECL.sub("", decode_html(data, item=item), count=1)
    if not text.strip():
        raise EmptyInputError("empty page", item=item)
    try:
        tree = lhtml.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise MalformedInputError(f"cannot parse HTML: {e}", item=item) from None
    meta_published = published or _meta_published(tree)
    head_title = tree.findtext(".//title")
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise EmptyInputError("no article text found in the page", item=item)
    title = getattr(result, "title", None) or (head_title.strip() if head_title else None)
    if title and not body.lstrip().startswith(title.strip()):
        body = f"{title}\n\n{body}"
    pub = meta_published
    if pub is None:
        found = getattr(result, "date", None)
        pub = found if _valid_published(found) else None
    return Document.from_text(
        body,
        published=pub,
        url=url or getattr(result, "url", None),
        title=title,
        source=source or getattr(result, "sitename", None),
        path=path,
    )
