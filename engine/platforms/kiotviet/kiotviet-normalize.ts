import type { Address, Order } from '../../contract/index.ts';
import { Order as OrderSchema } from '../../contract/index.ts';
import type { Normalized } from '../adapter.ts';
import { asDecimal, decimalSum } from './kiotviet-decimal.ts';
import type { KiotVietApiCustomer, KiotVietDetail, KiotVietDocument, KiotVietEnriched } from './kiotviet-payload.ts';
import type { KiotVietSettings } from './kiotviet-settings.ts';
import { canonicalState, financialOf, paymentOf, statusLabel } from './kiotviet-status.ts';

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
  const state = canonicalState(kind, doc);
  const cancelled = state.cancelled === true;
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
    // The document code the merchant knows (DH000123, HD000045); the id stays in platformOrderId.
    number: doc.Code,
    createdAt: kiotVietTime(doc.PurchaseDate, settings.utcOffset) ?? updatedAt,
    updatedAt,
    financialStatus: financialOf(doc, cancelled),
    fulfillmentStatus: state.fulfillment,
    deliveryStatus: state.delivery,
    ...paymentOf(doc),
    // KiotViet gives no cancel time: the document's last change is when it was cancelled, kept once known.
    cancelledAt: cancelled ? (previous?.cancelledAt ?? updatedAt) : null,
    cancelReason: null,
    platformStatus: statusLabel(kind, doc),
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
    // Deleting is final on KiotViet: a late update of a removed document does not bring it back.
    deletedAt: previous?.deletedAt ?? null,
  });
}

/**
 * A `RemoveId` entry: the order Flowdesk stored, marked deleted (the body carries the id only).
 * Without a stored order, a placeholder that `skip` keeps from being applied: KiotViet sends
 * RemoveId for products and customers too (errata 6), and the body does not say which.
 */
function normalizeRemoval(e: Extract<KiotVietEnriched, { kind: 'removal' }>, settings: KiotVietSettings, storeId: string, previous: Order | null): Order {
  const observed = e.observedAt;
  if (previous) {
    const updatedAt = Date.parse(observed) > Date.parse(previous.updatedAt) ? observed : previous.updatedAt;
    return OrderSchema.parse({ ...previous, updatedAt, deletedAt: previous.deletedAt ?? observed });
  }
  return OrderSchema.parse({
    platform: 'kiotviet', storeId, platformOrderId: `order/${e.id}`, number: e.id,
    createdAt: observed, updatedAt: observed, financialStatus: 'unknown', fulfillmentStatus: 'unknown', deletedAt: observed,
    platformStatus: null, storeStatus: null, customer: null, shippingAddress: null, billingAddress: null, lineItems: [],
    subtotalPrice: '0', totalPrice: '0', totalTax: '0', totalDiscounts: '0', currency: settings.currency, tags: [],
    salesChannel: settings.salesChannel, test: false,
    note: `KiotViet RemoveId ${e.id}: Flowdesk had no order with this id (KiotViet also sends RemoveId for deleted products and customers)`,
  });
}

/** Canonical state only: the events are derived from it by domain/order-events.ts. */
export function normalizeKiotViet(e: KiotVietEnriched, settings: KiotVietSettings, storeId: string, previous: Order | null): Normalized {
  if (e.kind === 'removal') return { order: normalizeRemoval(e, settings, storeId, previous) };
  return { order: normalizeKiotVietDocument(e, settings, storeId, previous) };
}
