-- A run is a sequence of recorded steps. A wait parks the run with a due time (its wake-up is
-- a queued job with that run_at, so it survives restarts), and each step keeps the intents it
-- asked for: done in a live run, recorded as "would do" in a dry run.
ALTER TABLE run_steps ADD COLUMN intents TEXT;
ALTER TABLE run_steps ADD COLUMN due_at TEXT;
ALTER TABLE runs ADD COLUMN due_at TEXT;
-- Deactivating a flow cancels its waiting runs: found without walking every run.
CREATE INDEX runs_waiting ON runs (flow_id) WHERE status = 'waiting';
