"""Extraction: a pure function from a Document to a report-v1 Report.

``extract(doc)`` runs the pipeline of small components listed in ``pipeline.COMPONENTS``; each
adds one kind of annotation to the report. No I/O, no clock, no network: the publication date
is read from the document, and knowledge (language data, gazetteer, officials) is loaded once
and passed in.
"""

from __future__ import annotations

from ..document import Document
from ..report import Report
from .pipeline import COMPONENTS, Context, extract

__all__ = ["COMPONENTS", "Context", "Document", "Report", "extract"]
