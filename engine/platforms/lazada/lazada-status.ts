import type { FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';

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

export function isCanceled(status: string): boolean {
  const s = status.toLowerCase();
  return s === 'canceled' || s === 'cancelled';
}

/** The order-level status of a set of item statuses: all canceled → canceled; else the least advanced live one. */
export function orderStatusOf(itemStatuses: readonly string[]): string | null {
  if (itemStatuses.length === 0) return null;
  const live = itemStatuses.filter((s) => !isCanceled(s));
  if (live.length === 0) return itemStatuses[0]!;
  const rank = (s: string) => progress[s.toLowerCase()] ?? UNKNOWN_PROGRESS;
  return live.reduce((least, s) => (rank(s) < rank(least) ? s : least));
}

const shippedFamily = new Set([
  'shipping', 'shipped', 'delivered', 'confirmed', 'failed', 'failed_delivery', 'lost', 'lost_by_3pl', 'damaged_by_3pl',
  'returned', 'shipped_back', 'shipped_back_success', 'shipped_back_failed', 'package_scrapped',
]);
const notShippedFamily = new Set(['unpaid', 'pending', 'packed', 'repacked', 'topack', 'ready_to_ship_pending', 'ready_to_ship', 'toship']);
const backToSeller = new Set(['returned', 'shipped_back', 'shipped_back_success', 'shipped_back_failed', 'package_scrapped']);

export function fulfillmentOf(status: string): FulfillmentStatus {
  const s = status.toLowerCase();
  if (isCanceled(s) || notShippedFamily.has(s)) return 'unfulfilled';
  // Returns are not restocked automatically (seed 002): what shipped stays shipped.
  if (shippedFamily.has(s)) return 'fulfilled';
  return 'unknown';
}

export function isCashOnDelivery(paymentMethod: string | null | undefined): boolean {
  return /\bcod\b|cash.?on.?delivery/i.test(paymentMethod ?? '');
}

/**
 * Lazada collects prepaid orders before `pending`; COD is paid on delivery. A canceled order was
 * refunded if Flowdesk had seen it paid, else voided; goods back to the seller mean a refund of
 * a prepaid order and no money at all for COD.
 */
export function financialOf(status: string, cod: boolean, before: FinancialStatus | null): FinancialStatus {
  const s = status.toLowerCase();
  if (s === 'unpaid') return 'pending';
  if (isCanceled(s)) return before === 'paid' || before === 'partially_refunded' || before === 'refunded' ? 'refunded' : 'voided';
  if (backToSeller.has(s)) return cod ? 'voided' : 'refunded';
  if (s === 'delivered' || s === 'confirmed') return 'paid';
  return cod ? 'pending' : 'paid';
}
