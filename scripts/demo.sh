#!/usr/bin/env bash
# The main job on the embedded default, in one command on a fresh machine: install strikeledger
# (with the web extra), build a demo ledger (DuckDB, temporary file) from the bundled example
# reports in examples/, and serve the dashboard, printing its URL. Ctrl-C stops it.
# Options are passed on: scripts/demo.sh --port 8080 | --db ./demo.duckdb | --no-serve
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e '.[web]'
exec strikeledger demo "$@"
