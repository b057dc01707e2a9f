"""WARC archives (web crawls): each HTML response or resource record becomes a document.

The HTML goes through the same reader as a page on disk (:mod:`.html`), with the record's
target URI as url. A record that is not a page (images, scripts, requests, metadata) is passed
over silently. A truncated or corrupt archive keeps every record read before the damage and
ends with one Skipped naming the byte offset of the record where reading stopped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import settings
from ..document import Document, document_from_bytes
from ..errors import InputError, TooLargeError, TruncatedInputError
from .base import Skipped, open_stream
from .html import html_document

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: Path, *, source: str | None = None, **_options: Any
) -> Iterator[Document | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    item = str(path)
    limit = settings.MAX_SOURCE_BYTES.get()
    f = open_stream(path, binary=True)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        records = ArchiveIterator(f)
        offset = 0
        try:
            for record in records:
                # the start of this record (get_record_offset() would consume its content)
                offset = int(getattr(records, "offset", offset))
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers if record.rec_type == "response" else None
                if headers is not None and not headers.get_statuscode().startswith("2"):
                    continue
                ctype = (
                    (headers.get_header("Content-Type") if headers is not None else None)
                    or record.rec_headers.get_header("Content-Type")
                    or ""
                ).lower()
                is_page = any(t in ctype for t in _PAGE_TYPES)
                if not is_page and not ctype.startswith("text/plain"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"record at byte {offset}" + (f" ({url})" if url else "")
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    yield Skipped(
                        TooLargeError(
                            f"more than max_source_bytes={limit} bytes", item=item, position=where
                        )
                    )
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # the archive ended inside this record: what was read of it is not kept
                    yield Skipped(
                        TruncatedInputError(
                            "truncated archive: the record ends early", item=item, position=where
                        )
                    )
                    return
                try:
                    if is_page:
                        yield html_document(data, item=item, path=item, url=url, source=source)
                    else:
                        yield document_from_bytes(data, path=item, url=url, source=source)
                except InputError as e:
                    yield Skipped(type(e)(e.message, item=item, position=where))
        # warcio raises many kinds of exception on a corrupt archive (AttributeError on a record
        # without WARC-Target-URI, KeyError, IndexError …): each ends the reading of this file.
        except (
            ArchiveLoadFailed,
            EOFError,
            zlib.error,
            OSError,
            ValueError,
            LookupError,
            AttributeError,
            TypeError,
        ) as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            yield Skipped(
                TruncatedInputError(
                    f"truncated or corrupt archive: {msg}",
                    item=item,
                    position=f"record at byte {offset}",
                )
            )
