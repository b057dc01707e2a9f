"""Evaluation against gold folders (``gold/FORMAT.md``): run the extractor, score the reports."""

from __future__ import annotations

from .run import GoldCase, extract_gold, load_gold
from .score import Score, score_reports

__all__ = ["GoldCase", "Score", "extract_gold", "load_gold", "score_reports"]
