import { z } from 'zod';
import { FoRequestStatus, FoStatus, type CanonicalEventType, type FoStep, type OrderShipment } from '../../contract/index.ts';
import type { FoMention, FulfillmentDelivery } from '../adapter.ts';
import { shopifyShipmentStatuses } from './shopify-delivery.ts';
import { exactId } from './shopify-normalize.ts';

/**
 * Shopify's fulfillment topics (reference/platform-webhooks.md §1.5's FO table, §1.8): the body
 * names fulfillment orders (by GID, statuses lowercase), not an order. Each topic is one step of
 * the FO's life; the state a topic means is its default, and what the payload says wins when it
 * is a word Shopify uses (the samples are illustrative, §1.5's caution).
 */
interface TopicMeaning {
  step: FoStep;
  by: 'service' | 'platform';
  event: CanonicalEventType | null;
  /** The state the step leaves the FO in, when the payload leaves it out. */
  status?: FoStatus;
  requestStatus?: FoRequestStatus;
}

const fo = (step: FoStep, by: 'service' | 'platform', event: CanonicalEventType | null, status?: FoStatus, requestStatus?: FoRequestStatus): TopicMeaning => ({
  step, by, event, ...(status ? { status } : {}), ...(requestStatus ? { requestStatus } : {}),
});

export const shopifyFulfillmentTopics: Readonly<Record<string, TopicMeaning>> = {
  'fulfillment_orders/fulfillment_request_submitted': fo('request_submitted', 'platform', 'fulfillment.request_submitted', 'open', 'submitted'),
  'fulfillment_orders/fulfillment_request_accepted': fo('request_accepted', 'service', 'fulfillment.request_accepted', 'in_progress', 'accepted'),
  'fulfillment_orders/fulfillment_request_rejected': fo('request_rejected', 'service', 'fulfillment.request_rejected', 'open', 'rejected'),
  'fulfillment_orders/cancellation_request_submitted': fo('cancellation_requested', 'platform', 'fulfillment.cancellation_requested', 'in_progress', 'cancellation_requested'),
  // The reference sample says `closed`, the REST fixture `cancelled`: either is read as sent.
  'fulfillment_orders/cancellation_request_accepted': fo('cancellation_accepted', 'service', 'fulfillment.cancellation_accepted', 'cancelled', 'cancellation_accepted'),
  'fulfillment_orders/cancellation_request_rejected': fo('cancellation_rejected', 'service', 'fulfillment.cancellation_rejected', 'in_progress', 'cancellation_rejected'),
  'fulfillment_orders/cancelled': fo('cancelled', 'platform', 'fulfillment.cancelled', 'cancelled'),
  'fulfillment_orders/fulfillment_service_failed_to_complete': fo('failed_to_complete', 'service', 'fulfillment.failed_to_complete', 'incomplete', 'closed'),
  'fulfillment_orders/placed_on_hold': fo('placed_on_hold', 'platform', 'fulfillment.on_hold', 'on_hold'),
  'fulfillment_orders/hold_released': fo('hold_released', 'platform', 'fulfillment.hold_released', 'open'),
  'fulfillment_orders/moved': fo('moved', 'platform', 'fulfillment.moved'),
  'fulfillment_orders/split': fo('split', 'platform', null),
  'fulfillment_orders/merged': fo('merged', 'platform', null),
  'fulfillment_orders/order_routing_complete': fo('routed', 'platform', 'fulfillment.routed'),
  'fulfillment_orders/rescheduled': fo('rescheduled', 'platform', 'fulfillment.rescheduled', 'scheduled'),
  'fulfillment_orders/scheduled_fulfillment_order_ready': fo('opened', 'platform', 'fulfillment.opened', 'open'),
  'fulfillment_orders/line_items_prepared_for_pickup': fo('progress_reported', 'platform', null),
  'fulfillment_orders/line_items_prepared_for_local_delivery': fo('progress_reported', 'platform', null),
  'fulfillment_orders/progress_reported': fo('progress_reported', 'service', null, 'in_progress'),
  'fulfillment_orders/manually_reported_progress_stopped': fo('opened', 'platform', null, 'open'),
  'fulfillments/create': fo('fulfilled', 'platform', 'fulfillment.created'),
  'fulfillments/update': fo('progress_reported', 'platform', null),
};

