"""Every limit and tunable of strikeledger, declared once with its default and help.

A setting is read from the environment as ``STRIKELEDGER_<NAME>`` (upper case) when present,
else its default. ``docs/SETTINGS.md`` is checked against this table by a test, so a setting
cannot exist undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T", int, float, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    default: T
    help: str

    def get(self) -> T:
        raw = os.environ.get("STRIKELEDGER_" + self.name.upper())
        if raw is None:
            return self.default
        return type(self.default)(raw)


MAX_DOCUMENT_BYTES: Setting[int] = Setting(
    "max_document_bytes",
    5_000_000,
    "Largest document (bytes of UTF-8) that is extracted; larger inputs are skipped with SL-E103.",
)
MAX_DOCUMENT_LINES: Setting[int] = Setting(
    "max_document_lines",
    100_000,
    "Most lines in one document; longer inputs are skipped with SL-E104.",
)
MAX_SENTENCE_CHARS: Setting[int] = Setting(
    "max_sentence_chars",
    2_000,
    "Sentences longer than this are cut into pieces before the rules look at them.",
)
MAX_EVIDENCE_CHARS: Setting[int] = Setting(
    "max_evidence_chars",
    400,
    "Longest evidence span an extraction rule may report.",
)

# Ingest and ledger (owner: ingest/ledger).
LEDGER_PATH: Setting[str] = Setting(
    "ledger_path",
    "ledger.duckdb",
    "The ledger used when --db is not given: a DuckDB file path or a postgresql:// URL.",
)
INGEST_BATCH_SIZE: Setting[int] = Setting(
    "ingest_batch_size",
    500,
    "Documents written to the ledger per transaction (one bulk insert per table per batch).",
)
MAX_SOURCE_BYTES: Setting[int] = Setting(
    "max_source_bytes",
    50_000_000,
    "Largest HTML page or RSS/Atom feed file that is parsed whole; larger ones are skipped "
    "(SL-E103). Streamed sources (Telegram, JSONL, CSV, WARC) have no file limit.",
)
MAX_RECORD_BYTES: Setting[int] = Setting(
    "max_record_bytes",
    10_000_000,
    "Largest single record of a streamed source (a Telegram message, a JSON line, a CSV row, "
    "a WARC record); larger ones are skipped (SL-E103).",
)
NEAR_DUPLICATE_THRESHOLD: Setting[float] = Setting(
    "near_duplicate_threshold",
    0.8,
    "Estimated Jaccard similarity of word 5-shingles at or above which a document with the same "
    "numbers as an earlier one is recorded as its near-duplicate.",
)
NEAR_DUPLICATE_MIN_WORDS: Setting[int] = Setting(
    "near_duplicate_min_words",
    40,
    "Documents with fewer words are never marked near-duplicates (short posts differ by little).",
)
WATCH_INTERVAL_SECONDS: Setting[float] = Setting(
    "watch_interval_seconds",
    300.0,
    "Seconds between two polls of a feed by `strikeledger watch` (a feed may set its own).",
)
WATCH_MAX_BACKOFF_SECONDS: Setting[float] = Setting(
    "watch_max_backoff_seconds",
    3600.0,
    "Longest wait after repeated errors of a feed (the wait doubles after each error).",
)
WATCH_TIMEOUT_SECONDS: Setting[float] = Setting(
    "watch_timeout_seconds",
    30.0,
    "Time limit of one HTTP request made by `strikeledger watch`.",
)

API_PAGE_SIZE: Setting[int] = Setting(
    "api_page_size",
    50,
    "Items per page of an API list or dashboard table when the request names none.",
)
API_MAX_PAGE_SIZE: Setting[int] = Setting(
    "api_max_page_size", 500, "Largest page_size an API request may ask for (larger: 400)."
)
API_EXPORT_MAX_ROWS: Setting[int] = Setting(
    "api_export_max_rows",
    100_000,
    "Most rows one export (?format=csv|parquet|geojson|jsonl) returns.",
)
API_MAX_BODY_BYTES: Setting[int] = Setting(
    "api_max_body_bytes", 6_000_000, "Largest HTTP request body the server accepts (larger: 413)."
)
API_RATE_LIMIT: Setting[int] = Setting(
    "api_rate_limit",
    600,
    "Requests one client may make per rate window (more: 429 with Retry-After).",
)
API_RATE_WINDOW_SECONDS: Setting[float] = Setting(
    "api_rate_window_seconds",
    60.0,
    "Length of the window over which api_rate_limit counts requests.",
)
API_TOKEN: Setting[str] = Setting(
    "api_token",
    "",
    "Bearer token that writes (POST /api/documents) need; empty: writes are disabled.",
)
API_MAX_QUERY_CHARS: Setting[int] = Setting(
    "api_max_query_chars", 200, "Longest value of one query parameter (search text, area …)."
)
API_EVENTS_REFRESH_SECONDS: Setting[float] = Setting(
    "api_events_refresh_seconds",
    30.0,
    "How often the server checks whether another process added documents (then rebuilds its "
    "events index in the background); 0: never.",
)
SERVE_HOST: Setting[str] = Setting("serve_host", "127.0.0.1", "Address `strikeledger serve` binds.")
SERVE_PORT: Setting[int] = Setting("serve_port", 8000, "Port `strikeledger serve` listens on.")

EVENTS_APPROX_TOLERANCE: Setting[float] = Setting(
    "events_approx_tolerance",
    0.1,
    "How far (a fraction) an 'about N' claim may be from another value and still agree with it.",
)
EVENTS_ROUNDING_TOLERANCE: Setting[float] = Setting(
    "events_rounding_tolerance",
    0.05,
    "How far (a fraction) a round number may be from an event's consensus to count as rounded.",
)
RECORD_CUE_WINDOW_CHARS: Setting[int] = Setting(
    "record_cue_window_chars",
    120,
    "Farthest a record cue ('record', 'рекордна') may be from the figure it qualifies.",
)
EVENTS_READ_MEMORY_MB: Setting[int] = Setting(
    "events_read_memory_mb",
    768,
    "DuckDB memory limit while the events package reads every report in order (it spills past it).",
)
EVENTS_SNAPSHOT: Setting[int] = Setting(
    "events_snapshot",
    1,
    "1: save a DuckDB ledger's linked events beside it (<ledger>.events.pickle) and link only"
    " new documents next time; 0: always link everything.",
)
EVENTS_SNAPSHOT_REWRITE_DOCS: Setting[int] = Setting(
    "events_snapshot_rewrite_docs",
    5000,
    "Documents ingested since the saved event set that make loading rewrite it (fewer: linked"
    " again at each load).",
)

BATCH_DOCS_PER_SHARD: Setting[int] = Setting(
    "batch_docs_per_shard", 2_000, "Text files grouped into one batch shard (one Dask task)."
)
BATCH_BYTES_PER_SHARD: Setting[int] = Setting(
    "batch_bytes_per_shard", 16_000_000, "Bytes of a JSON Lines file read by one batch shard."
)
BATCH_ROW_GROUPS_PER_SHARD: Setting[int] = Setting(
    "batch_row_groups_per_shard", 1, "Parquet row groups read by one batch shard."
)
BATCH_WORKERS: Setting[int] = Setting(
    "batch_workers", 0, "Workers of the local Dask cluster of `batch`; 0 means one per core."
)
BATCH_TASK_RETRIES: Setting[int] = Setting(
    "batch_task_retries", 2, "Times Dask retries a failed batch shard before recording it failed."
)
BATCH_LOAD_CHUNK: Setting[int] = Setting(
    "batch_load_chunk", 5_000, "Documents written to the ledger per transaction by `load`."
)

LANGUAGE_SAMPLE_CHARS: Setting[int] = Setting(
    "language_sample_chars",
    2_000,
    "Characters from the start of a text that language identification reads.",
)

# Casualties and damage (owner: casualties/damage).
CASUALTY_ATTACH_COST: Setting[int] = Setting(
    "casualty_attach_cost",
    10,
    "Farthest a casualty cue may be from the victim it chooses (words between, +3 per comma "
    "or conjunction).",
)
CASUALTY_FALLBACK_COST: Setting[int] = Setting(
    "casualty_fallback_cost",
    14,
    "Farthest cue a victim that no cue chose may take as its own (same measure as above).",
)
DAMAGE_CUE_WINDOW_TOKENS: Setting[int] = Setting(
    "damage_cue_window_tokens",
    15,
    "Most words between a damaged-site word and a damage cue in the same sentence.",
)
ROLE_CHECK_UNCERTAIN_DAYS: Setting[int] = Setting(
    "role_check_uncertain_days",
    62,
    "Days around a term date marked uncertain in kb/data/officials.yaml within which a role "
    "check says `unknown` rather than `stale`.",
)

# Hostile input (owner: hardening; see SECURITY.md).
MAX_EXTRACT_SECONDS: Setting[float] = Setting(
    "max_extract_seconds",
    60.0,
    "Longest time extraction of one document may take in `ingest` and `batch`; a document "
    "over it is skipped (SL-E120) and the run goes on. 0: no limit.",
)
MAX_JSON_DEPTH: Setting[int] = Setting(
    "max_json_depth",
    64,
    "Deepest nesting of arrays/objects in one JSON record (a JSON line, a Telegram message); "
    "deeper records are skipped (SL-E121).",
)

# The compiled extractor (see strikeledger/native.py and scripts/build_native.py).
NATIVE: Setting[int] = Setting(
    "native",
    1,
    "Use the compiled (mypyc) extraction modules when they are built and current; 0 runs the "
    "Python sources. A stale build (a source newer than its extension) is never used.",
)

ALL_SETTINGS: list[Setting[int] | Setting[float] | Setting[str]] = [
    CASUALTY_ATTACH_COST,
    CASUALTY_FALLBACK_COST,
    DAMAGE_CUE_WINDOW_TOKENS,
    ROLE_CHECK_UNCERTAIN_DAYS,
    LANGUAGE_SAMPLE_CHARS,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_LINES,
    MAX_SENTENCE_CHARS,
    MAX_EVIDENCE_CHARS,
    LEDGER_PATH,
    INGEST_BATCH_SIZE,
    MAX_SOURCE_BYTES,
    MAX_RECORD_BYTES,
    NEAR_DUPLICATE_THRESHOLD,
    NEAR_DUPLICATE_MIN_WORDS,
    WATCH_INTERVAL_SECONDS,
    WATCH_MAX_BACKOFF_SECONDS,
    WATCH_TIMEOUT_SECONDS,
    API_PAGE_SIZE,
    API_MAX_PAGE_SIZE,
    API_EXPORT_MAX_ROWS,
    API_MAX_BODY_BYTES,
    API_RATE_LIMIT,
    API_RATE_WINDOW_SECONDS,
    API_TOKEN,
    API_MAX_QUERY_CHARS,
    API_EVENTS_REFRESH_SECONDS,
    SERVE_HOST,
    SERVE_PORT,
    EVENTS_APPROX_TOLERANCE,
    EVENTS_ROUNDING_TOLERANCE,
    EVENTS_READ_MEMORY_MB,
    EVENTS_SNAPSHOT,
    EVENTS_SNAPSHOT_REWRITE_DOCS,
    RECORD_CUE_WINDOW_CHARS,
    BATCH_DOCS_PER_SHARD,
    BATCH_BYTES_PER_SHARD,
    BATCH_ROW_GROUPS_PER_SHARD,
    BATCH_WORKERS,
    BATCH_TASK_RETRIES,
    BATCH_LOAD_CHUNK,
    MAX_EXTRACT_SECONDS,
    MAX_JSON_DEPTH,
    NATIVE,
]
