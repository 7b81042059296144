-- The orders list's two side tables (order_facets, order_tags; 0018, 0022) are kept by the
-- orders repository's own statements when an order is inserted or its list columns change,
-- instead of triggers (issue 17). A write that fires a trigger runs inside a statement journal
-- (every page it changes is first copied aside, so a failing trigger can undo the statement):
-- with the insert triggers an order's insert cost 49-50 CPU µs, without them and with the facet
-- count written by a statement of its own 27 µs (the same rows written). The repository is the
-- only writer of orders (orders-list-upkeep.ts says what it keeps, and when).
-- Kept: order_tags_retag, which rewrites an order's tag rows when its tags change (the same
-- rewrite done from the repository measured slower: 48 µs a Flowdesk tag against 19), and the
-- delete triggers (no order is ever deleted; one deleted by hand still leaves both tables exact).
DROP TRIGGER order_facets_insert;
DROP TRIGGER order_facets_update;
DROP TRIGGER order_tags_insert;
DROP TRIGGER order_tags_columns;
