-- The orders list's tag filter folds case as the rest of Flowdesk does (domain/tags.ts: "VIP" and
-- "vip" are one tag, by JavaScript's toLowerCase). order_tags held tags lowercased by SQLite's
-- lower(), which without ICU folds ASCII letters only: "KHÁCH VIP" was listed as "khÁch vip", so
-- a filter by "khách vip" missed the order, and "KHÁCH VIP" and "khách vip" were two tags.
-- tag_key() is toLowerCase, registered by migrate.ts on every connection it migrates.
DROP TRIGGER order_tags_retag;
CREATE TRIGGER order_tags_retag AFTER UPDATE OF platform_tags, local_tags ON orders
WHEN old.platform_tags IS NOT new.platform_tags OR old.local_tags IS NOT new.local_tags
BEGIN
  DELETE FROM order_tags WHERE id = new.id;
  INSERT INTO order_tags
    SELECT t.tag, new.placed_ms, new.id, new.financial_status, new.fulfillment_status, new.delivery_status,
      new.store_status, new.platform, new.connection_id, new.cancelled
    FROM (SELECT tag_key(value) AS tag FROM json_each(new.platform_tags) WHERE typeof(value) = 'text'
      UNION SELECT tag_key(value) FROM json_each(new.local_tags) WHERE typeof(value) = 'text') t;
END;

-- Orders that have a tag lower() left with capitals: their rows written again (only theirs).
CREATE TEMP TABLE retag_orders AS SELECT DISTINCT id FROM order_tags WHERE tag <> tag_key(tag);
DELETE FROM order_tags WHERE id IN (SELECT id FROM retag_orders);
INSERT INTO order_tags
  SELECT t.tag, o.placed_ms, o.id, o.financial_status, o.fulfillment_status, o.delivery_status, o.store_status,
    o.platform, o.connection_id, o.cancelled
  FROM orders o, (SELECT o2.id AS oid, tag_key(j.value) AS tag FROM retag_orders r, orders o2, json_each(o2.platform_tags) j
      WHERE o2.id = r.id AND typeof(j.value) = 'text'
    UNION SELECT o2.id, tag_key(j.value) FROM retag_orders r, orders o2, json_each(o2.local_tags) j
      WHERE o2.id = r.id AND typeof(j.value) = 'text') t
  WHERE t.oid = o.id;
DROP TABLE retag_orders;
