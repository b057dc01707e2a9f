"""RSS and Atom feeds, parsed by feedparser after a hardened XML check.

The XML is first parsed by defusedxml: a feed that declares entities or refers to external
resources is refused (no entity expansion, no external DTD, no network), and malformed XML is
reported with its line and column. feedparser then reads the entries from memory (it is given a
stream, never a string it could take for a URL).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..document import Document, parse_published
from ..errors import EmptyInputError, InputError, MalformedInputError, UnsafeXmlError
from .base import Skipped, html_to_text, read_bytes


def read_feed(
    path: Path, *, source: str | None = None, **_options: Any
) -> Iterator[Document | Skipped]:
    try:
        data = read_bytes(path)
    except InputError as e:
        yield Skipped(e)
        return
    yield from feed_documents(data, item=str(path), source=source)


_KNOWN_PUBLIC_DTDS = frozenset({"-//Netscape Communications//DTD RSS 0.91//EN"})


def check_xml(data: bytes, *, item: str) -> None:
    """Parse ``data`` with defusedxml; raise UnsafeXmlError / MalformedInputError."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException, DTDForbidden
    from defusedxml.ElementTree import fromstring

    try:
        try:
            fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        except DTDForbidden as dtd:
            # An inline DOCTYPE is harmless once entities are forbidden; a reference to an
            # external DTD is refused (it is never fetched), except the well-known RSS 0.91 one.
            if dtd.sysid and dtd.pubid not in _KNOWN_PUBLIC_DTDS:
                raise UnsafeXmlError(
                    f"refused: a reference to an external DTD ({dtd.sysid!r})", item=item
                ) from None
            fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise UnsafeXmlError(f"refused: {e}", item=item) from None
    except ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        msg = str(e).split(":")[0]
        raise MalformedInputError(
            f"malformed XML: {msg}", item=item, position=f"line {line}, column {col + 1}"
        ) from None
    except (LookupError, ValueError) as e:  # e.g. encoding="utf-9" in the XML declaration
        raise MalformedInputError(f"malformed XML: {e}", item=item) from None


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        raw = str(raw).strip()
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            if parse_published(raw) is not None:
                return raw
        except ValueError:
            pass
        parsed = entry.get(key + "_parsed")
        if parsed:
            y, mo, d, h, mi, s = parsed[:6]
            return datetime(y, mo, d, h, mi, s, tzinfo=UTC).isoformat()
    return None


def feed_documents(
    data: bytes, *, item: str, source: str | None = None, check: bool = True
) -> Iterator[Document | Skipped]:
    """The entries of one RSS/Atom feed as documents, in feed order."""
    import feedparser

    try:
        if check:
            check_xml(data, item=item)
    except InputError as e:
        yield Skipped(e)
        return
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries, 1):
        where = f"entry {i}"
        body = ""
        contents = entry.get("content") or []
        if contents:
            body = "\n\n".join(html_to_text(c.get("value") or "") for c in contents)
        if not body.strip():
            body = html_to_text(entry.get("summary") or entry.get("description") or "")
        title = html_to_text(entry.get("title") or "").strip() or None
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n\n{body}" if body.strip() else title
        if not body.strip():
            yield Skipped(EmptyInputError("entry without text", item=item, position=where))
            continue
        yield Document.from_text(
            body,
            published=_published(entry),
            url=entry.get("link") or None,
            title=title,
            source=source or feed_title,
            path=item,
        )
    if not parsed.entries and parsed.get("bozo"):
        yield Skipped(MalformedInputError("not an RSS or Atom feed", item=item))
