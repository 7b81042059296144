import type { Db } from '../database.ts';
import type { Order, OrderListFilter, Platform } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';
import { createOrderListUpkeep, type ListedColumns } from './orders-list-upkeep.ts';
import { summarySelect, toSummary, type OrderSummaryRow, type SummaryRaw, type OrderColumns } from './orders-summary.ts';

export type { OrderSummaryRow } from './orders-summary.ts';
import { TAG_PREDICATE, atMostOneMiss, decodeCursor, encodeCursor, listQuery, tallyFacets, type FacetRow, type OrderListCounts } from './orders-list-query.ts';

export interface OrderRecord {
  id: string;
  connectionId: string;
  platform: Platform;
  customerId: string | null;
  localTags: string[];
  platformUpdatedMs: number;
  order: Order;
  createdAt: string;
  updatedAt: string;
}

interface RawRow extends OrderColumns {
  platform_updated_ms: number;
  data: string;
}

const toRecord = (r: RawRow): OrderRecord => ({
  id: r.id,
  connectionId: r.connection_id,
  platform: r.platform,
  customerId: r.customer_id,
  localTags: parseStored<string[]>(r.local_tags, []),
  platformUpdatedMs: r.platform_updated_ms,
  order: parseStored<Order>(r.data, {} as Order),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One page of the orders list, its total and the counts beside each filter option. */
export interface OrderListPage {
  rows: OrderSummaryRow[];
  total: number;
  counts: OrderListCounts;
  nextCursor: string | null;
}

/** The orders' indexed columns (and those the list's side tables hold) by parameter name. */
const INDEXED = {
  number: 'number', customerId: 'customer_id', email: 'email', phone: 'phone', financialStatus: 'financial_status',
  fulfillmentStatus: 'fulfillment_status', placedMs: 'placed_ms', deliveryStatus: 'delivery_status', storeStatus: 'store_status',
  cancelled: 'cancelled', platformTags: 'platform_tags',
} as const;
/** Those whose change moves the order in the list's side tables (orders-list-upkeep.ts; a change of tags, the trigger order_tags_retag). */
const LISTED: readonly string[] = ['financialStatus', 'fulfillmentStatus', 'deliveryStatus', 'storeStatus', 'cancelled', 'placedMs'];
type Stored = Record<string, string | number | null>;
const listedColumns = (v: Stored, platform: string, connectionId: string): ListedColumns => ({
  financialStatus: v['financialStatus'] as string, fulfillmentStatus: v['fulfillmentStatus'] as string,
  deliveryStatus: v['deliveryStatus'] as string, storeStatus: v['storeStatus'] as string | null,
  platform, connectionId, cancelled: v['cancelled'] as number,
});

const facetColumns = `financial_status, fulfillment_status, delivery_status, store_status, platform, connection_id, cancelled`;

export function createOrdersRepo(db: Db) {
  const byPlatformId = db.prepare('SELECT * FROM orders WHERE connection_id = ? AND platform_order_id = ?');
  const byId = db.prepare('SELECT * FROM orders WHERE id = ?');
  const summaryById = db.prepare(`${summarySelect} WHERE o.id = ?`);
  const summariesOf = db.prepare(`${summarySelect} WHERE o.id IN (SELECT value FROM json_each(?))`);
  const byNumber = db.prepare(`SELECT * FROM orders WHERE number = ? OR number = ? ORDER BY created_at DESC LIMIT 1`);
  const insert = db.prepare(`INSERT INTO orders (id, connection_id, platform, platform_order_id, number, customer_id, email,
      phone, financial_status, fulfillment_status, total_price, currency, local_tags, platform_updated_at,
      platform_updated_ms, data, created_at, updated_at, placed_ms, delivery_status, store_status, cancelled, platform_tags)
    VALUES (@id, @connectionId, @platform, @platformOrderId, @number, @customerId, @email, @phone, @financialStatus,
      @fulfillmentStatus, @totalPrice, @currency, '[]', @platformUpdatedAt, @platformUpdatedMs, @data, @now, @now,
      @placedMs, @deliveryStatus, @storeStatus, @cancelled, @platformTags)`);
  // The indexed columns as stored, to set only those that change: an UPDATE rewrites the entry of
  // every index whose columns it sets, changed or not (the orders list keeps ten indexes and two
  // side tables on them), and most deliveries change one status or none.
  const indexedNow = db.prepare(`SELECT id, platform, ${Object.entries(INDEXED).map(([k, c]) => `${c} AS ${k}`).join(', ')}
    FROM orders WHERE connection_id = ? AND platform_order_id = ?`);
  const list = createOrderListUpkeep(db);
  const updates = new Map<string, ReturnType<Db['prepare']>>();
  const updateOf = (changed: readonly (keyof typeof INDEXED)[]) => {
    const key = changed.join(',');
    let st = updates.get(key);
    if (!st) {
      const sets = [...changed.map((k) => `${INDEXED[k]} = @${k}`), 'total_price = @totalPrice', 'currency = @currency',
        'platform_updated_at = @platformUpdatedAt', 'platform_updated_ms = @platformUpdatedMs', 'data = @data', 'updated_at = @now'];
      updates.set(key, (st = db.prepare(`UPDATE orders SET ${sets.join(', ')} WHERE connection_id = @connectionId AND platform_order_id = @platformOrderId`)));
    }
    return st;
  };
  const setLocalTags = db.prepare('UPDATE orders SET local_tags = ?, updated_at = ? WHERE id = ?');
  const tagsById = db.prepare('SELECT platform_tags, local_tags FROM orders WHERE id = ?');
  const search = db.prepare(`${summarySelect}
    WHERE @q IS NULL OR o.number LIKE @like OR o.platform_order_id = @q OR o.email LIKE @like OR o.phone LIKE @like
      OR o.platform = lower(@q) OR c.name LIKE @like
    ORDER BY o.created_at DESC, o.id DESC LIMIT @limit`);
  // The list's SQL depends on which filters are set: one prepared statement per shape, kept.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const readList = db.transaction((filter: OrderListFilter, limit: number, cursor?: string): OrderListPage => {
    const q = listQuery(filter);
    const facetPreds = Object.values(q.facets);
    // With a date range, a tag or a text query, one walk of orders_placed, which holds every
    // column these read: the orders' rows (their JSON in overflow pages) are never read for it.
    // Status filters alone are left to the planner (each has its own index in sort order).
    // A tag (without a text query) reads order_tags alone: it holds the list's columns beside each
    // tag, named as in orders, in sort order within the tag.
    const viaTags = q.base.includes(TAG_PREDICATE) && !q.joinsCustomers;
    const base = viaTags ? q.base.map((b) => (b === TAG_PREDICATE ? 'o.tag = @tag' : b)) : q.base;
    const hint = base.length > 0 ? ' INDEXED BY orders_placed' : '';
    const from = viaTags ? 'FROM order_tags o'
      : `FROM orders o${hint}${q.joinsCustomers ? ' LEFT JOIN customers c ON c.id = o.customer_id' : ''}`;
    const params: Record<string, string | number> = { ...q.params, limit: limit + 1 };
    const pageWhere = [...facetPreds, ...base];
    if (cursor) {
      const c = decodeCursor(cursor);
      Object.assign(params, { cursorMs: c.ms, cursorId: c.id });
      pageWhere.push('(o.placed_ms < @cursorMs OR (o.placed_ms = @cursorMs AND o.id < @cursorId))');
    }
    const page = prepared(`SELECT o.id, o.placed_ms ${from} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY o.placed_ms DESC, o.id DESC LIMIT @limit`).all(pick(params, pageWhere, ['limit'])) as { id: string; placed_ms: number }[];
    const more = page.length > limit;
    const kept = more ? page.slice(0, limit) : page;
    // Then the page's summaries (the joins and the JSON reads), for its rows only.
    const byId = new Map((summariesOf.all(JSON.stringify(kept.map((r) => r.id))) as SummaryRaw[]).map((r) => [r.id, r]));
    const rows = kept.flatMap((r) => {
      const raw = byId.get(r.id);
      return raw ? [toSummary(raw)] : [];
    });
    const last = kept.at(-1);

    const miss = atMostOneMiss(q.facets);
    const facetRows = base.length === 0
      ? (prepared(`SELECT ${facetColumns}, n FROM order_facets o WHERE n > 0${miss ? ` AND ${miss}` : ''}`)
        .all(pick(params, miss ? [miss] : [], [])) as FacetRow[])
      : (prepared(`SELECT o.financial_status, o.fulfillment_status, o.delivery_status, COALESCE(o.store_status, '') AS store_status,
          o.platform, o.connection_id, o.cancelled, count(*) AS n ${from} WHERE ${[...base, ...(miss ? [miss] : [])].join(' AND ')}
          GROUP BY 1, 2, 3, 4, 5, 6, 7`).all(pick(params, [...base, ...(miss ? [miss] : [])], [])) as FacetRow[]);
    const { total, counts } = tallyFacets(facetRows, filter);
    return { rows, total, counts, nextCursor: more && last ? encodeCursor(last.placed_ms, last.id) : null };
  });

  return {
    getByPlatformId(connectionId: string, platformOrderId: string): OrderRecord | undefined {
      const r = byPlatformId.get(connectionId, platformOrderId) as RawRow | undefined;
      return r && toRecord(r);
    },
    get(id: string): OrderRecord | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRecord(r);
    },
    /** The order's tags, the platform's and Flowdesk's, without reading (and parsing) the whole order. */
    tagsOf(id: string): { platformTags: string[]; localTags: string[] } | undefined {
      const r = tagsById.get(id) as { platform_tags: string; local_tags: string } | undefined;
      return r && { platformTags: parseStored<string[]>(r.platform_tags, []), localTags: parseStored<string[]>(r.local_tags, []) };
    },
    /** By order number as the merchant writes it: "#1001" or "1001". */
    findByNumber(ref: string): OrderRecord | undefined {
      const bare = ref.replace(/^#/, '');
      const r = byNumber.get(bare, `#${bare}`) as RawRow | undefined;
      return r && toRecord(r);
    },
    summary(id: string): OrderSummaryRow | undefined {
      const r = summaryById.get(id) as SummaryRaw | undefined;
      return r && toSummary(r);
    },
    /** Writes the order's state. `orderJson`: `JSON.stringify(order)`, when the caller has it already. */
    save(id: string, connectionId: string, order: Order, customerId: string | null, updatedMs: number, now: string, orderJson?: string): void {
      const indexed: Record<keyof typeof INDEXED, string | number | null> = {
        number: order.number,
        customerId,
        email: order.customer?.email?.toLowerCase() ?? null,
        phone: order.customer?.phone ?? order.shippingAddress?.phone ?? null,
        financialStatus: order.financialStatus,
        fulfillmentStatus: order.fulfillmentStatus,
        placedMs: Date.parse(order.createdAt),
        deliveryStatus: order.deliveryStatus ?? 'none',
        storeStatus: order.storeStatus ?? order.platformStatus ?? null,
        cancelled: order.cancelledAt ? 1 : 0,
        platformTags: JSON.stringify(order.tags ?? []),
      };
      const rest = {
        connectionId, platformOrderId: order.platformOrderId, totalPrice: order.totalPrice, currency: order.currency,
        platformUpdatedAt: order.updatedAt, platformUpdatedMs: updatedMs, data: orderJson ?? JSON.stringify(order), now,
      };
      const stored = indexedNow.get(connectionId, order.platformOrderId) as (Stored & { id: string; platform: string }) | undefined;
      if (!stored) {
        insert.run({ id, platform: order.platform, ...indexed, ...rest });
        list.inserted(id, listedColumns(indexed, order.platform, connectionId), indexed.placedMs as number, order.tags ?? []);
        return;
      }
      const changed = (Object.keys(INDEXED) as (keyof typeof INDEXED)[]).filter((k) => stored[k] !== indexed[k]);
      const params: Record<string, string | number | null> = { ...rest };
      for (const k of changed) params[k] = indexed[k];
      updateOf(changed).run(params);
      if (changed.some((k) => LISTED.includes(k))) {
        list.updated(stored.id, listedColumns(stored, stored.platform, connectionId), listedColumns(indexed, stored.platform, connectionId), indexed.placedMs as number);
      }
    },
    setLocalTags(id: string, tags: string[], now: string): void {
      setLocalTags.run(JSON.stringify(tags), now, id);
    },
    search(query: string | undefined, limit: number): OrderSummaryRow[] {
      const q = query && query.length > 0 ? query : null;
      const rows = search.all({ q, like: q === null ? null : `%${q.replace(/^#/, '')}%`, limit }) as SummaryRaw[];
      return rows.map(toSummary);
    },
    /**
     * One page of orders matching the filter, newest placed first, with the exact total and the
     * facet counts. Without a text query, tag or date range the counts come from order_facets
     * (one row per combination of values in use); with them, from one grouped pass over the
     * matching orders. One read transaction: the page, the total and the counts agree.
     */
    list(filter: OrderListFilter, limit: number, cursor?: string): OrderListPage {
      return readList(filter, limit, cursor);
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;

/** The named parameters the SQL parts use (better-sqlite3 refuses ones a statement does not have). */
function pick(params: Record<string, string | number>, parts: string[], always: string[]): Record<string, string | number> {
  const sql = parts.join(' ');
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (always.includes(k) || sql.includes(`@${k}`)) out[k] = v;
  return out;
}
