"""Evidence highlighting built from offsets, never from HTML.

A source text is untrusted. ``segments`` cuts it at every span boundary into plain-text pieces,
each with the spans that cover it; the template writes each piece through Jinja's autoescape and
wraps covered pieces in ``<mark>``. No piece of source text is ever marked safe, so whatever a
source contains (tags, entities, ``javascript:`` URLs) is shown as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from ..api.spans import Span, report_spans

__all__ = ["Segment", "Span", "report_spans", "safe_url", "segments"]


@dataclass
class Segment:
    text: str
    spans: list[Span] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.spans)

    @property
    def classes(self) -> str:
        kinds = sorted({s.kind for s in self.spans})
        out = ["ev"] + [f"ev-{k}" for k in kinds]
        if any(s.conflict for s in self.spans):
            out.append("ev-conflict")
        return " ".join(out)

    @property
    def title(self) -> str:
        return "; ".join(s.label for s in self.spans if s.label)

    @property
    def anchor(self) -> str | None:
        for s in self.spans:
            if s.anchor:
                return s.anchor
        return None


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at span boundaries. Spans outside the text or empty are dropped; an anchor
    is kept only on the first piece of its span."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Segment] = []
    anchored: set[str] = set()
    for a, b in pairwise(cuts):
        covering = [s for s in valid if s.start <= a and b <= s.end]
        kept: list[Span] = []
        for s in covering:
            if s.anchor and (s.anchor in anchored or s.start != a):
                s = Span(s.start, s.end, s.kind, s.label, None, s.conflict)
            elif s.anchor:
                anchored.add(s.anchor)
            kept.append(s)
        out.append(Segment(text[a:b], kept))
    return out


def safe_url(url: object) -> str | None:
    """The URL when it is http(s), else None: only such links are rendered as links."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    low = u.lower()
    if (low.startswith("http://") or low.startswith("https://")) and not any(
        ch in u for ch in "\"'<>\\ \t\n\r`"
    ):
        return u
    return None
