-- Retention walks only what it may remove. Raw bodies: an index of the rows that still have one
-- (a pruned row leaves it), so upkeep never walks a year of already-pruned deliveries; it
-- replaces the index of every row by arrival time, which only retention used. Events: by age,
-- so orphans are found without scanning every event.
DROP INDEX inbox_received;
CREATE INDEX inbox_body_kept ON inbox (received_at) WHERE body IS NOT NULL;
CREATE INDEX events_created ON events (created_at);
-- Whether an event still has a run: asked for every old event.
CREATE INDEX runs_event ON runs (event_id);
