import { z } from 'zod';

/**
 * Per-connection Haravan settings, editable by the merchant. Defaults fill in whatever is left
 * out, so `HaravanSettings.parse({})` is a working connection.
 */
export const HaravanSettings = z.object({
  /** `source_name` → the sales channel shown on the order ("web" → "Online Store"); others are kept as sent. */
  salesChannels: z.record(z.string(), z.string()).default({
    web: 'Online Store',
    pos: 'POS',
    haravan_draft_order: 'Draft Orders',
    facebook: 'Facebook',
    zalo: 'Zalo',
    lazada: 'Lazada',
    shopee: 'Shopee',
    tiki: 'Tiki',
    sendo: 'Sendo',
  }),
  /**
   * The latest shipment's `carrier_status_code` → the store status (seed 002's delivery words).
   * A code not listed is shown with Haravan's own label (`carrier_status_name`).
   */
  deliveryStatuses: z.record(z.string(), z.string()).default({
    pending: 'Not shipped',
    readytopick: 'Awaiting shipment',
    picking: 'Awaiting shipment',
    delivering: 'Shipping',
    notmeetcustomer: 'Shipping',
    delivered: 'Delivered',
    waitingforreturn: 'Returning',
    return: 'Returned',
    cancel: 'Delivery cancelled',
  }),
  /** The store status of an order with no shipment yet. */
  notShipped: z.string().default('Not shipped'),
});
export type HaravanSettings = z.infer<typeof HaravanSettings>;
