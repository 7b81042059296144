import { z } from 'zod';
import type { Platform } from './platform.ts';
import { FoAction } from './fulfillment.ts';

/**
 * Write-back: what a flow can ask a store's own platform to do, through its API (issue 13,
 * reference/platform-apis.md). One request shape per action, shared by the node types, the
 * platform clients, the outbox and the dry-run's "would do".
 */
export const WriteAction = z.enum([
  'order.tags.add',
  'order.tags.remove',
  'order.note.set',
  'order.attribute.set',
  'customer.tags.add',
  'order.mark_paid',
  'order.cancel',
  'order.close',
  'order.fulfil',
  'marketplace.ready_to_ship',
  'marketplace.cancel',
  /** One action on one of a Shopify order's fulfillment orders (issue 14): request, cancel, move, hold, fulfil… */
  'fulfillment_order.act',
]);
export type WriteAction = z.infer<typeof WriteAction>;

/** Why an order is cancelled, in the words every platform that asks has (Shopify's and Haravan's lists meet here). */
export const CancelReason = z.enum(['customer', 'inventory', 'fraud', 'declined', 'other']);
export type CancelReason = z.infer<typeof CancelReason>;

const Tags = z.array(z.string().min(1).max(255)).min(1);

export const WriteRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('order.tags.add'), tags: Tags }),
  z.object({ action: z.literal('order.tags.remove'), tags: Tags }),
  /** `append` adds a line to the note the platform has; `replace` overwrites it. */
  z.object({ action: z.literal('order.note.set'), note: z.string().max(5000), mode: z.enum(['replace', 'append']) }),
  z.object({ action: z.literal('order.attribute.set'), key: z.string().min(1).max(255), value: z.string().max(5000) }),
  z.object({ action: z.literal('customer.tags.add'), tags: Tags }),
  z.object({ action: z.literal('order.mark_paid') }),
  z.object({
    action: z.literal('order.cancel'),
    reason: CancelReason,
    restock: z.boolean(),
    notifyCustomer: z.boolean(),
    /** Seen by staff only (Shopify's staffNote, Haravan's note); never sent to the customer. */
    staffNote: z.string().max(255),
  }),
  z.object({ action: z.literal('order.close') }),
  z.object({
    action: z.literal('order.fulfil'),
    trackingNumber: z.string().max(255),
    carrier: z.string().max(255),
    trackingUrl: z.string().max(2000),
    notifyCustomer: z.boolean(),
  }),
  /** Lazada: pack the order's items, then set the package ready to ship (reference §5 pack → RTS). */
  z.object({
    action: z.literal('marketplace.ready_to_ship'),
    /** Lazada's shipment provider code; empty for local (TFS) and DBS stores, which omit it. */
    shipmentProvider: z.string().max(100),
    deliveryType: z.enum(['dropship', 'pickup', 'send_to_warehouse']),
  }),
  /** Lazada: a seller cancel of the order's items, with the reason id its validate call offers. */
  z.object({ action: z.literal('marketplace.cancel'), reasonId: z.string().min(1).max(50) }),
  /** `fo` on the FO `foId` (the platform's id); checked against Flowdesk's copy of the FO first, then by the platform. */
  z.object({ action: z.literal('fulfillment_order.act'), foId: z.string().min(1), fo: FoAction }),
]);
export type WriteRequest = z.infer<typeof WriteRequest>;
export type WriteRequestOf<A extends WriteAction> = Extract<WriteRequest, { action: A }>;

/**
 * Whether a platform can do an action (reference §9.1): `yes` through its own call; `workaround`
 * through the one named in `writeBackWorkarounds` (WooCommerce has no tags: order meta); `no`.
 */
export const WriteSupport = z.enum(['yes', 'workaround', 'no']);
export type WriteSupport = z.infer<typeof WriteSupport>;

const none: Record<WriteAction, WriteSupport> = {
  'order.tags.add': 'no',
  'order.tags.remove': 'no',
  'order.note.set': 'no',
  'order.attribute.set': 'no',
  'customer.tags.add': 'no',
  'order.mark_paid': 'no',
  'order.cancel': 'no',
  'order.close': 'no',
  'order.fulfil': 'no',
  'marketplace.ready_to_ship': 'no',
  'marketplace.cancel': 'no',
  'fulfillment_order.act': 'no',
};

