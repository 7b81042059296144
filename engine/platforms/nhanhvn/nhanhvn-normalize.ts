import type { CanonicalEventType, FinancialStatus, Order } from '../../contract/index.ts';
import { fieldsFromV1, fieldsFromV2, fieldsFromV3, sumDecimals, type NhanhFields } from './nhanhvn-fields.ts';
import { NhanhV1Order, NhanhV2Order, NhanhV3Order, orderIdsOf, type NhanhPayload } from './nhanhvn-payload.ts';
import { nhanhStatus, nhanhTransitionEvents, salesChannelName, type NhanhSettings } from './nhanhvn-status.ts';

/** Nhanh order events (v2/v3 `event`, v1 `?kind=`) and the canonical event each one is. */
export const nhanhOrderEvents: Record<string, CanonicalEventType> = {
  orderAdd: 'order.created',
  orderUpdate: 'order.updated',
  orderDelete: 'order.deleted',
};

/** An order known by its id only (a deletion or a bare status change of an order never seen). */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';
/** Nhanh has no "deleted" status; this marks an order deleted on Nhanh. */
export const DELETED_STATUS = 'Deleted';

function blank(id: string, storeId: string, settings: NhanhSettings): Order {
  return {
    platform: 'nhanhvn', storeId, platformOrderId: id, number: `#${id}`,
    createdAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME,
    financialStatus: 'unknown', fulfillmentStatus: 'unknown', cancelledAt: null, cancelReason: null,
    platformStatus: null, storeStatus: null, customer: null, shippingAddress: null, billingAddress: null,
    lineItems: [], subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: settings.currency,
    tags: [], salesChannel: 'Nhanh.vn', note: null, test: false,
  };
}

/** The delivery's fields, whichever of the three dialects it is in. */
export function nhanhFields(payload: NhanhPayload, settings: NhanhSettings): NhanhFields {
  if (payload.format === 'v1') {
    const item = Array.isArray(payload.data) ? (payload.data as unknown[])[0] : payload.data;
    return fieldsFromV1(NhanhV1Order.parse(item));
  }
  const data = payload.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'info' in data) return fieldsFromV3(NhanhV3Order.parse(data), settings.utcOffset);
  return fieldsFromV2(NhanhV2Order.parse(data), settings.utcOffset);
}

function financial(mapped: FinancialStatus | undefined, f: NhanhFields, total: string, previous: Order | null): FinancialStatus {
  if (mapped !== 'pending') return mapped ?? 'unknown';
  if (f.prepaid !== undefined && Number(f.prepaid) > 0 && Number(total) > 0) {
    // COD shops take transfers and deposits up front: cover the whole order and it is paid.
    return Number(f.prepaid) >= Number(total) ? 'paid' : 'partially_paid';
  }
  if (f.prepaid === undefined && previous && (previous.financialStatus === 'paid' || previous.financialStatus === 'partially_paid')) return previous.financialStatus;
  return 'pending';
}

/** Lays what the delivery sent over what Flowdesk stored (or over an order known by its id only). */
export function buildNhanhOrder(f: NhanhFields, storeId: string, settings: NhanhSettings, previous: Order | null): Order {
  const base = previous ?? blank(f.id, storeId, settings);
  const status = f.status ?? base.platformStatus ?? null;
  const mapped = status ? nhanhStatus(status, settings) : undefined;
  const total = f.total ?? base.totalPrice;
  const lineItems = f.lineItems ?? base.lineItems;
  const updatedAt = f.updatedAt ?? previous?.updatedAt ?? f.createdAt ?? UNKNOWN_TIME;
  const cancelled = mapped?.cancelled ?? false;
  const wasCancelled = previous?.platformStatus ? (nhanhStatus(previous.platformStatus, settings)?.cancelled ?? false) : false;
  const customer = f.customer
    ? { platformCustomerId: null, name: null, firstName: null, lastName: null, email: null, emailVerified: false, phone: null, zaloUserId: null, messengerPsid: null, ...base.customer, ...f.customer }
    : base.customer;
  return {
    ...base,
    createdAt: f.createdAt ?? previous?.createdAt ?? f.updatedAt ?? UNKNOWN_TIME,
    updatedAt,
    financialStatus: status ? financial(mapped?.financialStatus, f, total, previous) : base.financialStatus,
    fulfillmentStatus: status ? (mapped?.fulfillmentStatus ?? 'unknown') : base.fulfillmentStatus,
    cancelledAt: cancelled ? ((wasCancelled ? previous?.cancelledAt : null) ?? updatedAt) : null,
    cancelReason: cancelled ? (f.reason ?? (wasCancelled ? previous?.cancelReason : null) ?? null) : null,
    platformStatus: status,
    customer,
    shippingAddress: f.address ?? base.shippingAddress,
    lineItems,
    subtotalPrice: f.lineItems && f.lineItems.length > 0 ? sumDecimals(f.lineItems.map((li) => [li.price, li.quantity])) : previous ? base.subtotalPrice : total,
    totalPrice: total,
    totalDiscounts: f.discount ?? base.totalDiscounts,
    salesChannel: f.channel !== undefined ? salesChannelName(f.channel, settings) : base.salesChannel,
    note: f.note !== undefined ? f.note : base.note,
  };
}

export function deletedNhanhOrder(payload: NhanhPayload, storeId: string, settings: NhanhSettings, previous: Order | null): Order {
  const [id] = orderIdsOf(payload.data);
  if (!id) throw new Error('orderDelete names no order id');
  return { ...(previous ?? blank(id, storeId, settings)), platformStatus: DELETED_STATUS };
}

/**
 * The events: the delivery's own, then what the status change stands for against the stored
 * order. An order never seen counts from nothing: Nhanh sends orderUpdate when the change
 * happens, so a first-seen "Success" is a payment that just happened. A delivery older than the
 * stored order (v3 `updatedAt`) derives nothing.
 */
export function nhanhEvents(event: CanonicalEventType, order: Order, previous: Order | null, settings: NhanhSettings): CanonicalEventType[] {
  if (event === 'order.deleted') return [event];
  if (previous && Date.parse(order.updatedAt) < Date.parse(previous.updatedAt)) return [event];
  return [event, ...nhanhTransitionEvents(previous, order, settings)];
}
