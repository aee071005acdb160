-- Version 6: an evidence file stored for entries not logged yet carries the claim of the put that inserted it, so
-- that put can take it back if its entries are not logged (a full disk, every entry refused). Any later put of the
-- same content clears the claim, and a file without one is never deleted. Rows stored before have none. Idempotent,
-- like version 5: run again over its own column it changes nothing.
ALTER TABLE evidence_blobs ADD COLUMN IF NOT EXISTS claim TEXT;
