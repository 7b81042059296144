import type { Address, CanonicalEventType, LineItem, Order } from '../../contract/index.ts';
import type { WooAddress, WooOrder } from './woocommerce-payload.ts';
import { transitionEvents, wooStatus, type WooSettings } from './woocommerce-status.ts';

/** WooCommerce order topics and the canonical event each one is before status transitions. */
export const wooOrderTopics: Record<string, CanonicalEventType> = {
  'order.created': 'order.created',
  'order.updated': 'order.updated',
  // Untrashing sends the whole order again: it is an update of the stored order.
  'order.restored': 'order.updated',
  'order.deleted': 'order.deleted',
};

/** An order Flowdesk never saw, deleted: nothing is known but its id. Sorts before any real state. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

/** `*_gmt` fields carry no offset ("2026-11-20T09:15:02"): they are UTC. */
export function wooTime(gmt: string | null | undefined, local?: string | null): string | null {
  const t = gmt || local;
  if (!t) return null;
  return /(Z|[+-]\d\d:?\d\d)$/i.test(t) ? t : `${t}Z`;
}

const channels: Record<string, string> = { checkout: 'Online Store', 'store-api': 'Online Store', admin: 'Admin', 'rest-api': 'REST API' };

function idOrNull(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined || v === 0 || v === '0' || v === '') return null;
  return String(v);
}

function address(a: WooAddress | null | undefined): Address | null {
  if (!a) return null;
  const name = [a.first_name, a.last_name].filter(Boolean).join(' ') || null;
  if (!name && !a.address_1 && !a.city && !a.phone && !a.company) return null;
  return {
    name,
    firstName: a.first_name || null,
    lastName: a.last_name || null,
    phone: a.phone || null,
    company: a.company || null,
    address1: a.address_1 || null,
    address2: a.address_2 || null,
    city: a.city || null,
    province: null,
    provinceCode: a.state || null,
    country: null,
    countryCode: a.country || null,
    zip: a.postcode || null,
  };
}

function scalar(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

function lineItem(li: WooOrder['line_items'][number]): LineItem {
  const properties = (li.meta_data ?? []).flatMap((m) => {
    const name = m.display_key || m.key;
    const value = scalar(m.display_value) ?? scalar(m.value);
    // Keys starting with "_" are WooCommerce's hidden item meta.
    return name && !name.startsWith('_') && value !== null ? [{ name, value }] : [];
  });
  return {
    id: idOrNull(li.id),
    productId: idOrNull(li.product_id),
    variantId: idOrNull(li.variation_id),
    sku: li.sku || null,
    title: li.name || '(untitled item)',
    variantTitle: null,
    quantity: li.quantity,
    price: li.price ?? '0',
    tags: [],
    properties,
  };
}

/** Adds decimal strings exactly ("10.50" + "3" = "13.50"). */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of values) {
    const negative = v.startsWith('-');
    const [int = '0', frac = ''] = v.replace(/^-/, '').split('.');
    const n = BigInt(`${int}${frac.padEnd(scale, '0')}`);
    total += negative ? -n : n;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const out = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${out}` : out;
}

export function normalizeWooOrder(o: WooOrder, storeId: string, settings: WooSettings, previous: Order | null): Order {
  const mapped = wooStatus(o.status, settings);
  const paidAt = wooTime(o.date_paid_gmt);
  let financialStatus = mapped?.financialStatus ?? (paidAt ? 'paid' : 'unknown');
  // Partial refunds keep the order's status and add to `refunds[]`.
  if (financialStatus === 'paid' && (o.refunds ?? []).length > 0) financialStatus = 'partially_refunded';
  const updatedAt = wooTime(o.date_modified_gmt, o.date_modified) ?? wooTime(o.date_created_gmt, o.date_created) ?? UNKNOWN_TIME;
  const createdAt = wooTime(o.date_created_gmt, o.date_created) ?? updatedAt;
  const cancelled = mapped?.cancelled ?? false;
  const b = o.billing;
  const firstName = b?.first_name || o.shipping?.first_name || null;
  const lastName = b?.last_name || o.shipping?.last_name || null;
  const name = [firstName, lastName].filter(Boolean).join(' ') || null;
  const email = b?.email || null;
  const phone = b?.phone || o.shipping?.phone || null;
  const customerId = idOrNull(o.customer_id);
  const subtotals = o.line_items.map((li) => li.subtotal ?? li.total ?? '0');
  const previousCancelled = previous?.platformStatus ? (wooStatus(previous.platformStatus, settings)?.cancelled ?? false) : false;
  return {
    platform: 'woocommerce',
    storeId,
    platformOrderId: String(o.id),
    number: `#${o.number ?? o.id}`,
    createdAt,
    updatedAt,
    financialStatus,
    fulfillmentStatus: mapped?.fulfillmentStatus ?? (wooTime(o.date_completed_gmt) ? 'fulfilled' : 'unknown'),
    // WooCommerce keeps no cancellation time: the modification that made the order cancelled is it.
    cancelledAt: cancelled ? ((previousCancelled ? previous?.cancelledAt : null) ?? updatedAt) : null,
    cancelReason: null,
    platformStatus: o.status,
    storeStatus: null,
    customer:
      email || name || phone || customerId
        ? { platformCustomerId: customerId, name, firstName, lastName, email, emailVerified: false, phone, zaloUserId: null, messengerPsid: null }
        : null,
    shippingAddress: address(o.shipping),
    billingAddress: address(o.billing),
    lineItems: o.line_items.map(lineItem),
    subtotalPrice: subtotals.length > 0 ? sumDecimals(subtotals) : o.total,
    totalPrice: o.total,
    totalTax: o.total_tax ?? '0.00',
    totalDiscounts: o.discount_total ?? '0.00',
    currency: o.currency,
    tags: [],
    salesChannel: o.created_via ? (channels[o.created_via] ?? o.created_via) : null,
    note: o.customer_note || null,
    test: false,
  };
}

