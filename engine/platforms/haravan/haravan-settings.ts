import { z } from 'zod';
import { DeliveryStatus } from '../../contract/index.ts';

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
  /**
   * A shipment's `carrier_status_code` → where the parcel is (the canonical delivery status).
   * The codes come from the docs' examples and the shipment's lifecycle dates (reference §2.5,
   * Errata 2); Haravan publishes no full list, so a store whose carrier sends others adds them
   * here. A code not listed is read from the shipment's dates (delivered_date, return_date…).
   * "cancel" is Haravan's "Hủy giao hàng": the delivery failed (seed 002), not a fulfilment.
   */
  carrierStatuses: z.record(z.string(), DeliveryStatus).default({
    pending: 'in_transit',
    readytopick: 'in_transit',
    picking: 'in_transit',
    delivering: 'in_transit',
    notmeetcustomer: 'in_transit',
    delivered: 'delivered',
    waitingforreturn: 'delivery_failed',
    cancel: 'delivery_failed',
    return: 'returned',
  }),
});
export type HaravanSettings = z.infer<typeof HaravanSettings>;
