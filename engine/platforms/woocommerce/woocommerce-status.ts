import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import { lookupStatus } from '../status-table.ts';

/**
 * What one WooCommerce status word means in the canonical model. Money is not a status on
 * WooCommerce: `date_paid` is (see `wooFinancial`), so a mapping names a financial status only
 * where the status itself says something about the money (failed, refunded, cancelled).
 */
export const WooStatusMapping = z.object({
  /**
   * Absent, "paid" or "pending": `date_paid` decides. Settings saved before had to name one for
   * every status, so those two words there are placeholders, not a claim that money arrived.
   */
  financialStatus: FinancialStatus.optional(),
  fulfillmentStatus: FulfillmentStatus,
  /** Absent (settings saved before delivery was tracked): the built-in entry's, else `none`. */
  deliveryStatus: DeliveryStatus.optional(),
  /** Entering this status is a cancellation (sets cancelledAt, so order.cancelled fires). */
  cancelled: z.boolean().default(false),
});
export type WooStatusMapping = z.infer<typeof WooStatusMapping>;

/** A status's meaning once settings and built-ins are merged. */
export interface WooStatusMeaning {
  financialStatus: FinancialStatus | undefined;
  fulfillmentStatus: FulfillmentStatus;
  deliveryStatus: DeliveryStatus;
  cancelled: boolean;
}

const unfulfilled = { fulfillmentStatus: 'unfulfilled', cancelled: false } as const;

/**
 * `plugins/woocommerce/src/Enums/OrderStatus.php` (reference §4.5). WooCommerce core has no
 * shipping state: `completed` is "fulfilled and complete". Shipment-tracking plugins add their
 * own words; the four below are the common slugs (Advanced Shipment Tracking's "shipped",
 * "partial-shipped", "delivered"; "failed-delivery"), assumed, and editable like the rest.
 */
export const defaultWooStatusMap: Record<string, WooStatusMapping> = {
  pending: { ...unfulfilled },
  'on-hold': { ...unfulfilled },
  'checkout-draft': { ...unfulfilled },
  processing: { ...unfulfilled },
  'ready-for-pickup': { ...unfulfilled },
  completed: { fulfillmentStatus: 'fulfilled', cancelled: false },
  cancelled: { financialStatus: 'voided', fulfillmentStatus: 'unfulfilled', cancelled: true },
  refunded: { financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', cancelled: false },
  failed: { financialStatus: 'failed', fulfillmentStatus: 'unfulfilled', cancelled: false },
  shipped: { fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cancelled: false },
  'partial-shipped': { fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', cancelled: false },
  delivered: { fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cancelled: false },
  'failed-delivery': { fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cancelled: false },
};

export const wooSettings = z.object({
  /** WooCommerce status → canonical statuses; entries here override the defaults above. */
  statusMap: z.record(z.string(), WooStatusMapping).default({}),
  /** The `woocommerce_webhook_hash_algorithm` filter can change the HMAC's hash; sha256 unless a plugin changed it. */
  hashAlgorithm: z.enum(['sha256', 'sha384', 'sha512', 'sha1']).default('sha256'),
});
export type WooSettings = z.infer<typeof wooSettings>;

export function wooStatus(status: string, settings: WooSettings): WooStatusMeaning | undefined {
  const entry = lookupStatus(settings.statusMap, defaultWooStatusMap, status);
  return entry && { financialStatus: entry.financialStatus, fulfillmentStatus: entry.fulfillmentStatus, deliveryStatus: entry.deliveryStatus, cancelled: entry.cancelled };
}

/**
 * Paid when WooCommerce recorded the payment (`date_paid`), never from the status word: a COD
 * order sits in `processing` unpaid, and core stamps `date_paid` on it only when it reaches
 * `completed` (`WC_Gateway_COD::change_payment_complete_order_status`), i.e. after delivery.
 * A status that speaks of the money itself (failed, refunded, cancelled) wins over the date.
 */
export function wooFinancial(meaning: WooStatusMeaning | undefined, paid: boolean, refunds: number): FinancialStatus {
  const said = meaning?.financialStatus;
  if (said !== undefined && said !== 'paid' && said !== 'pending') return said;
  if (!paid) return meaning ? 'pending' : 'unknown';
  // Partial refunds keep the order's status and add to `refunds[]`.
  return refunds > 0 ? 'partially_refunded' : 'paid';
}
