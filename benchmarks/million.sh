#!/usr/bin/env bash
# One million news-sized documents from raw text to a loaded DuckDB ledger (issue 8's bar: under
# one hour on a 2-core machine). Generates the corpus (not timed), then times `batch` on a local
# Dask cluster of two workers and `load` into a new DuckDB file, and prints one line per figure.
#
#   benchmarks/million.sh [WORKDIR] [DOCS]      # default /tmp/strikeledger-million, 1000000
set -euo pipefail
work=${1:-/tmp/strikeledger-million}
docs=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -s "$work/corpus.jsonl" ]; then
  python "$here/corpus.py" --docs "$docs" --out "$work/corpus.jsonl" --seed 7
fi
rm -rf "$work/out" "$work/ledger.duckdb" "$work/ledger.duckdb.wal"
t0=$(date +%s)
strikeledger batch "$work/corpus.jsonl" --out "$work/out" --workers 2 2>&1 | tr '\r' '\n' | tail -3
t1=$(date +%s)
strikeledger load "$work/out" --db "$work/ledger.duckdb" 2>&1 | tr '\r' '\n' | tail -3
t2=$(date +%s)
echo "documents: $(wc -l < "$work/corpus.jsonl"), corpus $(du -h "$work/corpus.jsonl" | cut -f1)"
echo "batch (2 workers): $((t1 - t0)) s = $(( $(wc -l < "$work/corpus.jsonl") / (t1 - t0 > 0 ? t1 - t0 : 1) )) docs/s"
echo "load into DuckDB: $((t2 - t1)) s"
echo "raw text to loaded ledger: $((t2 - t0)) s ($(( (t2 - t0) / 60 )) min)"
echo "ledger: $(du -h "$work/ledger.duckdb" | cut -f1), Parquet output: $(du -sh "$work/out" | cut -f1)"
