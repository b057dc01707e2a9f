"""What every reader shares: the Skipped record, bounded file reading, HTML to text.

A reader is a generator ``read_X(path, **options) -> Iterator[Document | Skipped]``. It never
raises for bad input inside a source: a bad item becomes a ``Skipped`` naming the file and the
position, and reading goes on with the next item where the format allows it (the next JSON line,
CSV row, Telegram message); where it does not (a truncated archive) the items already read are
kept and one ``Skipped`` says where reading stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .. import settings
from ..document import Document, parse_published
from ..errors import (
    EmptyInputError,
    EncodingError,
    FieldMappingError,
    HeaderError,
    InputError,
    StrikeledgerError,
    TooLargeError,
    UnsupportedSourceError,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Skipped", "html_to_text", "open_stream", "read_bytes", "record_document"]


@dataclass(frozen=True)
class Skipped:
    """An item that could not be read, with the error that says why and where."""

    error: StrikeledgerError

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def reason(self) -> str:
        """A short name of the kind of problem (the error class), for summaries."""
        name = type(self.error).__name__
        return re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Error")).lower()

    def describe(self) -> str:
        return self.error.describe()


def open_stream(path: Path, *, binary: bool = False) -> IO[Any] | Skipped:
    """A source opened for streaming, or the Skipped that says why it cannot be. Text is UTF-8
    (a BOM dropped) with bad bytes kept as lone surrogates, so that ``record_document`` reports
    them for the one record that holds them and the others are read."""
    try:
        if binary:
            return path.open("rb")
        return path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as e:
        return Skipped(UnsupportedSourceError(e.strerror or str(e), item=str(path)))


def read_bytes(path: Path, *, limit: int | None = None, setting: str = "max_source_bytes") -> bytes:
    """The bytes of a file, refusing one larger than ``limit`` (default: max_source_bytes);
    ``setting`` is the name of the limit, for the message."""
    limit = settings.MAX_SOURCE_BYTES.get() if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            raise TooLargeError(f"{size} bytes exceeds {setting}={limit}", item=str(path))
        with path.open("rb") as f:
            return f.read(limit + 1)
    except FileNotFoundError:
        raise UnsupportedSourceError("no such file or directory", item=str(path)) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), item=str(path)) from None


_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "pre",
    "hr",
}
_DROP = {"script", "style", "noscript", "template", "iframe", "svg", "head"}


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): block elements become line
    breaks, scripts and styles are dropped. lxml's HTML parser resolves no external entities."""
    if "<" not in fragment:
        import html

        return html.unescape(fragment)
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    parts: list[str] = []
    _walk(root, parts)
    return "".join(parts)


def _walk(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP:
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if el.text and isinstance(el.tag, str):
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)


_SURROGATE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff]+")


def _clean_meta(value: str | None) -> str | None:
    """A metadata string on one line, without control characters or lone surrogates."""
    if value is None:
        return None
    return " ".join(_META_CONTROL.sub(" ", value).split()) or None


def record_document(
    text: Any,
    *,
    item: str,
    position: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    language: str | None = None,
) -> Document | Skipped:
    """A document from one record of a streamed source, or the Skipped that says why not.

    Streamed files are decoded with ``surrogateescape``, so a bad byte spoils only the record
    that holds it: it is found here and reported with the record's position.
    """
    if text is None or (isinstance(text, str) and not text.strip()):
        return Skipped(EmptyInputError("no text", item=item, position=position))
    if not isinstance(text, str):
        return Skipped(
            FieldMappingError(
                f"text is a {type(text).__name__}, not a string", item=item, position=position
            )
        )
    for field, value in (("title", title), ("url", url), ("source", source)):
        if value is not None and _SURROGATE.search(value):
            return Skipped(
                EncodingError(f"{field} is not valid UTF-8", item=item, position=position)
            )
    bad = _SURROGATE.search(text)
    if bad:
        return Skipped(
            EncodingError(
                f"not valid UTF-8 (byte 0x{ord(bad.group()) - 0xDC00:02x} "
                f"at character {bad.start()} of the text)",
                item=item,
                position=position,
            )
        )
    # Lone surrogates that did not come from bad bytes (a JSON "\\ud83d" without its pair, half
    # an emoji cut by an exporter) are not text: replaced, the rest of the record is kept.
    text = _LONE_SURROGATE.sub("\ufffd", text)
    title, url, source, language = (_clean_meta(v) for v in (title, url, source, language))
    size = len(text.encode("utf-8"))
    limit = settings.MAX_DOCUMENT_BYTES.get()
    if size > limit:
        return Skipped(
            TooLargeError(
                f"{size} bytes exceeds max_document_bytes={limit}", item=item, position=position
            )
        )
    if published is not None:
        try:
            parse_published(published)
        except ValueError:
            return Skipped(
                HeaderError(f"bad published date {published!r}", item=item, position=position)
            )
    return Document.from_text(
        text,
        published=published or None,
        url=url or None,
        title=title or None,
        source=source or None,
        path=item,
        language=language or None,
    )
