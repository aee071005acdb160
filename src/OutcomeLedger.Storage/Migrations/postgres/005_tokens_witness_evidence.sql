-- Version 5: what a ledger folder keeps in files, a shared ledger keeps in its database, so that every server on it
-- sees the same: API token hashes (never the tokens), what this ledger's witness cosigned last per log origin, and
-- evidence files by SHA-256 unless the ledger was given an evidence folder. Idempotent, like version 4:
-- run again over its own tables (its version row lost) it changes nothing (the contract tests re-run the latest one).
CREATE TABLE IF NOT EXISTS access_tokens (id TEXT PRIMARY KEY, party TEXT NOT NULL, role TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, created_at TIMESTAMPTZ NOT NULL, revoked_at TIMESTAMPTZ, ordinal BIGSERIAL NOT NULL);
CREATE TABLE IF NOT EXISTS witness_state (origin TEXT PRIMARY KEY, size BIGINT NOT NULL, root BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS evidence_blobs (sha256 TEXT PRIMARY KEY, content BYTEA NOT NULL);
