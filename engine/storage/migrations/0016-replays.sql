-- Re-runs and replays (issue 15). A run made again on stored trigger data is marked as a replay
-- (never a new delivery); replay_of names the run it ran again (NULL for a replay on a flow that
-- had not run on that delivery); replay_note says what it could not do as asked.
ALTER TABLE runs ADD COLUMN replay INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN replay_of TEXT;
ALTER TABLE runs ADD COLUMN replay_note TEXT;
-- The delivery's original runs (as_ran, from_failed, the diff) are found by inbox id.
CREATE INDEX runs_inbox ON runs (inbox_id) WHERE inbox_id IS NOT NULL;
-- A batch's kind: runs by hand ('manual'), re-runs of failed runs ('rerun'), a bulk replay ('replay').
ALTER TABLE run_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'manual';
-- "Re-run every run this error failed" leaves out the runs a live re-run already ran again.
CREATE INDEX runs_replay_of ON runs (replay_of) WHERE replay_of IS NOT NULL;
