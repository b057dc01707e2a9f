"""strikeledger: turn reports of drone and missile attacks into verified, source-linked data.

The public API is small: ``extract(Document) -> Report``. ``Document.from_text`` normalises a
text; ``Report.to_dict()`` is the report-v1 JSON.
"""

from __future__ import annotations

import logging

from .document import Document
from .extract import extract
from .report import SCHEMA, Report

__all__ = ["SCHEMA", "Document", "Report", "extract"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
