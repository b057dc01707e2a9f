"""The extraction pipeline: a list of named components over a shared Context.

A component is a callable ``(ctx: Context) -> None`` that reads the text and what earlier
components found (``ctx.notes``) and adds items to ``ctx.report``. Components are registered by
name with a version (``figures.v1``), so a report can say which pipeline produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..document import Document
from ..report import Report
from . import text as textmod


@dataclass
class Context:
    """Everything a component may read, and the report it adds to."""

    doc: Document
    text: str
    lang: str
    published: datetime | date | None
    report: Report
    sentences: list[textmod.Sentence]
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def published_date(self) -> date | None:
        p = self.published
        if isinstance(p, datetime):
            return p.date()
        return p


Component = Callable[[Context], None]


def _language(ctx: Context) -> None:
    """Language identification: the document's own declaration wins, else detection."""
    from .language import detect_language

    ctx.lang = ctx.doc.language or detect_language(ctx.text)
    ctx.report.document["language"] = ctx.lang


def _components() -> list[tuple[str, Component]]:
    # Imported here, not at module import, so that importing strikeledger stays cheap.
    from . import casualties, damage, dates, figures, flags, persons, places, statements

    return [
        ("language.v1", _language),
        ("dates.v1", dates.component),
        ("places.v1", places.component),
        ("figures.v1", figures.component),
        ("casualties.v1", casualties.component),
        ("damage.v1", damage.component),
        ("statements.v1", statements.component),
        ("persons.v1", persons.component),
        ("flags.v1", flags.component),
    ]


COMPONENTS: list[tuple[str, Component]] = []


def components() -> list[tuple[str, Component]]:
    if not COMPONENTS:
        COMPONENTS.extend(_components())
    return COMPONENTS


def document_header(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "path": doc.path,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
    }


def extract(doc: Document) -> Report:
    """The report-v1 Report of one document. Pure: same document, same report."""
    report = Report(document=document_header(doc))
    ctx = Context(
        doc=doc,
        text=doc.text,
        lang=doc.language or "other",
        published=doc.published_at(),
        report=report,
        sentences=textmod.sentences(doc.text),
    )
    for _name, component in components():
        component(ctx)
    return report
