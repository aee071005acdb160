-- Version 4: no unique index on leaf_hash. Leaf hashes are random, so each insert into that index touched a page of
-- its own. Nothing reads by hash: the sequencer answers a repeated entry with its first index, and
-- `outcomes log verify` names any entry stored twice.
ALTER TABLE leaves DROP CONSTRAINT IF EXISTS leaves_leaf_hash_key;
