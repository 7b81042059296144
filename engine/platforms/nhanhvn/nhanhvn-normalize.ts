import type { FinancialStatus, Order } from '../../contract/index.ts';
import { fieldsFromV1, fieldsFromV2, fieldsFromV3, sumDecimals, type NhanhFields } from './nhanhvn-fields.ts';
import { NhanhV1Order, NhanhV2Order, NhanhV3Order, orderIdsOf, type NhanhPayload } from './nhanhvn-payload.ts';
import { nhanhStatus, salesChannelName, type NhanhSettings } from './nhanhvn-status.ts';

/**
 * The Nhanh order events Flowdesk processes (v2/v3 `event`, v1 `?kind=`). Which canonical
 * events a delivery stands for is derived from the change of state, not from these names.
 */
export const nhanhOrderEvents: Record<string, 'order' | 'deleted'> = {
  orderAdd: 'order',
  orderUpdate: 'order',
  orderDelete: 'deleted',
};

/** An order known by its id only (a deletion or a bare status change of an order never seen). */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';
/** Nhanh has no "deleted" status; this marks an order deleted on Nhanh. */
export const DELETED_STATUS = 'Deleted';

function blank(id: string, storeId: string, settings: NhanhSettings): Order {
  return {
    platform: 'nhanhvn', storeId, platformOrderId: id, number: id,
    createdAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME,
    financialStatus: 'unknown', fulfillmentStatus: 'unknown', deliveryStatus: 'none', cashOnDelivery: false, paymentMethod: null,
    cancelledAt: null, cancelReason: null,
    platformStatus: null, storeStatus: null, customer: null, shippingAddress: null, billingAddress: null,
    lineItems: [], subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: settings.currency,
    tags: [], salesChannel: 'Nhanh.vn', note: null, test: false, deletedAt: null,
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

/** What the money fields say: received ahead (transfer + deposit), and whether a carrier collects the rest. */
interface Money {
  prepaid: string;
  cashOnDelivery: boolean;
  paymentMethod: string | null;
}

/**
 * Nhanh names no payment method: the amounts do. What transfer and deposit leave of the total
 * is collected by the carrier on delivery (COD, "thu hộ"), unless the sale was at the counter.
 * Undefined when the delivery repeats none of the amounts (a bare v2 status change).
 */
function moneyOf(f: NhanhFields, total: string): Money | undefined {
  if (f.transfer === undefined && f.deposit === undefined && f.codFee === undefined) return undefined;
  const transfer = f.transfer ?? '0';
  const deposit = f.deposit ?? '0';
  const prepaid = sumDecimals([[transfer, 1], [deposit, 1]]);
  const rest = Number(total) > 0 ? Number(total) - Number(prepaid) > 0 : Number(f.codFee ?? 0) > 0;
  const cashOnDelivery = rest && f.counterSale !== true;
  const paymentMethod = cashOnDelivery ? 'cod' : Number(transfer) > 0 ? 'transfer' : Number(deposit) > 0 ? 'deposit' : null;
  return { prepaid, cashOnDelivery, paymentMethod };
}

const received: Partial<Record<FinancialStatus, number>> = { pending: 0, partially_paid: 1, paid: 2 };

/**
 * A status that says `pending` says "not collected yet": what was received ahead still counts
 * (transfer + deposit covering the order is paid, part of it partially paid), and money once
 * received stays received until a status says otherwise (voided, refunded): a later status
 * (a return after a collected "Success") or a bare status change forgets nothing. Only a new
 * total (the order was edited) makes the amounts count afresh.
 */
function financial(mapped: FinancialStatus | undefined, money: Money | undefined, total: string, previous: Order | null): FinancialStatus {
  if (mapped !== 'pending') return mapped ?? 'unknown';
  let status: FinancialStatus = 'pending';
  if (money && Number(money.prepaid) > 0 && Number(total) > 0) status = Number(money.prepaid) >= Number(total) ? 'paid' : 'partially_paid';
  const before = previous?.financialStatus;
  const sameOrder = !money || total === previous?.totalPrice;
  if (before !== undefined && sameOrder && (received[before] ?? 0) > (received[status] ?? 0)) return before;
  return status;
}

/** Lays what the delivery sent over what Flowdesk stored (or over an order known by its id only). */
export function buildNhanhOrder(f: NhanhFields, storeId: string, settings: NhanhSettings, previous: Order | null): Order {
  const base = previous ?? blank(f.id, storeId, settings);
  const status = f.status ?? base.platformStatus ?? null;
  const meaning = status ? nhanhStatus(status, settings) : undefined;
  const total = f.total ?? base.totalPrice;
  const lineItems = f.lineItems ?? base.lineItems;
  const updatedAt = f.updatedAt ?? previous?.updatedAt ?? f.createdAt ?? UNKNOWN_TIME;
  const money = moneyOf(f, total);
  const cancelled = meaning?.cancelled ?? false;
  const customer = f.customer
    ? { platformCustomerId: null, name: null, firstName: null, lastName: null, email: null, emailVerified: false, phone: null, zaloUserId: null, messengerPsid: null, ...base.customer, ...f.customer }
    : base.customer;
  return {
    ...base,
    // Nhanh shows its order id as is: no "#".
    number: base.platformOrderId,
    createdAt: f.createdAt ?? previous?.createdAt ?? f.updatedAt ?? UNKNOWN_TIME,
    updatedAt,
    financialStatus: status ? financial(meaning?.financialStatus, money, total, previous) : base.financialStatus,
    fulfillmentStatus: status ? (meaning?.fulfillmentStatus ?? 'unknown') : base.fulfillmentStatus,
    deliveryStatus: status ? (meaning?.deliveryStatus ?? 'none') : (base.deliveryStatus ?? 'none'),
    cashOnDelivery: money ? money.cashOnDelivery : (base.cashOnDelivery ?? false),
    paymentMethod: money ? money.paymentMethod : (base.paymentMethod ?? null),
    // Nhanh sends no cancellation time: the first delivery that shows the order cancelled is it.
    cancelledAt: cancelled ? (previous?.cancelledAt ?? updatedAt) : null,
    cancelReason: cancelled ? (f.reason ?? previous?.cancelReason ?? null) : null,
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

/** An `orderDelete` (ids only): the stored order marked deleted, or only its id when Flowdesk never saw it. */
export function deletedNhanhOrder(payload: NhanhPayload, storeId: string, settings: NhanhSettings, previous: Order | null): Order {
  const [id] = orderIdsOf(payload.data);
  if (!id) throw new Error('orderDelete names no order id');
  const base = previous ?? blank(id, storeId, settings);
  // Nhanh sends no time with a deletion: the last known state's is the best there is.
  return { ...base, number: base.platformOrderId, platformStatus: DELETED_STATUS, deletedAt: base.deletedAt ?? base.updatedAt };
}
