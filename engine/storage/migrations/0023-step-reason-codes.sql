-- A step's reason by code, as the order's timeline already keeps it (issue 16): the run view says
-- why a step was skipped or failed in the user's language (a template failure names its field,
-- the unknown variable and its place), not only in the engine's English `reason`.
ALTER TABLE run_steps ADD COLUMN reason_code TEXT;
ALTER TABLE run_steps ADD COLUMN reason_args TEXT;
