import type { Address, CanonicalEventType, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { Order as OrderSchema } from '../../contract/index.ts';
import type { Normalized } from '../adapter.ts';
import { asDecimal, decimalSum } from './kiotviet-decimal.ts';
import type { KiotVietApiCustomer, KiotVietDetail, KiotVietDocument, KiotVietEnriched } from './kiotviet-payload.ts';
import type { KiotVietSettings } from './kiotviet-settings.ts';

interface StatusInfo {
  label: string;
  fulfillment: FulfillmentStatus;
  cancelled?: true;
}

/**
 * KiotViet `Status` codes. Orders (đặt hàng, reference §7.2 [COMMUNITY]); a sales order that is
 * being delivered or is complete has left the shop, so it counts as fulfilled.
 */
export const orderStatuses: Record<number, StatusInfo> = {
  1: { label: 'Phiếu tạm', fulfillment: 'unfulfilled' },
  2: { label: 'Đang giao hàng', fulfillment: 'fulfilled' },
  3: { label: 'Hoàn thành', fulfillment: 'fulfilled' },
  4: { label: 'Đã hủy', fulfillment: 'unfulfilled', cancelled: true },
  5: { label: 'Đã xác nhận', fulfillment: 'unfulfilled' },
};

/** Invoices (hóa đơn) have their own enum (assumed from the Public API's invoice statuses; `StatusValue` wins for display). */
export const invoiceStatuses: Record<number, StatusInfo> = {
  1: { label: 'Hoàn thành', fulfillment: 'fulfilled' },
  2: { label: 'Đã hủy', fulfillment: 'unfulfilled', cancelled: true },
  3: { label: 'Đang xử lý', fulfillment: 'unfulfilled' },
  5: { label: 'Không giao được', fulfillment: 'unfulfilled' },
};

/** KiotViet times ("2024-03-05T10:11:12.1230000", usually without an offset) as ISO 8601 with one. */
export function kiotVietTime(s: string | null | undefined, utcOffset: string): string | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return null;
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
  const fraction = m[3] ? `.${m[3].slice(0, 3).padEnd(3, '0')}` : '';
  const zone = !m[4] ? utcOffset : m[4] === 'Z' ? 'Z' : `${m[4].slice(0, 3)}:${m[4].slice(-2)}`;
  const iso = `${m[1]}T${time}${fraction}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

const isZero = (d: string) => /^-?0+(\.0+)?$/.test(d);

function financial(doc: KiotVietDocument, cancelled: boolean): FinancialStatus {
  const total = asDecimal(doc.Total) ?? '0';
  const paid = asDecimal(doc.TotalPayment) ?? '0';
  if (isZero(paid)) return cancelled ? 'voided' : isZero(total) ? 'paid' : 'pending';
  return decimalSum([paid], [total]).startsWith('-') ? 'partially_paid' : 'paid';
}

/** "Hồ Chí Minh - Quận 1" → province, district. */
function location(name: string | null | undefined): { province: string | null; district: string | null } {
  const [province, district] = (name ?? '').split(' - ').map((p) => p.trim());
  return { province: province || null, district: district || null };
}

function deliveryAddress(doc: KiotVietDocument): Address | null {
  const d = doc.InvoiceDelivery;
  if (!d || !(d.Address || d.Receiver || d.ContactNumber)) return null;
  return { name: d.Receiver || null, phone: d.ContactNumber || null, address1: d.Address || null, ward: d.WardName || null, ...location(d.LocationName), countryCode: 'VN' };
}

function customerAddress(c: KiotVietApiCustomer | null): Address | null {
  if (!c || !(c.address || c.locationName)) return null;
  return { name: c.name || null, phone: c.contactNumber || null, address1: c.address || null, ward: c.wardName || null, ...location(c.locationName), countryCode: 'VN' };
}

function lineItem(d: KiotVietDetail, index: number) {
  const exact = Number.isInteger(d.Quantity);
  return {
    id: d.ProductId ? `${d.ProductId}:${index}` : String(index),
    productId: d.ProductId ?? null,
    variantId: null,
    sku: d.ProductCode || null,
    title: d.ProductName || d.ProductCode || '(untitled item)',
    variantTitle: null,
    // KiotViet sells by weight too (1.5 kg): the canonical quantity is whole, the exact one a property.
    quantity: exact ? d.Quantity : Math.max(1, Math.round(d.Quantity)),
    price: asDecimal(d.Price) ?? '0',
    tags: [],
    properties: [
      ...(exact ? [] : [{ name: 'Quantity', value: String(d.Quantity) }]),
      ...(asDecimal(d.Discount) && !isZero(asDecimal(d.Discount)!) ? [{ name: 'Discount', value: asDecimal(d.Discount)! }] : []),
      ...(d.Note ? [{ name: 'Note', value: d.Note }] : []),
    ],
  };
}

/**
 * An order (đặt hàng) and an invoice (hóa đơn) are both canonical orders, told apart by their
 * id (`order/123`, `invoice/456`) and number (DH…, HD…): KiotViet numbers them separately and an
 * invoice made from an order is a new document. The invoice adds delivery details and payments.
 */
export function normalizeKiotVietDocument(
  e: Extract<KiotVietEnriched, { kind: 'document' }>, settings: KiotVietSettings, storeId: string, previous: Order | null,
): Order {
  const { document: doc, customer: api } = e;
  const kind = e.topic === 'invoice.update' ? 'invoice' : 'order';
  const info = (kind === 'invoice' ? invoiceStatuses : orderStatuses)[doc.Status];
  const cancelled = info?.cancelled === true;
  const updatedAt = kiotVietTime(doc.ModifiedDate, settings.utcOffset) ?? kiotVietTime(doc.PurchaseDate, settings.utcOffset);
  if (!updatedAt) throw new Error(`${kind} ${doc.Code} has no readable ModifiedDate or PurchaseDate`);
  const total = asDecimal(doc.Total) ?? '0';
  const discount = asDecimal(doc.Discount) ?? '0';
  const phone = api?.contactNumber || doc.InvoiceDelivery?.ContactNumber || null;
  const name = doc.CustomerName || api?.name || null;
  const email = api?.email || null;
  const details = (kind === 'invoice' ? doc.InvoiceDetails : doc.OrderDetails) ?? doc.OrderDetails ?? doc.InvoiceDetails ?? [];

  return OrderSchema.parse({
    platform: 'kiotviet',
    storeId,
    platformOrderId: `${kind}/${doc.Id}`,
    number: doc.Code,
    createdAt: kiotVietTime(doc.PurchaseDate, settings.utcOffset) ?? updatedAt,
    updatedAt,
    financialStatus: financial(doc, cancelled),
    fulfillmentStatus: info?.fulfillment ?? 'unknown',
    cancelledAt: cancelled ? (previous?.cancelledAt ?? updatedAt) : null,
    cancelReason: null,
    platformStatus: doc.StatusValue || info?.label || `Status ${doc.Status}`,
    storeStatus: null,
    customer:
      doc.CustomerId || name || phone || email
        ? { platformCustomerId: doc.CustomerId ?? null, name, email, emailVerified: false, phone, zaloUserId: null, messengerPsid: null }
        : null,
    shippingAddress: deliveryAddress(doc),
    billingAddress: customerAddress(api),
    lineItems: details.map(lineItem),
    subtotalPrice: decimalSum([total, discount]),
    totalPrice: total,
    totalTax: '0',
    totalDiscounts: discount,
    currency: settings.currency,
    tags: [],
    salesChannel: settings.salesChannel,
    note: doc.Description || null,
    test: false,
  });
}

function transitions(before: Order | null, after: Order): CanonicalEventType[] {
  const out: CanonicalEventType[] = [];
  if (after.financialStatus === 'paid' && before?.financialStatus !== 'paid') out.push('order.paid');
  if (after.fulfillmentStatus === 'fulfilled' && before?.fulfillmentStatus !== 'fulfilled') out.push('order.fulfilled');
  if (after.cancelledAt && !before?.cancelledAt) out.push('order.cancelled');
  const refunded = after.financialStatus === 'refunded' || after.financialStatus === 'partially_refunded';
  if (refunded && before?.financialStatus !== after.financialStatus) out.push('order.refunded');
  return out;
}

/** KiotViet has no create event (order.update fires for new orders too): first sight is "created". */
export function kiotVietEvents(order: Order, previous: Order | null): CanonicalEventType[] {
  if (!previous) return ['order.created', ...transitions(null, order)];
  const now = Date.parse(order.updatedAt);
  const before = Date.parse(previous.updatedAt);
  if (now < before) return [];
  const events = transitions(previous, order);
  if (events.length === 0 && now > before) events.push('order.updated');
  return events;
}

export const DELETED = 'deleted';

/**
 * A `RemoveId` entry. With the order known, it is that order marked deleted; with none, a
 * placeholder that triggers nothing (KiotViet sends RemoveId for products and customers too,
 * errata 6, and the body does not say which).
 */
function normalizeRemoval(e: Extract<KiotVietEnriched, { kind: 'removal' }>, settings: KiotVietSettings, storeId: string, previous: Order | null): Normalized {
  const observed = e.observedAt;
  if (previous) {
    const updatedAt = Date.parse(observed) > Date.parse(previous.updatedAt) ? observed : previous.updatedAt;
    const order = OrderSchema.parse({ ...previous, platformStatus: DELETED, updatedAt });
    return { order, events: previous.platformStatus === DELETED ? [] : ['order.deleted'] };
  }
  const order = OrderSchema.parse({
    platform: 'kiotviet', storeId, platformOrderId: `order/${e.id}`, number: `order/${e.id}`,
    createdAt: observed, updatedAt: observed, financialStatus: 'unknown', fulfillmentStatus: 'unknown',
    platformStatus: DELETED, storeStatus: null, customer: null, shippingAddress: null, billingAddress: null, lineItems: [],
    subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: settings.currency, tags: [],
    salesChannel: settings.salesChannel, test: false,
    note: `KiotViet RemoveId ${e.id}: Flowdesk had no order with this id (KiotViet also sends RemoveId for deleted products and customers)`,
  });
  return { order, events: [] };
}

export function normalizeKiotViet(e: KiotVietEnriched, settings: KiotVietSettings, storeId: string, previous: Order | null): Normalized {
  if (e.kind === 'removal') return normalizeRemoval(e, settings, storeId, previous);
  const order = normalizeKiotVietDocument(e, settings, storeId, previous);
  return { order, events: kiotVietEvents(order, previous) };
}
