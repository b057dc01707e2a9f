"""Records: JSON Lines, JSON arrays and CSV files with one document per record.

Which record field holds the text, the date, the url … is a mapping (``fields``) from document
field to record key; dotted keys reach into nested JSON objects (``meta.date``). Without a
mapping, the usual names are tried (``text``/``body``/``content``/``message``, ``published``/
``date`` …). A bad record (malformed JSON, bad bytes, no text) is skipped with its line number;
the others are read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import settings
from ..document import Document
from ..errors import (
    EncodingError,
    FieldMappingError,
    InputError,
    JsonTooDeepError,
    MalformedInputError,
    TooLargeError,
)
from .base import Skipped, open_stream, record_document
from .jsonstream import JsonStream, check_depth, too_deep

DOCUMENT_FIELDS = ("text", "published", "url", "title", "source", "language")
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "message", "article"),
    "published": ("published", "date", "datetime", "pubDate", "published_at", "time"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "channel", "site"),
    "language": ("language", "lang"),
}


def parse_field_options(specs: list[str] | None) -> dict[str, str]:
    """``["text=body", "published=meta.date"]`` -> mapping; raises FieldMappingError."""
    out: dict[str, str] = {}
    for spec in specs or []:
        name, sep, key = spec.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key or name not in DOCUMENT_FIELDS:
            raise FieldMappingError(
                f"--field wants NAME=KEY with NAME one of {', '.join(DOCUMENT_FIELDS)}; "
                f"got {spec!r}"
            )
        out[name] = key
    return out


def _get(record: Mapping[str, Any], key: str) -> Any:
    if key in record:
        return record[key]
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def record_to_document(
    record: Any,
    *,
    item: str,
    position: str,
    fields: Mapping[str, str] | None = None,
    source: str | None = None,
) -> Document | Skipped:
    if not isinstance(record, Mapping):
        return Skipped(
            MalformedInputError(
                f"a record is a {type(record).__name__}, not an object",
                item=item,
                position=position,
            )
        )
    fields = fields or {}
    found: dict[str, Any] = {}
    for name in DOCUMENT_FIELDS:
        if name in fields:
            found[name] = _get(record, fields[name])
        else:
            found[name] = next(
                (record[k] for k in DEFAULT_FIELDS[name] if record.get(k) not in (None, "")), None
            )
    if found["text"] is None:
        wanted = fields.get("text") or "/".join(DEFAULT_FIELDS["text"])
        return Skipped(FieldMappingError(f"no text in {wanted}", item=item, position=position))
    return record_document(
        found["text"],
        item=item,
        position=position,
        published=_as_text(found["published"]),
        url=_as_text(found["url"]),
        title=_as_text(found["title"]),
        source=source or _as_text(found["source"]),
        language=_as_text(found["language"]),
    )


def read_jsonl(
    path: Path,
    *,
    fields: Mapping[str, str] | None = None,
    source: str | None = None,
    **_options: Any,
) -> Iterator[Document | Skipped]:
    item = str(path)
    limit = settings.MAX_RECORD_BYTES.get()
    f = open_stream(path, binary=True)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        lineno = 0
        while True:
            raw = f.readline(limit + 1)
            if not raw:
                return
            lineno += 1
            where = f"line {lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = f.readline(limit + 1)
                yield Skipped(
                    TooLargeError(
                        f"a line of more than max_record_bytes={limit} bytes",
                        item=item,
                        position=where,
                    )
                )
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield Skipped(
                    EncodingError(
                        f"not valid UTF-8: {e.reason}",
                        item=item,
                        position=f"{where}, byte {e.start}",
                    )
                )
                continue
            try:
                check_depth(line, 0, len(line), item=item, position=where)
                record = json.loads(line.rstrip("\r\n"))
            except JsonTooDeepError as e:
                yield Skipped(e)
                continue
            except RecursionError:
                yield Skipped(too_deep(item, where))
                continue
            except json.JSONDecodeError as e:
                yield Skipped(
                    MalformedInputError(
                        f"malformed JSON: {e.msg}", item=item, position=f"{where}, column {e.colno}"
                    )
                )
                continue
            yield record_to_document(
                record, item=item, position=where, fields=fields, source=source
            )


def read_json_array(
    path: Path,
    *,
    fields: Mapping[str, str] | None = None,
    source: str | None = None,
    **_options: Any,
) -> Iterator[Document | Skipped]:
    """A JSON file holding an array of records, streamed."""
    item = str(path)
    limit = settings.MAX_RECORD_BYTES.get()
    f = open_stream(path)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        js = JsonStream(f, item=item)
        try:
            js.expect("[")
            if js.peek() == "]":
                return
            n = 0
            while True:
                n += 1
                start = js.offset
                try:
                    record = js.value(limit=limit)
                except JsonTooDeepError as e:
                    if js.offset == start:  # not past it: the array cannot be read on
                        raise
                    yield Skipped(e)
                else:
                    if js.offset - start > limit:
                        yield Skipped(
                            TooLargeError(
                                f"a record of more than max_record_bytes={limit} characters",
                                item=item,
                                position=f"record #{n}",
                            )
                        )
                    else:
                        yield record_to_document(
                            record, item=item, position=f"record #{n}", fields=fields, source=source
                        )
                if js.expect(",]") == "]":
                    return
        except InputError as e:
            yield Skipped(e)


def read_csv(
    path: Path,
    *,
    fields: Mapping[str, str] | None = None,
    source: str | None = None,
    delimiter: str | None = None,
    **_options: Any,
) -> Iterator[Document | Skipped]:
    item = str(path)
    f = open_stream(path)
    if isinstance(f, Skipped):
        yield f
        return
    csv.field_size_limit(settings.MAX_RECORD_BYTES.get())
    with f:
        head = f.readline()
        if not head.strip():
            return
        if delimiter is None:
            try:
                delimiter = csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        header = next(csv.reader(io.StringIO(head), delimiter=delimiter), [])
        header = [h.strip() for h in header]
        reader = csv.reader(f, delimiter=delimiter)
        row_no = 0
        while True:
            start_line = reader.line_num + 2
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield Skipped(
                    MalformedInputError(
                        f"malformed CSV: {e}", item=item, position=f"line {reader.line_num + 1}"
                    )
                )
                continue
            row_no += 1
            where = f"row {row_no}, line {start_line}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Skipped(
                    MalformedInputError(
                        f"{len(row)} fields where the header has {len(header)}",
                        item=item,
                        position=where,
                    )
                )
                continue
            yield record_to_document(
                dict(zip(header, row, strict=True)),
                item=item,
                position=where,
                fields=fields,
                source=source,
            )
