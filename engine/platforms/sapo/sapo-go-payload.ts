import { z } from 'zod';

/**
 * Sapo GO / Omni (`{tenant}.mysapogo.com`, reference §3.2): a POS/omnichannel order, field
 * names from captured deliveries (`code`, `*_on` times, `customer_data`) and from Sapo GO's
 * order API as integrations read it (`order_line_items`, `total`, `payment_status`,
 * `fulfillment_status`, `packed_status`, `received_status`, `return_status`, `fulfillments`).
 */
const Id = z.union([z.number(), z.string()]);
const Money = z.union([z.number(), z.string()]);
const str = z.string().nullish();

export const SapoGoAddress = z.object({
  full_name: str,
  first_name: str,
  last_name: str,
  label: str,
  phone_number: str,
  email: str,
  address1: str,
  address2: str,
  ward: str,
  district: str,
  city: str,
  province: str,
  country: str,
  country_code: str,
  zip_code: str,
});
export type SapoGoAddress = z.infer<typeof SapoGoAddress>;

export const SapoGoLineItem = z.object({
  id: Id.nullish(),
  product_id: Id.nullish(),
  variant_id: Id.nullish(),
  sku: str,
  product_name: str,
  variant_name: str,
  quantity: z.number(),
  price: Money,
  line_amount: Money.nullish(),
  note: str,
});

export const SapoGoCustomer = z.object({
  id: Id.nullish(),
  code: str,
  name: str,
  email: str,
  phone_number: str,
  tags: z.union([z.string(), z.array(z.string())]).nullish(),
  addresses: z.array(SapoGoAddress).nullish(),
});

/**
 * A shipment ("gói hàng"): `status` (packed, received, cancelled…) and
 * `composite_fulfillment_status` (packed, fulfilled, retry_delivery, received,
 * fulfilled_cancelling, fulfilled_cancelled) say where it is; `shipment.cod_amount` is what the
 * carrier collects on delivery.
 */
export const SapoGoFulfillment = z.object({
  id: Id.nullish(),
  created_on: str,
  status: str,
  composite_fulfillment_status: str,
  shipment: z.object({ cod_amount: Money.nullish() }).nullish(),
});
export type SapoGoFulfillment = z.infer<typeof SapoGoFulfillment>;

export const SapoGoOrder = z.object({
  id: Id,
  tenant_id: Id.nullish(),
  code: z.string(),
  created_on: z.string(),
  modified_on: z.string(),
  cancelled_on: str,
  cancel_reason: str,
  status: str,
  payment_status: str,
  fulfillment_status: str,
  packed_status: str,
  received_status: str,
  return_status: str,
  email: str,
  phone_number: str,
  customer_id: Id.nullish(),
  customer_data: SapoGoCustomer.nullish(),
  billing_address: SapoGoAddress.nullish(),
  shipping_address: SapoGoAddress.nullish(),
  order_line_items: z.array(SapoGoLineItem).nullish(),
  fulfillments: z.array(SapoGoFulfillment).nullish(),
  total: Money.nullish(),
  total_discount: Money.nullish(),
  total_tax: Money.nullish(),
  currency: str,
  channel: str,
  source_name: str,
  note: str,
  tags: z.union([z.string(), z.array(z.string())]).nullish(),
});
export type SapoGoOrder = z.infer<typeof SapoGoOrder>;

/** A body that has Sapo GO's shape (`order_line_items`, `customer_data`, `tenant_id`, `code`) rather than Sapo Web's. */
export function looksLikeSapoGo(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const o = payload as Record<string, unknown>;
  return 'order_line_items' in o || 'customer_data' in o || ('tenant_id' in o && 'code' in o);
}
