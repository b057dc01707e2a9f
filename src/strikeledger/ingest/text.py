"""Plain-text files (.txt, .md), with the optional header block of ``document.split_header``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import settings
from ..document import Document, document_from_bytes
from ..errors import InputError
from .base import Skipped, read_bytes


def read_text(
    path: Path, *, source: str | None = None, **_options: Any
) -> Iterator[Document | Skipped]:
    """One document per file. ``source`` (when given) wins over the header's ``source:``."""
    try:
        data = read_bytes(
            path, limit=settings.MAX_DOCUMENT_BYTES.get(), setting="max_document_bytes"
        )
        yield document_from_bytes(data, path=str(path), source=source)
    except InputError as e:
        yield Skipped(e)
