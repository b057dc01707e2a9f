"""Places component (placeholder: filled by its own change)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import Context


def component(ctx: Context) -> None:
    return None
