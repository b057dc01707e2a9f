"""The compiled extractor (strikeledger/native.py, scripts/build_native.py): it covers the modules
it says, it gives the same reports as the sources, and a stale build is never used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strikeledger import native
from tests.conftest import ROOT

PKG = ROOT / "src" / "strikeledger"
# Left as Python on purpose (see NATIVE_MODULES): package inits, the YAML loader, the time guard.
NOT_NATIVE = {"strikeledger.extract.langdata", "strikeledger.extract.guard"}
NEEDS_BUILD = pytest.mark.skipif(
    not native.built() or bool(native.stale()),
    reason="no current compiled build: `python scripts/build_native.py` (scripts/setup.sh runs it)",
)


def _modules(folder: str) -> set[str]:
    return {
        f"strikeledger.{folder}.{p.stem}"
        for p in (PKG / folder).glob("*.py")
        if p.stem != "__init__"
    }


def test_every_extraction_module_is_compiled_or_listed_as_not() -> None:
    """A new module under extract/ must be added to NATIVE_MODULES or to the exceptions here.
    Outside extract/: the knowledge bases it reads and the report it builds."""
    assert set(native.NATIVE_MODULES) | NOT_NATIVE == _modules("extract") | {
        "strikeledger.kb.gazetteer",
        "strikeledger.kb.officials",
        "strikeledger.report",
    }
    assert not set(native.NATIVE_MODULES) & NOT_NATIVE
    for module in native.NATIVE_MODULES:
        assert native.source_path(module).is_file(), module


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "STRIKELEDGER_NATIVE"}
    return {**env, "PYTHONPATH": str(ROOT / "src"), **extra}


def _which(env: dict[str, str]) -> str:
    code = "import strikeledger, strikeledger.native as n; print(n.active())"
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip()


def test_the_setting_native_0_runs_the_sources() -> None:
    assert _which(_env(STRIKELEDGER_NATIVE="0")) == "False"


@NEEDS_BUILD
def test_a_current_build_is_used() -> None:
    assert _which(_env()) == "True"
    assert native.active()  # in this process too
    assert not str(sys.modules["strikeledger.extract.pipeline"].__file__).endswith(".py")


@NEEDS_BUILD
def test_compiled_and_sources_give_the_same_reports(tmp_path: Path) -> None:
    """Every gold text of the repository, the examples, ../shared when present and 150 generated
    documents, extracted by the sources and by the build: not one report differs."""
    script = [sys.executable, str(ROOT / "scripts" / "snapshot_reports.py")]
    pure = tmp_path / "pure.jsonl"
    subprocess.run(
        [*script, str(pure), "--generated", "150"],
        env=_env(STRIKELEDGER_NATIVE="0"),
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    done = subprocess.run(
        [*script, str(tmp_path / "native.jsonl"), "--generated", "150", "--diff", str(pure)],
        env=_env(),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"^0 of \d+ reports changed; 0 missing$", done.stderr, re.M), done.stderr


def _fake_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext_age: float) -> Path:
    """A package tree with every native module's source and an extension ``ext_age`` seconds
    older (negative: newer) than it."""
    monkeypatch.setattr(native, "_ROOT", tmp_path)
    now = time.time()
    suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
    for module in native.NATIVE_MODULES:
        src = native.source_path(module)
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_text("X = 1\n")
        os.utime(src, (now, now))
        ext = src.with_name(src.stem + suffix)
        ext.write_bytes(b"")
        os.utime(ext, (now - ext_age, now - ext_age))
    return tmp_path


def test_no_build_is_not_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "_ROOT", tmp_path)
    assert not native.built() and native.stale() == []


def test_a_source_newer_than_its_extension_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tree(tmp_path, monkeypatch, ext_age=-5)
    assert native.built() and native.stale() == []
    edited = native.source_path("strikeledger.extract.places")
    os.utime(edited, (time.time() + 60, time.time() + 60))
    assert native.stale() == ["strikeledger.extract.places"]
    ext = native.extension_path("strikeledger.kb.officials")
    assert ext is not None
    ext.unlink()  # a half-removed build is stale too
    assert native.stale() == ["strikeledger.extract.places", "strikeledger.kb.officials"]


def test_a_stale_build_warns_and_loads_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tree(tmp_path, monkeypatch, ext_age=5)
    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if type(f).__name__ != "_SourceFinder"]
    )
    with pytest.warns(RuntimeWarning, match="older than casualties.py.*build_native"):
        native.install()
    finder = sys.meta_path[0]
    spec = finder.find_spec("strikeledger.extract.figures", None)
    assert spec is not None and spec.origin == str(tmp_path / "extract" / "figures.py")
    assert finder.find_spec("strikeledger.ingest.run", None) is None
    native.install()  # idempotent
    assert sum(type(f).__name__ == "_SourceFinder" for f in sys.meta_path) == 1


def test_a_report_survives_pickling() -> None:
    """Process pools and Dask send reports between processes; the compiled frozen classes
    must pickle as the Python ones do."""
    import pickle

    from strikeledger import Document, extract

    text = "Russia launched 120 drones at Kyiv overnight, the air force said. Two people died."
    report = extract(Document.from_text(text, published="2025-03-12T09:00+02:00"))
    assert report.figures and report.casualties
    assert pickle.loads(pickle.dumps(report)).to_dict() == report.to_dict()
