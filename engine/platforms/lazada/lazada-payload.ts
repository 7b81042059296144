import { z } from 'zod';

/**
 * Lazada's shapes (reference/platform-webhooks.md §5): the LPM push (ids only) and the Open
 * Platform answers of /order/get and /order/items/get that enrichment adds to it.
 */
const Id = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
const str = z.string().nullish();
/** Seconds or milliseconds since the epoch, as a number or a digit string (errata 7). */
const EpochTime = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((v) => Number(v));
const Amount = z.union([z.string(), z.number()]).nullish();

export const LazadaTradeOrderData = z.looseObject({
  order_status: z.string().min(1),
  trade_order_id: Id,
  trade_order_line_id: Id.nullish(),
  status_update_time: EpochTime,
  reverse_order_id: Id.nullish(),
  reverse_order_line_id: Id.nullish(),
  buyer_id: Id.nullish(),
});

/** A trade-order push (message_type 0). */
export const LazadaPush = z.looseObject({
  seller_id: Id,
  message_type: z.union([z.number(), z.string()]).nullish(),
  msg_type: z.union([z.number(), z.string()]).nullish(),
  timestamp: EpochTime.nullish(),
  site: str,
  data: LazadaTradeOrderData,
});
export type LazadaPush = z.infer<typeof LazadaPush>;

export const LazadaAddress = z.looseObject({
  first_name: str,
  last_name: str,
  phone: str,
  phone2: str,
  address1: str,
  address2: str,
  address3: str,
  address4: str,
  address5: str,
  city: str,
  post_code: str,
  country: str,
});
export type LazadaAddress = z.infer<typeof LazadaAddress>;

/** `data` of /order/get. */
export const LazadaApiOrder = z.looseObject({
  order_id: Id,
  order_number: Id.nullish(),
  created_at: z.string(),
  updated_at: str,
  price: Amount,
  shipping_fee: Amount,
  voucher: Amount,
  voucher_platform: Amount,
  voucher_seller: Amount,
  payment_method: str,
  customer_first_name: str,
  customer_last_name: str,
  remarks: str,
  statuses: z.array(z.string()).default([]),
  address_shipping: LazadaAddress.nullish(),
  address_billing: LazadaAddress.nullish(),
});
export type LazadaApiOrder = z.infer<typeof LazadaApiOrder>;

/** One row of `data` of /order/items/get: one unit of one SKU, with its own status. */
export const LazadaApiItem = z.looseObject({
  order_item_id: Id,
  order_id: Id.nullish(),
  name: str,
  sku: str,
  shop_sku: str,
  variation: str,
  item_price: Amount,
  paid_price: Amount,
  tax_amount: Amount,
  currency: str,
  status: z.string(),
  product_id: Id.nullish(),
  sku_id: Id.nullish(),
  /** Why an item was canceled or returned, when it was. */
  reason: str,
  updated_at: str,
});
export type LazadaApiItem = z.infer<typeof LazadaApiItem>;

/** Every Open Platform answer: `code` "0" with `data`, or an error code and message. */
export const LazadaEnvelope = z.looseObject({
  code: z.union([z.string(), z.number()]).transform((v) => String(v)),
  type: str,
  message: str,
  request_id: str,
  data: z.unknown().optional(),
});

/** What `enrich` hands to `normalize`: the push and what the API says about its order. */
export const LazadaEnriched = z.object({
  push: LazadaPush,
  order: LazadaApiOrder,
  items: z.array(LazadaApiItem),
});
export type LazadaEnriched = z.infer<typeof LazadaEnriched>;

/** The message type of a push body, wherever Lazada put it (`message_type` or `msg_type`). */
export function messageTypeOf(body: unknown): number | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const v = b['message_type'] ?? b['msg_type'];
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}
