"""strikeledger: turn reports of drone and missile attacks into verified, source-linked data.

The public API is small: ``extract(Document) -> Report``. ``Document.from_text`` normalises a
text; ``Report.to_dict()`` is the report-v1 JSON.
"""

from __future__ import annotations

import logging

from . import native

native.install()  # before the extractor is imported: the compiled build or its sources

from .document import Document  # noqa: E402  (after native.install)
from .extract import extract  # noqa: E402
from .report import SCHEMA, Report  # noqa: E402

__all__ = ["SCHEMA", "Document", "Report", "extract"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
