-- Write-back and reconciliation (issue 13).

-- A connection's use of its platform's API (contract ConnectionApi as JSON): write-back on or
-- off, reconciliation, polling instead of webhooks. NULL: never set (all off).
ALTER TABLE connections ADD COLUMN api TEXT;

-- How a delivery came in: NULL for a webhook (every row before this), 'reconciled' or 'polled'
-- for an order fetched through the platform's API (no signature to verify).
ALTER TABLE inbox ADD COLUMN source TEXT;

-- Every call a flow makes to a store's platform, recorded before it is made (reference §9.2):
-- pending → sent → confirmed | failed. After a crash or an answer that never came, a row left
-- 'sent' tells the next attempt to read the platform's state before sending again.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,  -- the step's idempotency key (<runId>:<nodeId>)
  run_id           TEXT,
  flow_name        TEXT,                 -- for the echo's timeline entry
  order_id         TEXT,
  connection_id    TEXT NOT NULL,
  platform         TEXT NOT NULL,
  platform_order_id TEXT NOT NULL,
  action           TEXT NOT NULL,
  request          TEXT NOT NULL,        -- the WriteRequest as JSON
  state            TEXT NOT NULL,        -- pending | sent | confirmed | failed
  attempts         INTEGER NOT NULL DEFAULT 0,
  answer           TEXT,                 -- the platform's answer, or why it failed
  created_ms       INTEGER NOT NULL,
  updated_ms       INTEGER NOT NULL
);
-- Echo recognition reads an order's recent confirmed writes.
CREATE INDEX outbox_order ON outbox (connection_id, platform_order_id, updated_ms);

-- Where each connection's reconciliation stands: the newest platform updated_at seen through
-- the API, and the last run's summary.
CREATE TABLE reconcile_state (
  connection_id    TEXT PRIMARY KEY,
  seen_until       TEXT,                 -- ISO: the newest updated_at the API listed
  last_run_at      TEXT,
  last_result      TEXT                  -- JSON ReconcileProgress of the last run
);
