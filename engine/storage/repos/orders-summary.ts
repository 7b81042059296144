import type { OrderSummaryDto, Platform } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

/** An order's summary as stored: the platform's and Flowdesk's tags apart (domain/orders merges them). */
export type OrderSummaryRow = Omit<OrderSummaryDto, 'tags'> & { platformTags: string[] };

/**
 * The columns of a summary, from the list's own columns and three small reads of the order's
 * JSON done by SQLite: a page of the list never parses a whole order (a few KB each) in JS.
 */
export const summarySelect = `SELECT o.id, o.connection_id, o.platform, o.platform_order_id, o.number, o.customer_id, o.email,
  o.phone, o.financial_status, o.fulfillment_status, o.delivery_status, o.store_status, o.total_price, o.currency,
  o.local_tags, o.platform_tags, o.platform_updated_at, o.placed_ms, o.created_at, o.updated_at,
  json_extract(o.data, '$.createdAt') AS placed_at, json_extract(o.data, '$.cancelledAt') AS cancelled_at,
  COALESCE(c.name, json_extract(o.data, '$.customer.name')) AS customer_name, k.name AS connection_name
  FROM orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN connections k ON k.id = o.connection_id`;

/** The orders table's own columns, as every read of it sees them. */
export interface OrderColumns {
  id: string;
  connection_id: string;
  platform: Platform;
  platform_order_id: string;
  number: string;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  financial_status: OrderSummaryDto['financialStatus'];
  fulfillment_status: OrderSummaryDto['fulfillmentStatus'];
  total_price: string;
  currency: string;
  local_tags: string;
  platform_updated_at: string;
  created_at: string;
  updated_at: string;
}

/** A summary's row: the table's columns, the list's own, and what SQLite read from the JSON and the joins. */
export interface SummaryRaw extends OrderColumns {
  delivery_status: OrderSummaryDto['deliveryStatus'];
  store_status: string | null;
  platform_tags: string;
  placed_ms: number;
  placed_at: string | null;
  cancelled_at: string | null;
  customer_name: string | null;
  connection_name: string | null;
}

export function toSummary(r: SummaryRaw): OrderSummaryRow {
  return {
    id: r.id,
    connectionId: r.connection_id,
    platform: r.platform,
    platformOrderId: r.platform_order_id,
    number: r.number,
    email: r.email,
    phone: r.phone,
    customerId: r.customer_id,
    customerName: r.customer_name,
    totalPrice: r.total_price,
    currency: r.currency,
    financialStatus: r.financial_status,
    fulfillmentStatus: r.fulfillment_status,
    deliveryStatus: r.delivery_status,
    storeStatus: r.store_status,
    cancelledAt: r.cancelled_at,
    connectionName: r.connection_name,
    placedAt: r.placed_at ?? new Date(r.placed_ms).toISOString(),
    platformTags: parseStored<string[]>(r.platform_tags, []),
    localTags: parseStored<string[]>(r.local_tags, []),
    platformUpdatedAt: r.platform_updated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
