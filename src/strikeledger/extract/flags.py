"""Self-consistency flags of one report (placeholder until the figures component lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import Context


def component(ctx: Context) -> None:
    return None
