"""Incremental JSON: read one value at a time from a large file, in bounded memory.

``json.JSONDecoder.raw_decode`` decodes one value from a buffer; :class:`JsonStream` refills the
buffer from the file in chunks until the value at the cursor is complete, and drops what has
been consumed. That is enough to walk a Telegram export (one object holding a ``messages`` array
of many thousands of small objects) without loading it whole. Positions in messages are character
offsets from the start of the file.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from .. import settings
from ..errors import JsonTooDeepError, MalformedInputError, TooLargeError, TruncatedInputError

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
CHUNK = 1 << 16


_BRACKET_OR_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def check_depth(text: str, start: int, end: int, *, item: str, position: str) -> None:
    """Raise JsonTooDeepError when the JSON in ``text[start:end]`` nests arrays/objects deeper
    than the setting ``max_json_depth`` (bracket counts first: a flat record costs nothing)."""
    limit = settings.MAX_JSON_DEPTH.get()
    if text.count("[", start, end) + text.count("{", start, end) <= limit:
        return
    depth = 0
    for m in _BRACKET_OR_STRING.finditer(text, start, end):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > limit:
                raise JsonTooDeepError(
                    f"JSON nested deeper than max_json_depth={limit}", item=item, position=position
                )
        elif c in "]}":
            depth -= 1


def too_deep(item: str, position: str) -> JsonTooDeepError:
    """The error for a value the parser could not follow (RecursionError)."""
    limit = settings.MAX_JSON_DEPTH.get()
    return JsonTooDeepError(
        f"JSON nested deeper than max_json_depth={limit}", item=item, position=position
    )


class JsonStream:
    def __init__(self, f: IO[str], *, item: str, chunk: int | None = None) -> None:
        self.f = f
        self.item = item
        self.chunk = chunk or CHUNK
        self.buf = ""
        self.pos = 0
        self.base = 0  # characters of the file before buf[0]
        self.eof = False

    @property
    def offset(self) -> int:
        return self.base + self.pos

    def _fill(self) -> bool:
        if self.eof:
            return False
        if self.pos > self.chunk:
            self.base += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        data = self.f.read(self.chunk)
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def peek(self) -> str:
        """The next non-blank character ('' at the end of the file), not consumed."""
        while True:
            m = _WS.match(self.buf, self.pos)
            self.pos = m.end() if m else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, chars: str) -> str:
        ch = self.peek()
        if not ch:
            raise TruncatedInputError(
                f"the file ends where {' or '.join(repr(c) for c in chars)} was expected",
                item=self.item,
                position=f"character {self.offset}",
            )
        if ch not in chars:
            raise MalformedInputError(
                f"expected {' or '.join(repr(c) for c in chars)}, found {ch!r}",
                item=self.item,
                position=f"character {self.offset}",
            )
        self.pos += 1
        return ch

    def value(self, *, limit: int) -> Any:
        """Decode the value at the cursor, reading more of the file as needed. A value longer
        than ``limit`` characters raises TooLargeError (the cursor stays on it)."""
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except RecursionError:
                raise too_deep(self.item, f"character {self.offset}") from None
            except json.JSONDecodeError as e:
                # Running out of buffer shows as an error at its very end, or as an unterminated
                # string (raw newlines are not allowed in JSON strings, so a string that really
                # is broken fails earlier, at the control character).
                more = e.pos >= len(self.buf) - 8 or e.msg.startswith("Unterminated string")
                if not more:
                    raise self.error_at(e) from None
                if len(self.buf) - self.pos > limit:
                    raise TooLargeError(
                        f"a value of more than max_record_bytes={limit} characters",
                        item=self.item,
                        position=f"character {self.offset}",
                    ) from None
                if self._fill():
                    continue
                raise TruncatedInputError(
                    f"the file ends inside a value ({e.msg})",
                    item=self.item,
                    position=f"character {self.offset}",
                ) from None
            if end == len(self.buf) and self._fill():
                continue  # a number may go on in the next chunk
            start, self.pos = self.pos, end  # past the value, even when it is refused
            check_depth(
                self.buf, start, end, item=self.item, position=f"character {self.base + start}"
            )
            return obj

    def error_at(self, e: json.JSONDecodeError) -> MalformedInputError:
        return MalformedInputError(
            f"malformed JSON: {e.msg}", item=self.item, position=f"character {self.base + e.pos}"
        )

    def resync(self, pattern: re.Pattern[str]) -> bool:
        """Move the cursor to the next match of ``pattern`` after it (reading on as needed);
        False at the end of the file."""
        start = self.pos
        while True:
            m = pattern.search(self.buf, start)
            if m:
                self.pos = m.start()
                return True
            self.pos = max(len(self.buf) - 64, self.pos)
            if not self._fill():
                self.pos = len(self.buf)
                return False
            start = self.pos
