import type { Db } from '../database.ts';
import type { Order, OrderSummaryDto, Platform } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

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

interface RawRow {
  id: string;
  connection_id: string;
  platform: Platform;
  platform_order_id: string;
  number: string;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  financial_status: Order['financialStatus'];
  fulfillment_status: Order['fulfillmentStatus'];
  total_price: string;
  currency: string;
  local_tags: string;
  platform_updated_at: string;
  platform_updated_ms: number;
  data: string;
  created_at: string;
  updated_at: string;
  customer_name?: string | null;
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

/** An order's summary as stored: the platform's and Flowdesk's tags apart (domain/orders merges them). */
export type OrderSummaryRow = Omit<OrderSummaryDto, 'tags'> & { platformTags: string[] };

function toSummary(r: RawRow): OrderSummaryRow {
  const rec = toRecord(r);
  return {
    id: r.id,
    connectionId: r.connection_id,
    platform: r.platform,
    platformOrderId: r.platform_order_id,
    number: r.number,
    email: r.email,
    phone: r.phone,
    customerId: r.customer_id,
    customerName: r.customer_name ?? rec.order.customer?.name ?? null,
    totalPrice: r.total_price,
    currency: r.currency,
    financialStatus: r.financial_status,
    fulfillmentStatus: r.fulfillment_status,
    deliveryStatus: rec.order.deliveryStatus ?? 'none',
    platformTags: rec.order.tags ?? [],
    localTags: rec.localTags,
    platformUpdatedAt: r.platform_updated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const selectWithCustomer = `SELECT o.*, c.name AS customer_name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id`;

export function createOrdersRepo(db: Db) {
  const byPlatformId = db.prepare('SELECT * FROM orders WHERE connection_id = ? AND platform_order_id = ?');
  const byId = db.prepare('SELECT * FROM orders WHERE id = ?');
  const summaryById = db.prepare(`${selectWithCustomer} WHERE o.id = ?`);
  const byNumber = db.prepare(`SELECT * FROM orders WHERE number = ? OR number = ? ORDER BY created_at DESC LIMIT 1`);
  const upsert = db.prepare(`INSERT INTO orders (id, connection_id, platform, platform_order_id, number, customer_id, email,
      phone, financial_status, fulfillment_status, total_price, currency, local_tags, platform_updated_at,
      platform_updated_ms, data, created_at, updated_at)
    VALUES (@id, @connectionId, @platform, @platformOrderId, @number, @customerId, @email, @phone, @financialStatus,
      @fulfillmentStatus, @totalPrice, @currency, '[]', @platformUpdatedAt, @platformUpdatedMs, @data, @now, @now)
    ON CONFLICT (connection_id, platform_order_id) DO UPDATE SET number = excluded.number,
      customer_id = excluded.customer_id, email = excluded.email, phone = excluded.phone,
      financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status,
      total_price = excluded.total_price, currency = excluded.currency,
      platform_updated_at = excluded.platform_updated_at, platform_updated_ms = excluded.platform_updated_ms,
      data = excluded.data, updated_at = excluded.updated_at`);
  const setLocalTags = db.prepare('UPDATE orders SET local_tags = ?, updated_at = ? WHERE id = ?');
  const search = db.prepare(`${selectWithCustomer}
    WHERE @q IS NULL OR o.number LIKE @like OR o.platform_order_id = @q OR o.email LIKE @like OR o.phone LIKE @like
      OR o.platform = lower(@q) OR c.name LIKE @like
    ORDER BY o.created_at DESC, o.id DESC LIMIT @limit`);

  return {
    getByPlatformId(connectionId: string, platformOrderId: string): OrderRecord | undefined {
      const r = byPlatformId.get(connectionId, platformOrderId) as RawRow | undefined;
      return r && toRecord(r);
    },
    get(id: string): OrderRecord | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRecord(r);
    },
    /** By order number as the merchant writes it: "#1001" or "1001". */
    findByNumber(ref: string): OrderRecord | undefined {
      const bare = ref.replace(/^#/, '');
      const r = byNumber.get(bare, `#${bare}`) as RawRow | undefined;
      return r && toRecord(r);
    },
    summary(id: string): OrderSummaryRow | undefined {
      const r = summaryById.get(id) as RawRow | undefined;
      return r && toSummary(r);
    },
    /** Writes the order's state; returns the row's id (new or existing). */
    save(id: string, connectionId: string, order: Order, customerId: string | null, updatedMs: number, now: string): void {
      upsert.run({
        id,
        connectionId,
        platform: order.platform,
        platformOrderId: order.platformOrderId,
        number: order.number,
        customerId,
        email: order.customer?.email?.toLowerCase() ?? null,
        phone: order.customer?.phone ?? order.shippingAddress?.phone ?? null,
        financialStatus: order.financialStatus,
        fulfillmentStatus: order.fulfillmentStatus,
        totalPrice: order.totalPrice,
        currency: order.currency,
        platformUpdatedAt: order.updatedAt,
        platformUpdatedMs: updatedMs,
        data: JSON.stringify(order),
        now,
      });
    },
    setLocalTags(id: string, tags: string[], now: string): void {
      setLocalTags.run(JSON.stringify(tags), now, id);
    },
    search(query: string | undefined, limit: number): OrderSummaryRow[] {
      const q = query && query.length > 0 ? query : null;
      const rows = search.all({ q, like: q === null ? null : `%${q.replace(/^#/, '')}%`, limit }) as RawRow[];
      return rows.map(toSummary);
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
