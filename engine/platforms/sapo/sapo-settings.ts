import { z } from 'zod';
import { FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';

/** What a Sapo GO `status` word means for the canonical order (settings below). */
export const GoStatusMeaning = z.enum(['open', 'paid', 'fulfilled', 'completed', 'cancelled']);
export type GoStatusMeaning = z.infer<typeof GoStatusMeaning>;

/**
 * Per-connection Sapo settings, editable by the merchant; `SapoSettings.parse({})` works.
 * The Sapo GO maps are the assumptions of reference §3.2 (its status list is [UNVERIFIED]):
 * a store whose Sapo sends other words edits them here instead of waiting for a release.
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
  /** Sapo GO order `status` → what it means. A word not listed means "open". */
  goStatuses: z.record(z.string(), GoStatusMeaning).default({
    draft: 'open',
    finalized: 'open',
    paid: 'paid',
    fulfilled: 'fulfilled',
    received: 'fulfilled',
    completed: 'completed',
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
});
export type SapoSettings = z.infer<typeof SapoSettings>;
