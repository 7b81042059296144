/**
 * Shopify's fulfillment_orders/* and fulfillments/* webhook bodies, in the shapes of the webhook
 * reference samples (reference/platform-webhooks.md §1.5, §1.8): GIDs, lowercase statuses.
 */
export const foGid = (n: number | string) => `gid://shopify/FulfillmentOrder/${n}`;
const req = (n: number) => `gid://shopify/FulfillmentOrderMerchantRequest/${n}`;

type Fo = { id: string; status: string; request_status?: string; [k: string]: unknown };
const fo = (id: string, status: string, request_status?: string, extra: Record<string, unknown> = {}): Fo => ({ id, status, ...(request_status ? { request_status } : {}), ...extra });

export const foBodies = {
  submitted: (id: string, message = 'Please ship today', remainder?: string) => ({
    original_fulfillment_order: fo(id, 'open', 'submitted'),
    submitted_fulfillment_order: fo(id, 'open', 'submitted'),
    fulfillment_order_merchant_request: { id: req(1), message },
    ...(remainder ? { unsubmitted_fulfillment_order: fo(remainder, 'open', 'unsubmitted') } : {}),
  }),
  accepted: (id: string, message = 'We will start processing your fulfillment on the next business day.') => ({ fulfillment_order: fo(id, 'in_progress', 'accepted'), message }),
  rejected: (id: string, message = 'Out of stock at our warehouse') => ({ fulfillment_order: fo(id, 'open', 'rejected'), message }),
  // The sample's `cancellation_request` is not an enum value: it means cancellation_requested.
  cancellationSubmitted: (id: string, message = 'Customer changed their mind') => ({
    fulfillment_order: fo(id, 'in_progress', 'cancellation_request'), fulfillment_order_merchant_request: { id: req(2), message },
  }),
  // The reference sample says closed; the REST fixture cancelled: both are accepted.
  cancellationAccepted: (id: string, status: 'closed' | 'cancelled' = 'closed', message = 'Cancelled, nothing shipped') => ({ fulfillment_order: fo(id, status), message }),
  cancellationRejected: (id: string, message = 'Already packed, it ships today') => ({ fulfillment_order: fo(id, 'in_progress', 'cancellation_rejected'), message }),
  cancelled: (id: string, replacement: string) => ({ fulfillment_order: fo(id, 'cancelled'), replacement_fulfillment_order: fo(replacement, 'open', 'unsubmitted') }),
  failed: (id: string, message = 'Could not complete: damaged stock') => ({ fulfillment_order: fo(id, 'incomplete'), message }),
  onHold: (id: string, reason = 'awaiting_payment', notes = 'Waiting for the bank transfer') => ({
    fulfillment_order: fo(id, 'on_hold', undefined, { fulfillment_holds: [{ reason, reason_notes: notes }] }),
    remaining_fulfillment_order: null,
    held_fulfillment_order_line_items: [],
    created_fulfillment_hold: { id: 'gid://shopify/FulfillmentHold/1', reason, reason_notes: notes },
  }),
  released: (id: string) => ({ fulfillment_order: fo(id, 'open') }),
  moved: (id: string, destination: string, movedId = id) => ({
    original_fulfillment_order: fo(id, movedId === id ? 'open' : 'closed', 'unsubmitted'),
    moved_fulfillment_order: fo(movedId, 'open', 'unsubmitted', { assigned_location_id: destination }),
    destination_location_id: destination,
    fulfillment_order_line_items_requested: [],
    source_location: { id: 'gid://shopify/Location/1' },
  }),
  split: (id: string, remaining: string) => ({ split_line_items: [], fulfillment_order: fo(id, 'open'), remaining_fulfillment_order: fo(remaining, 'open', 'unsubmitted'), replacement_fulfillment_order: null }),
  merged: (id: string) => ({ merge_intents: [], fulfillment_order_merges: { fulfillment_order: fo(id, 'open') } }),
  routed: (id: string) => ({ fulfillment_order: fo(id, 'open') }),
  rescheduled: (id: string, fulfillAt: string) => ({ fulfillment_order: fo(id, 'scheduled', undefined, { fulfill_at: fulfillAt }) }),
  ready: (id: string) => ({ fulfillment_order: fo(id, 'open') }),
  prepared: (id: string) => ({ fulfillment_order: fo(id, 'in_progress', undefined, { preparable: true, delivery_method: { method_type: 'pick_up' } }) }),
  progress: (id: string) => ({ fulfillment_order: fo(id, 'in_progress'), progress_report: { reason_notes: 'Packing' }, initial_status: 'open' }),
  progressStopped: (id: string) => ({ fulfillment_order: fo(id, 'open'), progress_stopped_by_app: null }),
};

/** Shopify's fulfillments/create body (REST Fulfillment). */
export const fulfillmentBody = (orderId: number | string, o: { id?: number; trackingNumber?: string; company?: string; status?: string; shipmentStatus?: string | null } = {}) => ({
  id: o.id ?? 255858046,
  admin_graphql_api_id: `gid://shopify/Fulfillment/${o.id ?? 255858046}`,
  order_id: orderId,
  status: o.status ?? 'success',
  created_at: '2026-12-01T10:00:00-05:00',
  service: 'manual',
  updated_at: '2026-12-01T10:00:00-05:00',
  tracking_company: o.company ?? 'GHN',
  shipment_status: o.shipmentStatus ?? null,
  location_id: 655441491,
  line_items: [],
  tracking_number: o.trackingNumber ?? 'GHN123456VN',
  tracking_numbers: [o.trackingNumber ?? 'GHN123456VN'],
  tracking_url: `https://donhang.ghn.vn/?order_code=${o.trackingNumber ?? 'GHN123456VN'}`,
  tracking_urls: [`https://donhang.ghn.vn/?order_code=${o.trackingNumber ?? 'GHN123456VN'}`],
  name: '#1001.1',
});

/** The body as Shopify sends it: `order_id` a JSON number with every digit (past 2^53, as Shopify's ids are). */
export const fulfillmentJson = (orderId: string, o: Parameters<typeof fulfillmentBody>[1] = {}): string =>
  JSON.stringify(fulfillmentBody('__ORDER__', o)).replace('"order_id":"__ORDER__"', `"order_id":${orderId}`);
