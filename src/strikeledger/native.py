"""The compiled build of the extractor: which modules it covers, and whether to use it.

``scripts/build_native.py`` compiles the modules in ``NATIVE_MODULES`` with mypyc, in place: each
gets a C extension (``figures.cpython-311-….so``) beside its ``.py``. Python prefers an extension
to a source file, so once built, ``import strikeledger`` runs the compiled extractor; the code is
the same, only 1.3–1.4× faster (``benchmarks/RESULTS.md``).

The sources stay the truth. ``install()`` (called by ``strikeledger/__init__``) makes Python load
every native module from its ``.py`` instead when

- the setting ``native`` is 0 (``STRIKELEDGER_NATIVE=0``), or
- the build is stale: any ``.py`` is newer than its extension (an edit, a checkout). A warning
  names the first such module and the command that rebuilds.

It is all or nothing: the compiled modules call each other directly, so mixing a compiled
``figures`` with a source ``figures_scan`` would give two different ``Scan`` classes.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from . import settings

_EXTRACT = [
    "casualties",
    "casualties_language",
    "casualties_lexicon",
    "casualties_places",
    "casualties_victims",
    "damage",
    "dates",
    "dates_cues",
    "dates_dispatch",
    "figures",
    "figures_build",
    "figures_cand",
    "figures_lexicon",
    "figures_resolve",
    "figures_scan",
    "figures_tallies",
    "flags",
    "language",
    "names",
    "numbers",
    "numbers_lexicon",
    "persons",
    "persons_roles",
    "pipeline",
    "places",
    "places_cues",
    "statements",
    "statements_cues",
    "text",
]

#: Compiled by scripts/build_native.py. Not here: package ``__init__`` files (mypyc would give
#: them no ``__path__``), ``extract.langdata`` (it subclasses a YAML loader at import time) and
#: ``extract.guard`` (timers and signals; tests replace what it calls).
NATIVE_MODULES: tuple[str, ...] = (
    *(f"strikeledger.extract.{m}" for m in _EXTRACT),
    "strikeledger.kb.gazetteer",
    "strikeledger.kb.officials",
    "strikeledger.report",
)

_ROOT = Path(__file__).resolve().parent
REBUILD = "python scripts/build_native.py"


def source_path(module: str) -> Path:
    """The ``.py`` file of a module in ``NATIVE_MODULES``."""
    return _ROOT.joinpath(*module.split(".")[1:]).with_suffix(".py")


def extension_path(module: str) -> Path | None:
    """The built extension of a module, or None when it has not been built."""
    src = source_path(module)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = src.with_name(src.stem + suffix)
        if candidate.exists():
            return candidate
    return None


def built() -> bool:
    """Every native module has an extension beside its source."""
    return all(extension_path(m) is not None for m in NATIVE_MODULES)


def stale() -> list[str]:
    """Modules whose extension is missing or older than their source (empty: the build is
    current, or there is no build at all)."""
    exts = {m: extension_path(m) for m in NATIVE_MODULES}
    if not any(exts.values()):
        return []
    out = []
    for module, ext in exts.items():
        if ext is None or ext.stat().st_mtime < source_path(module).stat().st_mtime:
            out.append(module)
    return out


def active() -> bool:
    """Whether the extractor imported in this process is the compiled one."""
    mod = importlib.import_module("strikeledger.extract.pipeline")
    return not str(getattr(mod, "__file__", "")).endswith(".py")


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the native modules as source files, ahead of the extensions beside them."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in NATIVE_MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def install() -> None:
    """Load the sources instead of the extensions when the setting says so or the build is
    stale (see the module docstring). Idempotent."""
    if any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        return
    if not settings.NATIVE.get():
        sys.meta_path.insert(0, _SourceFinder())
        return
    old = stale()
    if old:
        warnings.warn(
            f"strikeledger: the compiled extractor is older than {source_path(old[0]).name}; "
            f"running the Python sources (rebuild with `{REBUILD}`)",
            RuntimeWarning,
            stacklevel=2,
        )
        sys.meta_path.insert(0, _SourceFinder())
