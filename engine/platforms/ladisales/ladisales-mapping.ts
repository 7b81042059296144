import type { z } from 'zod';
import type { FieldMapping, StatusTables } from '../field-mapping/mapping-schema.ts';

/**
 * The default field mapping for LadiSales order webhooks.
 *
 * LadiSales publishes no webhook schema (reference/platform-webhooks.md §8): the merchant
 * sets a URL, custom request headers, and which actions to send. The field names below are
 * those of LadiSales' own order and customer API (api.ladisales.com 2.0: `order_id`,
 * `reference_no`, `customer_*`, `shipping_*` with `state/district/ward_name`, `details[]`,
 * `total`, `status`, `payment_status`, `shipping_status`, `created_at`, `updated_at`), on the
 * ASSUMPTION that the webhook sends the order as that API shows it, either as the whole body
 * or under `data` / `data.order`. Everything except the id, the creation time and the total
 * is optional, so a payload without, say, an email still maps; the merchant edits this list
 * (connection settings → mapping) after the first real delivery, as the reference advises.
 *
 * The shipping address is read both flat (`shipping_address` as text beside `shipping_ward_name`
 * …) and as an object (`shipping_address: { name, phone, address1, ward, district, city }`): a
 * rule's paths are tried in turn until one reads, so either shape maps without a warning.
 * `payment_method` ("COD") decides cash on delivery; paid comes from `payment_status` alone, so
 * a COD order stays unpaid until LadiSales records the collection. `shipping_status` feeds both
 * the fulfilment (handed over for shipping) and the delivery (what happened to the parcel).
 */
export const ladisalesDefaultMapping: FieldMapping = [
  { target: 'platformOrderId', source: ['order_id', 'id'] },
  { target: 'number', source: ['reference_no', 'order_code', 'code'], optional: true },
  { target: 'createdAt', source: ['created_at', 'created_time'] },
  { target: 'updatedAt', source: ['updated_at', 'updated_time'], optional: true },
  { target: 'platformStatus', source: 'status', optional: true },
  { target: 'financialStatus', source: 'payment_status', optional: true },
  { target: 'fulfillmentStatus', source: 'shipping_status', optional: true },
  { target: 'deliveryStatus', source: 'shipping_status', optional: true },
  { target: 'paymentMethod', source: 'payment_method', optional: true },
  { target: 'cancelledAt', source: ['cancelled_at', 'canceled_at'], optional: true },
  { target: 'customer.platformCustomerId', source: 'customer_id', optional: true },
  { target: 'customer.name', source: ['customer_name', 'customer_full_name', 'name'], optional: true },
  { target: 'customer.firstName', source: 'customer_first_name', optional: true },
  { target: 'customer.lastName', source: 'customer_last_name', optional: true },
  { target: 'customer.email', source: ['customer_email', 'email'], transform: 'trim', optional: true },
  { target: 'customer.phone', source: ['customer_phone', 'phone'], optional: true },
  { target: 'shippingAddress.name', source: 'shipping_address.name', optional: true },
  { target: 'shippingAddress.firstName', source: 'shipping_first_name', optional: true },
  { target: 'shippingAddress.lastName', source: 'shipping_last_name', optional: true },
  { target: 'shippingAddress.phone', source: ['shipping_phone', 'shipping_address.phone'], optional: true },
  { target: 'shippingAddress.company', source: 'shipping_company', optional: true },
  { target: 'shippingAddress.address1', source: ['shipping_address', 'shipping_address.address1', 'shipping_address.address', 'address'], optional: true },
  { target: 'shippingAddress.address2', source: ['shipping_apartment', 'shipping_address.address2'], optional: true },
  { target: 'shippingAddress.ward', source: ['shipping_ward_name', 'shipping_address.ward', 'shipping_address.ward_name'], optional: true },
  { target: 'shippingAddress.district', source: ['shipping_district_name', 'shipping_address.district', 'shipping_address.district_name'], optional: true },
  { target: 'shippingAddress.city', source: 'shipping_address.city', optional: true },
  // A Vietnamese address's "city" is the province level (Tỉnh/Thành phố: Hà Nội), so an object
  // address without a province gives its city as the province too, as the flat form's state_name.
  { target: 'shippingAddress.province', source: ['shipping_state_name', 'shipping_address.province', 'shipping_address.state_name', 'shipping_address.city'], optional: true },
  { target: 'shippingAddress.country', source: ['shipping_country_name', 'shipping_address.country_name'], optional: true },
  { target: 'shippingAddress.countryCode', source: ['shipping_country_code', 'shipping_address.country_code'], optional: true },
  { target: 'shippingAddress.zip', source: ['shipping_postal_code', 'shipping_address.postal_code'], optional: true },
  {
    target: 'lineItems',
    source: ['details[]', 'order_details[]', 'items[]'],
    optional: true,
    fields: [
      { target: 'id', source: ['order_detail_id', 'id'], optional: true },
      { target: 'productId', source: 'product_id', optional: true },
      { target: 'variantId', source: 'product_variant_id', optional: true },
      { target: 'sku', source: 'sku', optional: true },
      { target: 'title', source: ['product_name', 'name', 'title'] },
      { target: 'variantTitle', source: ['product_variant_name', 'product_variant_title', 'variant_name'], optional: true },
      { target: 'quantity', source: 'quantity', optional: true },
      { target: 'price', source: 'price' },
    ],
  },
  { target: 'subtotalPrice', source: 'sub_total', optional: true },
  { target: 'totalDiscounts', source: 'discount_fee', optional: true },
  { target: 'totalPrice', source: 'total' },
  { target: 'currency', source: ['currency_code', 'currency'], optional: true },
  { target: 'note', source: 'note', optional: true },
];

/**
 * The default status table. LadiSales' words are an ASSUMPTION (its API's `status`,
 * `payment_status` and `shipping_status` values as seen in integrations; not documented for
 * webhooks); the merchant edits the table. Words that already are canonical ("paid",
 * "refunded", "failed") need no row.
 *
 * Paid: only `payment_status` Success / Paid, never an order or shipping word, so a COD order
 * (payment_status Pending) is not paid while it ships or even once delivered, until LadiSales
 * marks the payment collected. One shipping word sets two facts, per DOMAIN.md: handed over for
 * shipping (fulfillment) and what became of the parcel (delivery); a failed or returned
 * delivery is not a fulfilment.
 */
export const ladisalesDefaultStatuses: z.input<typeof StatusTables> = {
  order: {
    Canceled: { cancelled: true },
    Cancelled: { cancelled: true },
  },
  payment: {
    Pending: 'pending',
    Success: 'paid',
    Paid: 'paid',
    Refunded: 'refunded',
  },
  fulfillment: {
    Pending: 'unfulfilled',
    Delivering: 'fulfilled',
    Shipping: 'fulfilled',
    Delivered: 'fulfilled',
    DeliveryFailed: 'unfulfilled',
    Failed: 'unfulfilled',
    Returned: 'unfulfilled',
    Canceled: 'unfulfilled',
  },
  delivery: {
    Pending: 'none',
    Delivering: 'in_transit',
    Shipping: 'in_transit',
    Delivered: 'delivered',
    DeliveryFailed: 'delivery_failed',
    Failed: 'delivery_failed',
    Returned: 'returned',
    Canceled: 'none',
  },
};
