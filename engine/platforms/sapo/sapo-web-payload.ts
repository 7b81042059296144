import { z } from 'zod';

/**
 * Sapo Web (`{store}.mysapo.net`, reference §3.1): a Shopify clone. Its timestamps are
 * `*_on` (`created_on`, `modified_on`, `cancelled_on`, `closed_on`; Errata 1); the `*_at`
 * names are read as a fallback for stores or proxies that send Shopify's.
 */
const Id = z.union([z.number(), z.string()]);
const Money = z.union([z.number(), z.string()]);
const str = z.string().nullish();

export const SapoWebAddress = z.object({
  first_name: str,
  last_name: str,
  name: str,
  phone: str,
  company: str,
  address1: str,
  address2: str,
  ward: str,
  district: str,
  city: str,
  province: str,
  province_code: str,
  country: str,
  country_code: str,
  zip: str,
});
export type SapoWebAddress = z.infer<typeof SapoWebAddress>;

export const SapoWebLineItem = z.object({
  id: Id.nullish(),
  product_id: Id.nullish(),
  variant_id: Id.nullish(),
  sku: str,
  title: str,
  name: str,
  variant_title: str,
  quantity: z.number(),
  price: Money,
  properties: z.array(z.object({ name: z.unknown(), value: z.unknown() })).nullish(),
});

export const SapoWebOrder = z
  .looseObject({
    id: Id,
    name: str,
    order_number: Id.nullish(),
    email: str,
    contact_email: str,
    phone: str,
    created_on: str,
    modified_on: str,
    cancelled_on: str,
    closed_on: str,
    created_at: str,
    updated_at: str,
    cancelled_at: str,
    closed_at: str,
    cancel_reason: str,
    status: str,
    financial_status: str,
    fulfillment_status: str,
    currency: str,
    total_price: Money,
    subtotal_price: Money.nullish(),
    total_tax: Money.nullish(),
    total_discounts: Money.nullish(),
    tags: z.union([z.string(), z.array(z.string())]).nullish(),
    note: str,
    source_name: str,
    gateway: str,
    payment_gateway_names: z.array(z.string()).nullish(),
    test: z.boolean().nullish(),
    customer: z
      .looseObject({ id: Id.nullish(), email: str, phone: str, first_name: str, last_name: str, verified_email: z.boolean().nullish() })
      .nullish(),
    shipping_address: SapoWebAddress.nullish(),
    billing_address: SapoWebAddress.nullish(),
    line_items: z.array(SapoWebLineItem).nullish(),
    /** Shipments, as Shopify's: the fulfillment's own `status` and the carrier's `shipment_status`. */
    fulfillments: z
      .array(z.object({
        id: Id.nullish(), status: str, shipment_status: str, created_at: str, created_on: str,
        tracking_number: str, tracking_numbers: z.array(z.string()).nullish(), tracking_company: str, tracking_url: str, tracking_urls: z.array(z.string()).nullish(),
      }))
      .nullish(),
  })
  .refine((o) => Boolean(o.modified_on ?? o.updated_at), { message: 'an order has modified_on', path: ['modified_on'] })
  .refine((o) => Boolean(o.created_on ?? o.created_at), { message: 'an order has created_on', path: ['created_on'] });
export type SapoWebOrder = z.infer<typeof SapoWebOrder>;
