#!/usr/bin/env bash
# The main job on the embedded default: install strikeledger and extract the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e .
strikeledger extract --format pretty examples/*.txt
