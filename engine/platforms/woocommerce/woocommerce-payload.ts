import { z } from 'zod';

/**
 * The parts of the WooCommerce REST order (wc/v3, `class-wc-rest-orders-v2-controller.php`)
 * that Flowdesk reads. Webhook bodies are that resource as `get_wp_api_payload` builds it.
 */
const Id = z.union([z.number(), z.string()]);
/** Totals are strings; line-item `price` is a JSON number. Both become decimal strings. */
const Money = z.union([z.string(), z.number()]).transform((v) => toDecimal(v));
const str = z.string().nullish();

export function toDecimal(v: string | number): string {
  if (typeof v === 'string') return v.trim() === '' ? '0' : v.trim();
  if (!Number.isFinite(v)) return '0';
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(10).replace(/\.?0+$/, '') : s;
}

export const WooAddress = z.object({
  first_name: str,
  last_name: str,
  company: str,
  address_1: str,
  address_2: str,
  city: str,
  state: str,
  postcode: str,
  country: str,
  email: str,
  phone: str,
});

const WooMeta = z.object({ key: str, value: z.unknown(), display_key: str, display_value: z.unknown() });

export const WooLineItem = z.object({
  id: Id.nullish(),
  name: str,
  product_id: Id.nullish(),
  variation_id: Id.nullish(),
  quantity: z.number(),
  sku: str,
  price: Money.nullish(),
  subtotal: Money.nullish(),
  total: Money.nullish(),
  meta_data: z.array(WooMeta).nullish(),
});

export const WooOrder = z.object({
  id: Id,
  number: Id.nullish(),
  status: z.string(),
  currency: z.string(),
  created_via: str,
  date_created: str,
  date_created_gmt: str,
  date_modified: str,
  date_modified_gmt: str,
  date_paid: str,
  date_paid_gmt: str,
  date_completed_gmt: str,
  discount_total: Money.nullish(),
  shipping_total: Money.nullish(),
  total: Money,
  total_tax: Money.nullish(),
  customer_id: Id.nullish(),
  customer_note: str,
  billing: WooAddress.nullish(),
  shipping: WooAddress.nullish(),
  payment_method: str,
  payment_method_title: str,
  line_items: z.array(WooLineItem).default([]),
  refunds: z.array(z.object({ id: Id.nullish(), total: Money.nullish() })).nullish(),
});
export type WooOrder = z.infer<typeof WooOrder>;
export type WooAddress = z.infer<typeof WooAddress>;

/** `order.deleted` sends only the id (`WC_Webhook::build_payload`). */
export const WooDeleted = z.object({ id: Id });
