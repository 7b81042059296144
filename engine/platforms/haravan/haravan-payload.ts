import { z } from 'zod';

/**
 * The parts of Haravan's Order resource (reference §2.5; docs.haravan.com/docs/omni-apis/orders)
 * that Flowdesk reads. Shopify-like, but: money is a JSON number (.NET decimals),
 * `order_number` is a string ("#100020"), addresses carry district and ward, and the order has
 * its own confirmed/cancelled/closed flags.
 */
const Id = z.union([z.number(), z.string()]);
const Money = z.union([z.number(), z.string()]);
const str = z.string().nullish();

export const HaravanAddress = z.object({
  first_name: str,
  last_name: str,
  name: str,
  phone: str,
  company: str,
  address1: str,
  address2: str,
  ward: str,
  ward_code: str,
  district: str,
  district_code: str,
  city: str,
  province: str,
  province_code: str,
  country: str,
  country_code: str,
  zip: str,
});
export type HaravanAddress = z.infer<typeof HaravanAddress>;

export const HaravanCustomer = z.object({
  id: Id.nullish(),
  email: str,
  phone: str,
  first_name: str,
  last_name: str,
  verified_email: z.boolean().nullish(),
  default_address: HaravanAddress.nullish(),
});

export const HaravanLineItem = z.object({
  id: Id.nullish(),
  product_id: Id.nullish(),
  variant_id: Id.nullish(),
  sku: str,
  title: str,
  name: str,
  variant_title: str,
  quantity: z.number().int(),
  price: Money,
  properties: z.array(z.object({ name: z.unknown(), value: z.unknown() })).nullish(),
});

/**
 * A shipment; `carrier_status_code` is the delivery progress (readytopick, delivering, delivered,
 * cancel…), and the lifecycle dates record each step it reached (reference §2.5).
 */
export const HaravanFulfillment = z.object({
  id: Id.nullish(),
  created_at: str,
  updated_at: str,
  status: str,
  /** Tracking, in Shopify's names (Haravan copies its Fulfillment resource). */
  tracking_number: str,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_company: str,
  tracking_url: str,
  tracking_urls: z.array(z.string()).nullish(),
  carrier_status_code: str,
  carrier_status_name: str,
  carrier_cod_status_code: str,
  ready_to_pick_date: str,
  picking_date: str,
  delivering_date: str,
  delivered_date: str,
  not_meet_customer_date: str,
  waiting_for_return_date: str,
  return_date: str,
  cancel_date: str,
});
export type HaravanFulfillment = z.infer<typeof HaravanFulfillment>;

export const HaravanOrder = z.object({
  id: Id,
  name: str,
  order_number: Id.nullish(),
  number: Id.nullish(),
  email: str,
  contact_email: str,
  phone: str,
  created_at: z.string(),
  updated_at: z.string(),
  cancelled_at: str,
  cancel_reason: str,
  closed_at: str,
  financial_status: str,
  fulfillment_status: str,
  confirmed_status: str,
  cancelled_status: str,
  closed_status: str,
  currency: z.string().nullish(),
  total_price: Money,
  subtotal_price: Money.nullish(),
  total_tax: Money.nullish(),
  total_discounts: Money.nullish(),
  tags: str,
  note: str,
  source_name: str,
  source: str,
  /** The payment method as shown ("COD", "Thanh toán khi giao hàng (COD)"); `gateway_code` is its code ("COD"). */
  gateway: str,
  gateway_code: str,
  test: z.boolean().nullish(),
  customer: HaravanCustomer.nullish(),
  shipping_address: HaravanAddress.nullish(),
  billing_address: HaravanAddress.nullish(),
  line_items: z.array(HaravanLineItem).nullish(),
  fulfillments: z.array(HaravanFulfillment).nullish(),
});
export type HaravanOrder = z.infer<typeof HaravanOrder>;
