#!/usr/bin/env bash
# The longer fuzz run (SECURITY.md). Usage: scripts/fuzz.sh [SECONDS]   (default 600)
#
# 1. Hypothesis, profile "long": the fuzz tests of tests/hostile with STRIKELEDGER_FUZZ_EXAMPLES
#    examples each (default 1000; the default test run uses 100), random seeds.
# 2. atheris (when it is installed; x86_64): fuzz/fuzz_readers.py and fuzz/fuzz_extract.py,
#    coverage-guided, for the rest of the time, each input limited to 10 s (a hang is a crash).
# Crashing inputs land in artifacts/fuzz/ (copy them to tests/hostile/regressions/ once fixed).
# The last lines printed are the figures to record in SECURITY.md.
set -uo pipefail
cd "$(dirname "$0")/.."
total=${1:-600}
examples=${STRIKELEDGER_FUZZ_EXAMPLES:-1000}
out=artifacts/fuzz
mkdir -p "$out"
log="$out/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
start=$(date +%s)
status=0

echo "== Hypothesis: $examples examples per fuzz test" | tee "$log"
STRIKELEDGER_FUZZ_PROFILE=long STRIKELEDGER_FUZZ_EXAMPLES=$examples \
  python3 -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning \
  tests/hostile/test_fuzz_extract.py tests/hostile/test_fuzz_readers.py 2>&1 | tee -a "$log" | tail -3
hyp_status=${PIPESTATUS[0]}
[ "$hyp_status" -eq 0 ] || status=1
hyp_tests=$(python3 -m pytest -q --collect-only -p no:cacheprovider \
  tests/hostile/test_fuzz_extract.py tests/hostile/test_fuzz_readers.py 2>/dev/null \
  | grep -c -E "test_(extract|mutated|noise)")
hyp_inputs=$((hyp_tests * examples))

ath_runs=0
ath_crashes=0
if python3 -c "import atheris" 2>/dev/null; then
  left=$(( total - ($(date +%s) - start) ))
  [ "$left" -lt 60 ] && left=60
  each=$(( left / 2 ))
  python3 fuzz/make_corpus.py "$out/corpus"
  for harness in readers extract; do
    echo "== atheris: fuzz/fuzz_$harness.py for $each s" | tee -a "$log"
    python3 "fuzz/fuzz_$harness.py" -max_total_time="$each" -timeout=10 -rss_limit_mb=3072 \
      -artifact_prefix="$out/$harness-" "$out/corpus/$harness" >>"$log" 2>&1
    [ $? -eq 0 ] || { status=1; ath_crashes=$((ath_crashes + 1)); }
    runs=$(grep -E "^Done [0-9]+ runs" "$log" | tail -1 | awk '{print $2}')
    ath_runs=$((ath_runs + ${runs:-0}))
  done
else
  echo "== atheris not installed: skipped (pip install atheris, x86_64 only)" | tee -a "$log"
fi

took=$(( $(date +%s) - start ))
crashes=$(ls "$out"/*-crash-* "$out"/*-timeout-* "$out"/*-oom-* 2>/dev/null | wc -l)
{
  echo "== figures"
  echo "date:      $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine:   $(uname -m), $(nproc) cores, $(python3 --version 2>&1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "duration:  ${took} s"
  echo "hypothesis inputs: $hyp_inputs ($hyp_tests tests x $examples), failed: $([ "$hyp_status" -eq 0 ] && echo 0 || echo yes)"
  echo "atheris inputs:    $ath_runs, crashing inputs: $crashes"
  echo "log: $log"
} | tee -a "$log"
exit $status
