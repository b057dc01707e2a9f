"""Evidence highlighting built from offsets, never from HTML.

A source text is untrusted. ``segments`` cuts it at every span boundary into plain-text pieces,
each with the spans that cover it; the template writes each piece through Jinja's autoescape and
wraps covered pieces in ``<mark>``. No piece of source text is ever marked safe, so whatever a
source contains (tags, entities, ``javascript:`` URLs) is shown as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # figure | casualty | damage | place | statement | claim
    label: str = ""
    anchor: str | None = None  # element id of the first piece, for links to one span
    conflict: bool = False


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


def report_spans(report: Mapping[str, Any] | None) -> list[Span]:
    """Every evidence span of a report-v1 dict, labelled for a reader."""
    if not report:
        return []
    spans: list[Span] = []
    for i, f in enumerate(report.get("figures") or []):
        ev = f.get("evidence") or {}
        w = f.get("weapon") or {}
        what = (w.get("category") or "") + (f"/{w['model']}" if w.get("model") else "")
        spans.append(
            _span(ev, "figure", f"{f.get('measure')} {what}: {f.get('value')}", f"fig-{i}")
        )
    for i, c in enumerate(report.get("casualties") or []):
        ev = c.get("evidence") or {}
        label = f"{c.get('measure')} {c.get('who')}: {c.get('value')}"
        spans.append(_span(ev, "casualty", label, f"cas-{i}"))
    for i, d in enumerate(report.get("damage") or []):
        spans.append(
            _span(d.get("evidence") or {}, "damage", f"damage: {d.get('category')}", f"dmg-{i}")
        )
    for p in report.get("places") or []:
        for ev in p.get("evidence") or []:
            spans.append(_span(ev, "place", f"place: {p.get('name')}", None))
    return [s for s in spans if s.end > s.start]


def _span(ev: Mapping[str, Any], kind: str, label: str, anchor: str | None) -> Span:
    try:
        start, end = int(ev.get("start", 0)), int(ev.get("end", 0))
    except (TypeError, ValueError):
        start = end = 0
    return Span(start, end, kind, label, anchor)


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
