"""Telegram Desktop exports (``result.json`` of one channel or chat), streamed.

The export is one JSON object: ``name``, ``type``, ``id``, then ``messages``, an array of objects
with ``id``, ``type`` ("message" or "service"), ``date`` (local time, no offset),
``date_unixtime``, and ``text``: a string, or a list of strings and ``{"type", "text"}`` entities
(links, bold, hashtags …) whose texts joined give the message. The array is walked one message
at a time (:mod:`.jsonstream`), so an export of any size reads in bounded memory.

Each message with text becomes a document: published from ``date_unixtime`` in Kyiv time (else
``date`` as written), url ``https://t.me/<channel>/<id>`` (``channel`` option, else the export's
``username`` when present, else ``https://t.me/c/<chat id>/<id>``), source the channel name.
A malformed message is skipped with its position and reading resumes at the next message; a
truncated export keeps every message before the cut.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .. import settings
from ..document import Document
from ..errors import (
    InputError,
    MalformedInputError,
    TooLargeError,
)
from .base import Skipped, open_stream, record_document
from .jsonstream import JsonStream

KYIV = ZoneInfo("Europe/Kyiv")
_NEXT_MESSAGE = re.compile(r'[,\[]\s*\{\s*"id"\s*:')


def message_text(value: Any) -> str | None:
    """The text of a message: a string, or the joined texts of a list of entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return None


def _published(msg: dict[str, Any]) -> str | None:
    unix = msg.get("date_unixtime")
    if unix is not None:
        try:
            return datetime.fromtimestamp(int(unix), KYIV).isoformat()
        except (TypeError, ValueError, OverflowError, OSError):
            pass
    date = msg.get("date")
    return date if isinstance(date, str) and date.strip() else None


def read_telegram(
    path: Path,
    *,
    channel: str | None = None,
    source: str | None = None,
    **_options: Any,
) -> Iterator[Document | Skipped]:
    item = str(path)
    f = open_stream(path)
    if isinstance(f, Skipped):
        yield f
        return
    with f:
        yield from _walk(JsonStream(f, item=item), item, channel=channel, source=source)


def _walk(
    js: JsonStream, item: str, *, channel: str | None, source: str | None
) -> Iterator[Document | Skipped]:
    limit = settings.MAX_RECORD_BYTES.get()
    meta: dict[str, Any] = {}
    seen_messages = False
    try:
        js.expect("{")
        if js.peek() == "}":
            js.expect("}")
        else:
            while True:
                key = js.value(limit=limit)
                js.expect(":")
                if key == "messages":
                    seen_messages = True
                    yield from _messages(js, item, meta, channel=channel, source=source)
                else:
                    meta[key] = js.value(limit=limit)
                if js.expect(",}") == "}":
                    break
    except InputError as e:
        yield Skipped(e)
        return
    if not seen_messages:
        yield Skipped(MalformedInputError("not a Telegram export: no 'messages' array", item=item))


def _messages(
    js: JsonStream,
    item: str,
    meta: dict[str, Any],
    *,
    channel: str | None,
    source: str | None,
) -> Iterator[Document | Skipped]:
    limit = settings.MAX_RECORD_BYTES.get()
    username = channel or meta.get("username")
    name = source or (username if isinstance(username, str) else None) or meta.get("name")
    chat_id = meta.get("id")
    js.expect("[")
    if js.peek() == "]":
        js.expect("]")
        return
    n = 0
    while True:
        n += 1
        start = js.offset
        where = f"message #{n}, character {start}"
        try:
            msg = js.value(limit=limit)
        except (MalformedInputError, TooLargeError) as e:
            yield Skipped(type(e)(e.message, item=item, position=where))
            if not js.resync(_NEXT_MESSAGE):
                return
            js.pos += 1  # past the ',' before the next message
            continue
        except json.JSONDecodeError as e:
            yield Skipped(js.error_at(e))
            return
        if js.offset - start > limit:
            yield Skipped(
                TooLargeError(
                    f"a message of more than max_record_bytes={limit} characters",
                    item=item,
                    position=where,
                )
            )
        else:
            got = _message_document(msg, item, where, username, name, chat_id)
            if got is not None:
                yield got
        if js.expect(",]") == "]":
            return


def _message_document(
    msg: Any,
    item: str,
    where: str,
    username: Any,
    name: Any,
    chat_id: Any,
) -> Document | Skipped | None:
    """The document of one message; None for what is not a text (service messages, media
    without caption), which are not documents and not errors either."""
    if not isinstance(msg, dict):
        return Skipped(MalformedInputError("a message is not an object", item=item, position=where))
    msg_id = msg.get("id")
    where = f"message id {msg_id}" if msg_id is not None else where
    if msg.get("type", "message") != "message":
        return None
    text = message_text(msg.get("text"))
    if text is not None and not text.strip():
        return None
    url = None
    if msg_id is not None:
        if isinstance(username, str) and username:
            url = f"https://t.me/{username.lstrip('@')}/{msg_id}"
        elif chat_id is not None:
            url = f"https://t.me/c/{str(chat_id).removeprefix('-100')}/{msg_id}"
    return record_document(
        text,
        item=item,
        position=where,
        published=_published(msg),
        url=url,
        source=name if isinstance(name, str) else None,
    )
