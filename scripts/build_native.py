"""Compile the extractor with mypyc, in place (see src/strikeledger/native.py).

    python scripts/build_native.py            # build when missing or stale; else do nothing
    python scripts/build_native.py --force    # rebuild
    python scripts/build_native.py --clean    # remove the build: the sources run

Each module of ``strikeledger.native.NATIVE_MODULES`` gets a C extension beside its ``.py``, and
one shared library of their code goes in ``src/``. Needs mypy (a dev dependency: it ships mypyc)
and a C compiler with the Python headers. scripts/setup.sh runs it, so the README's two commands
use the compiled extractor; without a compiler the sources run, with the same results.
Build files go to ``build/native`` (git-ignored). A build takes about two minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))
os.environ["STRIKELEDGER_NATIVE"] = "0"  # import the bookkeeping without the build it checks

from strikeledger import native  # noqa: E402

GROUP = "strikeledger_native"  # the shared library: src/strikeledger_native__mypyc.*.so
BUILD = ROOT / "build" / "native"


def _built_files() -> list[Path]:
    """Every extension under src/strikeledger (all of them are ours) and the shared library."""
    files = [p for suffix in EXTENSION_SUFFIXES for p in (SRC / "strikeledger").rglob("*" + suffix)]
    return sorted(set(files)) + sorted(SRC.glob(f"{GROUP}__mypyc*"))


def clean() -> int:
    files = _built_files()
    for path in files:
        path.unlink()
    shutil.rmtree(BUILD, ignore_errors=True)
    print(f"build_native: removed {len(files)} built files")
    return 0


def _quiet_mypycify(paths: list[str]) -> list[Any]:
    """mypycify, without its notes that a generator passed to a call is compiled as a list
    (tens of lines per build; the results are the same)."""
    from mypyc.build import mypycify

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exts = mypycify(paths, multi_file=True, group_name=GROUP, target_dir=str(BUILD / "c"))
    for line in out.getvalue().splitlines():
        if "Treating generator comprehension as list" not in line:
            print(line)
    return list(exts)


def build() -> int:
    try:
        import mypyc.build  # noqa: F401
        from setuptools import setup
    except ImportError as exc:
        print(f"build_native: not built, {exc} (install the dev extra: mypy)", file=sys.stderr)
        return 1
    clean()  # no extension of a module no longer listed may outlive it (it would shadow the .py)
    paths = [str(native.source_path(m).relative_to(SRC)) for m in native.NATIVE_MODULES]
    t0 = time.perf_counter()
    cwd = os.getcwd()
    os.chdir(SRC)  # mypy names the modules from the package tree under src/
    try:
        setup(
            name="strikeledger-native",
            ext_modules=_quiet_mypycify(paths),
            script_args=[
                "-q",
                "build_ext",
                "--inplace",
                "--parallel",
                str(os.cpu_count() or 1),
                "--build-temp",
                str(BUILD / "temp"),
                "--build-lib",
                str(BUILD / "lib"),
            ],
        )
    except SystemExit as exc:  # distutils reports compiler errors by exiting
        print(f"build_native: the build failed ({exc}); the sources run", file=sys.stderr)
        return 1
    finally:
        os.chdir(cwd)
    if not native.built() or native.stale():
        print("build_native: the build left modules missing or stale", file=sys.stderr)
        return 1
    n = len(native.NATIVE_MODULES)
    print(f"build_native: compiled {n} modules in {time.perf_counter() - t0:.0f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--force", action="store_true", help="rebuild even when current")
    ap.add_argument("--clean", action="store_true", help="remove the build")
    args = ap.parse_args(argv)
    if args.clean:
        return clean()
    if not args.force and native.built() and not native.stale():
        print("build_native: the compiled extractor is current")
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())
