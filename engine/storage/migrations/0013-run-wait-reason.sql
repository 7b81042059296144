-- Why a run waits when a provider deferred one of its steps (a low balance, a used-up quota,
-- night hours, a rate limit with Retry-After): JSON {nodeId, reason, reasonCode?, reasonArgs?},
-- shown on the run and its "waiting" timeline entry. The deferred step itself is not recorded
-- (so the wake-up runs it again with the same idempotency key), so the run carries the why.
ALTER TABLE runs ADD COLUMN wait_reason TEXT;
