-- Version 3: the queue of a ledger shared by several servers. Any server writes the entries it accepted (token,
-- access and signature checked) here, and the one elected sequencer logs them in order and records each outcome,
-- which the submitting server then hands back to its client. status is null while pending. answered_at lets the
-- sequencer delete outcomes that no server collected (their server died while waiting).
CREATE TABLE pending_entries (id BIGSERIAL PRIMARY KEY, leaf BYTEA NOT NULL, leaf_hash BYTEA NOT NULL, status TEXT, log_index BIGINT, checkpoint_size BIGINT, errors TEXT, answered_at TIMESTAMPTZ);
CREATE INDEX pending_entries_waiting ON pending_entries (id) WHERE status IS NULL;
