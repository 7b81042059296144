import { z } from 'zod';

/**
 * Fulfillment orders (issue 14, seed 003, reference/platform-webhooks.md §1.8): the part of an
 * order shipped from one location, by the merchant or by a fulfillment service (3PL). The
 * schemas here are the one definition of the model; domain/fulfillment-orders.ts is its state
 * machine.
 */
export const FoStatus = z.enum(['open', 'in_progress', 'scheduled', 'on_hold', 'incomplete', 'closed', 'cancelled']);
export type FoStatus = z.infer<typeof FoStatus>;

export const FoRequestStatus = z.enum([
  'unsubmitted',
  'submitted',
  'accepted',
  'rejected',
  'cancellation_requested',
  'cancellation_accepted',
  'cancellation_rejected',
  'closed',
]);
export type FoRequestStatus = z.infer<typeof FoRequestStatus>;

export const FoLine = z.object({
  id: z.string(),
  quantity: z.number().int().min(0),
  /** Shipped by fulfillments that stand (a reverted one gives its quantities back). */
  fulfilled: z.number().int().min(0),
  /** What the merchant reads: the order line's title and SKU, when known. */
  title: z.string().nullish(),
  sku: z.string().nullish(),
});
export type FoLine = z.infer<typeof FoLine>;

const LineQuantity = z.object({ lineId: z.string(), quantity: z.number().int().min(1) });
export type FoLineQuantity = z.infer<typeof LineQuantity>;

export const FoFulfillment = z.object({
  id: z.string(),
  lines: z.array(LineQuantity),
  trackingNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingUrl: z.string().nullish(),
  status: z.enum(['success', 'cancelled']),
  /** Made by the merchant ("mark as fulfilled") or reported by the service. */
  by: z.enum(['merchant', 'service']),
});
export type FoFulfillment = z.infer<typeof FoFulfillment>;

export const FoHold = z.object({ reason: z.string(), note: z.string().nullable() });

export const FulfillmentOrder = z.object({
  id: z.string(),
  locationId: z.string(),
  /** The location's name, when known ("Kho Hà Nội", "ShipBob"). */
  locationName: z.string().nullish(),
  /** A location the merchant manages, or one a fulfillment service (3PL) manages. */
  managedBy: z.enum(['merchant', 'service']),
  status: FoStatus,
  requestStatus: FoRequestStatus,
  lines: z.array(FoLine),
  holds: z.array(FoHold),
  fulfillAt: z.string().nullable(),
  fulfillments: z.array(FoFulfillment),
  /** The last message a service or merchant left (a rejection's reason, a cancellation note). */
  message: z.string().nullable(),
  /**
   * The service's workflow (seed 003): `legacy` (a service that never opted into fulfillment
   * orders) takes a request but no cancellation from the app: once requested, the merchant has
   * to contact the service. Absent: the fulfillment-order workflow. Shopify's API no longer says
   * which (its `fulfillmentOrdersOptIn` is deprecated and true for every service since 2023-01),
   * so it comes from the connection's option `legacyFulfillmentServices`.
   */
  workflow: z.enum(['fulfillment_orders', 'legacy']).optional(),
});
export type FulfillmentOrder = z.infer<typeof FulfillmentOrder>;

/** What can be done to an FO, by the merchant (the order page, a flow) or by the service (its webhooks). */
export const FoAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request_fulfillment'), lines: z.array(LineQuantity).optional(), message: z.string().max(5000).optional() }),
  z.object({ kind: z.literal('accept_request'), message: z.string().optional() }),
  z.object({ kind: z.literal('reject_request'), message: z.string().optional() }),
  z.object({ kind: z.literal('cancel_request') }),
  /** The note goes to the service, never to the customer. */
  z.object({ kind: z.literal('request_cancellation'), note: z.string().max(5000).optional() }),
  z.object({ kind: z.literal('accept_cancellation'), message: z.string().optional() }),
  z.object({ kind: z.literal('reject_cancellation'), message: z.string().optional() }),
  z.object({ kind: z.literal('close_incomplete'), message: z.string().optional() }),
  z.object({
    kind: z.literal('move'),
    locationId: z.string().min(1),
    managedBy: z.enum(['merchant', 'service']),
    /** The destination's name as the platform lists it (shown on the FO and the timeline). */
    locationName: z.string().max(255).optional(),
    reason: z.string().max(5000).optional(),
  }),
  z.object({ kind: z.literal('hold'), reason: z.string().min(1), note: z.string().max(5000).optional() }),
  z.object({ kind: z.literal('release_hold') }),
  z.object({ kind: z.literal('reschedule'), fulfillAt: z.string() }),
  z.object({ kind: z.literal('open_scheduled') }),
  z.object({
    kind: z.literal('fulfil'),
    lines: z.array(LineQuantity).optional(),
    trackingNumber: z.string().max(255).optional(),
    carrier: z.string().max(255).optional(),
    trackingUrl: z.string().max(2000).optional(),
    notifyCustomer: z.boolean().optional(),
    by: z.enum(['merchant', 'service']),
  }),
  z.object({ kind: z.literal('revert_fulfillment'), fulfillmentId: z.string() }),
]);
export type FoAction = z.infer<typeof FoAction>;
export type FoActionKind = FoAction['kind'];
export const FoActionKind = z.enum(FoAction.options.map((o) => o.shape.kind.value) as [FoActionKind, ...FoActionKind[]]);

