import type { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';

/**
 * Lazada statuses are per item (reference §5.5). How far along each one is, so an order whose
 * items differ takes the status of its least advanced live item ("shipped" until every item is
 * "delivered"). Note the spelling `canceled`.
 */
const progress: Record<string, number> = {
  unpaid: 0,
  pending: 1,
  packed: 2,
  repacked: 2,
  topack: 2,
  ready_to_ship_pending: 3,
  ready_to_ship: 4,
  toship: 4,
  shipping: 5,
  shipped: 5,
  failed: 6,
  failed_delivery: 6,
  lost: 6,
  lost_by_3pl: 6,
  damaged_by_3pl: 6,
  returned: 7,
  shipped_back: 7,
  shipped_back_success: 7,
  shipped_back_failed: 7,
  package_scrapped: 7,
  delivered: 8,
  confirmed: 8,
};
/** A status Lazada adds later sits between "ready to ship" and "shipped" until it is known. */
const UNKNOWN_PROGRESS = 4.5;
const rank = (s: string) => progress[s.toLowerCase()] ?? UNKNOWN_PROGRESS;

export function isCanceled(status: string): boolean {
  const s = status.toLowerCase();
  return s === 'canceled' || s === 'cancelled';
}

/** The order-level status of a set of item statuses: all canceled → canceled; else the least advanced live one. */
export function orderStatusOf(itemStatuses: readonly string[]): string | null {
  if (itemStatuses.length === 0) return null;
  const live = itemStatuses.filter((s) => !isCanceled(s));
  if (live.length === 0) return itemStatuses[0]!;
  return live.reduce((least, s) => (rank(s) < rank(least) ? s : least));
}

/**
 * What one item's status says about its parcel (the table of issue #10). A failed delivery and a
 * return are not shipments: the item is back to unfulfilled (seed 002's "Hủy giao hàng" for
 * "Delivered failed"), and a return restocks nothing by itself.
 */
const deliveryByStatus: Record<string, DeliveryStatus> = {
  shipping: 'in_transit',
  shipped: 'in_transit',
  delivered: 'delivered',
  confirmed: 'delivered',
  failed: 'delivery_failed',
  failed_delivery: 'delivery_failed',
  lost: 'delivery_failed',
  lost_by_3pl: 'delivery_failed',
  damaged_by_3pl: 'delivery_failed',
  returned: 'returned',
  shipped_back: 'returned',
  shipped_back_success: 'returned',
  shipped_back_failed: 'returned',
  package_scrapped: 'returned',
};
const notShipped = new Set(['unpaid', 'pending', 'packed', 'repacked', 'topack', 'ready_to_ship_pending', 'ready_to_ship', 'toship']);

export function deliveryOf(status: string): DeliveryStatus {
  return deliveryByStatus[status.toLowerCase()] ?? 'none';
}

/** Handed over for shipping and not come back: in transit or delivered. */
function shipped(status: string): boolean {
  const d = deliveryOf(status);
  return d === 'in_transit' || d === 'delivered';
}

/**
 * Fulfilled when every live (not canceled) item has shipped, partial when some have. Unknown
 * when a live item is in a status this table does not know, and none has shipped.
 */
export function fulfillmentOf(itemStatuses: readonly string[]): FulfillmentStatus {
  const live = itemStatuses.filter((s) => !isCanceled(s));
  if (live.length === 0) return 'unfulfilled';
  const sent = live.filter(shipped).length;
  if (sent === live.length) return 'fulfilled';
  if (sent > 0) return 'partial';
  const known = live.every((s) => notShipped.has(s.toLowerCase()) || deliveryOf(s) !== 'none');
  return known ? 'unfulfilled' : 'unknown';
}

/**
 * The order's delivery: that of its least advanced live item that has left the seller. Delivered
 * only when every live item is, so an order whose second parcel ships later reads in transit
 * until then (and `order.delivered` fires once, when the last parcel arrives).
 */
export function orderDeliveryOf(itemStatuses: readonly string[]): DeliveryStatus {
  const live = itemStatuses.filter((s) => !isCanceled(s));
  const left = live.filter((s) => deliveryOf(s) !== 'none');
  if (left.length === 0) return 'none';
  const least = deliveryOf(orderStatusOf(left)!);
  return least === 'delivered' && left.length < live.length ? 'in_transit' : least;
}

/**
 * Lazada collects prepaid orders before `pending`; a COD order is paid when Lazada says it was
 * delivered (the carrier collected), and not before: shipped or failed, it is still unpaid. A
 * canceled order was refunded if Flowdesk had seen it paid, else voided; goods back to the seller
 * mean a refund of a prepaid order and no money at all for COD.
 */
export function financialOf(status: string, cod: boolean, before: FinancialStatus | null): FinancialStatus {
  const s = status.toLowerCase();
  if (s === 'unpaid') return 'pending';
  if (isCanceled(s)) return before === 'paid' || before === 'partially_refunded' || before === 'refunded' ? 'refunded' : 'voided';
  if (deliveryOf(s) === 'returned') return cod ? 'voided' : 'refunded';
  if (deliveryOf(s) === 'delivered') return 'paid';
  return cod ? 'pending' : 'paid';
}
