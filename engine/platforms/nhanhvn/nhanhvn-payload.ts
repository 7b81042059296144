import { z } from 'zod';
import type { RawDelivery } from '../adapter.ts';
import { isFormBody, readForm } from './nhanhvn-form.ts';

/**
 * The two dialects Nhanh.vn webhooks come in (reference/platform-webhooks.md §6):
 * - API v2/v3: a JSON body `{event, businessId, webhooksVerifyToken?, data}`;
 * - API v1 (legacy): a form with `data` (a JSON string), `checksum` and, for marketplace
 *   stores, `storeId`; one URL per kind, so the kind comes from `?kind=` on the hook URL.
 */
export type NhanhPayload =
  | { format: 'json'; event: string | null; businessId: string | null; data: unknown }
  | { format: 'v1'; kind: string | null; storeId: string | null; data: unknown; rawData: string };

/** `?kind=` values of a v1 hook URL and the event each one is (uriListenOrderStatus → orderUpdate). */
export const v1Kinds: Record<string, string> = {
  orderAdd: 'orderAdd',
  orderUpdate: 'orderUpdate',
  orderStatus: 'orderUpdate',
  orderDelete: 'orderDelete',
};

export function v1KindOf(path: string): string | null {
  const kind = new URL(path, 'http://flowdesk.invalid').searchParams.get('kind');
  return kind === null ? null : (v1Kinds[kind] ?? kind);
}

const idText = (v: unknown): string | null => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : null);

export function readNhanhDelivery(delivery: RawDelivery): NhanhPayload {
  if (isFormBody(delivery.headers['content-type'])) {
    const fields = readForm(delivery.body, delivery.headers['content-type']);
    const rawData = fields.get('data');
    if (rawData === undefined) throw new Error('the form has no data field');
    let data: unknown;
    try {
      data = JSON.parse(rawData);
    } catch (error) {
      throw new Error(`the data field is not JSON: ${(error as Error).message}`, { cause: error });
    }
    return { format: 'v1', kind: v1KindOf(delivery.path), storeId: fields.get('storeId') || null, data, rawData };
  }
  const body = JSON.parse(delivery.body.toString('utf8')) as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the body is not a JSON object');
  const o = body as Record<string, unknown>;
  return { format: 'json', event: typeof o['event'] === 'string' ? o['event'] : null, businessId: idText(o['businessId']), data: o['data'] };
}

/* ---------- the order shapes inside `data` ---------- */

const Id = z.union([z.number(), z.string()]);
const Num = z.union([z.number(), z.string()]);
const str = z.string().nullish();

export const NhanhV2Product = z.object({
  id: Id.nullish(),
  productId: Id.nullish(),
  code: str,
  productCode: str,
  name: str,
  productName: str,
  quantity: Num.nullish(),
  price: Num.nullish(),
  discount: Num.nullish(),
});

/** v2 `orderAdd` data (apidocs.nhanh.vn/webhooks/order); `orderUpdate` may carry only some of it. */
export const NhanhV2Order = z.object({
  orderId: Id.nullish(),
  id: Id.nullish(),
  shopOrderId: Id.nullish(),
  /** "Shipping" (giao hàng) or "Shopping" (at the counter); some integrations see a number. */
  type: Id.nullish(),
  saleChannel: Id.nullish(),
  status: str,
  statusCode: str,
  reason: str,
  createdDateTime: str,
  updatedDateTime: str,
  moneyDiscount: Num.nullish(),
  moneyDeposit: Num.nullish(),
  moneyTransfer: Num.nullish(),
  codFee: Num.nullish(),
  customerShipFee: Num.nullish(),
  calcTotalMoney: Num.nullish(),
  description: str,
  customerId: Id.nullish(),
  customerName: str,
  customerMobile: str,
  customerEmail: str,
  customerAddress: str,
  customerCity: str,
  customerDistrict: str,
  customerWard: str,
  products: z.union([z.array(NhanhV2Product), z.record(z.string(), NhanhV2Product)]).nullish(),
});
export type NhanhV2Order = z.infer<typeof NhanhV2Order>;
export type NhanhV2Product = z.infer<typeof NhanhV2Product>;

/** v3 data: the order as the v3 order-list API returns it (nested info, channel, shippingAddress…). */
export const NhanhV3Order = z.object({
  info: z.object({
    id: Id,
    status: z.union([z.string(), z.number()]).nullish(),
    reason: str,
    createdAt: Num.nullish(),
    updatedAt: Num.nullish(),
    description: str,
    totalAmount: Num.nullish(),
    discount: Num.nullish(),
  }),
  channel: z.object({ saleChannel: Id.nullish(), appOrderId: Id.nullish() }).nullish(),
  customer: z.object({ id: Id.nullish(), name: str, mobile: str, email: str }).nullish(),
  shippingAddress: z
    .looseObject({ name: str, mobile: str, email: str, address: str, cityName: str, districtName: str, wardName: str })
    .nullish(),
  products: z.array(NhanhV2Product).nullish(),
  payment: z.object({ depositAmount: Num.nullish(), transferAmount: Num.nullish(), totalAmount: Num.nullish() }).nullish(),
});
export type NhanhV3Order = z.infer<typeof NhanhV3Order>;

/** v1 data: "listen order status" (`id` = your website's order id, `status`, money) or "add order" (`orderId`, `totalAmount`). */
export const NhanhV1Order = z.object({
  id: Id.nullish(),
  orderId: Id.nullish(),
  status: str,
  reason: str,
  customerMobile: str,
  totalAmount: Num.nullish(),
  totalProductMoney: Num.nullish(),
  discount: Num.nullish(),
  moneyTransfer: Num.nullish(),
  moneyDeposit: Num.nullish(),
  codFee: Num.nullish(),
  customerShipFee: Num.nullish(),
});
export type NhanhV1Order = z.infer<typeof NhanhV1Order>;

/** The order ids a delivery names: `orderDelete` sends an array (v3) or `{orderId}` (older v2, errata 3). */
export function orderIdsOf(data: unknown): string[] {
  const items = Array.isArray(data) ? data : [data];
  // Nhanh's order ids are positive integers; anything else names no order.
  return items.map((item) => idText(item) ?? orderIdOf(item)).filter((v): v is string => v !== null && /^[1-9]\d{0,19}$/.test(v));
}

function orderIdOf(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  const info = o['info'] && typeof o['info'] === 'object' ? (o['info'] as Record<string, unknown>) : null;
  return idText(info?.['id']) ?? idText(o['orderId']) ?? idText(o['id']);
}