/** The matrix of reference/platform-apis.md §9.1, as Flowdesk's clients implement it. */
export const writeBackSupport: Record<Platform, Record<WriteAction, WriteSupport>> = {
  shopify: { ...none, 'order.tags.add': 'yes', 'order.tags.remove': 'yes', 'order.note.set': 'yes', 'order.attribute.set': 'yes', 'customer.tags.add': 'yes', 'order.mark_paid': 'yes', 'order.cancel': 'yes', 'order.close': 'yes', 'order.fulfil': 'yes', 'fulfillment_order.act': 'yes' },
  haravan: { ...none, 'order.tags.add': 'yes', 'order.tags.remove': 'yes', 'order.note.set': 'yes', 'order.attribute.set': 'yes', 'customer.tags.add': 'workaround', 'order.mark_paid': 'yes', 'order.cancel': 'yes', 'order.close': 'yes', 'order.fulfil': 'yes' },
  // Sapo Web (a Shopify clone); Sapo GO/Omni has no public API (said on the connection).
  sapo: { ...none, 'order.tags.add': 'workaround', 'order.tags.remove': 'workaround', 'order.note.set': 'yes', 'order.attribute.set': 'yes', 'customer.tags.add': 'workaround', 'order.mark_paid': 'workaround', 'order.fulfil': 'workaround' },
  woocommerce: { ...none, 'order.tags.add': 'workaround', 'order.tags.remove': 'workaround', 'order.note.set': 'workaround', 'order.attribute.set': 'workaround', 'customer.tags.add': 'workaround', 'order.mark_paid': 'yes', 'order.cancel': 'yes', 'order.fulfil': 'workaround' },
  lazada: { ...none, 'order.cancel': 'workaround', 'marketplace.ready_to_ship': 'yes', 'marketplace.cancel': 'yes' },
  nhanhvn: { ...none, 'order.note.set': 'workaround' },
  kiotviet: { ...none, 'order.note.set': 'yes', 'customer.tags.add': 'workaround', 'order.mark_paid': 'workaround', 'order.cancel': 'yes', 'order.fulfil': 'workaround' },
  ladisales: { ...none },
  catchhook: { ...none },
};

/** What a `workaround` does instead, in English (the editor has the same in vi). */
export const writeBackWorkarounds: Partial<Record<Platform, Partial<Record<WriteAction, string>>>> = {
  haravan: { 'customer.tags.add': 'the customer\'s tags are read, merged and written back whole' },
  sapo: {
    'order.tags.add': 'Sapo replaces the whole tag list: the order\'s tags are read, merged and written back',
    'order.tags.remove': 'Sapo replaces the whole tag list: the order\'s tags are read, filtered and written back',
    'customer.tags.add': 'the customer\'s tags are read, merged and written back whole',
    'order.mark_paid': 'a capture transaction for the amount still owed',
    'order.fulfil': 'a fulfillment with the tracking number (Sapo\'s fields are not fully documented)',
  },
  woocommerce: {
    'order.tags.add': 'WooCommerce has no order tags: they are kept in the order meta "_flowdesk_tags"',
    'order.tags.remove': 'WooCommerce has no order tags: they are removed from the order meta "_flowdesk_tags"',
    'order.note.set': 'WooCommerce keeps notes as a list: the note is added as a private order note',
    'order.attribute.set': 'an order meta field',
    'customer.tags.add': 'WooCommerce has no customer tags: they are kept in the customer meta "_flowdesk_tags"',
    'order.fulfil': 'WooCommerce core has no shipments: the order is set to Completed and the tracking number added as a note',
  },
  lazada: { 'order.cancel': 'Lazada cancels item by item with a reason id: the reason "inventory" cancels as Out of Stock (which sets the SKU\'s stock to 0, so no restock); for other reasons use "Cancel on Lazada"' },
  nhanhvn: { 'order.note.set': 'Nhanh.vn\'s order update (its request fields are not fully documented)' },
  kiotviet: {
    'customer.tags.add': 'KiotViet has no tags: the customer is added to the customer group named like the tag (create the group in KiotViet first: its API cannot)',
    'order.mark_paid': 'the order\'s amount is recorded as paid (totalPayment)',
    'order.fulfil': 'the invoice\'s delivery gets the tracking code (KiotViet ships invoices, not orders)',
  },
};

