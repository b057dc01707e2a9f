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

# Command modules, in the order `strikeledger --help` lists them.
COMMANDS = ["extract", "eval"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strikeledger",
        description="Turn reports of drone and missile attacks into verified, source-linked data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}_cmd")
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
