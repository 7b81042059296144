import { z } from 'zod';
import { OrderReturns } from '../order.ts';
import { method } from './method.ts';

/** Where stock is counted when nothing else is said: one location per connection ("default"). */
export const DEFAULT_LOCATION = 'default';

const Sku = z.string().trim().min(1).max(255);
const Location = z.string().trim().min(1).max(100).default(DEFAULT_LOCATION);

/** One of the order's SKUs: how many the order has, how many the merchant recorded as returned, and the stock now. */
export const MarketplaceLine = z.object({
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  /** Recorded as returned (restocked) by the merchant so far. */
  returnedRecorded: z.number().int(),
  /** What can still be recorded as returned: the quantity less returns recorded and what the cancellation put back. */
  returnable: z.number().int(),
  /** On hand at the order's location. */
  onHand: z.number().int(),
});
export type MarketplaceLine = z.infer<typeof MarketplaceLine>;

/** A marketplace order as the order page's marketplace card shows it (seed 002). */
export const MarketplaceOrderDto = z.object({
  orderId: z.string(),
  /** False for an order from a store platform: the card is not shown. */
  marketplace: z.boolean(),
  salesChannel: z.string().nullable(),
  storeStatus: z.string().nullable(),
  platformStatus: z.string().nullable(),
  processAtStore: z.boolean(),
  returns: OrderReturns.nullable(),
  currency: z.string(),
  location: z.string(),
  /** Whether the order's stock was taken (placed), and put back on its cancellation. */
  stockTaken: z.boolean(),
  restockedOnCancel: z.boolean(),
  /** The order's lines by SKU (lines without a SKU are not counted). */
  lines: z.array(MarketplaceLine),
});
export type MarketplaceOrderDto = z.infer<typeof MarketplaceOrderDto>;

export const InventoryLevel = z.object({ connectionId: z.string(), sku: z.string(), location: z.string(), onHand: z.number().int() });
export type InventoryLevel = z.infer<typeof InventoryLevel>;

export const marketplaceApi = {
  'marketplace.get': method(z.object({ orderId: z.string().min(1) }), MarketplaceOrderDto),
  /**
   * "Process at the store": while on, a cancellation restocks nothing and the order's status is
   * not synced back to the marketplace (its write-backs are refused, naming the option).
   */
  'marketplace.setProcessAtStore': method(z.object({ orderId: z.string().min(1), on: z.boolean() }), MarketplaceOrderDto),
  /**
   * The merchant records a return: each SKU's quantity is put back in stock, once per call, with
   * a timeline entry. Refused (nothing restocked) past what the order has and was not yet recorded.
   */
  'marketplace.recordReturn': method(
    z.object({ orderId: z.string().min(1), lines: z.array(z.object({ sku: Sku, quantity: z.number().int().min(1) })).min(1) }),
    MarketplaceOrderDto,
  ),
  /** Sets a SKU's stock on hand at a location (a count, a delivery from a supplier). */
  'inventory.set': method(z.object({ connectionId: z.string().min(1), sku: Sku, location: Location, onHand: z.number().int() }), InventoryLevel),
  'inventory.list': method(z.object({ connectionId: z.string().min(1) }), z.array(InventoryLevel)),
};