/** Platforms with no public write or list API: said on the connection and in the palette, never found out at run time. */
export const noStoreApi: Partial<Record<Platform, string>> = {
  ladisales: 'LadiSales has no public API to change or list orders: Flowdesk can only receive its webhooks.',
  catchhook: 'A catch hook is inbound only.',
};
/** Sapo GO/Omni stores ({tenant}.mysapogo.com) have no documented API (reference §3.2), unlike Sapo Web. */
export const SAPO_GO_NOTE = 'Sapo GO/Omni (.mysapogo.com) has no public API: Flowdesk can only receive its webhooks, not write back or reconcile.';

export const isSapoGo = (storeId: string): boolean => /\.mysapogo\.com(\/|$)/i.test(storeId.trim().replace(/^https?:\/\//i, ''));

/** How orders reach Flowdesk from a connection. */
export const Intake = z.enum(['webhook', 'polling']);
export type Intake = z.infer<typeof Intake>;

/**
 * A connection's use of its platform's API (issue 13), beside the adapter's settings: off by
 * default, when only webhooks are used. Credentials live with the connection's secrets (the
 * platform's `apiSecrets`).
 */
export const ConnectionApi = z.object({
  /** Steps that act on the store (tags, notes, payment, cancel, fulfil) call its API. */
  writeBack: z.boolean().default(false),
  /** Orders changed while Flowdesk was not listening are fetched at start and on a schedule. */
  reconcile: z.boolean().default(false),
  /** `polling`: no webhooks at all (a desktop behind NAT): orders are fetched every `pollEverySeconds`. */
  intake: Intake.default('webhook'),
  /** Minutes between scheduled reconciliations; null: the platform's default (15 for WooCommerce, 60 others). */
  reconcileEveryMinutes: z.number().int().min(5).max(24 * 60).nullable().default(null),
  pollEverySeconds: z.number().int().min(30).max(3600).default(60),
  /** The API's base URL; empty: the platform's, from the store id (https://{shop}/admin/api/…). */
  baseUrl: z.string().max(500).default(''),
  /** The platform's other non-secret API values (Nhanh.vn's appId, Shopify's API version), by the names its client declares. */
  options: z.record(z.string(), z.string().max(500)).default({}),
});
export type ConnectionApi = z.infer<typeof ConnectionApi>;

/**
 * A change to a connection's API use: only the parts named change. (Not `ConnectionApi.partial()`:
 * its defaults would fill in every part left out, and turn off what was on.)
 */
export const ConnectionApiPatch = z.object({
  writeBack: z.boolean().optional(),
  reconcile: z.boolean().optional(),
  intake: Intake.optional(),
  reconcileEveryMinutes: z.number().int().min(5).max(24 * 60).nullable().optional(),
  pollEverySeconds: z.number().int().min(30).max(3600).optional(),
  baseUrl: z.string().max(500).optional(),
  options: z.record(z.string(), z.string().max(500)).optional(),
});
export type ConnectionApiPatch = z.infer<typeof ConnectionApiPatch>;

export const apiInUse = (api: ConnectionApi): boolean => api.writeBack || api.reconcile || api.intake === 'polling';

/** Default minutes between scheduled reconciliations: WooCommerce never retries a failed webhook. */
export const defaultReconcileMinutes = (platform: Platform): number => (platform === 'woocommerce' ? 15 : 60);

/** A reconciliation's progress, as the connection page and `flowdesk reconcile` show it. */
export const ReconcileProgress = z.object({
  connectionId: z.string(),
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /** Why: at start, on schedule, polling, or asked for. */
  trigger: z.enum(['start', 'schedule', 'poll', 'manual']).nullable(),
  since: z.string().nullable(),
  /** Orders the platform listed as changed. */
  fetched: z.number().int(),
  /** Of those, already at that version here: nothing to do. */
  upToDate: z.number().int(),
  /** Queued as reconciled deliveries, processed like webhooks. */
  queued: z.number().int(),
  /** Pages read so far; the total is rarely known in advance. */
  pages: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type ReconcileProgress = z.infer<typeof ReconcileProgress>;
