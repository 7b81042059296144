-- Fewer index and trigger writes on the two tables every delivery writes (issue 17; measured with
-- a 20-line order, CPU per write on the 2-core VM: bench/README.md "What a write costs").
--
-- The timeline: one index instead of two. timeline_order_kind (order_id, kind, at_ms, id) was
-- written beside timeline_order on every entry (8–12 entries a run) for the kind filter and the
-- counts by kind. With kind as the last column of timeline_order, both read that one index: the
-- counts from it alone, a kind filter by walking the order's entries in time order in the index
-- (the order's rows are only read for the entries kept). 8 appends: 48.6 → 34.8 µs.
DROP INDEX timeline_order_kind;
DROP INDEX timeline_order;
CREATE INDEX timeline_order ON timeline (order_id, at_ms, id, kind);

-- The orders list's tag table (0018): its triggers read both tag lists with json_each and a
-- UNION on every insert, and on every update that changed any list column deleted and wrote
-- again every tag row of the order, even when the tags were the same (a payment, a shipment).
-- Now: an order without tags costs nothing; a change of tags rewrites its tag rows; a change of
-- the other list columns updates them in place. Adding a tag: 24.3 → ~12 µs; an upsert that
-- changes a status: ~26 µs less.
DROP TRIGGER order_tags_insert;
DROP TRIGGER order_tags_update;

CREATE TRIGGER order_tags_insert AFTER INSERT ON orders
WHEN new.platform_tags <> '[]' OR new.local_tags <> '[]'
BEGIN
  INSERT INTO order_tags
    SELECT t.tag, new.placed_ms, new.id, new.financial_status, new.fulfillment_status, new.delivery_status,
      new.store_status, new.platform, new.connection_id, new.cancelled
    FROM (SELECT lower(value) AS tag FROM json_each(new.platform_tags) WHERE typeof(value) = 'text'
      UNION SELECT lower(value) FROM json_each(new.local_tags) WHERE typeof(value) = 'text') t;
END;

CREATE TRIGGER order_tags_retag AFTER UPDATE OF platform_tags, local_tags ON orders
WHEN old.platform_tags IS NOT new.platform_tags OR old.local_tags IS NOT new.local_tags
BEGIN
  DELETE FROM order_tags WHERE id = new.id;
  INSERT INTO order_tags
    SELECT t.tag, new.placed_ms, new.id, new.financial_status, new.fulfillment_status, new.delivery_status,
      new.store_status, new.platform, new.connection_id, new.cancelled
    FROM (SELECT lower(value) AS tag FROM json_each(new.platform_tags) WHERE typeof(value) = 'text'
      UNION SELECT lower(value) FROM json_each(new.local_tags) WHERE typeof(value) = 'text') t;
END;

CREATE TRIGGER order_tags_columns
AFTER UPDATE OF placed_ms, financial_status, fulfillment_status, delivery_status, store_status, platform, connection_id, cancelled ON orders
WHEN old.platform_tags IS new.platform_tags AND old.local_tags IS new.local_tags
  AND (old.placed_ms IS NOT new.placed_ms OR old.financial_status IS NOT new.financial_status
  OR old.fulfillment_status IS NOT new.fulfillment_status OR old.delivery_status IS NOT new.delivery_status
  OR old.store_status IS NOT new.store_status OR old.platform IS NOT new.platform
  OR old.connection_id IS NOT new.connection_id OR old.cancelled IS NOT new.cancelled)
BEGIN
  UPDATE order_tags SET placed_ms = new.placed_ms, financial_status = new.financial_status,
    fulfillment_status = new.fulfillment_status, delivery_status = new.delivery_status, store_status = new.store_status,
    platform = new.platform, connection_id = new.connection_id, cancelled = new.cancelled
  WHERE id = new.id;
END;
