-- A delivery's raw body in a table of its own, written once at ingest and never rewritten
-- (issue 17). In the inbox row, the body (a 10 KB order spans three overflow pages) was copied
-- again whenever the row changed size: marking a delivery processed (its state, outcome and
-- order) freed the old overflow chain and wrote a new one, with the free list and pointer-map
-- pages of incremental vacuum. Measured on this schema (a 10 KB body, 8 updates a
-- transaction): 3.0 WAL pages and 44-47 CPU µs a delivery processed, against 0.5 pages and
-- 11 µs with the body apart; the insert writes the same pages either way (3.6 a delivery).
--
-- A row of inbox_bodies exists while its delivery's bytes are kept: retention deletes it and
-- sets inbox.body_pruned_at. A delivery over the size limit ('too_large') is stored without its
-- bytes and has none. No foreign key: inbox rows are never deleted, and a check at every
-- insert would cost a look-up on the listener's path.
CREATE TABLE inbox_bodies (
  inbox_id INTEGER PRIMARY KEY,
  body     BLOB NOT NULL
);
INSERT INTO inbox_bodies (inbox_id, body) SELECT id, body FROM inbox WHERE body IS NOT NULL;

-- Retention's index of the rows whose bytes are still kept (0006), now by the row's own columns.
DROP INDEX inbox_body_kept;
ALTER TABLE inbox DROP COLUMN body;
CREATE INDEX inbox_body_kept ON inbox (received_at) WHERE body_pruned_at IS NULL AND verdict <> 'too_large';
