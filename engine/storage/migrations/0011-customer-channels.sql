-- What messaging channels need to know about a customer beyond their ids (DOMAIN.md "Customers"):
-- when they last wrote to the Zalo OA or the Facebook page (Zalo OA consultation messages and
-- Messenger's standard window depend on it), the store's own fields, and the sequences they are in.
ALTER TABLE customers ADD COLUMN zalo_interacted_at TEXT;
ALTER TABLE customers ADD COLUMN messenger_interacted_at TEXT;
ALTER TABLE customers ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
ALTER TABLE customers ADD COLUMN sequences TEXT NOT NULL DEFAULT '[]';
