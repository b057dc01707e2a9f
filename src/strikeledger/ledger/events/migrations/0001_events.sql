-- Events tables (component "events"): written by `strikeledger events --save`
-- (strikeledger.ledger.events.store.save_event_set), rewritten whole each time.
-- Portable SQL: DuckDB and PostgreSQL.

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    level TEXT NOT NULL,
    parent TEXT,
    night_of DATE NOT NULL,
    attacker TEXT NOT NULL,
    area TEXT NOT NULL,
    region TEXT,
    place TEXT,
    weapons TEXT,
    documents INTEGER NOT NULL
);

CREATE TABLE event_links (
    event_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    matched_json TEXT NOT NULL,
    duplicate_of TEXT,
    PRIMARY KEY (event_id, document_id)
);

CREATE TABLE event_claims (
    event_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    document_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT NOT NULL,
    subject TEXT NOT NULL,
    model TEXT,
    value BIGINT NOT NULL,
    qualifier TEXT,
    claimant_name TEXT,
    claimant_kind TEXT,
    source TEXT,
    published TEXT,
    is_primary BOOLEAN NOT NULL,
    derived_from TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    PRIMARY KEY (event_id, idx)
);

CREATE TABLE event_consensus (
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT NOT NULL,
    subject TEXT NOT NULL,
    model TEXT,
    value BIGINT NOT NULL,
    qualifier TEXT,
    rule TEXT NOT NULL,
    document_id TEXT NOT NULL,
    claimant_name TEXT,
    claimant_kind TEXT
);

CREATE TABLE event_conflicts (
    event_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    document_id TEXT NOT NULL,
    measure TEXT NOT NULL,
    subject TEXT NOT NULL,
    model TEXT,
    value BIGINT NOT NULL,
    qualifier TEXT,
    consensus_value BIGINT NOT NULL,
    consensus_document_id TEXT NOT NULL,
    delta BIGINT NOT NULL,
    matches TEXT,
    explanation TEXT NOT NULL,
    PRIMARY KEY (event_id, idx)
);

CREATE INDEX event_links_document ON event_links (document_id);
CREATE INDEX event_conflicts_document ON event_conflicts (document_id);
