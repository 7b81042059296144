import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TempEngine } from './temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from './shopify.ts';
import { startLazadaOpenApi, type LazadaOpenApi } from '../platforms/servers/lazada-open-api.ts';

/**
 * The orders the gallery's templates are tried on, each received as a signed delivery from its
 * platform: Shopify's sample order varied per case, and the Lazada fixture order whose carrier
 * gave up (seed 002's "Hủy giao hàng"). Each key is the order's number in Flowdesk.
 */
export const fixtureOrders = {
  /** Shopify's sample as sent: card payment, unfulfilled, a phone on the addresses, a verified email. */
  plain: '#5001',
  cancelled: '#5002',
  /** 2,500,000 VND with a SKU of supplier A (NCC-A-…). */
  vip: '#5003',
  /** Tagged high-risk on the platform. */
  risky: '#5004',
  /** A line item with a "Pre-order" property. */
  preorder: '#5005',
  /** Fulfilled, and its shipment delivered. */
  delivered: '#5006',
  /** Cash on delivery, in VND, not delivered. */
  cod: '#5007',
  paid: '#5008',
  /** Lazada: a COD order the carrier could not deliver. */
  lazadaFailed: '260422900198363',
} as const;
export type FixtureOrder = keyof typeof fixtureOrders;

const VND_ITEMS = [
  { sku: 'NCC-A-001', title: 'Nồi chiên không dầu', price: '1500000' },
  { sku: 'KHAC-002', title: 'Bộ dao nhà bếp', price: '1000000' },
];

/** Shopify's sample order as order `n`, changed by `overrides` (line items by `items`). */
function shopifyOrder(n: number, overrides: Record<string, unknown> = {}, items?: (base: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const base = sampleOrder();
  const lineItems = base['line_items'] as Record<string, unknown>[];
  return {
    ...base,
    // Ids within 2^53, so JSON numbers keep them.
    id: 450789469000 + n,
    admin_graphql_api_id: `gid://shopify/Order/${450789469000 + n}`,
    name: `#${n}`,
    order_number: n,
    // A Vietnamese mobile on the shipping address, as the shop's buyers have (the sample's
    // 555-555-SHIP is no number an SMS provider takes).
    shipping_address: { ...(base['shipping_address'] as Record<string, unknown>), phone: '0912 345 678' },
    ...overrides,
    line_items: items ? items(lineItems) : lineItems,
  };
}

const vndItems = (base: Record<string, unknown>[]) =>
  VND_ITEMS.map((item, i) => ({ ...base[0], ...item, name: item.title, id: 900 + i, admin_graphql_api_id: `gid://shopify/LineItem/${900 + i}` }));

const shopifyCases: [number, string, Record<string, unknown>, ((b: Record<string, unknown>[]) => Record<string, unknown>[])?][] = [
  [5001, 'orders/create', {}],
  [5002, 'orders/cancelled', { cancelled_at: '2026-11-21T09:00:00-05:00', cancel_reason: 'customer', financial_status: 'voided' }],
  [5003, 'orders/create', { currency: 'VND', total_price: '2500000', subtotal_price: '2500000' }, vndItems],
  [5004, 'orders/create', { tags: 'high-risk' }],
  [5005, 'orders/create', {}, (b) => [{ ...b[0], properties: [{ name: 'Pre-order', value: 'Giao từ 15/12' }] }, b[1]!]],
  [5006, 'orders/fulfilled', { fulfillment_status: 'fulfilled', fulfillments: [{ id: 1, status: 'success', shipment_status: 'delivered' }] }],
  [5007, 'orders/create', { currency: 'VND', total_price: '2500000', subtotal_price: '2500000', payment_gateway_names: ['Cash on Delivery (COD)'] }, vndItems],
  [5008, 'orders/paid', { financial_status: 'paid' }],
];

const LAZADA = { appKey: '112233', appSecret: 'lzd-e2e-app-secret-0123456789', accessToken: '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg', seller: '1234567' };
const lazadaFixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/lazada/${name}`, import.meta.url), 'utf8'));

/** Receives every fixture order through the engine's webhook listener and waits until they are processed. */
export async function receiveFixtureOrders(t: TempEngine): Promise<{ close(): Promise<void> }> {
  const shopify = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  for (const [n, topic, overrides, items] of shopifyCases) {
    const res = await postShopify(shopify.webhookUrl, { topic, body: JSON.stringify(shopifyOrder(n, overrides, items)) });
    if (res.status !== 200) throw new Error(`Shopify order ${n} was refused: ${JSON.stringify(res.json)}`);
  }
  const api: LazadaOpenApi = await startLazadaOpenApi(LAZADA);
  const lazada = await t.engine.call('connections.create', {
    platform: 'lazada',
    storeId: LAZADA.seller,
    secrets: { appSecret: LAZADA.appSecret, accessToken: LAZADA.accessToken },
    settings: { appKey: LAZADA.appKey, apiBaseUrl: api.baseUrl },
  });
  const at = 1603698638 + 7200;
  const order = { ...lazadaFixture('order-get.json').data, statuses: ['failed_delivery'] };
  const items = lazadaFixture('order-items-get.json').data.map((i: Record<string, unknown>) => ({ ...i, status: 'failed_delivery' }));
  api.orders.set(fixtureOrders.lazadaFailed, { order, items });
  const push = lazadaFixture('push-trade-order.json');
  push.data.order_status = 'failed_delivery';
  push.data.status_update_time = at;
  const body = JSON.stringify(push);
  const authorization = createHmac('sha256', LAZADA.appSecret).update(LAZADA.appKey + body).digest('hex');
  const res = await fetch(lazada.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  if (res.status !== 200) throw new Error(`the Lazada push was refused: ${await res.text()}`);
  await t.engine.idle(1_000);
  return { close: () => api.close() };
}
