import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from './order.ts';
import { Platform } from './platform.ts';
import { FoStep, FulfillmentOrder } from './fulfillment.ts';

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
  /**
   * Tags new to an order (case-insensitive): from its platform (a delivery whose tags gained
   * some) or from a flow's action. The event's `tags` are the new ones.
   */
  'order.tag_added',
  /** Tags new to a customer, added by a flow's action. The event's `tags` are the new ones. */
  'customer.tag_added',
  /** Someone ran a flow by hand on an order (the order page, or a batch over a filtered list). */
  'manual.run',
  /** A flow's schedule came due. No order: the run starts from the time alone. */
  'schedule.fired',
  /** A flow enrolled the order's customer in a sequence (`sequence`: its name): the sequence's flows start. */
  'customer.sequence_enrolled',
  /** A flow's "Start another flow" step started this one on its order (`cause` says which run). */
  'flow.started',
  /**
   * A fulfillment order's step (issue 14, Shopify's `fulfillment_orders/*` and `fulfillments/*`
   * webhooks): `event.fulfillment` holds the FO, the step and the service's message.
   */
  'fulfillment.routed',
  'fulfillment.request_submitted',
  'fulfillment.request_accepted',
  'fulfillment.request_rejected',
  'fulfillment.cancellation_requested',
  'fulfillment.cancellation_accepted',
  'fulfillment.cancellation_rejected',
  'fulfillment.failed_to_complete',
  'fulfillment.cancelled',
  'fulfillment.moved',
  'fulfillment.on_hold',
  'fulfillment.hold_released',
  'fulfillment.rescheduled',
  'fulfillment.opened',
  /** A shipment was created (by the merchant or the service), with its tracking number when given. */
  'fulfillment.created',
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

/**
 * Set on an event a flow's own action caused (a tag it added). Events a platform or a person
 * caused have none. `depth` counts the flow runs in the chain: 1 for an event caused by a run
 * that a delivery started, 2 for one caused by a run that depth-1 event started, and so on.
 */
export const EventCause = z.object({ flowId: z.string(), runId: z.string(), depth: z.number().int().min(1) });
export type EventCause = z.infer<typeof EventCause>;

/**
 * An event a flow's action caused starts runs no deeper than this in a chain of flows started
 * by each other's actions (domain/flow-runs.ts states the whole rule).
 */
export const MAX_EVENT_CAUSE_DEPTH = 3;

export const CanonicalEvent = z.object({
  type: CanonicalEventType,
  platform: Platform,
  connectionId: z.string(),
  /** When the platform says it happened (the order's updated_at for order events). */
  occurredAt: z.string(),
  order: Order,
  /** The status before this event, where Flowdesk knew it. */
  previous: OrderStatusSnapshot.nullable(),
  /** `order.tag_added` / `customer.tag_added`: the tags that were new (templates read `event.tags`). */
  tags: z.array(z.string()).optional(),
  /** Set when a flow's action caused the event. */
  cause: EventCause.optional(),
  /** `manual.run`: the batch this run belongs to (one order or a filtered list of them). */
  batchId: z.string().optional(),
  /** `customer.sequence_enrolled`: the sequence's name, as the enrolling step gave it. */
  sequence: z.string().optional(),
  /** `flow.started`: the name of the flow whose step started this run. */
  startedBy: z.string().optional(),
  /** `fulfillment.*`: the FO as it is after the step, the step, and the service's or merchant's words. */
  fulfillment: z
    .object({
      step: FoStep,
      fulfillmentOrder: FulfillmentOrder,
      message: z.string().nullable(),
      trackingNumber: z.string().nullish(),
      carrier: z.string().nullish(),
      trackingUrl: z.string().nullish(),
    })
    .optional(),
});
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;

/**
 * A schedule's firing, as stored and as its run's trigger data (`event.*`). `late` when it was
 * taken up after its time had passed (the app was closed): `missed` says how many firings fell
 * in the gap; they are not made up one by one (see processing/schedules.ts).
 */
export const ScheduleFiredEvent = z.object({
  type: z.literal('schedule.fired'),
  occurredAt: z.string(),
  /** The time it was planned for. */
  scheduledFor: z.string(),
  late: z.boolean(),
  missed: z.number().int().min(0),
  timeZone: z.string(),
});
export type ScheduleFiredEvent = z.infer<typeof ScheduleFiredEvent>;
