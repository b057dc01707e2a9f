-- The ledger schema derived from report-v1 (spec/REPORT.md). Portable SQL: DuckDB and PostgreSQL.
-- Lists (area, models) are comma-joined text; JSON is kept as text.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    source TEXT,
    url TEXT,
    path TEXT,
    title TEXT,
    published TEXT,
    published_date DATE,
    language TEXT,
    kind TEXT NOT NULL,
    duplicate_of TEXT,
    similarity DOUBLE PRECISION,
    numbers_hash TEXT,
    minhash TEXT,
    ingested_at TEXT NOT NULL
);

CREATE TABLE reports (
    document_id TEXT PRIMARY KEY,
    schema TEXT NOT NULL,
    extractor_version TEXT,
    language TEXT,
    report_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE figures (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    measure TEXT NOT NULL,
    category TEXT NOT NULL,
    model TEXT,
    models TEXT,
    value BIGINT NOT NULL,
    qualifier TEXT,
    night_of DATE,
    window_start TEXT,
    window_end TEXT,
    area TEXT,
    attacker TEXT,
    claimant_name TEXT,
    claimant_kind TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX figures_night ON figures (night_of);

CREATE TABLE casualties (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    measure TEXT NOT NULL,
    who TEXT,
    value BIGINT NOT NULL,
    qualifier TEXT,
    place_id TEXT,
    claimant_name TEXT,
    claimant_kind TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE damage (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    category TEXT NOT NULL,
    place_id TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE places (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    name TEXT,
    level TEXT,
    country TEXT,
    region TEXT,
    katottg TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    mentions INTEGER,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    evidence_json TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE statements (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    speaker TEXT,
    role TEXT,
    quote TEXT,
    kind TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE persons (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT,
    role_stated TEXT,
    country TEXT,
    role_status TEXT,
    role_as_of TEXT,
    role_holder TEXT,
    role_since TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE flags (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    code TEXT NOT NULL,
    message TEXT,
    refs TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    hash BIGINT NOT NULL,
    document_id TEXT NOT NULL
);
CREATE INDEX doc_bands_hash ON doc_bands (hash);
