-- Inventory per SKU and location (issue 14, seed 002): stock on hand per connection, SKU and
-- location ("default" unless said otherwise). Negative counts are kept: a marketplace sells what
-- it lists, and the merchant sees the shortfall.
CREATE TABLE inventory (
  connection_id  TEXT NOT NULL,
  sku            TEXT NOT NULL,
  location       TEXT NOT NULL,
  on_hand        INTEGER NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (connection_id, sku, location)
) WITHOUT ROWID;
-- Each stock movement an order made, once: the key ('placed', 'cancelled', 'return:1'…) makes a
-- duplicate or out-of-order delivery move nothing twice. `lines` is JSON [{sku, delta}].
CREATE TABLE inventory_moves (
  order_id   TEXT NOT NULL,
  move_key   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  location   TEXT NOT NULL,
  lines      TEXT NOT NULL,
  at_ms      INTEGER NOT NULL,
  PRIMARY KEY (order_id, move_key)
) WITHOUT ROWID;
-- What the merchant decided for a marketplace order: "Process at the store" (no restock on
-- cancellation, no status synced back to the marketplace).
CREATE TABLE order_marketplace (
  order_id          TEXT PRIMARY KEY,
  process_at_store  INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL
) WITHOUT ROWID;
