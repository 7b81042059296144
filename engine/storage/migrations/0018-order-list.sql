-- The orders list a shop owner reads (issue 14): every status it shows and filters by gets a
-- column, so a filter never parses the order's JSON. Filled from `data` for the orders already
-- stored, then kept by orders-repo on every upsert.
--   placed_ms        the platform's createdAt (when the customer ordered), for the date range
--                    and the newest-first sort; created_at stays the time Flowdesk first saw it.
--   delivery_status  canonical DeliveryStatus.
--   store_status     seed 002's mapped word for marketplace orders, else the platform's own word.
--   cancelled        1 when the platform says the order is cancelled (cancelledAt).
--   platform_tags    the platform's tags (JSON array), beside local_tags, for the tag filter.
ALTER TABLE orders ADD COLUMN placed_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN delivery_status TEXT NOT NULL DEFAULT 'none';
ALTER TABLE orders ADD COLUMN store_status TEXT;
ALTER TABLE orders ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN platform_tags TEXT NOT NULL DEFAULT '[]';

UPDATE orders SET
  placed_ms = COALESCE(CAST(unixepoch(json_extract(data, '$.createdAt'), 'subsec') * 1000 AS INTEGER), platform_updated_ms),
  delivery_status = COALESCE(json_extract(data, '$.deliveryStatus'), 'none'),
  store_status = COALESCE(json_extract(data, '$.storeStatus'), json_extract(data, '$.platformStatus')),
  cancelled = json_extract(data, '$.cancelledAt') IS NOT NULL,
  platform_tags = COALESCE(json_extract(data, '$.tags'), '[]');

