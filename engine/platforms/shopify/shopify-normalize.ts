import type { Address, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { FinancialStatus as FinancialStatusSchema } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import type { ShopifyAddress, ShopifyOrder } from './shopify-payload.ts';
import { shipmentState, shopifyShipmentStatuses } from './shopify-delivery.ts';
import { shopifyShipment } from './shopify-fulfillment.ts';

/**
 * The Shopify topics whose body is the order. Each is only a carrier of the order's state: the
 * events come from the change of that state (domain/order-events.ts), whichever topic shows it first.
 */
export const shopifyOrderTopics: ReadonlySet<string> = new Set([
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
]);

/**
 * Shopify ids exceed 2^53, so JSON numbers lose digits; `admin_graphql_api_id` carries the
 * exact id as a string ("gid://shopify/Order/820982911946154508").
 */
export function exactId(id: number | string | null | undefined, gid: string | null | undefined): string | null {
  if (gid) {
    const tail = gid.slice(gid.lastIndexOf('/') + 1);
    if (/^\d+$/.test(tail)) return tail;
  }
  if (id === null || id === undefined) return null;
  return String(id);
}

/**
 * Shopify's own `financial_status` (§1.7). A COD order stays `pending` until the merchant
 * records the collection ("Mark as paid"), so it is read as sent: nothing is inferred from the
 * gateway or from shipping.
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

function address(a: ShopifyAddress | null | undefined): Address | null {
  if (!a) return null;
  return {
    name: a.name ?? ([a.first_name, a.last_name].filter(Boolean).join(' ') || null),
    firstName: a.first_name ?? null,
    lastName: a.last_name ?? null,
    phone: a.phone ?? null,
    company: a.company ?? null,
    address1: a.address1 ?? null,
    address2: a.address2 ?? null,
    city: a.city ?? null,
    province: a.province ?? null,
    provinceCode: a.province_code ?? null,
    country: a.country ?? null,
    countryCode: a.country_code ?? null,
    zip: a.zip ?? null,
  };
}

function tags(s: string | null | undefined): string[] {
  return (s ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Every gateway the order used, as Shopify names them; the deprecated `gateway` when the list is absent. */
function gateways(o: ShopifyOrder): string[] {
  const names = (o.payment_gateway_names ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length > 0) return names;
  return o.gateway?.trim() ? [o.gateway.trim()] : [];
}

const salesChannels: Record<string, string> = { web: 'Online Store', pos: 'Point of Sale', shopify_draft_order: 'Draft Orders' };

export function normalizeShopifyOrder(o: ShopifyOrder, storeId: string): Order {
  const c = o.customer ?? null;
  const email = o.email || o.contact_email || c?.email || null;
  const firstName = c?.first_name ?? o.billing_address?.first_name ?? o.shipping_address?.first_name ?? null;
  const lastName = c?.last_name ?? o.billing_address?.last_name ?? o.shipping_address?.last_name ?? null;
  const phone = o.phone || c?.phone || o.shipping_address?.phone || o.billing_address?.phone || null;
  const name = [firstName, lastName].filter(Boolean).join(' ') || null;
  const platformOrderId = exactId(o.id, o.admin_graphql_api_id) as string;
  const shipping = shipmentState(fulfillment(o.fulfillment_status), o.fulfillments ?? [], shopifyShipmentStatuses);
  const paidWith = gateways(o);
  return {
    platform: 'shopify',
    storeId,
    platformOrderId,
    number: o.name ?? (o.order_number !== null && o.order_number !== undefined ? `#${o.order_number}` : platformOrderId),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    financialStatus: financial(o.financial_status),
    fulfillmentStatus: shipping.fulfillment,
    deliveryStatus: shipping.delivery,
    cashOnDelivery: paidWith.some(isCashOnDelivery),
    paymentMethod: paidWith.length > 0 ? paidWith.join(', ') : null,
    cancelledAt: o.cancelled_at ?? null,
    cancelReason: o.cancel_reason ?? null,
    platformStatus: o.cancelled_at ? 'cancelled' : (o.financial_status ?? null),
    storeStatus: null,
    customer:
      email || name || phone || c
        ? {
            platformCustomerId: c ? exactId(c.id, c.admin_graphql_api_id) : null,
            name,
            firstName,
            lastName,
            email,
            emailVerified: c?.verified_email ?? false,
            phone,
            zaloUserId: null,
            messengerPsid: null,
          }
        : null,
    shippingAddress: address(o.shipping_address),
    billingAddress: address(o.billing_address),
    lineItems: o.line_items.map((li) => ({
      id: exactId(li.id, li.admin_graphql_api_id),
      productId: li.product_id === null || li.product_id === undefined ? null : String(li.product_id),
      variantId: li.variant_id === null || li.variant_id === undefined ? null : String(li.variant_id),
      sku: li.sku ?? null,
      title: li.title ?? li.name ?? '(untitled item)',
      variantTitle: li.variant_title ?? null,
      quantity: li.quantity,
      price: li.price,
      tags: [],
      properties: (li.properties ?? []).map((p) => ({ name: String(p.name), value: String(p.value) })),
    })),
    subtotalPrice: o.subtotal_price ?? o.total_price,
    totalPrice: o.total_price,
    totalTax: o.total_tax ?? '0.00',
    totalDiscounts: o.total_discounts ?? '0.00',
    currency: o.currency,
    tags: tags(o.tags),
    salesChannel: o.source_name ? (salesChannels[o.source_name] ?? o.source_name) : null,
    note: o.note ?? null,
    test: o.test ?? false,
    shipments: (o.fulfillments ?? []).map(shopifyShipment),
  };
}
