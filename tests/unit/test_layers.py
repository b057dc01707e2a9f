"""Imports point downstream only (STYLE.md habit 1): read off every module's source with ``ast``.

The allowed graph, by subpackage of ``strikeledger`` ("core" = errors, settings, document,
report, native (which build runs), the version; the package root ``strikeledger/__init__.py``
re-exports and is exempt)::

    core    -> core
    kb      -> core                        knowledge bases beside extract
    extract -> core, kb                    pure: never the ledger, ingest, api, web, batch, cli
    ingest  -> core                        the readers: bytes in, Documents out
    ledger  -> core                        stores report-v1 dicts (the report model), never
                                           calls the extractor (ledger/store and ledger/events)
    eval    -> core, kb, extract
    batch   -> core, kb, extract, ingest, ledger
    api     -> core, kb, extract, ingest, ledger   (POST /api/documents extracts and stores)
    web     -> core, api                    the dashboard reads through the API's library
    cli     -> anything                     the edge: thin commands over the library

Exceptions, by module (each is a pipeline's sink or a composition root, not a layer leak):

- ``ingest.run`` and ``ingest.watch`` are the ingest pipeline (read -> extract -> store):
  they may import ``extract`` and ``ledger``; no reader may.
- ``api.app`` builds the one HTTP application that serves the API and the dashboard, so it
  mounts ``web``'s router; no other API module imports ``web``.

Every import counts, also those inside functions and under ``TYPE_CHECKING``: a lazy import is
still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "strikeledger"
CORE = {"errors", "settings", "document", "report", "native", "__version__", "_version"}
EVERYTHING = {"core", "kb", "extract", "ingest", "ledger", "eval", "batch", "api", "web", "cli"}

ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "kb": {"core", "kb"},
    "extract": {"core", "kb", "extract"},
    "ingest": {"core", "ingest"},
    "ledger": {"core", "ledger"},
    "eval": {"core", "kb", "extract", "eval"},
    "batch": {"core", "kb", "extract", "ingest", "ledger", "batch"},
    "api": {"core", "kb", "extract", "ingest", "ledger", "api"},
    "web": {"core", "api", "web"},
    "cli": EVERYTHING,
    "__main__": {"cli"},  # `python -m strikeledger`
}
EXTRA: dict[str, set[str]] = {
    "strikeledger.ingest.run": {"extract", "ledger"},
    "strikeledger.ingest.watch": {"extract", "ledger"},
    "strikeledger.api.app": {"web"},
}


def layer(module: str) -> str | None:
    """The layer of a ``strikeledger.…`` module (None: the package root)."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return "core" if parts[1] in CORE else parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(source: str, module: str, *, is_package: bool) -> set[str]:
    """The ``strikeledger`` modules a source imports (relative imports resolved)."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                if node.module:
                    out.add(".".join([*base, node.module]))
                else:  # "from . import names": each name may be a module
                    out.update(".".join([*base, a.name]) for a in node.names)
            elif node.module:
                out.add(node.module)
    return {m for m in out if m == "strikeledger" or m.startswith("strikeledger.")}


def violations(module: str, targets: set[str]) -> list[str]:
    own = layer(module)
    if own is None:
        return []
    allowed = ALLOWED[own] | EXTRA.get(module, set())
    bad = []
    for target in sorted(targets):
        other = layer(target)
        if other is not None and other not in allowed:
            bad.append(f"{module} ({own}) imports {target} ({other})")
    return bad


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_subpackage_has_a_place_in_the_graph() -> None:
    layers = {layer(module_name(p)) for p in MODULES} - {None}
    assert layers <= set(ALLOWED), sorted(layers - set(ALLOWED))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_imports_point_downstream(path: Path) -> None:
    module = module_name(path)
    targets = imported(
        path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"
    )
    assert violations(module, targets) == []


@pytest.mark.parametrize(
    ("module", "source", "bad"),
    [
        ("strikeledger.extract.figures", "from ..ledger import open_store", True),
        ("strikeledger.extract.figures", "from ..kb.officials import load", False),
        ("strikeledger.extract.dates", "def f():\n    from strikeledger.api import data", True),
        ("strikeledger.ledger.store.base", "from ...extract import extract", True),
        ("strikeledger.ledger.store.base", "from ...report import Report", False),
        ("strikeledger.ingest.records", "from ..ledger import open_store", True),
        ("strikeledger.ingest.run", "from ..ledger import open_store", False),
        ("strikeledger.api.data", "from ..web.highlight import segments", True),
        ("strikeledger.api.app", "from ..web.pages import router", False),
        ("strikeledger.web.pages", "from ..cli import main", True),
    ],
)
def test_the_checker_sees_a_forbidden_direction(module: str, source: str, bad: bool) -> None:
    targets = imported(source, module, is_package=False)
    assert targets, source
    assert bool(violations(module, targets)) is bad
