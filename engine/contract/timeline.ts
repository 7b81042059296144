import { z } from 'zod';
import { Platform } from './platform.ts';
import { WriteAction } from './store-api.ts';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from './order.ts';
import { WaitReason } from './wait-reason.ts';
import { FoState, FoStep } from './fulfillment.ts';
import { RunReasonCode, StepReasonCode } from './run-reasons.ts';

/** What happened to an order, by kind. */
export const TimelineKind = z.enum([
  'delivery',
  'order_created',
  'status_change',
  'stale_delivery',
  'customer',
  'run',
  'step',
  'tag_added',
  'note',
  'task_created',
  'task_done',
  'customer_field',
  'sequence',
  'write_back',
  'echo',
  /** A fulfillment order's step (issue 14): requested, accepted, rejected, moved, held, fulfilled… with the service's message. */
  'fulfillment',
  /** Stock taken or put back for the order's SKUs (a marketplace order placed, cancelled, a return recorded). */
  'inventory',
  /** The marketplace reported a return: the payment reads Returned / Partially returned; nothing restocked by itself. */
  'return',
  /** The merchant turned "Process at the store" on or off for the order. */
  'process_at_store',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** A run's state as its timeline entries tell it. */
export const RunStatus = z.enum(['queued', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatus>;

/** A step's outcome. `waiting`: a wait parked the run until its due time. */
export const StepStatus = z.enum(['done', 'skipped', 'failed', 'waiting']);
export type StepStatus = z.infer<typeof StepStatus>;

const change = z.object({ from: z.string().nullable(), to: z.string().nullable() });

/**
 * A timeline entry's facts, typed by kind: structured fields, never sentences. The renderer
 * writes the words (vi/en); the command line has its own English. Fields added later are
 * optional, so entries written by earlier versions still parse.
 */
export const TimelineData = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('delivery'),
    topic: z.string().nullable(),
    verdict: z.string(),
    /** The signature check's result in the adapter's words ("X-Shopify-Hmac-Sha256 verified"). */
    signature: z.string().nullable(),
    deliveryKey: z.string().nullish(),
    connectionName: z.string().nullish(),
    /** Fetched through the platform's API instead of pushed: reconciled (missed webhooks) or polled; or imported from a capture file. */
    source: z.enum(['reconciled', 'polled', 'imported']).optional(),
  }),
  z.object({
    kind: z.literal('order_created'),
    number: z.string().nullish(),
    financialStatus: FinancialStatus.nullish(),
    fulfillmentStatus: FulfillmentStatus.nullish(),
    deliveryStatus: DeliveryStatus.nullish(),
    platformStatus: z.string().nullish(),
    storeStatus: z.string().nullish(),
  }),
  z.object({
    kind: z.literal('status_change'),
    /** By field: financialStatus, fulfillmentStatus, deliveryStatus, platformStatus, storeStatus. */
    changes: z.record(z.string(), change),
    /** The topic of the delivery that carried it. */
    source: z.string().nullish(),
  }),
  z.object({ kind: z.literal('stale_delivery'), incomingUpdatedAt: z.string(), storedUpdatedAt: z.string() }),
  z.object({
    kind: z.literal('customer'),
    customerId: z.string().nullable(),
    change: z.enum(['created', 'updated']),
    /** Their email or phone, as the order gave it. */
    who: z.string().nullish(),
  }),
  z.object({
    kind: z.literal('run'),
    status: RunStatus,
    flowId: z.string().nullish(),
    flowName: z.string().nullish(),
    flowVersion: z.number().nullish(),
    eventType: z.string().nullish(),
    /** Why it failed. */
    error: z.string().nullish(),
    /** A failed run: the step that failed, named as a step entry names it (its cause is said once, on that step's entry). */
    failedStep: z.object({ label: z.string().nullish(), nodeType: z.string(), typeLabel: z.string().nullish() }).optional(),
    /** Why it was skipped or cancelled, in English. */
    reason: z.string().nullish(),
    reasonCode: RunReasonCode.optional(),
    reasonArgs: z.record(z.string(), z.string()).optional(),
    /** A waiting run's due time. */
    dueAt: z.string().nullish(),
    /** A waiting run's why, when a provider deferred one of its steps (quota, night hours, rate limit). */
    wait: WaitReason.optional(),
    dryRun: z.boolean().optional(),
    /** A re-run or replay of stored trigger data (issue 15), not a new delivery. */
    replay: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('step'),
    nodeId: z.string(),
    nodeType: z.string(),
    /** The step's name on the canvas, when the user gave it one. */
    label: z.string().nullish(),
    status: StepStatus,
    reason: z.string().nullish(),
    reasonCode: StepReasonCode.optional(),
    reasonArgs: z.record(z.string(), z.string()).optional(),
    port: z.string().nullish(),
    dueAt: z.string().nullish(),
    /** In a dry run: the intents recorded as "would do" instead of done. */
    wouldDo: z.array(z.string()).optional(),
    /** The node type's own (English) name, for a language that has no words for it. */
    typeLabel: z.string().nullish(),
    /** What the step sent, and to whom (a phone, an address, a chat, a URL), when it sent something. */
    did: z.array(z.object({ kind: z.string(), to: z.string().nullable() })).optional(),
  }),
  z.object({
    kind: z.literal('tag_added'),
    tags: z.array(z.string()),
    /** Those the order or customer did not have yet. */
    added: z.array(z.string()),
    target: z.enum(['order', 'customer']).default('order'),
    flowName: z.string().nullish(),
  }),
  /** `by`: the flow that wrote it; `author` `merchant`: written by hand on the order page (timeline.addNote). */
  z.object({ kind: z.literal('note'), text: z.string().nullish(), by: z.string().nullish(), author: z.enum(['merchant', 'flow']).optional() }),
  /** A flow's "Create task" step put a task on the order's list. */
  z.object({
    kind: z.literal('task_created'),
    taskId: z.string(),
    title: z.string(),
    assignee: z.string().nullish(),
    dueAt: z.string().nullish(),
    flowName: z.string().nullish(),
  }),
  /** A task was ticked off (`done`), or opened again (`done: false`). */
  z.object({ kind: z.literal('task_done'), taskId: z.string(), title: z.string(), done: z.boolean().default(true) }),
  /** A flow set one of the customer's fields: `field` is a built-in one's key or `fields.<name>`; `value` null when cleared. */
  z.object({
    kind: z.literal('customer_field'),
    field: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    previous: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    flowName: z.string().nullish(),
  }),
  /** A flow enrolled the customer in a sequence, or took them out (`cancelled`: the runs it stopped). */
  z.object({
    kind: z.literal('sequence'),
    change: z.enum(['enrolled', 'left']),
    sequence: z.string(),
    /** Enrolled: the flows started; left: the waiting runs cancelled. */
    runs: z.number().int().default(0),
    flowName: z.string().nullish(),
  }),
  /** A flow changed the order on its platform (write-back), with the platform's answer. */
  z.object({
    kind: z.literal('write_back'),
    platform: Platform.nullable(),
    action: WriteAction,
    /** The platform's answer in English (its own words kept). */
    answer: z.string().nullable(),
    /** Found already done on the platform after a crash or a lost answer: not sent again. */
    already: z.boolean().default(false),
    connectionName: z.string().nullish(),
    flowName: z.string().nullish(),
  }),
  /**
   * A delivery that only reflects Flowdesk's own write-back (the `orders/updated` Shopify sends
   * after a tag was added): recorded, and no flow started on it, so a flow cannot loop on itself.
   */
  z.object({
    kind: z.literal('echo'),
    actions: z.array(WriteAction),
    flowNames: z.array(z.string()),
  }),
  /**
   * A fulfillment order's step (issue 14), from a `fulfillment_orders/*` webhook (`by: service`
   * or `platform`), the order page (`merchant`) or a flow step (`flow`): the state it left and
   * the words that came with it, kept as sent (a rejection's reason, a cancellation note).
   */
  z.object({
    kind: z.literal('fulfillment'),
    foId: z.string(),
    step: FoStep,
    by: z.enum(['service', 'platform', 'merchant', 'flow']),
    from: FoState.nullable(),
    to: FoState.nullable(),
    message: z.string().nullish(),
    /** Where the FO is (a move: where it went). */
    locationName: z.string().nullish(),
    /** A move's reason, a hold's reason. */
    reason: z.string().nullish(),
    trackingNumber: z.string().nullish(),
    carrier: z.string().nullish(),
    trackingUrl: z.string().nullish(),
    /** What the merchant should know (reverting does not stop the service, nor restock). */
    warning: z.string().nullish(),
    /** FOs the step made (a partial request's remainder, a replacement after a cancel). */
    created: z.array(z.string()).optional(),
    flowName: z.string().nullish(),
  }),
  /**
   * Stock moved for the order's SKUs at one location: taken when a marketplace order is placed,
   * put back when it is cancelled or when the merchant records a return. `skipped`: a
   * cancellation that restocked nothing, and why (the order is processed at the store).
   */
  z.object({
    kind: z.literal('inventory'),
    reason: z.enum(['order_placed', 'cancelled', 'return_recorded']),
    location: z.string(),
    lines: z.array(z.object({ sku: z.string(), delta: z.number().int(), onHand: z.number().int() })),
    skipped: z.enum(['processed_at_store']).nullish(),
  }),
  /** The marketplace reported a return (seed 002): no restock until the merchant records it. */
  z.object({
    kind: z.literal('return'),
    status: z.enum(['partial', 'returned']),
    refundedAmount: z.string(),
    currency: z.string().nullish(),
    quantity: z.number().int(),
  }),
  z.object({ kind: z.literal('process_at_store'), on: z.boolean() }),
]);
export type TimelineData = z.infer<typeof TimelineData>;
export type TimelineDataOf<K extends TimelineKind> = Extract<TimelineData, { kind: K }>;

export const TimelineEntryDto = z.object({
  id: z.number(),
  orderId: z.string(),
  at: z.string(),
  kind: TimelineKind,
  /** The entry's facts; null for an entry written before they were typed whose facts do not parse. */
  data: TimelineData.nullable(),
  /** An English sentence written by versions before typed entries; null for typed ones. */
  legacyTitle: z.string().nullable(),
  inboxId: z.number().nullable(),
  runId: z.string().nullable(),
});
export type TimelineEntryDto = z.infer<typeof TimelineEntryDto>;
