"""Shared fixtures. Tests that read ../shared (the dev gold set, the seed, the Air Force data)
are marked ``shared`` and skip with a stated reason when it is absent (a user's clone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIKELEDGER_SHARED", ROOT.parent / "shared"))
GOLDEN = ROOT / "tests" / "golden"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared folder beside the project exists in CI only")
    return path


@pytest.fixture
def shared() -> Path:
    return shared_path()


@pytest.fixture
def dev_gold() -> Path:
    return shared_path("gold", "dev")


@pytest.fixture
def seed_file() -> Path:
    return shared_path("seed", "000_9e1610bb8458d0ee.txt")
