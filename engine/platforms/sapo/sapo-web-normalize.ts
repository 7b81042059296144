import type { Address, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { FinancialStatus as FinancialStatusSchema } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import { shipmentState } from '../shopify/shopify-delivery.ts';
import type { SapoWebAddress, SapoWebOrder } from './sapo-web-payload.ts';
import type { SapoSettings } from './sapo-settings.ts';
import { decimal, idText, isoTime, lookup, tagList, text } from './sapo-values.ts';

/**
 * authorized, paid, partially_paid, pending, refunded, voided (+ partially_refunded): the
 * canonical words. Paid only when Sapo says so: a COD order stays `pending` until the
 * collection is recorded, whatever its shipping.
 */
function financial(s: string | null | undefined): FinancialStatus {
  const parsed = FinancialStatusSchema.safeParse(s ?? 'pending');
  return parsed.success ? parsed.data : 'unknown';
}

function fulfillment(s: string | null | undefined): FulfillmentStatus {
  switch (s ?? null) {
    case null:
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

function address(a: SapoWebAddress | null | undefined): Address | null {
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

/** Every gateway the order used, as Sapo names them ("Thanh toán khi giao hàng (COD)"). */
function gateways(o: SapoWebOrder): string[] {
  const names = (o.payment_gateway_names ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length > 0) return names;
  return text(o.gateway) ? [text(o.gateway)!] : [];
}

export function normalizeSapoWebOrder(o: SapoWebOrder, storeId: string, settings: SapoSettings): Order {
  const c = o.customer ?? null;
  const billing = o.billing_address ?? null;
  const shipping = o.shipping_address ?? null;
  const email = text(o.email) ?? text(o.contact_email) ?? text(c?.email);
  const firstName = text(c?.first_name) ?? text(billing?.first_name) ?? text(shipping?.first_name);
  const lastName = text(c?.last_name) ?? text(billing?.last_name) ?? text(shipping?.last_name);
  const phone = text(o.phone) ?? text(c?.phone) ?? text(shipping?.phone) ?? text(billing?.phone);
  const name = [firstName, lastName].filter(Boolean).join(' ') || null;
  const id = String(o.id);
  const cancelledOn = o.cancelled_on ?? o.cancelled_at ?? null;
  const closedOn = o.closed_on ?? o.closed_at ?? null;
  const source = text(o.source_name);
  const updatedAt = isoTime((o.modified_on ?? o.updated_at)!, 'modified_on');
  // Sapo Web copies Shopify's fulfillments; their tracking words are a connection setting.
  const state = shipmentState(fulfillment(o.fulfillment_status), o.fulfillments ?? [], settings.webShipmentStatuses);
  const paidWith = gateways(o);
  return {
    platform: 'sapo',
    storeId,
    platformOrderId: id,
    number: text(o.name) ?? (o.order_number !== null && o.order_number !== undefined ? `#${o.order_number}` : id),
    createdAt: isoTime((o.created_on ?? o.created_at)!, 'created_on'),
    updatedAt,
    financialStatus: financial(o.financial_status),
    fulfillmentStatus: state.fulfillment,
    deliveryStatus: state.delivery,
    cashOnDelivery: paidWith.some(isCashOnDelivery),
    paymentMethod: paidWith.length > 0 ? paidWith.join(', ') : null,
    // Cancelled by the status alone: as of the order's last change.
    cancelledAt: cancelledOn ? isoTime(cancelledOn, 'cancelled_on') : o.status === 'cancelled' ? updatedAt : null,
    cancelReason: o.cancel_reason ?? null,
    platformStatus: cancelledOn ? 'cancelled' : closedOn ? 'closed' : (o.status ?? 'open'),
    storeStatus: null,
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
    lineItems: (o.line_items ?? []).map((li) => ({
      id: idText(li.id),
      productId: idText(li.product_id),
      variantId: idText(li.variant_id),
      sku: text(li.sku),
      title: text(li.title) ?? text(li.name) ?? '(untitled item)',
      variantTitle: text(li.variant_title),
      quantity: Math.round(li.quantity),
      price: decimal(li.price),
      tags: [],
      properties: (li.properties ?? []).map((p) => ({ name: String(p.name), value: String(p.value) })),
    })),
    subtotalPrice: decimal(o.subtotal_price, decimal(o.total_price)),
    totalPrice: decimal(o.total_price),
    totalTax: decimal(o.total_tax),
    totalDiscounts: decimal(o.total_discounts),
    currency: text(o.currency) ?? settings.currency,
    tags: tagList(o.tags),
    salesChannel: source ? (lookup(settings.salesChannels, source) ?? source) : null,
    note: o.note ?? null,
    test: o.test ?? false,
    shipments: (o.fulfillments ?? []).map((f) => ({
      id: idText(f.id),
      trackingNumber: text(f.tracking_number) ?? text(f.tracking_numbers?.[0]),
      carrier: text(f.tracking_company),
      trackingUrl: text(f.tracking_url) ?? text(f.tracking_urls?.[0]),
      status: text(f.status),
      deliveryStatus: text(f.shipment_status) ? (lookup(settings.webShipmentStatuses, f.shipment_status!) ?? 'in_transit') : null,
      createdAt: text(f.created_on) ?? text(f.created_at),
    })),
  };
}
