import type { Address, Order } from '../../contract/index.ts';
import { Order as OrderSchema } from '../../contract/index.ts';
import type { Normalized } from '../adapter.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import { asDecimal, decimalSum } from './lazada-decimal.ts';
import type { LazadaAddress, LazadaApiItem, LazadaEnriched } from './lazada-payload.ts';
import { storeStatusFor, type LazadaSettings } from './lazada-settings.ts';
import { deliveryOf, financialOf, fulfillmentOf, isCanceled, orderDeliveryOf, orderStatusOf } from './lazada-status.ts';

const sites: Record<string, { currency: string; country: string }> = {
  lazada_vn: { currency: 'VND', country: 'VN' },
  lazada_sg: { currency: 'SGD', country: 'SG' },
  lazada_my: { currency: 'MYR', country: 'MY' },
  lazada_th: { currency: 'THB', country: 'TH' },
  lazada_ph: { currency: 'PHP', country: 'PH' },
  lazada_id: { currency: 'IDR', country: 'ID' },
};

/** Epoch seconds or milliseconds (a value above 10^12 is milliseconds, errata 7) as milliseconds. */
export function epochMs(n: number): number {
  return n > 1e12 ? n : n * 1000;
}

/** Lazada's API times ("2014-10-15 18:36:05 +0800") as ISO 8601 with their offset; null when unreadable. */
export function lazadaTime(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/.exec(s.trim());
  if (!m) return null;
  const zone = m[4] === 'Z' ? 'Z' : `${m[4]!.slice(0, 3)}:${m[4]!.slice(-2)}`;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ''}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function address(a: LazadaAddress | null | undefined, countryCode: string | null): Address | null {
  if (!a) return null;
  const name = [a.first_name, a.last_name].filter(Boolean).join(' ') || null;
  return {
    name,
    firstName: a.first_name || null,
    lastName: a.last_name || null,
    phone: a.phone || a.phone2 || null,
    company: null,
    address1: a.address1 || null,
    address2: a.address2 || null,
    // Seed 002: the ward (address5 in Vietnam) is not synced from a marketplace order.
    ward: null,
    district: a.address4 || null,
    city: a.city || null,
    province: a.address3 || null,
    provinceCode: null,
    country: a.country || null,
    countryCode,
    zip: a.post_code || null,
  };
}

const sum = (values: (string | null)[]): string | null => {
  const present = values.filter((v): v is string => v !== null);
  return present.length > 0 ? decimalSum(present) : null;
};

interface StatusAndVersion {
  status: string;
  statuses: string[];
  updatedAt: string;
  itemStatus: (i: LazadaApiItem) => string;
}

/**
 * The order's Lazada status and version. The push says what one item became at
 * `status_update_time`; the API says what every item is as of its `updated_at`. The newer one
 * wins, and the order takes its least advanced live item's status. `statuses` are the item
 * statuses the canonical state is read from: the push's word for the whole order when it names
 * no item Flowdesk can find.
 */
function statusAndVersion(e: LazadaEnriched): StatusAndVersion {
  const { push, order, items } = e;
  const pushMs = epochMs(push.data.status_update_time);
  const apiUpdatedAt = lazadaTime(order.updated_at);
  const apiIsNewer = apiUpdatedAt !== null && Date.parse(apiUpdatedAt) > pushMs;
  if (apiIsNewer) {
    const status = orderStatusOf(items.map((i) => i.status)) ?? orderStatusOf(order.statuses) ?? push.data.order_status;
    const statuses = items.length > 0 ? items.map((i) => i.status) : order.statuses.length > 0 ? order.statuses : [status];
    // One spelling per instant (UTC), whichever source it came from, so equal versions compare equal.
    return { status, statuses, updatedAt: new Date(Date.parse(apiUpdatedAt)).toISOString(), itemStatus: (i) => i.status };
  }
  const line = push.data.trade_order_line_id;
  const itemStatus = (i: LazadaApiItem) => (line && i.order_item_id === line ? push.data.order_status : i.status);
  const matched = line !== null && line !== undefined && items.some((i) => i.order_item_id === line);
  const status = matched ? orderStatusOf(items.map(itemStatus))! : push.data.order_status;
  return { status, statuses: matched ? items.map(itemStatus) : [status], updatedAt: new Date(pushMs).toISOString(), itemStatus };
}

/**
 * Seed 002's return: the live items Lazada says came back (returned, shipped back…). `partial`
 * when others did not; the refunded amount is their price when the buyer had paid (prepaid, or
 * a COD order Flowdesk had seen paid), "0" for a COD parcel never collected. Nothing restocks here.
 */
