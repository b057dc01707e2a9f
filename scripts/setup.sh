# Sourced by scripts/test.sh and scripts/demo.sh: install strikeledger with what the tests need.
# Idempotent: a second run installs nothing new.
python3 -m pip install -q --disable-pip-version-check -e '.[all,dev]'

# The compiled extractor (mypyc, in place; src/strikeledger/native.py): built when missing or
# stale, about a minute on 2 cores. Without a C compiler the Python sources run, same results.
python3 scripts/build_native.py || echo "setup: the extractor runs from its Python sources" >&2

# PostgreSQL for the tests marked `postgres` (owner: ingest/ledger). Installs Debian's package when
# it is missing (CI runs as root), starts a cluster, creates a role and a database, and exports
# STRIKELEDGER_TEST_PG. Nothing here may fail the run: without a server those tests skip.
sl_start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v postgres >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing PostgreSQL (apt-get)" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
        >/dev/null 2>&1 || return 0
    else
      return 0
    fi
  fi
  command -v pg_lsclusters >/dev/null 2>&1 || return 0  # no Debian wrappers: set the URL yourself
  local line ver name port status
  line=$(pg_lsclusters -h 2>/dev/null | head -1)
  if [ -z "$line" ]; then
    ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
    [ -n "$ver" ] && pg_createcluster "$ver" main >/dev/null 2>&1 || return 0
    line=$(pg_lsclusters -h | head -1)
  fi
  read -r ver name port status _ <<<"$line"
  if [ "$status" != online ] && ! pg_ctlcluster "$ver" "$name" start >/dev/null 2>&1; then
    # A server killed without shutting down may leave a stale postmaster.pid behind.
    local datadir pid
    datadir=$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n {print $6}')
    pid=$(head -1 "$datadir/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$datadir/postmaster.pid"
      pg_ctlcluster "$ver" "$name" start >/dev/null 2>&1 || return 0
    else
      return 0
    fi
  fi
  local as_pg="runuser -u postgres --"
  command -v runuser >/dev/null 2>&1 || as_pg="su postgres -s /bin/sh -c"
  $as_pg psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname='strikeledger'" 2>/dev/null \
    | grep -q 1 || $as_pg psql -p "$port" -qc \
    "CREATE ROLE strikeledger LOGIN CREATEDB PASSWORD 'strikeledger'" >/dev/null 2>&1 || return 0
  $as_pg psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='strikeledger_test'" \
    2>/dev/null | grep -q 1 || $as_pg psql -p "$port" -qc \
    "CREATE DATABASE strikeledger_test OWNER strikeledger" >/dev/null 2>&1 || return 0
  export STRIKELEDGER_TEST_PG="postgresql://strikeledger:strikeledger@127.0.0.1:${port}/strikeledger_test"
}
if [ -z "${STRIKELEDGER_TEST_PG:-}" ]; then
  sl_start_postgres || true
fi

# Headless Chromium for the tests marked `browser` (owner: serve/web): Debian's package, only
# when /usr/bin/chromium is missing; Playwright (dev extra) drives it — never `playwright
# install`, which downloads a browser. Nothing here may fail the run: without it those tests skip.
sl_install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing chromium (apt-get)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
      >/dev/null 2>&1 || true
  fi
}
sl_install_chromium || true
python3 -c "import playwright" 2>/dev/null \
  || python3 -m pip install -q --disable-pip-version-check playwright || true
