-- Version 1: the log (leaves, hash tiles, checkpoints, and the head row that makes appends compare-and-swap)
-- and the projection tables, which are always rebuilt from the log.
CREATE TABLE log_head (id INTEGER PRIMARY KEY CHECK (id = 1), size BIGINT NOT NULL);
INSERT INTO log_head (id, size) VALUES (1, 0);
CREATE TABLE leaves (idx BIGINT PRIMARY KEY, leaf_hash BYTEA NOT NULL UNIQUE, data BYTEA NOT NULL);
CREATE TABLE tiles (level INTEGER NOT NULL, idx BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (level, idx));
CREATE TABLE checkpoints (size BIGINT PRIMARY KEY, root BYTEA NOT NULL, note TEXT NOT NULL);
CREATE TABLE parties (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, name TEXT, role TEXT);
CREATE TABLE party_keys (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, party TEXT, public_key TEXT, revoked_at TEXT);
CREATE TABLE agreements (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, title TEXT, parties TEXT);
CREATE TABLE policies (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, agreement TEXT, policy TEXT);
CREATE TABLE statements (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, date TEXT, title TEXT, parties TEXT, statement_kind TEXT, source_url TEXT);
CREATE TABLE commitments (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, agreement TEXT, text TEXT, made_on TEXT, due_date TEXT);
CREATE TABLE indicators (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, commitment TEXT, name TEXT, unit TEXT, reporter TEXT, direction TEXT, period_type TEXT);
CREATE TABLE measurements (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, indicator TEXT, period TEXT, dimensions TEXT, value TEXT, author TEXT, superseded_by TEXT);
CREATE TABLE attestations (key TEXT PRIMARY KEY, log_index BIGINT NOT NULL, measurement TEXT, verdict TEXT, author TEXT, figure TEXT);
CREATE INDEX measurements_by_indicator ON measurements (indicator, period);
CREATE INDEX attestations_by_measurement ON attestations (measurement);
