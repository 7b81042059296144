import { z } from 'zod';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';

/** What one WooCommerce status word means in the canonical model. */
export const WooStatusMapping = z.object({
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  /** Entering this status is a cancellation (fires order.cancelled). */
  cancelled: z.boolean().default(false),
});
export type WooStatusMapping = z.infer<typeof WooStatusMapping>;

/**
 * `plugins/woocommerce/src/Enums/OrderStatus.php` (reference §4.5). Plugins add their own
 * statuses ("shipped", "delivered"…): the merchant maps them in the connection's settings.
 */
export const defaultWooStatusMap: Record<string, WooStatusMapping> = {
  pending: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', cancelled: false },
  'on-hold': { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', cancelled: false },
  'checkout-draft': { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', cancelled: false },
  processing: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', cancelled: false },
  'ready-for-pickup': { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', cancelled: false },
  completed: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', cancelled: false },
  cancelled: { financialStatus: 'voided', fulfillmentStatus: 'unfulfilled', cancelled: true },
  refunded: { financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', cancelled: false },
  failed: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', cancelled: false },
  trash: { financialStatus: 'unknown', fulfillmentStatus: 'unknown', cancelled: false },
};

export const wooSettings = z.object({
  /** WooCommerce status → canonical statuses; entries here override the defaults above. */
  statusMap: z.record(z.string(), WooStatusMapping).default({}),
  /** The `woocommerce_webhook_hash_algorithm` filter can change the HMAC's hash; sha256 unless a plugin changed it. */
  hashAlgorithm: z.enum(['sha256', 'sha384', 'sha512', 'sha1']).default('sha256'),
});
export type WooSettings = z.infer<typeof wooSettings>;

export function wooStatus(status: string, settings: WooSettings): WooStatusMapping | undefined {
  return settings.statusMap[status] ?? defaultWooStatusMap[status];
}

const paidLike = new Set(['paid', 'partially_refunded', 'refunded']);

/**
 * The canonical events a state change stands for. WooCommerce has no paid, cancelled or
 * fulfilled topics (reference §4.3): they are read from the difference with what Flowdesk
 * stored last. `before` null means "nothing before": the order is new.
 */
export function transitionEvents(before: Order | null, after: Order, cancelled: (o: Order) => boolean): CanonicalEventType[] {
  const out: CanonicalEventType[] = [];
  if (after.financialStatus === 'paid' && !(before && paidLike.has(before.financialStatus))) out.push('order.paid');
  if (after.fulfillmentStatus === 'fulfilled' && before?.fulfillmentStatus !== 'fulfilled') out.push('order.fulfilled');
  if (cancelled(after) && !(before && cancelled(before))) out.push('order.cancelled');
  const refund = after.financialStatus === 'refunded' || after.financialStatus === 'partially_refunded';
  if (refund && before?.financialStatus !== after.financialStatus) out.push('order.refunded');
  if (after.platformStatus === 'failed' && before?.platformStatus !== 'failed') out.push('order.payment_failed');
  return out;
}
