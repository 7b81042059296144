-- The timeline read a page at a time and filtered by kind (issue 14): an order with thousands of
-- entries shows its runs only, or its deliveries only, without reading every entry. The counts
-- by kind come from this index alone.
CREATE INDEX timeline_order_kind ON timeline (order_id, kind, at_ms, id);
-- The customer page lists a customer's orders from every platform.
CREATE INDEX orders_customer ON orders (customer_id) WHERE customer_id IS NOT NULL;
