-- Runs started by hand come in batches (one order from its page, or a filtered list of orders):
-- a batch says how far its runs have got, and cancels those that have not started.
CREATE TABLE run_batches (
  id            TEXT PRIMARY KEY,
  flow_id       TEXT NOT NULL,
  flow_version  INTEGER NOT NULL,
  dry_run       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  cancelled_at  TEXT
);
ALTER TABLE runs ADD COLUMN batch_id TEXT;
CREATE INDEX runs_batch ON runs (batch_id) WHERE batch_id IS NOT NULL;
