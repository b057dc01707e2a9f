"""The evidence spans of a report-v1 dict, as offsets into the document's text.

The API returns them with a document (``/api/documents/{id}``) and the dashboard highlights them
(``web.highlight``), so they live here, below both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Span", "report_spans"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # figure | casualty | damage | place | statement | claim
    label: str = ""
    anchor: str | None = None  # element id of the first piece, for links to one span
    conflict: bool = False


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
