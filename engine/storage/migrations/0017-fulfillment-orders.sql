-- Fulfillment orders (issue 14): an order's FOs as Flowdesk last knew them, from the platform's
-- API (read when an order's FOs are first needed) and from its fulfillment_orders/* webhooks.
-- Keyed by the platform's FO id within the connection; the FO itself is JSON (contract/fulfillment.ts).
-- A webhook names an FO, not its order: order_id is how it finds the order's timeline.
CREATE TABLE fulfillment_orders (
  connection_id   TEXT NOT NULL,
  platform_fo_id  TEXT NOT NULL,
  order_id        TEXT NOT NULL,
  state           TEXT NOT NULL,
  position        INTEGER NOT NULL,
  updated_ms      INTEGER NOT NULL,
  PRIMARY KEY (connection_id, platform_fo_id)
) WITHOUT ROWID;
CREATE INDEX fulfillment_orders_order ON fulfillment_orders (order_id, position);
