-- The events one delivery starts (an order created and a customer created, say) carry the same
-- order: it is written once, in the first one's payload, and the others name that event in
-- order_from, their payload's order left null (issue 17: a 20-line order is ~3.4 KB, and each
-- such event was a row filling most of a page). Only events of one delivery refer to each other
-- (same inbox_id); retention keeps an event while one that refers to it is kept.
ALTER TABLE events ADD COLUMN order_from INTEGER;
