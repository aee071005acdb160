-- Version 2: what a reader needs to check the log without the ledger folder: its origin and log verifier key.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
