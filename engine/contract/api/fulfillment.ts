import { z } from 'zod';
import { FoAction, FoActionKind, FoMoveLocation, FoRefusal, FoRequestStatus, FulfillmentOrder } from '../fulfillment.ts';
import { OrderShipment } from '../order.ts';
import { Platform } from '../platform.ts';
import { WriteAction, WriteRequest } from '../store-api.ts';
import { method } from './method.ts';

/** Whether an action can be taken now, and why not (the panel's disabled button says it as a tooltip). */
export const ActionAllowed = z.object({
  allowed: z.boolean(),
  reason: z.string().nullable(),
  /** The state machine's refusal by code, for the panel to say it in the user's language (null for other reasons). */
  refusal: FoRefusal.nullish(),
});
export type ActionAllowed = z.infer<typeof ActionAllowed>;

/** Why an order-level action (mark fulfilled, ready to ship, cancel) cannot be taken now, by code, for the panel to say in the user's language. */
export const OrderActionRefusal = z.object({
  code: z.enum(['platform_cannot', 'write_back_off', 'order_cancelled', 'all_shipped', 'parcel_left', 'processed_at_store']),
  args: z.record(z.string(), z.string()).default({}),
});
export type OrderActionRefusal = z.infer<typeof OrderActionRefusal>;

/** One fulfillment order as the order page's panel shows it: its state in the product's words, and what the merchant may do now. */
export const FoView = z.object({
  connectionId: z.string(),
  fo: FulfillmentOrder,
  /** Seed 003's words: "Unfulfilled", "In progress — Requested"… (domain/fulfillment-orders.ts foDisplay). */
  display: z.object({
    state: z.enum(['unfulfilled', 'in_progress', 'on_hold', 'scheduled', 'fulfilled', 'cancelled', 'incomplete']),
    detail: FoRequestStatus.nullable(),
  }),
  /** Every merchant action (contract/fulfillment.ts merchantFoActions), allowed or refused with the state machine's reason. */
  actions: z.record(FoActionKind, ActionAllowed),
  updatedAt: z.string(),
});
export type FoView = z.infer<typeof FoView>;

/**
 * An order's fulfilment as the order page's panel shows it. `model` says how the platform ships:
 * Shopify by fulfillment orders; Haravan, Sapo Web (and the others that can) by fulfilling the
 * order with a tracking number; Lazada by its marketplace actions (ready to ship, cancel); none
 * when the platform has no API for it.
 */
export const OrderFulfillmentDto = z.object({
  orderId: z.string(),
  platform: Platform,
  model: z.enum(['fulfillment_orders', 'order', 'marketplace', 'none']),
  /** Whether the order's connection lets Flowdesk act on the store (API access → write-back). */
  writeBack: z.boolean(),
  fulfillmentOrders: z.array(FoView),
  /** Order-level actions (`order` and `marketplace` models): allowed now, or why not. */
  orderActions: z.array(z.object({ action: WriteAction, allowed: z.boolean(), reason: z.string().nullable(), refusal: OrderActionRefusal.nullish() })),
  /** The parcels with their tracking numbers. */
  shipments: z.array(OrderShipment),
  /** What the panel should say above it all (API access off, FOs not read yet, the platform has no API). */
  note: z.string().nullable(),
  /** Shopify: how much of the order has shipped by its FOs (fulfilled only when every item has, seed 003); null for the other models. */
  shipped: z.enum(['unfulfilled', 'partial', 'fulfilled']).nullable().default(null),
});
export type OrderFulfillmentDto = z.infer<typeof OrderFulfillmentDto>;

export const fulfillmentApi = {
  /** The order's fulfilment; `refresh` reads the FOs from the platform again first (needs API access). */
  'fulfillment.get': method(z.object({ orderId: z.string().min(1), refresh: z.boolean().default(false) }), OrderFulfillmentDto),
  /**
   * The merchant acts on one FO (the order page). Checked against the state machine first: a
   * refused action changes nothing and fails with code `refused` and the reason naming the
   * state and the action. Then sent to the platform through the outbox (never twice), the FO
   * updated from its answer, and the step put on the order's timeline.
   */
  'fulfillment.act': method(
    z.object({ orderId: z.string().min(1), foId: z.string().min(1), action: FoAction }),
    z.object({ fulfillment: OrderFulfillmentDto, warning: z.string().nullable() }),
  ),
  /** Where one FO can be moved (the order page's move form): the platform's list, each place movable or not with its reason. */
  'fulfillment.locations': method(z.object({ orderId: z.string().min(1), foId: z.string().min(1) }), z.object({ locations: z.array(FoMoveLocation) })),
  /** An order-level action (`order.fulfil` on Haravan/Sapo Web, Lazada's ready to ship and cancel), through the same outbox. */
  'fulfillment.orderAct': method(z.object({ orderId: z.string().min(1), request: WriteRequest }), z.object({ fulfillment: OrderFulfillmentDto, answer: z.string().nullable() })),
};
