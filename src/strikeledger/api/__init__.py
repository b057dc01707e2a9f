"""The HTTP API and dashboard server: ``create_app(ApiSettings(...))``."""

from __future__ import annotations

from .app import create_app
from .config import ApiSettings

__all__ = ["ApiSettings", "create_app"]
