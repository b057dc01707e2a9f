"""`strikeledger serve [--db …] [--host …] [--port …]`: the API and dashboard over a ledger."""

from __future__ import annotations

import argparse
from typing import Any

from .. import settings


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the HTTP API and the web dashboard over a ledger",
        description="Serve /api/ (OpenAPI at /openapi.json) and the dashboard over a ledger, read "
        "only; POST /api/documents needs STRIKELEDGER_API_TOKEN set (bearer token). Limits: "
        "docs/SETTINGS.md (api_*).",
    )
    p.add_argument("--db", help="DuckDB file or postgresql:// URL (default: setting ledger_path)")
    p.add_argument(
        "--host", default=None, help=f"address to bind (default {settings.SERVE_HOST.get()})"
    )
    p.add_argument(
        "--port", type=int, default=None, help=f"port (default {settings.SERVE_PORT.get()})"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..api.server import serve

    serve(args.db, host=args.host, port=args.port)
    return 0
