import type { Address, Order } from '../../contract/index.ts';
import type { SapoGoAddress, SapoGoOrder } from './sapo-go-payload.ts';
import type { SapoSettings } from './sapo-settings.ts';
import { goCashOnDelivery, goFinancial, goMeaning, goShipping } from './sapo-go-delivery.ts';
import { decimal, idText, isoTime, lookup, sumDecimals, tagList, text, timesDecimal } from './sapo-values.ts';

function address(a: SapoGoAddress | null | undefined): Address | null {
  if (!a) return null;
  const firstName = text(a.first_name);
  const lastName = text(a.last_name);
  return {
    name: text(a.full_name) ?? ([firstName, lastName].filter(Boolean).join(' ') || null),
    firstName,
    lastName,
    phone: text(a.phone_number),
    company: null,
    address1: text(a.address1),
    address2: text(a.address2),
    ward: text(a.ward),
    district: text(a.district),
    city: text(a.city),
    province: text(a.province),
    provinceCode: null,
    country: text(a.country),
    countryCode: text(a.country_code)?.toUpperCase() ?? null,
    zip: text(a.zip_code),
  };
}

function lineItems(o: SapoGoOrder): Order['lineItems'] {
  return (o.order_line_items ?? []).map((li) => {
    const whole = Number.isInteger(li.quantity);
    return {
      id: idText(li.id),
      productId: idText(li.product_id),
      variantId: idText(li.variant_id),
      sku: text(li.sku),
      title: text(li.product_name) ?? text(li.variant_name) ?? '(untitled item)',
      variantTitle: text(li.variant_name),
      // Sapo GO sells by weight too (1.5 kg); the canonical quantity is whole, the exact one stays as a property.
      quantity: Math.round(li.quantity),
      price: decimal(li.price),
      tags: [],
      properties: [
        ...(whole ? [] : [{ name: 'quantity', value: String(li.quantity) }]),
        ...(text(li.note) ? [{ name: 'note', value: li.note! }] : []),
      ],
    };
  });
}

/** The items' amounts (`line_amount`, else price × quantity); the order total when there are no items. */
function subtotal(o: SapoGoOrder, total: string): string {
  const items = o.order_line_items ?? [];
  if (items.length === 0) return total;
  return sumDecimals(items.map((li) => (li.line_amount !== null && li.line_amount !== undefined ? decimal(li.line_amount) : timesDecimal(decimal(li.price), decimal(li.quantity)))));
}

export function normalizeSapoGoOrder(o: SapoGoOrder, storeId: string, settings: SapoSettings, test: boolean): Order {
  const meaning = goMeaning(o.status, settings);
  const c = o.customer_data ?? null;
  const shipping = o.shipping_address ?? c?.addresses?.[0] ?? null;
  const billing = o.billing_address ?? null;
  const email = text(o.email) ?? text(c?.email) ?? text(billing?.email) ?? text(shipping?.email);
  const phone = text(o.phone_number) ?? text(c?.phone_number) ?? text(shipping?.phone_number) ?? text(billing?.phone_number);
  const name = text(c?.name) ?? text(shipping?.full_name) ?? text(billing?.full_name);
  const id = String(o.id);
  const total = decimal(o.total);
  const channel = text(o.channel) ?? text(o.source_name);
  const updatedAt = isoTime(o.modified_on, 'modified_on');
  const state = goShipping(o, meaning, settings);
  // Cancelled by the status word alone: as of the order's last change.
  const cancelledAt = o.cancelled_on ? isoTime(o.cancelled_on, 'cancelled_on') : meaning === 'cancelled' ? updatedAt : null;
  return {
    platform: 'sapo',
    storeId,
    platformOrderId: id,
    number: text(o.code) ?? id,
    createdAt: isoTime(o.created_on, 'created_on'),
    updatedAt,
    financialStatus: goFinancial(o, meaning, settings),
    fulfillmentStatus: state.fulfillment,
    deliveryStatus: state.delivery,
    cashOnDelivery: goCashOnDelivery(o),
    // Sapo GO names payment methods by id only (`expected_payment_method_id`).
    paymentMethod: null,
    cancelledAt,
    cancelReason: text(o.cancel_reason),
    platformStatus: o.status ?? null,
    storeStatus: null,
    customer:
      email || name || phone || c
        ? {
            platformCustomerId: idText(c?.id ?? o.customer_id),
            name,
            firstName: null,
            lastName: null,
            email,
            emailVerified: false,
            phone,
            zaloUserId: null,
            messengerPsid: null,
          }
        : null,
    shippingAddress: address(shipping),
    billingAddress: address(billing),
    lineItems: lineItems(o),
    subtotalPrice: subtotal(o, total),
    totalPrice: total,
    totalTax: decimal(o.total_tax),
    totalDiscounts: decimal(o.total_discount),
    currency: text(o.currency) ?? settings.currency,
    tags: tagList(o.tags),
    salesChannel: channel ? (lookup(settings.salesChannels, channel) ?? channel) : null,
    note: o.note ?? null,
    test,
  };
}
