"""What the golden-file tests share: one file per case next to the test, collected by one
parametrised test; adding a case is adding a file (feedparser's habit).

Used by the dates, places and statements golden tests."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

LANGS = ("en", "uk", "ru")


def cases(here: Path, suffix: str) -> list[Path]:
    """The case files ``*.<suffix>`` of a golden folder, sorted (stable test ids)."""
    return sorted(here.glob(f"*.{suffix}"))


def ids(paths: Iterable[Path]) -> list[str]:
    return [p.stem for p in paths]


def load_case(path: Path, required: Iterable[str]) -> dict[str, Any]:
    """One case file (YAML or JSON), checked to hold the ``required`` keys."""
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
    assert isinstance(data, dict), path.name
    missing = set(required) - set(data)
    assert not missing, (path.name, sorted(missing))
    return data


def per_language(paths: Iterable[Path]) -> Counter[str]:
    """How many cases each language has (file names start with ``en-``/``uk-``/``ru-``)."""
    return Counter(p.name[:2] for p in paths)
