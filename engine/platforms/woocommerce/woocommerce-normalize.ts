import type { Address, LineItem, Order } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import type { WooAddress, WooOrder } from './woocommerce-payload.ts';
import { wooFinancial, wooStatus, type WooSettings } from './woocommerce-status.ts';

/**
 * The WooCommerce order topics Flowdesk processes: each carries the whole order, except
 * `order.deleted`, which carries only its id. Untrashing (`order.restored`) sends the whole
 * order again. Which events they stand for is derived from the change of state, not the topic.
 */
export const wooOrderTopics: Record<string, 'order' | 'deleted'> = {
  'order.created': 'order',
  'order.updated': 'order',
  'order.restored': 'order',
  'order.deleted': 'deleted',
};

/** `trash` is WooCommerce's deleted order, not a state of its own. */
const TRASH = 'trash';

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
  const updatedAt = wooTime(o.date_modified_gmt, o.date_modified) ?? wooTime(o.date_created_gmt, o.date_created) ?? UNKNOWN_TIME;
  const createdAt = wooTime(o.date_created_gmt, o.date_created) ?? updatedAt;
  const state = o.status === TRASH && previous ? previous : wooState(o, settings, previous, updatedAt);
  const b = o.billing;
  const firstName = b?.first_name || o.shipping?.first_name || null;
  const lastName = b?.last_name || o.shipping?.last_name || null;
  const name = [firstName, lastName].filter(Boolean).join(' ') || null;
  const email = b?.email || null;
  const phone = b?.phone || o.shipping?.phone || null;
  const customerId = idOrNull(o.customer_id);
  const subtotals = o.line_items.map((li) => li.subtotal ?? li.total ?? '0');
  return {
    platform: 'woocommerce',
    storeId,
    platformOrderId: String(o.id),
    // `number` is what WooCommerce shows ("2041", or a sequential-numbers plugin's "WC-2041").
    number: String(o.number || o.id),
    createdAt,
    updatedAt,
    financialStatus: state.financialStatus,
    fulfillmentStatus: state.fulfillmentStatus,
    deliveryStatus: state.deliveryStatus ?? 'none',
    cashOnDelivery: isCashOnDelivery(o.payment_method) || isCashOnDelivery(o.payment_method_title),
    paymentMethod: o.payment_method || o.payment_method_title || null,
    cancelledAt: state.cancelledAt ?? null,
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
    // A trashed order stays trashed until `order.restored` sends it with its real status.
    deletedAt: o.status === TRASH ? (previous?.deletedAt ?? updatedAt) : null,
  };
}

type WooState = Pick<Order, 'financialStatus' | 'fulfillmentStatus' | 'deliveryStatus' | 'cancelledAt'>;

/** The canonical state a status word and the payment date stand for (one table: woocommerce-status.ts). */
function wooState(o: WooOrder, settings: WooSettings, previous: Order | null, updatedAt: string): WooState {
  const meaning = o.status === TRASH ? undefined : wooStatus(o.status, settings);
  const paid = wooTime(o.date_paid_gmt, o.date_paid) !== null;
  return {
    financialStatus: wooFinancial(meaning, paid, (o.refunds ?? []).length),
    fulfillmentStatus: meaning?.fulfillmentStatus ?? (wooTime(o.date_completed_gmt) ? 'fulfilled' : 'unknown'),
    deliveryStatus: meaning?.deliveryStatus ?? 'none',
    // WooCommerce keeps no cancellation time: the modification that made the order cancelled is it.
    cancelledAt: meaning?.cancelled ? (previous?.cancelledAt ?? updatedAt) : null,
  };
}

/** An `order.deleted` (only the id): the stored order marked trashed, or only its id when Flowdesk never saw it. */
export function deletedWooOrder(id: string, storeId: string, previous: Order | null): Order {
  // WooCommerce sends no time with a deletion: the last known state's is the best there is.
  if (previous) return { ...previous, platformStatus: TRASH, deletedAt: previous.deletedAt ?? previous.updatedAt };
  return {
    platform: 'woocommerce', storeId, platformOrderId: id, number: id,
    createdAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME,
    financialStatus: 'unknown', fulfillmentStatus: 'unknown', deliveryStatus: 'none', cashOnDelivery: false, paymentMethod: null,
    cancelledAt: null, cancelReason: null,
    platformStatus: TRASH, storeStatus: null, customer: null, shippingAddress: null, billingAddress: null,
    lineItems: [], subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: '',
    tags: [], salesChannel: null, note: null, test: false, deletedAt: UNKNOWN_TIME,
  };
}
