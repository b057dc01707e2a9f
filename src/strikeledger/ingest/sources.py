"""``read_source``: pick the reader for a path (by extension, else by sniffing its first bytes)
or a directory (every file in it, recursively, in name order)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import BinaryInputError, InputError, UnsupportedSourceError
from .base import Skipped

Reader = Callable[..., Iterator[Document | Skipped]]

FORMATS = ("text", "html", "feed", "telegram", "jsonl", "json", "csv", "warc")
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".arc": "warc",
}


def reader(fmt: str) -> Reader:
    if fmt == "text":
        from .text import read_text

        return read_text
    if fmt == "html":
        from .html import read_html

        return read_html
    if fmt == "feed":
        from .feeds import read_feed

        return read_feed
    if fmt == "telegram":
        from .telegram import read_telegram

        return read_telegram
    if fmt == "jsonl":
        from .records import read_jsonl

        return read_jsonl
    if fmt == "json":
        from .records import read_json_array

        return read_json_array
    if fmt == "csv":
        from .records import read_csv

        return read_csv
    if fmt == "warc":
        from .warc import read_warc

        return read_warc
    raise UnsupportedSourceError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def _head(path: Path, n: int = 4096) -> bytes:
    with path.open("rb") as f:
        return f.read(n)


def sniff(path: Path) -> str:
    """The format of a file: its extension, else its first bytes."""
    suffixes = [s.lower() for s in path.suffixes]
    ext = suffixes[-1] if suffixes else ""
    if ext == ".gz" and len(suffixes) > 1 and suffixes[-2] in (".warc", ".arc"):
        return "warc"
    if ext in _EXTENSIONS and ext != ".json":
        return _EXTENSIONS[ext]  # known by its name: no need to open it here
    head = _head(path)
    if ext == ".json":
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        return "json" if first == b"[" else "telegram"
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    if head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"<?xml") or stripped.startswith((b"<rss", b"<feed", b"<rdf")):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf" in stripped:
            return "feed"
        return "html" if b"<html" in stripped else "feed"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if stripped.startswith(b"{"):
        lines = stripped.split(b"\n", 2)
        return "jsonl" if len(lines) > 1 and lines[1].lstrip().startswith(b"{") else "telegram"
    if stripped.startswith(b"["):
        return "json"
    if b"\x00" in head:
        at = head.index(b"\x00")
        raise BinaryInputError(
            f"binary data (NUL byte at offset {at})", item=str(path), position=f"byte {at}"
        )
    return "text"


def iter_files(root: Path) -> Iterator[Path]:
    """Files under a directory in a stable order, hidden ones (``.name``) left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_source(
    location: str | os.PathLike[str], /, *, format: str | None = None, **options: Any
) -> Iterator[Document | Skipped]:
    """Documents (and Skipped items) from a file, a directory or an http(s) URL.

    ``format`` forces a reader (one of FORMATS); options go to the readers: ``source`` (the
    source name of every document), ``channel`` (Telegram username for message links),
    ``fields`` (record field mapping), ``delimiter`` (CSV)."""
    text = os.fspath(location)
    if text.startswith(("http://", "https://")):
        from .fetch import read_url

        yield from read_url(text, **options)
        return
    path = Path(text)
    if path.is_dir():
        for file in iter_files(path):
            yield from _read_file(file, format, options)
        return
    if not path.exists():
        yield Skipped(UnsupportedSourceError("no such file or directory", item=text))
        return
    yield from _read_file(path, format, options)


def _read_file(
    path: Path, fmt: str | None, options: dict[str, Any]
) -> Iterator[Document | Skipped]:
    try:
        chosen = fmt or sniff(path)
        read = reader(chosen)
    except InputError as e:
        if not e.item:
            e = type(e)(e.message, item=str(path), position=e.position)
        yield Skipped(e)
        return
    except OSError as e:
        yield Skipped(UnsupportedSourceError(e.strerror or str(e), item=str(path)))
        return
    yield from read(path, **options)