function returnsOf(items: LazadaApiItem[], itemStatus: (i: LazadaApiItem) => string, cod: boolean, previous: Order | null): Order['returns'] {
  const live = items.filter((i) => !isCanceled(itemStatus(i)));
  const back = live.filter((i) => deliveryOf(itemStatus(i)) === 'returned');
  if (back.length === 0) return undefined;
  const paid = !cod || previous?.financialStatus === 'paid' || previous?.returns !== undefined && previous.returns.refundedAmount !== '0';
  return {
    status: back.length === live.length ? 'returned' : 'partial',
    refundedAmount: paid ? decimalSum(back.map((i) => asDecimal(i.item_price) ?? '0')) : '0',
    lines: back.map((i) => ({ lineId: i.order_item_id, sku: i.sku || i.shop_sku || null, quantity: 1 })),
  };
}

/** A partial return leaves the rest of the order paid as it was: prepaid reads partially refunded, COD paid once a kept item was delivered. */
function financialWithReturns(status: string, cod: boolean, previous: Order | null, returns: Order['returns'], statuses: string[]): Order['financialStatus'] {
  if (returns?.status !== 'partial') return financialOf(status, cod, previous?.financialStatus ?? null);
  if (!cod) return 'partially_refunded';
  return statuses.some((s) => deliveryOf(s) === 'delivered') ? 'paid' : 'pending';
}

export function normalizeLazadaOrder(e: LazadaEnriched, settings: LazadaSettings, storeId: string, previous: Order | null): Order {
  const { push, order: api, items } = e;
  const site = sites[(push.site ?? '').toLowerCase()] ?? null;
  const { status, statuses, updatedAt, itemStatus } = statusAndVersion(e);
  const cod = isCashOnDelivery(api.payment_method);
  const canceled = isCanceled(status);
  const returns = returnsOf(items, itemStatus, cod, previous);

  const subtotal = asDecimal(api.price) ?? sum(items.map((i) => asDecimal(i.item_price))) ?? '0';
  const shipping = asDecimal(api.shipping_fee) ?? '0';
  const vouchers = asDecimal(api.voucher) ?? sum([asDecimal(api.voucher_platform), asDecimal(api.voucher_seller)]) ?? '0';
  const shippingAddress = address(api.address_shipping, site?.country ?? null);
  const firstName = api.customer_first_name || null;
  const lastName = api.customer_last_name || null;
  const name = [firstName, lastName].filter(Boolean).join(' ') || shippingAddress?.name || null;
  const phone = shippingAddress?.phone ?? null;

  return OrderSchema.parse({
    platform: 'lazada',
    storeId,
    platformOrderId: push.data.trade_order_id,
    number: api.order_number ?? push.data.trade_order_id,
    createdAt: lazadaTime(api.created_at) ?? updatedAt,
    updatedAt,
    financialStatus: financialWithReturns(status, cod, previous, returns, statuses),
    fulfillmentStatus: fulfillmentOf(statuses),
    deliveryStatus: orderDeliveryOf(statuses),
    cashOnDelivery: cod,
    paymentMethod: api.payment_method || null,
    cancelledAt: canceled ? (previous?.cancelledAt ?? updatedAt) : null,
    cancelReason: canceled ? (items.find((i) => i.reason)?.reason ?? null) : null,
    platformStatus: status,
    storeStatus: storeStatusFor(status, settings.storeStatuses),
    customer:
      name || phone
        ? {
            platformCustomerId: push.data.buyer_id ?? null,
            name,
            firstName,
            lastName,
            // Lazada does not give sellers the buyer's email address.
            email: null,
            emailVerified: false,
            phone,
            zaloUserId: null,
            messengerPsid: null,
          }
        : null,
    shippingAddress,
    billingAddress: address(api.address_billing, site?.country ?? null),
    // One row per unit: Lazada lists each unit of a SKU as its own order item.
    lineItems: items.map((i) => ({
      id: i.order_item_id,
      productId: i.product_id ?? null,
      variantId: i.sku_id ?? null,
      sku: i.sku || i.shop_sku || null,
      title: i.name || '(untitled item)',
      variantTitle: i.variation || null,
      quantity: 1,
      price: asDecimal(i.item_price) ?? '0',
      tags: [],
      properties: [{ name: 'Lazada status', value: itemStatus(i) }, ...(i.shop_sku ? [{ name: 'Shop SKU', value: i.shop_sku }] : [])],
    })),
    subtotalPrice: subtotal,
    totalPrice: decimalSum([subtotal, shipping], [vouchers]),
    totalTax: sum(items.map((i) => asDecimal(i.tax_amount))) ?? '0',
    totalDiscounts: vouchers,
    currency: items.find((i) => i.currency)?.currency ?? site?.currency ?? 'VND',
    tags: [],
    salesChannel: settings.salesChannel,
    note: api.remarks || null,
    test: false,
    ...(returns ? { returns } : {}),
  });
}

/** Canonical state only: the events are derived from it by domain/order-events.ts. */
export function normalizeLazada(e: LazadaEnriched, settings: LazadaSettings, storeId: string, previous: Order | null): Normalized {
  return { order: normalizeLazadaOrder(e, settings, storeId, previous) };
}