/** A trashed order: the stored one marked "trash", or only its id when Flowdesk never saw it. */
export function deletedWooOrder(id: string, storeId: string, previous: Order | null): Order {
  if (previous) return { ...previous, platformStatus: 'trash' };
  return {
    platform: 'woocommerce', storeId, platformOrderId: id, number: `#${id}`,
    createdAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME,
    financialStatus: 'unknown', fulfillmentStatus: 'unknown', cancelledAt: null, cancelReason: null,
    platformStatus: 'trash', storeStatus: null, customer: null, shippingAddress: null, billingAddress: null,
    lineItems: [], subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: '',
    tags: [], salesChannel: null, note: null, test: false,
  };
}

/** How close `date_paid_gmt` / `date_completed_gmt` must be to the modification to say "it happened in this change". */
const SAME_CHANGE_MS = 120_000;

/**
 * The events an order state stands for, given what Flowdesk stored before.
 * - order.created: the new order's own state counts (created already paid → order.paid).
 * - order.updated with a stored order: the difference between the two.
 * - order.updated for an order never seen: only what `date_paid_gmt` / `date_completed_gmt`
 *   say happened in this very modification; an old paid order edited later is not "paid" again.
 * - a delivery older than what is stored derives nothing.
 */
export function wooEvents(topicEvent: CanonicalEventType, o: WooOrder, order: Order, previous: Order | null, settings: WooSettings): CanonicalEventType[] {
  const isCancelled = (x: Order) => (x.platformStatus ? (wooStatus(x.platformStatus, settings)?.cancelled ?? false) : false);
  if (previous && Date.parse(order.updatedAt) < Date.parse(previous.updatedAt)) return [topicEvent];
  if (previous || topicEvent === 'order.created') return [topicEvent, ...transitionEvents(previous, order, isCancelled)];
  const modified = Date.parse(order.updatedAt);
  const recent = (t: string | null) => t !== null && Math.abs(modified - Date.parse(t)) <= SAME_CHANGE_MS;
  const events = transitionEvents(null, order, isCancelled).filter((e) => {
    if (e === 'order.paid') return recent(wooTime(o.date_paid_gmt));
    if (e === 'order.fulfilled') return recent(wooTime(o.date_completed_gmt));
    return false;
  });
  return [topicEvent, ...events];
}