const str = z.string().nullish();
const Id = z.union([z.string(), z.number()]);

const PayloadFo = z.looseObject({
  id: Id,
  status: str,
  request_status: str,
  fulfill_at: str,
  assigned_location_id: Id.nullish(),
  fulfillment_holds: z.array(z.looseObject({ reason: str, reason_notes: str })).nullish(),
});
type PayloadFo = z.infer<typeof PayloadFo>;

/** The keys a topic's body names FOs under: the FO the step is about, and those it made. */
const subjectKeys = ['fulfillment_order', 'original_fulfillment_order', 'submitted_fulfillment_order'];
const createdKeys = ['unsubmitted_fulfillment_order', 'remaining_fulfillment_order', 'replacement_fulfillment_order', 'moved_fulfillment_order'];

/** Shopify's words are lowercase in webhooks; the `cancellation_request` of the sample is `cancellation_requested`. */
function statusOf(word: string | null | undefined): FoStatus | undefined {
  const parsed = FoStatus.safeParse((word ?? '').toLowerCase());
  return parsed.success ? parsed.data : undefined;
}
function requestStatusOf(word: string | null | undefined): FoRequestStatus | undefined {
  const w = (word ?? '').toLowerCase();
  const parsed = FoRequestStatus.safeParse(w === 'cancellation_request' ? 'cancellation_requested' : w);
  return parsed.success ? parsed.data : undefined;
}

function mention(p: PayloadFo, meaning: TopicMeaning | null): FoMention {
  const status = statusOf(p.status);
  const requestStatus = requestStatusOf(p.request_status);
  const out: FoMention = { id: String(p.id) };
  // A cancellation accepted leaves the FO closed or cancelled (§1.5): either word stands as sent.
  const s = status ?? meaning?.status;
  const r = requestStatus ?? meaning?.requestStatus;
  if (s) out.status = s;
  if (r) out.requestStatus = r;
  if (p.fulfill_at !== undefined) out.fulfillAt = p.fulfill_at ?? null;
  if (p.assigned_location_id !== undefined && p.assigned_location_id !== null) out.locationId = String(p.assigned_location_id);
  if (p.fulfillment_holds) out.holds = p.fulfillment_holds.map((h) => ({ reason: h.reason ?? 'other', note: h.reason_notes ?? null }));
  return out;
}

const Fulfillment = z.looseObject({
  id: Id.nullish(),
  admin_graphql_api_id: str,
  order_id: Id,
  status: str,
  shipment_status: str,
  tracking_company: str,
  tracking_number: str,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: str,
  tracking_urls: z.array(z.string()).nullish(),
  created_at: str,
});

/** The parts of a Shopify fulfillment (REST, in orders/* and fulfillments/* bodies) a shipment reads. */
export interface ShopifyFulfillmentFields {
  id?: string | number | null;
  admin_graphql_api_id?: string | null;
  status?: string | null;
  shipment_status?: string | null;
  tracking_company?: string | null;
  tracking_number?: string | null;
  tracking_numbers?: string[] | null;
  tracking_url?: string | null;
  tracking_urls?: string[] | null;
  created_at?: string | null;
}

/** One of Shopify's fulfillments as the order page shows it: the parcel and its tracking. */
export function shopifyShipment(f: ShopifyFulfillmentFields): OrderShipment {
  const shipmentStatus = (f.shipment_status ?? '').toLowerCase();
  return {
    id: f.id === null || f.id === undefined ? null : exactId(f.id, f.admin_graphql_api_id),
    trackingNumber: f.tracking_number ?? f.tracking_numbers?.[0] ?? null,
    carrier: f.tracking_company ?? null,
    trackingUrl: f.tracking_url ?? f.tracking_urls?.[0] ?? null,
    status: f.status ?? null,
    deliveryStatus: shipmentStatus ? (Object.hasOwn(shopifyShipmentStatuses, shipmentStatus) ? shopifyShipmentStatuses[shipmentStatus]! : 'in_transit') : null,
    createdAt: f.created_at ?? null,
  };
}

