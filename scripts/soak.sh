#!/usr/bin/env bash
# The longer durability run (SECURITY.md): `strikeledger ingest` killed with SIGKILL at random
# moments, again and again, on DuckDB ledgers; after each kill every acknowledged document must
# be in the ledger exactly once, and a last run must complete it.
# Usage: scripts/soak.sh [CHAINS] [KILLS_PER_CHAIN]     (default 20 x 25 = 500 kills)
# The full log goes to artifacts/soak/.
set -uo pipefail
cd "$(dirname "$0")/.."
export STRIKELEDGER_SOAK_CHAINS=${1:-20} STRIKELEDGER_SOAK_KILLS=${2:-25} STRIKELEDGER_SLOW=1
mkdir -p artifacts/soak
log="artifacts/soak/soak-$(date -u +%Y%m%dT%H%M%SZ).log"
start=$(date +%s)
python3 -m pytest -q -s -x -p no:cacheprovider tests/hostile/test_durability.py -k test_soak \
  >"$log" 2>&1
status=$?
grep -E "soak:|passed|failed|^E " "$log" | head -40
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(uname -m), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - start )) s; log: $log"
exit $status