/** How each action is said in English (a refusal, a platform's answer). */
export const foActionWords: Record<FoActionKind, string> = {
  request_fulfillment: 'request fulfillment',
  accept_request: 'accept the fulfillment request',
  reject_request: 'reject the fulfillment request',
  cancel_request: 'cancel the fulfillment request',
  request_cancellation: 'request cancellation',
  accept_cancellation: 'accept the cancellation request',
  reject_cancellation: 'reject the cancellation request',
  close_incomplete: 'close it as incomplete',
  move: 'change its location',
  hold: 'place it on hold',
  release_hold: 'release the hold',
  reschedule: 'reschedule it',
  open_scheduled: 'open it now',
  fulfil: 'mark it as fulfilled',
  revert_fulfillment: 'revert the fulfillment to unfulfilled',
};

/** The merchant's actions: what the order page's panel and a flow's steps may ask for (the others are the service's). */
/**
 * Why the state machine refuses an action, by code (domain/fulfillment-orders.ts says each in
 * English; the order page says it in the user's language from the code and its args).
 */
export const FoRefusalCode = z.enum([
  'no_such_fo', 'not_a_service', 'request_not_possible', 'nothing_left', 'no_line', 'bad_quantity', 'too_many',
  'not_submitted', 'finished', 'legacy_before_request', 'legacy_after_request', 'accepted_request_cancellation',
  'no_request_waiting', 'not_accepted_yet', 'only_accepted_cancellable', 'no_cancellation_requested',
  'close_incomplete_not_possible', 'service_has_request', 'release_hold_first', 'already_there', 'hold_not_possible',
  'not_on_hold', 'not_scheduled', 'fulfil_not_possible', 'cancel_request_first', 'service_fulfils_accepted_only',
  'no_such_fulfillment', 'already_reverted',
]);
export type FoRefusalCode = z.infer<typeof FoRefusalCode>;
export const FoRefusal = z.object({ code: FoRefusalCode, args: z.record(z.string(), z.string()).default({}) });
export type FoRefusal = z.infer<typeof FoRefusal>;

export const merchantFoActions = [
  'request_fulfillment',
  'cancel_request',
  'request_cancellation',
  'move',
  'hold',
  'release_hold',
  'open_scheduled',
  'fulfil',
  'revert_fulfillment',
] as const satisfies readonly FoActionKind[];

/**
 * One step in an FO's life as the timeline tells it: what the merchant, a flow or the service
 * did (from the order page, a flow step, a `fulfillment_orders/*` webhook), and the state it
 * left. `message` is the service's or merchant's words, kept as they were sent.
 */
export const FoStep = z.enum([
  'routed',
  'request_submitted',
  'request_accepted',
  'request_rejected',
  'request_cancelled',
  'cancellation_requested',
  'cancellation_accepted',
  'cancellation_rejected',
  'failed_to_complete',
  'cancelled',
  'moved',
  'placed_on_hold',
  'hold_released',
  'rescheduled',
  'opened',
  'fulfilled',
  'reverted',
  'split',
  'merged',
  'progress_reported',
]);
export type FoStep = z.infer<typeof FoStep>;

export const FoState = z.object({ status: FoStatus, requestStatus: FoRequestStatus });
export type FoState = z.infer<typeof FoState>;

/**
 * A place an FO can be moved to, as the platform lists it for that FO (Shopify's
 * `locationsForMove`): `movable` false with the platform's `message` when it cannot take the
 * items (not stocked there, the FO's own location).
 */
export const FoMoveLocation = z.object({
  id: z.string(),
  name: z.string(),
  managedBy: z.enum(['merchant', 'service']),
  movable: z.boolean(),
  message: z.string().nullable(),
});
export type FoMoveLocation = z.infer<typeof FoMoveLocation>;
