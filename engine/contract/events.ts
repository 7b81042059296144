import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from './order.ts';
import { Platform } from './platform.ts';

/** Canonical event types: what flows trigger on, whatever platform sent it. */
export const CanonicalEventType = z.enum([
  'order.created',
  'order.updated',
  'order.paid',
  'order.cancelled',
  'order.fulfilled',
  'order.partially_fulfilled',
  /** The carrier delivered the parcel (a later fact than fulfilled: shipped). */
  'order.delivered',
  /** The carrier could not deliver (seed 002's "Hủy giao hàng"); never a fulfilment. */
  'order.delivery_failed',
  /** The parcel came back to the seller; nothing is restocked by itself. */
  'order.returned',
  'order.refunded',
  /** The payment failed (WooCommerce's `failed` status). */
  'order.payment_failed',
  'order.deleted',
  'marketplace.status_changed',
  'customer.created',
  'customer.updated',
]);
export type CanonicalEventType = z.infer<typeof CanonicalEventType>;

export const OrderStatusSnapshot = z.object({
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  deliveryStatus: DeliveryStatus.default('none'),
  platformStatus: z.string().nullish(),
  storeStatus: z.string().nullish(),
});
export type OrderStatusSnapshot = z.infer<typeof OrderStatusSnapshot>;

export const CanonicalEvent = z.object({
  type: CanonicalEventType,
  platform: Platform,
  connectionId: z.string(),
  /** When the platform says it happened (the order's updated_at for order events). */
  occurredAt: z.string(),
  order: Order,
  /** The status before this event, where Flowdesk knew it. */
  previous: OrderStatusSnapshot.nullable(),
});
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;
