import { z } from 'zod';

/** The parts of Shopify's REST Order resource (orders/* webhooks) that Flowdesk reads. */
const Id = z.union([z.number(), z.string()]);
const Money = z.union([z.string(), z.number()]).transform((v) => String(v));
const str = z.string().nullish();

export const ShopifyAddress = z.object({
  first_name: str,
  last_name: str,
  name: str,
  phone: str,
  company: str,
  address1: str,
  address2: str,
  city: str,
  province: str,
  province_code: str,
  country: str,
  country_code: str,
  zip: str,
});

export const ShopifyCustomer = z.object({
  id: Id.nullish(),
  admin_graphql_api_id: str,
  email: str,
  phone: str,
  first_name: str,
  last_name: str,
  verified_email: z.boolean().nullish(),
  default_address: ShopifyAddress.nullish(),
});

export const ShopifyLineItem = z.object({
  id: Id.nullish(),
  admin_graphql_api_id: str,
  product_id: Id.nullish(),
  variant_id: Id.nullish(),
  sku: str,
  title: z.string().nullish(),
  name: str,
  variant_title: str,
  quantity: z.number().int(),
  price: Money,
  properties: z.array(z.object({ name: z.unknown(), value: z.unknown() })).nullish(),
});

/** A shipment: `status` is the fulfillment's own, `shipment_status` the carrier's tracking (§1.7). */
export const ShopifyFulfillment = z.object({
  id: Id.nullish(),
  admin_graphql_api_id: str,
  status: str,
  tracking_company: str,
  tracking_number: str,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: str,
  tracking_urls: z.array(z.string()).nullish(),
  shipment_status: str,
  created_at: str,
  updated_at: str,
});

export const ShopifyOrder = z.object({
  id: Id,
  admin_graphql_api_id: str,
  name: z.string().nullish(),
  order_number: Id.nullish(),
  email: str,
  contact_email: str,
  phone: str,
  created_at: z.string(),
  updated_at: z.string(),
  cancelled_at: str,
  cancel_reason: str,
  financial_status: str,
  fulfillment_status: str,
  currency: z.string(),
  total_price: Money,
  subtotal_price: Money.nullish(),
  total_tax: Money.nullish(),
  total_discounts: Money.nullish(),
  tags: z.string().nullish(),
  note: str,
  source_name: str,
  /** Deprecated but still sent; `payment_gateway_names` lists every gateway used ("Cash on Delivery (COD)"). */
  gateway: str,
  payment_gateway_names: z.array(z.string()).nullish(),
  test: z.boolean().nullish(),
  customer: ShopifyCustomer.nullish(),
  shipping_address: ShopifyAddress.nullish(),
  billing_address: ShopifyAddress.nullish(),
  line_items: z.array(ShopifyLineItem).default([]),
  fulfillments: z.array(ShopifyFulfillment).nullish(),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;
export type ShopifyAddress = z.infer<typeof ShopifyAddress>;
