-- What `strikeledger watch` remembers of each feed between runs: the validators of its last
-- answer, so that a restarted watcher asks "changed since?" instead of fetching everything again.

CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT
);
