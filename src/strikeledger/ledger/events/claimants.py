"""Who claims a number: the extracted claimant, corrected by the channel a document comes from.

A document from a claimant's own channel (an Air Force post, a regional administration's
Telegram channel, the Russian MoD's bulletin — ``document.source_kind``, else ``document.source``
looked up in ``data/sources.yaml``) is that claimant speaking: its numbers are the channel's
claims, primary sources. The extracted claimant only wins when it is on the other side (a
Ukrainian channel quoting the Russian MoD) or the channel is a medium.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RUSSIAN_SIDE = frozenset({"russian_mod", "russian_official"})
NEUTRAL = frozenset({"media", "other"})


@lru_cache(maxsize=1)
def _sources() -> dict[str, tuple[str, str | None]]:
    path = Path(__file__).parent / "data" / "sources.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str | None]] = {}
    for k, v in (data.get("sources") or {}).items():
        if isinstance(v, dict):
            out[str(k).lower()] = (str(v["kind"]), str(v["name"]) if v.get("name") else None)
        else:
            out[str(k).lower()] = (str(v), None)
    return out


def source_kinds() -> dict[str, str]:
    """Channel name (lower case) -> the claimant kind whose own channel it is."""
    return {k: v[0] for k, v in _sources().items()}


def channel_name(doc: Mapping[str, Any]) -> str | None:
    src = doc.get("source")
    if not src:
        return None
    known = _sources().get(str(src).lower())
    return (known[1] if known else None) or str(src)


def channel_kind(doc: Mapping[str, Any]) -> str | None:
    own = doc.get("source_kind")
    if own is None and doc.get("source"):
        known = _sources().get(str(doc["source"]).lower())
        own = known[0] if known else None
    return str(own) if own else None


def _side(kind: str | None) -> str | None:
    if kind is None or kind in NEUTRAL:
        return None
    return "RU" if kind in RUSSIAN_SIDE else "UA"


def claimant_of(item: Mapping[str, Any], doc: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(name, kind) of who claims ``item`` (a report-v1 figure or casualty) in ``doc``."""
    cl = item.get("claimant") or {}
    name, kind = cl.get("name"), cl.get("kind")
    own = channel_kind(doc)
    if own is None or own in NEUTRAL:
        return name, kind
    if kind == own:
        return name, kind
    if _side(kind) is not None and _side(kind) != _side(own):
        return name, kind  # the channel quotes the other side
    return channel_name(doc) or own, own


def is_primary(doc: Mapping[str, Any], kind: str | None) -> bool:
    """The document is the claimant's own channel."""
    return kind is not None and kind not in NEUTRAL and channel_kind(doc) == kind
