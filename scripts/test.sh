#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, start the services they use, run them.
# Usage: scripts/test.sh [pytest args…]     (the default run; see README for fuzz/soak runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set +e
python3 -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$status"
