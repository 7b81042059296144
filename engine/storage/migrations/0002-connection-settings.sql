-- Per-connection settings (status maps, field mappings, API base URLs, a locked signature
-- variant…) and the Flowdesk store a connection belongs to (seed 004: several stores).
ALTER TABLE connections ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE connections ADD COLUMN store TEXT;
UPDATE connections SET store = name WHERE store IS NULL;
CREATE INDEX connections_store ON connections (store);
-- A run can be skipped before it starts (its store lacks a connection the flow needs).
ALTER TABLE runs ADD COLUMN skip_reason TEXT;