/** The fulfillment step a Shopify delivery reports; null for an order topic. */
export function readShopifyFulfillment(topic: string, payload: unknown, raw?: Buffer): FulfillmentDelivery | null {
  const meaning = shopifyFulfillmentTopics[topic];
  if (!meaning) return null;
  const body = z.looseObject({}).safeParse(payload);
  if (!body.success) throw new Error(`not a Shopify ${topic} body: it is not a JSON object`);
  const b = body.data as Record<string, unknown>;
  if (topic.startsWith('fulfillments/')) {
    const f = Fulfillment.safeParse(payload);
    if (!f.success) throw new Error(`not a Shopify fulfillment: ${z.prettifyError(f.error)}`);
    const shipment = shopifyShipment(f.data);
    // A fulfillment reverted ("Revert to unfulfilled", §1.8) comes as fulfillments/update with status cancelled.
    const reverted = topic === 'fulfillments/update' && (f.data.status ?? '').toLowerCase() === 'cancelled';
    // Shopify's order ids pass 2^53 and a fulfillment has no order GID: the digits are read from the bytes.
    const exact = raw ? /"order_id"\s*:\s*"?(\d+)/.exec(raw.toString('utf8'))?.[1] : undefined;
    return {
      ...meaning, step: reverted ? 'reverted' : meaning.step, subject: null, created: [], platformOrderId: exact ?? String(f.data.order_id),
      message: null, reason: null, shipment,
    };
  }
  const read = (key: string, m: TopicMeaning | null): FoMention | null => {
    if (b[key] === undefined || b[key] === null) return null;
    const p = PayloadFo.safeParse(b[key]);
    if (!p.success) throw new Error(`not a Shopify ${topic} body: ${key}: ${z.prettifyError(p.error)}`);
    return mention(p.data, m);
  };
  // A merge names the FO it kept inside `fulfillment_order_merges` (an object now, a list in older docs).
  const merges = b['fulfillment_order_merges'];
  const merged = Array.isArray(merges) ? merges[0] : merges;
  if (merged && typeof merged === 'object' && (merged as Record<string, unknown>)['fulfillment_order']) b['fulfillment_order'] ??= (merged as Record<string, unknown>)['fulfillment_order'];
  const subjects = subjectKeys.map((k) => read(k, meaning)).filter((m): m is FoMention => m !== null);
  if (subjects.length === 0) throw new Error(`not a Shopify ${topic} body: it names no fulfillment_order`);
  // The request's FO is the submitted one when Shopify sends both (a partial request keeps the original's id).
  const subject = subjects.find((s) => s.requestStatus === 'submitted' && topic.endsWith('request_submitted')) ?? subjects[0]!;
  const created = createdKeys.map((k) => read(k, null)).filter((m): m is FoMention => m !== null && m.id !== subject.id);
  const destination = b['destination_location_id'];
  if (topic === 'fulfillment_orders/moved' && (destination !== undefined && destination !== null)) {
    const moved = read('moved_fulfillment_order', null);
    // A full move keeps the FO's id and changes its location; a partial one makes a new FO there.
    if (moved && moved.id === subject.id) subject.locationId = String(destination);
    for (const c of created) c.locationId ??= String(destination);
  }
  const request = z.looseObject({ message: str }).safeParse(b['fulfillment_order_merchant_request']);
  const hold = z.looseObject({ reason: str, reason_notes: str }).safeParse(b['created_fulfillment_hold']);
  const message = typeof b['message'] === 'string' ? b['message'] : request.success ? (request.data.message ?? null) : null;
  const reason = hold.success ? [hold.data.reason, hold.data.reason_notes].filter(Boolean).join(': ') || null : null;
  if (hold.success && hold.data.reason && !subject.holds) subject.holds = [{ reason: hold.data.reason, note: hold.data.reason_notes ?? null }];
  return { step: meaning.step, by: meaning.by, event: meaning.event, subject, created, platformOrderId: null, message, reason, shipment: null };
}
