import type { Address, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { FinancialStatus as FinancialStatusSchema } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import type { HaravanAddress, HaravanOrder } from './haravan-payload.ts';
import type { HaravanSettings } from './haravan-settings.ts';
import { haravanShipping, shipmentDelivery } from './haravan-delivery.ts';
import { decimal, idText, isoTime, tagList, text } from './haravan-values.ts';

/**
 * Haravan order topics (reference §2.4, names as Shopify's; a Haravan unit test asserts them
 * against real webhook data). Each carries the whole order; the events come from the change of
 * its state (domain/order-events.ts), whichever topic shows it first.
 */
export const haravanOrderTopics: ReadonlySet<string> = new Set([
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/delete',
]);

/**
 * pending, authorized, partially_paid, paid, partially_refunded, refunded, voided: the canonical
 * words. Paid only when Haravan says so: a COD order stays `pending` until the collection is
 * recorded (DOMAIN.md), so nothing is inferred from the gateway, the shipment or its COD status.
 */
function financial(s: string | null | undefined): FinancialStatus {
  const parsed = FinancialStatusSchema.safeParse(s ?? 'pending');
  return parsed.success ? parsed.data : 'unknown';
}

/** Haravan writes "no shipment yet" as null or "notfulfilled" (Errata 2). */
function fulfillment(s: string | null | undefined): FulfillmentStatus {
  switch (s ?? null) {
    case null:
    case 'notfulfilled':
    case 'unfulfilled':
      return 'unfulfilled';
    case 'partial':
      return 'partial';
    case 'fulfilled':
      return 'fulfilled';
    case 'restocked':
      return 'restocked';
    default:
      return 'unknown';
  }
}

/** The order's own state: cancelled and closed win over the confirmation flag. */
function platformStatus(o: HaravanOrder): string {
  if (o.cancelled_status === 'cancelled' || o.cancelled_at) return 'cancelled';
  if (o.closed_status === 'closed' || o.closed_at) return 'closed';
  return o.confirmed_status ?? 'open';
}

/** Delivery progress lives on the shipments (Errata 2): the latest one's carrier status. */
function deliveryStatus(o: HaravanOrder, settings: HaravanSettings): string {
  const shipments = [...(o.fulfillments ?? [])].sort((a, b) => Date.parse(a.created_at ?? '') - Date.parse(b.created_at ?? ''));
  const latest = shipments.at(-1);
  if (!latest) return settings.notShipped;
  const code = latest.carrier_status_code ?? null;
  if (code && Object.hasOwn(settings.deliveryStatuses, code)) return settings.deliveryStatuses[code]!;
  return text(latest.carrier_status_name) ?? code ?? settings.notShipped;
}

function address(a: HaravanAddress | null | undefined): Address | null {
  if (!a) return null;
  const firstName = text(a.first_name);
  const lastName = text(a.last_name);
  return {
    name: text(a.name) ?? ([firstName, lastName].filter(Boolean).join(' ') || null),
    firstName,
    lastName,
    phone: text(a.phone),
    company: text(a.company),
    address1: text(a.address1),
    address2: text(a.address2),
    ward: text(a.ward),
    district: text(a.district),
    city: text(a.city),
    province: text(a.province),
    provinceCode: text(a.province_code),
    country: text(a.country),
    countryCode: text(a.country_code)?.toUpperCase() ?? null,
    zip: text(a.zip),
  };
}

/** `name` is the number Haravan shows ("#100020"); its `number` is an internal key (the docs' example repeats the id). */
function orderNumber(o: HaravanOrder, id: string): string {
  return text(o.name) ?? idText(o.order_number) ?? id;
}

/** The cancel time Haravan gives, else (only the cancelled flag set) the order's own last update. */
function cancelledAt(o: HaravanOrder, updatedAt: string): string | null {
  if (o.cancelled_at) return isoTime(o.cancelled_at, 'cancelled_at');
  return o.cancelled_status === 'cancelled' ? updatedAt : null;
}

export function normalizeHaravanOrder(o: HaravanOrder, storeId: string, settings: HaravanSettings): Order {
  const c = o.customer ?? null;
  const billing = o.billing_address ?? null;
  const shipping = o.shipping_address ?? null;
  const email = text(o.email) ?? text(o.contact_email) ?? text(c?.email);
  const firstName = text(c?.first_name) ?? text(billing?.first_name) ?? text(shipping?.first_name);
  const lastName = text(c?.last_name) ?? text(billing?.last_name) ?? text(shipping?.last_name);
  const phone = text(o.phone) ?? text(c?.phone) ?? text(billing?.phone) ?? text(shipping?.phone);
  const name = [firstName, lastName].filter(Boolean).join(' ') || null;
  const id = String(o.id);
  const source = text(o.source_name) ?? text(o.source);
  const updatedAt = isoTime(o.updated_at, 'updated_at');
  const state = haravanShipping(fulfillment(o.fulfillment_status), o.fulfillments ?? [], settings);
  const gateway = text(o.gateway);
  const gatewayCode = text(o.gateway_code);
  return {
    platform: 'haravan',
    storeId,
    platformOrderId: id,
    number: orderNumber(o, id),
    createdAt: isoTime(o.created_at, 'created_at'),
    updatedAt,
    financialStatus: financial(o.financial_status),
    fulfillmentStatus: state.fulfillment,
    deliveryStatus: state.delivery,
    cashOnDelivery: isCashOnDelivery(gatewayCode) || isCashOnDelivery(gateway),
    paymentMethod: gateway ?? gatewayCode,
    cancelledAt: cancelledAt(o, updatedAt),
    cancelReason: o.cancel_reason ?? null,
    platformStatus: platformStatus(o),
    storeStatus: deliveryStatus(o, settings),
    customer:
      email || name || phone || c
        ? {
            platformCustomerId: idText(c?.id),
            name,
            firstName,
            lastName,
            email,
            emailVerified: c?.verified_email === true,
            phone,
            zaloUserId: null,
            messengerPsid: null,
          }
        : null,
    shippingAddress: address(shipping),
    billingAddress: address(billing),
    shipments: (o.fulfillments ?? []).map((f) => ({
      id: idText(f.id),
      trackingNumber: text(f.tracking_number) ?? text(f.tracking_numbers?.[0]),
      carrier: text(f.tracking_company),
      trackingUrl: text(f.tracking_url) ?? text(f.tracking_urls?.[0]),
      status: text(f.status),
      deliveryStatus: shipmentDelivery(f, settings),
      createdAt: text(f.created_at),
    })),
    lineItems: (o.line_items ?? []).map((li) => ({
      id: idText(li.id),
      productId: idText(li.product_id),
      variantId: idText(li.variant_id),
      sku: text(li.sku),
      title: text(li.title) ?? text(li.name) ?? '(untitled item)',
      variantTitle: text(li.variant_title),
      quantity: li.quantity,
      price: decimal(li.price),
      tags: [],
      properties: (li.properties ?? []).map((p) => ({ name: String(p.name), value: String(p.value) })),
    })),
    subtotalPrice: decimal(o.subtotal_price, decimal(o.total_price)),
    totalPrice: decimal(o.total_price),
    totalTax: decimal(o.total_tax),
    totalDiscounts: decimal(o.total_discounts),
    currency: text(o.currency) ?? 'VND',
    tags: tagList(o.tags),
    salesChannel: source ? (Object.hasOwn(settings.salesChannels, source) ? settings.salesChannels[source]! : source) : null,
    note: o.note ?? null,
    test: o.test ?? false,
  };
}