-- Newest first, and newest first within one value of each status a filter picks (the EXPLAIN
-- QUERY PLAN of the list's page query uses one of these and no temp b-tree for the sort).
-- orders_placed also holds every column the list filters, counts or searches by: the new columns
-- sit after `data` in each row (a few KB of JSON, in overflow pages), so a date range, a tag or a
-- text query is counted from this index alone, never by reading the orders themselves
-- (bench/sections/orders-list.ts: a text query over 20,000 orders took ~60 ms from the table).
CREATE INDEX orders_placed ON orders (placed_ms DESC, id DESC, financial_status, fulfillment_status, delivery_status,
  store_status, platform, connection_id, cancelled, customer_id, number, email, phone, platform_order_id);
CREATE INDEX orders_financial_placed ON orders (financial_status, placed_ms DESC, id DESC);
CREATE INDEX orders_fulfillment_placed ON orders (fulfillment_status, placed_ms DESC, id DESC);
CREATE INDEX orders_delivery_placed ON orders (delivery_status, placed_ms DESC, id DESC);
CREATE INDEX orders_store_status_placed ON orders (store_status, placed_ms DESC, id DESC);
CREATE INDEX orders_cancelled_placed ON orders (cancelled, placed_ms DESC, id DESC);
CREATE INDEX orders_platform_placed ON orders (platform, placed_ms DESC, id DESC);
CREATE INDEX orders_connection_placed ON orders (connection_id, placed_ms DESC, id DESC);

-- How many orders have each combination of the list's filter values: the counts beside every
-- filter option (and the total) read this small table instead of counting the orders each
-- time. Triggers keep it exact whoever writes an order. store_status NULL is kept as ''.
CREATE TABLE order_facets (
  financial_status    TEXT NOT NULL,
  fulfillment_status  TEXT NOT NULL,
  delivery_status     TEXT NOT NULL,
  store_status        TEXT NOT NULL,
  platform            TEXT NOT NULL,
  connection_id       TEXT NOT NULL,
  cancelled           INTEGER NOT NULL,
  n                   INTEGER NOT NULL,
  PRIMARY KEY (financial_status, fulfillment_status, delivery_status, store_status, platform, connection_id, cancelled)
) WITHOUT ROWID;

INSERT INTO order_facets
  SELECT financial_status, fulfillment_status, delivery_status, COALESCE(store_status, ''), platform, connection_id, cancelled, count(*)
  FROM orders GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER order_facets_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_facets VALUES (new.financial_status, new.fulfillment_status, new.delivery_status,
    COALESCE(new.store_status, ''), new.platform, new.connection_id, new.cancelled, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_facets_delete AFTER DELETE ON orders BEGIN
  UPDATE order_facets SET n = n - 1 WHERE financial_status = old.financial_status
    AND fulfillment_status = old.fulfillment_status AND delivery_status = old.delivery_status
    AND store_status = COALESCE(old.store_status, '') AND platform = old.platform
    AND connection_id = old.connection_id AND cancelled = old.cancelled;
END;

CREATE TRIGGER order_facets_update
AFTER UPDATE OF financial_status, fulfillment_status, delivery_status, store_status, platform, connection_id, cancelled ON orders
WHEN old.financial_status IS NOT new.financial_status OR old.fulfillment_status IS NOT new.fulfillment_status
  OR old.delivery_status IS NOT new.delivery_status OR old.store_status IS NOT new.store_status
  OR old.platform IS NOT new.platform OR old.connection_id IS NOT new.connection_id OR old.cancelled IS NOT new.cancelled
BEGIN
  UPDATE order_facets SET n = n - 1 WHERE financial_status = old.financial_status
    AND fulfillment_status = old.fulfillment_status AND delivery_status = old.delivery_status
    AND store_status = COALESCE(old.store_status, '') AND platform = old.platform
    AND connection_id = old.connection_id AND cancelled = old.cancelled;
  INSERT INTO order_facets VALUES (new.financial_status, new.fulfillment_status, new.delivery_status,
    COALESCE(new.store_status, ''), new.platform, new.connection_id, new.cancelled, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Each order's tags, the platform's and Flowdesk's, lowercased (tags compare without case), with
-- the order's list columns beside each: a tag filter reads its page and its counts from one
-- range of this table alone. (Reading every order's two JSON tag lists with json_each took
-- ~160 ms at 20,000 orders; walking orders_placed for the tag's orders ~140 ms at 250,000:
-- bench/sections/orders-list.ts.) Triggers keep it, whoever writes an order.
CREATE TABLE order_tags (
  tag                 TEXT NOT NULL,
  placed_ms           INTEGER NOT NULL,
  id                  TEXT NOT NULL,
  financial_status    TEXT NOT NULL,
  fulfillment_status  TEXT NOT NULL,
  delivery_status     TEXT NOT NULL,
  store_status        TEXT,
  platform            TEXT NOT NULL,
  connection_id       TEXT NOT NULL,
  cancelled           INTEGER NOT NULL,
  PRIMARY KEY (tag, placed_ms DESC, id DESC)
) WITHOUT ROWID;
CREATE INDEX order_tags_order ON order_tags (id);

-- One row per distinct tag: the platform's and Flowdesk's lists may hold the same tag (in any
-- case). UNION dedupes here; an OR IGNORE would not do inside the triggers, where the orders
-- upsert's own conflict policy overrides it.
INSERT INTO order_tags
  SELECT t.tag, o.placed_ms, o.id, o.financial_status, o.fulfillment_status, o.delivery_status, o.store_status,
    o.platform, o.connection_id, o.cancelled
  FROM orders o, (SELECT o2.id AS oid, lower(j.value) AS tag FROM orders o2, json_each(o2.platform_tags) j WHERE typeof(j.value) = 'text'
    UNION SELECT o2.id, lower(j.value) FROM orders o2, json_each(o2.local_tags) j WHERE typeof(j.value) = 'text') t
  WHERE t.oid = o.id;

CREATE TRIGGER order_tags_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_tags
    SELECT t.tag, new.placed_ms, new.id, new.financial_status, new.fulfillment_status, new.delivery_status,
      new.store_status, new.platform, new.connection_id, new.cancelled
    FROM (SELECT lower(value) AS tag FROM json_each(new.platform_tags) WHERE typeof(value) = 'text'
      UNION SELECT lower(value) FROM json_each(new.local_tags) WHERE typeof(value) = 'text') t;
END;

CREATE TRIGGER order_tags_update
AFTER UPDATE OF platform_tags, local_tags, placed_ms, financial_status, fulfillment_status, delivery_status, store_status,
  platform, connection_id, cancelled ON orders
WHEN old.platform_tags IS NOT new.platform_tags OR old.local_tags IS NOT new.local_tags OR old.placed_ms IS NOT new.placed_ms
  OR old.financial_status IS NOT new.financial_status OR old.fulfillment_status IS NOT new.fulfillment_status
  OR old.delivery_status IS NOT new.delivery_status OR old.store_status IS NOT new.store_status
  OR old.platform IS NOT new.platform OR old.connection_id IS NOT new.connection_id OR old.cancelled IS NOT new.cancelled
BEGIN
  DELETE FROM order_tags WHERE id = new.id;
  INSERT INTO order_tags
    SELECT t.tag, new.placed_ms, new.id, new.financial_status, new.fulfillment_status, new.delivery_status,
      new.store_status, new.platform, new.connection_id, new.cancelled
    FROM (SELECT lower(value) AS tag FROM json_each(new.platform_tags) WHERE typeof(value) = 'text'
      UNION SELECT lower(value) FROM json_each(new.local_tags) WHERE typeof(value) = 'text') t;
END;

CREATE TRIGGER order_tags_delete AFTER DELETE ON orders BEGIN
  DELETE FROM order_tags WHERE id = old.id;
END;
