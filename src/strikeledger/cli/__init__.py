"""The command line: thin shells over library functions.

Each command lives in its own module with ``register(subparsers)``; its handler returns the
exit status. Library errors (``StrikeledgerError``) become one clear line on stderr here, at the
edge, and nowhere else.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import StrikeledgerError

# Command modules: every ``cli/NAME_cmd.py`` registers itself; listed in this order first.
_FIRST = ["extract", "eval"]


def _command_modules() -> list[str]:
    from pathlib import Path

    found = sorted(p.stem[: -len("_cmd")] for p in Path(__file__).parent.glob("*_cmd.py"))
    return [n for n in _FIRST if n in found] + [n for n in found if n not in _FIRST]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strikeledger",
        description="Turn reports of drone and missile attacks into verified, source-linked data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in _command_modules():
        module = importlib.import_module(f"{__name__}.{name}_cmd")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except StrikeledgerError as e:
        print(f"strikeledger: {e.describe()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("strikeledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
