-- Version 3: no unique index on leaf_hash. Leaf hashes are random, so each insert into that index touched a page of
-- its own: about 7 KB written per entry, twice the entry itself. Nothing reads by hash: the sequencer answers a
-- repeated entry with its first index, and `outcomes log verify` names any entry stored twice.
CREATE TABLE leaves_unindexed (idx INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL, data BLOB NOT NULL);
INSERT INTO leaves_unindexed (idx, leaf_hash, data) SELECT idx, leaf_hash, data FROM leaves ORDER BY idx;
DROP TABLE leaves;
ALTER TABLE leaves_unindexed RENAME TO leaves;
