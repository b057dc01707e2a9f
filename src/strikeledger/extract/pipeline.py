"""The extraction pipeline: a list of named components over a shared Context.

A component is a callable ``(ctx: Context) -> None`` that reads the text and what earlier
components found (``ctx.notes``) and adds items to ``ctx.report``. Components are registered by
name with a version (``figures.v1``), so a report can say which pipeline produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..document import Document
from ..errors import UnknownSectionError
from ..report import Report
from . import guard
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


# The report's sections (report-v1 order), and the components each needs besides language and
# dates, which always run. ``flags`` always runs last and checks what the others found.
SECTIONS = ("figures", "casualties", "damage", "places", "statements", "persons", "flags")
_NEEDS: dict[str, tuple[str, ...]] = {
    "figures": ("places", "figures"),
    "casualties": ("places", "casualties"),
    "damage": ("places", "casualties", "damage"),
    "places": ("places",),
    "statements": ("places", "statements"),
    "persons": ("places", "statements", "persons"),
    "flags": SECTIONS[:-1],
}
_ALWAYS = ("language", "dates", "flags")


def components_for(sections: Iterable[str] | None) -> list[tuple[str, Component]]:
    """The components that produce ``sections`` (all of them for None), in pipeline order."""
    if sections is None:
        return components()
    wanted = set(_ALWAYS)
    for section in sections:
        if section not in _NEEDS:
            raise UnknownSectionError(
                f"no such section (report-v1 has {', '.join(SECTIONS)})", item=section
            )
        wanted.update(_NEEDS[section])
    return [(name, c) for name, c in components() if name.split(".")[0] in wanted]


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


def extract(doc: Document, sections: Iterable[str] | None = None) -> Report:
    """The report-v1 Report of one document. Pure: same document, same report.

    ``sections`` (e.g. ``["figures"]``) runs only the components those sections need, for
    speed when the rest is not wanted; each section it fills is the same as in a full report.
    A partial report says so: ``document["sections"]`` lists the sections it filled (the
    others are empty because they were not looked for, not because the text has none).
    """
    run = components_for(sections)
    report = Report(document=document_header(doc))
    ctx = Context(
        doc=doc,
        text=doc.text,
        lang=doc.language or "other",
        published=doc.published_at(),
        report=report,
        sentences=textmod.sentences(doc.text),
    )
    for _name, component in run:
        guard.tick()  # where the time limit can stop the compiled build (guard.py)
        component(ctx)
    if sections is not None:
        ran = {name.split(".")[0] for name, _ in run}
        report.document["sections"] = [s for s in SECTIONS if s in ran]
    return report
