-- Flowdesk's first schema. Never edit a released migration: add the next number.

CREATE TABLE connections (
  id          TEXT PRIMARY KEY,
  platform    TEXT NOT NULL,
  store_id    TEXT NOT NULL,
  name        TEXT NOT NULL,
  secrets     TEXT NOT NULL,            -- JSON object of the platform's secrets
  created_at  TEXT NOT NULL,
  removed_at  TEXT
);

-- Every request the webhook listener answered, kept raw, with the verdict it got.
CREATE TABLE inbox (
  id             INTEGER PRIMARY KEY,
  received_at    TEXT NOT NULL,
  connection_id  TEXT,                  -- as given in the URL; may name no connection
  platform       TEXT,
  method         TEXT NOT NULL,
  path           TEXT NOT NULL,
  headers        TEXT NOT NULL,         -- JSON object, names lowercased
  body           BLOB,
  body_size      INTEGER NOT NULL,
  topic          TEXT,
  delivery_key   TEXT,
  resource_version TEXT,
  verdict        TEXT NOT NULL,
  reason         TEXT,
  duplicate_of   INTEGER,
  http_status    INTEGER NOT NULL,
  processing     TEXT NOT NULL,
  outcome        TEXT,
  order_id       TEXT
);
CREATE INDEX inbox_connection ON inbox (connection_id, id);
-- One accepted delivery per delivery key and connection: the dedupe guard.
CREATE UNIQUE INDEX inbox_dedupe ON inbox (connection_id, delivery_key) WHERE verdict = 'accepted';

CREATE TABLE jobs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  payload          TEXT NOT NULL,
  idempotency_key  TEXT UNIQUE,
  state            TEXT NOT NULL,       -- queued | leased | done | dead
  attempts         INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL,
  run_at           INTEGER NOT NULL,    -- ms since epoch
  lease_owner      TEXT,
  lease_until      INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX jobs_ready ON jobs (state, run_at);

CREATE TABLE customers (
  id              TEXT PRIMARY KEY,
  email           TEXT UNIQUE,          -- lowercased
  email_verified  INTEGER NOT NULL DEFAULT 0,
  name            TEXT,
  phone           TEXT,
  address         TEXT,                 -- JSON
  tags            TEXT NOT NULL DEFAULT '[]',
  zalo_user_id    TEXT,
  messenger_psid  TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX customers_phone ON customers (phone);

CREATE TABLE orders (
  id                   TEXT PRIMARY KEY,
  connection_id        TEXT NOT NULL,
  platform             TEXT NOT NULL,
  platform_order_id    TEXT NOT NULL,
  number               TEXT NOT NULL,
  customer_id          TEXT REFERENCES customers (id),
  email                TEXT,
  phone                TEXT,
  financial_status     TEXT NOT NULL,
  fulfillment_status   TEXT NOT NULL,
  total_price          TEXT NOT NULL,
  currency             TEXT NOT NULL,
  local_tags           TEXT NOT NULL DEFAULT '[]',
  platform_updated_at  TEXT NOT NULL,
  platform_updated_ms  INTEGER NOT NULL,
  data                 TEXT NOT NULL,   -- the canonical order, JSON
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (connection_id, platform_order_id)
);
CREATE INDEX orders_number ON orders (number);
CREATE INDEX orders_email ON orders (email);
CREATE INDEX orders_phone ON orders (phone);

CREATE TABLE timeline (
  id          INTEGER PRIMARY KEY,
  order_id    TEXT NOT NULL,
  at          TEXT NOT NULL,
  at_ms       INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  detail      TEXT,
  inbox_id    INTEGER,
  run_id      TEXT
);
CREATE INDEX timeline_order ON timeline (order_id, at_ms, id);

CREATE TABLE flows (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  latest_version  INTEGER NOT NULL,
  active_version  INTEGER,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);

CREATE TABLE flow_versions (
  flow_id     TEXT NOT NULL REFERENCES flows (id),
  version     INTEGER NOT NULL,
  document    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (flow_id, version)
);

-- Canonical events derived from accepted deliveries.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  inbox_id     INTEGER NOT NULL,
  order_id     TEXT,
  type         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX events_inbox ON events (inbox_id);

CREATE TABLE runs (
  id            TEXT PRIMARY KEY,
  flow_id       TEXT NOT NULL,
  flow_version  INTEGER NOT NULL,
  event_id      INTEGER NOT NULL,
  event_type    TEXT NOT NULL,
  inbox_id      INTEGER,
  order_id      TEXT,
  status        TEXT NOT NULL,
  dry_run       INTEGER NOT NULL DEFAULT 0,
  error         TEXT,
  created_at    TEXT NOT NULL,
  started_at    TEXT,
  finished_at   TEXT,
  duration_ms   REAL,
  UNIQUE (flow_id, event_id)
);
CREATE INDEX runs_flow ON runs (flow_id, created_at);
CREATE INDEX runs_order ON runs (order_id);

CREATE TABLE run_steps (
  run_id       TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  node_id      TEXT NOT NULL,
  node_type    TEXT NOT NULL,
  status       TEXT NOT NULL,
  reason       TEXT,
  port         TEXT,
  input        TEXT,
  output       TEXT,
  started_at   TEXT NOT NULL,
  duration_ms  REAL NOT NULL,
  PRIMARY KEY (run_id, node_id)
);
