-- A delivery that was accepted but could not be processed (dead) no longer blocks the same
-- delivery sent again after the user fixed what was wrong (a mapping, a setting): dedupe
-- now looks only at accepted deliveries that are not dead, so the guard moves from a unique
-- index to the ingest transaction, which decides duplicates in arrival order.
DROP INDEX inbox_dedupe;
CREATE INDEX inbox_dedupe ON inbox (connection_id, delivery_key) WHERE verdict = 'accepted';
