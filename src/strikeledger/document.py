"""The Document: one text with its metadata, normalised once.

Every evidence offset in a report points into ``Document.text``, the normalised text, so the
normalisation here is part of the report contract: NFC, one apostrophe form, no invisible
characters, horizontal whitespace collapsed to one space, at most one blank line in a row.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from . import settings
from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    HeaderError,
    TooLargeError,
    TooManyLinesError,
)

# All apostrophe look-alikes become the ASCII apostrophe: Ukrainian words ("п'ятсот",
# "п’ятсот", "пʼятсот") and English possessives then match one form in the language data.
_APOSTROPHES = re.compile("[’ʼ‘`′ʹ]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Any character the three above or _HSPACE would change, i.e. also every whitespace character
# (str.isspace) but the line break and the plain space: one scan finds the (usual) texts that
# need none of those steps.
_SPECIAL = re.compile(
    "[’ʼ‘`′ʹ\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
    "\t\r\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# A run of horizontal whitespace that is not already one plain space (those stay as they are,
# so the common case costs no replacement): it starts with another space character, or it is
# a space followed by more.
_HSPACE = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
_BLANKS = re.compile(r"\n{3,}")

HEADER_KEYS = ("published", "url", "title", "source", "language")
_HEADER_LINE = re.compile(r"^(published|url|title|source|language)\s*:\s*(.*)$", re.I)


def normalise(raw: str) -> str:
    """The normalised form of a text (see the module docstring)."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if _SPECIAL.search(text):
        text = _APOSTROPHES.sub("'", text)
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub(" ", text)
        text = _HSPACE.sub(" ", text)
    elif "  " in text:  # no whitespace but spaces: only runs of spaces to collapse
        text = _HSPACE.sub(" ", text)
    # Horizontal whitespace is now single spaces: stripping every line is dropping the space
    # on either side of each line break.
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_published(value: str | None) -> datetime | date | None:
    """An ISO 8601 timestamp (with or without offset) or a bare date; None when absent.

    Raises ValueError for anything else, so that callers can name the bad header.
    """
    if value is None or not str(value).strip():
        return None
    s = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return date.fromisoformat(s)
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Document:
    """A normalised text and what is known about where it came from."""

    text: str
    id: str = ""
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    path: str | None = None
    language: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", document_id(self.text))

    @classmethod
    def from_text(
        cls,
        raw: str,
        *,
        published: str | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        path: str | None = None,
        language: str | None = None,
    ) -> Document:
        """Normalise ``raw`` and build a document; the id is the hash of the normalised text."""
        text = normalise(raw)
        return cls(
            text=text,
            published=published,
            url=url,
            title=title,
            source=source,
            path=path,
            language=language,
        )

    def with_language(self, language: str) -> Document:
        return replace(self, language=language)

    def published_at(self) -> datetime | date | None:
        try:
            return parse_published(self.published)
        except ValueError:
            return None


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """Split an optional metadata header (``published:``, ``url:``, ``title:``, ``source:``,
    ``language:`` lines, then a blank line) from the body. Without a header, returns ``({}, raw)``.
    """
    text = raw.lstrip("\ufeff")
    meta: dict[str, str] = {}
    start = 0
    while True:  # line by line, without splitting the whole text
        end = text.find("\n", start)
        line = (text[start:] if end < 0 else text[start:end]).rstrip("\r")
        if not line.strip():
            if meta and end >= 0:
                return meta, text[end + 1 :]
            if meta:
                return meta, ""
            return {}, raw
        m = _HEADER_LINE.match(line)
        if not m:
            return {}, raw
        meta[m.group(1).lower()] = m.group(2).strip()
        if end < 0:
            return {}, raw
        start = end + 1


def decode_bytes(data: bytes, *, item: str) -> str:
    """Decode a file's bytes as UTF-8, refusing what is not text, with a message naming it."""
    limit = settings.MAX_DOCUMENT_BYTES.get()
    if len(data) > limit:
        raise TooLargeError(f"{len(data)} bytes exceeds max_document_bytes={limit}", item=item)
    if not data.strip():
        raise EmptyInputError("empty input", item=item)
    head = data[:8192]
    if b"\x00" in head:
        at = head.index(b"\x00")
        raise BinaryInputError(
            f"binary data (NUL byte at offset {at})", item=item, position=f"byte {at}"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"not valid UTF-8: {e.reason} at byte {e.start}", item=item, position=f"byte {e.start}"
        ) from None
    lines = text.count("\n") + 1
    max_lines = settings.MAX_DOCUMENT_LINES.get()
    if lines > max_lines:
        raise TooManyLinesError(f"{lines} lines exceeds max_document_lines={max_lines}", item=item)
    return text


def document_from_bytes(
    data: bytes,
    *,
    path: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """A document from a text file's bytes, honouring its optional header block. Explicit
    arguments win over the header."""
    item = path or "<input>"
    text = decode_bytes(data, item=item)
    meta, body = split_header(text)
    if published is None and meta.get("published"):
        try:
            parse_published(meta["published"])
        except ValueError:
            raise HeaderError(
                f"bad published date {meta['published']!r}", item=item, position="header"
            ) from None
    if not body.strip():
        raise EmptyInputError("no text after the header", item=item)
    return Document.from_text(
        body,
        published=published or meta.get("published") or None,
        url=url or meta.get("url") or None,
        title=title or meta.get("title") or None,
        source=source or meta.get("source") or None,
        path=path,
        language=meta.get("language") or None,
    )
