import type { Db } from '../database.ts';

/** An order's columns the list's side tables hold, by the orders repository's parameter names. */
export interface ListedColumns {
  financialStatus: string;
  fulfillmentStatus: string;
  deliveryStatus: string;
  storeStatus: string | null;
  platform: string;
  connectionId: string;
  cancelled: number;
}

const facetKey = `financial_status = @financialStatus AND fulfillment_status = @fulfillmentStatus
  AND delivery_status = @deliveryStatus AND store_status = COALESCE(@storeStatus, '') AND platform = @platform
  AND connection_id = @connectionId AND cancelled = @cancelled`;

/**
 * Keeps the orders list's side tables exact as orders are inserted and their list columns change
 * (migration 0025: statements here, not triggers, which made every such write run in a statement
 * journal):
 * - order_facets, how many orders have each combination of the filter values, counted up when an
 *   order is inserted and moved when one of those values changes;
 * - order_tags, one row per distinct tag of an order (lowercased: tag_key in migrate.ts) with the
 *   list's columns beside it: written here for a new order, updated in place here when the list's
 *   columns change. When the tags themselves change, the trigger `order_tags_retag` rewrites the
 *   order's rows (kept: its SQL-only rewrite measured faster than doing the same from here).
 * Each call runs inside the transaction of the write it follows.
 */
export function createOrderListUpkeep(db: Db) {
  const facetAdd = db.prepare(`INSERT INTO order_facets VALUES (@financialStatus, @fulfillmentStatus, @deliveryStatus,
    COALESCE(@storeStatus, ''), @platform, @connectionId, @cancelled, 1) ON CONFLICT DO UPDATE SET n = n + 1`);
  const facetRemove = db.prepare(`UPDATE order_facets SET n = n - 1 WHERE ${facetKey}`);
  const tagRow = db.prepare(`INSERT INTO order_tags (tag, placed_ms, id, financial_status, fulfillment_status, delivery_status,
    store_status, platform, connection_id, cancelled) VALUES (@tag, @placedMs, @id, @financialStatus, @fulfillmentStatus,
    @deliveryStatus, @storeStatus, @platform, @connectionId, @cancelled)`);
  const relist = db.prepare(`UPDATE order_tags SET placed_ms = @placedMs, financial_status = @financialStatus,
    fulfillment_status = @fulfillmentStatus, delivery_status = @deliveryStatus, store_status = @storeStatus, cancelled = @cancelled
    WHERE id = @id`);

  return {
    /** A new order: counted; its tags (the platform's: Flowdesk's come later) listed, once each whatever their case. */
    inserted(id: string, cols: ListedColumns, placedMs: number, tags: readonly string[]): void {
      facetAdd.run(cols);
      // Text only, as the trigger that lists changed tags reads them.
      const distinct = new Set(tags.flatMap((t) => (typeof t === 'string' ? [t.toLowerCase()] : [])));
      for (const tag of distinct) tagRow.run({ tag, placedMs, id, ...cols });
    },
    /** An order whose list columns changed (`before` and `after` as stored; platform and connection never change). */
    updated(id: string, before: ListedColumns, after: ListedColumns, placedMs: number): void {
      if ((Object.keys(before) as (keyof ListedColumns)[]).some((k) => before[k] !== after[k])) {
        facetRemove.run(before);
        facetAdd.run(after);
      }
      const { platform: _platform, connectionId: _connectionId, ...listed } = after;
      relist.run({ id, placedMs, ...listed });
    },
  };
}
