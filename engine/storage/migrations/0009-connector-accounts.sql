-- Connector accounts (an SMTP server, an eSMS key pair…): several per connector. The
-- credentials are one JSON object sealed with the engine's secret box, like connection
-- secrets; removing an account deletes the row, credentials and all. Flows refer to an account
-- by id only, so an exported flow never carries its credentials.
CREATE TABLE connector_accounts (
  id          TEXT PRIMARY KEY,
  connector   TEXT NOT NULL,
  name        TEXT NOT NULL,
  credentials TEXT NOT NULL,
  settings    TEXT NOT NULL,
  last_test   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX connector_accounts_by_connector ON connector_accounts (connector, created_at);
