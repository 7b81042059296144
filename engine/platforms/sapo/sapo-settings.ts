import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import { shopifyShipmentStatuses } from '../shopify/shopify-delivery.ts';

/** What a Sapo GO `status` word means for the canonical order (settings below). */
export const GoStatusMeaning = z.enum(['open', 'paid', 'fulfilled', 'delivered', 'completed', 'cancelled']);
export type GoStatusMeaning = z.infer<typeof GoStatusMeaning>;

/**
 * Per-connection Sapo settings, editable by the merchant; `SapoSettings.parse({})` works, and
 * settings saved before a table existed parse with its defaults.
 * The Sapo GO maps are the assumptions of reference §3.2 (its status list is [UNVERIFIED]) and
 * of Sapo GO's order API as integrations document it (`status`, `payment_status`,
 * `fulfillment_status`, `received_status`, `return_status`, and each shipment's
 * `composite_fulfillment_status`): a store whose Sapo sends other words edits them here instead
 * of waiting for a release.
 */
export const SapoSettings = z.object({
  /** Which Sapo sends to this connection; "auto" reads it from the headers (host in the shop/tenant domain). */
  dialect: z.enum(['auto', 'web', 'go']).default('auto'),
  /** Sapo GO orders carry no currency field. */
  currency: z.string().default('VND'),
  /** `source_name` (Sapo Web) or `channel` (Sapo GO) → the sales channel shown; others are kept as sent. */
  salesChannels: z.record(z.string(), z.string()).default({
    web: 'Online Store',
    pos: 'POS',
    facebook: 'Facebook',
    zalo: 'Zalo',
    shopee: 'Shopee',
    lazada: 'Lazada',
    tiki: 'Tiki',
    tiktokshop: 'TikTok Shop',
  }),
  /**
   * Sapo Web shipments' `shipment_status` → where the parcel is. Sapo Web copies Shopify's
   * Fulfillment [COMMUNITY], so Shopify's words are the default; an untracked shipment is in transit.
   */
  webShipmentStatuses: z.record(z.string(), DeliveryStatus).default({ ...shopifyShipmentStatuses }),
  /**
   * Sapo GO order `status` → what it means. A word not listed means "open". "completed" and
   * "finished" are the end of the order: delivered (and paid, when the order gives no
   * `payment_status`); they never override a failed or returned delivery.
   */
  goStatuses: z.record(z.string(), GoStatusMeaning).default({
    draft: 'open',
    finalized: 'open',
    paid: 'paid',
    fulfilled: 'fulfilled',
    received: 'delivered',
    completed: 'completed',
    finished: 'completed',
    cancelled: 'cancelled',
  }),
  /** Sapo GO `payment_status` → the canonical financial status. */
  goPaymentStatuses: z.record(z.string(), FinancialStatus).default({
    unpaid: 'pending',
    partial_paid: 'partially_paid',
    paid: 'paid',
    partial_refunded: 'partially_refunded',
    refunded: 'refunded',
  }),
  /** Sapo GO `fulfillment_status` → the canonical fulfillment status. */
  goFulfillmentStatuses: z.record(z.string(), FulfillmentStatus).default({
    unshipped: 'unfulfilled',
    partial: 'partial',
    shipped: 'fulfilled',
    received: 'fulfilled',
  }),
  /**
   * Sapo GO delivery words → where the parcel is. One table for the words of each shipment's
   * `composite_fulfillment_status` (packed, fulfilled = handed to the carrier, retry_delivery,
   * received, fulfilled_cancelling = "Hủy giao - chờ nhận", fulfilled_cancelled = "Hủy giao - đã
   * nhận") and of the order's `received_status`, `return_status` and `fulfillment_status`; a word
   * means the same wherever it appears. A word not listed says nothing about delivery.
   */
  goDeliveryStatuses: z.record(z.string(), DeliveryStatus).default({
    unshipped: 'none',
    packed: 'none',
    shipped: 'in_transit',
    partial: 'in_transit',
    fulfilled: 'in_transit',
    retry_delivery: 'in_transit',
    received: 'delivered',
    fulfilled_cancelling: 'delivery_failed',
    fulfilled_cancelled: 'returned',
    returned: 'returned',
  }),
});
export type SapoSettings = z.infer<typeof SapoSettings>;
