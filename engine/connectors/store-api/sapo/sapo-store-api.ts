import { isSapoGo, SAPO_GO_NOTE } from '../../../contract/index.ts';
import { isoTime } from '../../../platforms/sapo/sapo-values.ts';
import { createRestClient } from '../rest-dialect/rest-client.ts';
import type { RestDialect } from '../rest-dialect/rest-dialect.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiDefinition } from '../store-client.ts';

/** "shop", "shop.mysapo.net", "https://shop.mysapo.net/" → "shop.mysapo.net". */
export function sapoHost(storeId: string): string {
  const host = storeId.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return host.includes('.') ? host : `${host}.mysapo.net`;
}

/**
 * Sapo Web's API (reference §3.1, a Shopify clone): `https://{store}.mysapo.net/admin/{resource}.json`,
 * a private app's key and secret over HTTP Basic (or an OAuth app's `X-Sapo-Access-Token`),
 * a bucket of 40 leaking about 2/s (`x-sapo-api-call-limit: n/40`, [COMMUNITY]). Tags are one
 * string replaced whole; the list call's times are `*_on`; `status=any` lists nothing, so each
 * status is listed on its own. Sapo GO (`*.mysapogo.com`) has no API at all (§3.2).
 */
export const sapoDialect: RestDialect = {
  platform: 'sapo',
  name: 'Sapo',
  callLimitHeader: 'x-sapo-api-call-limit',
  auth(secrets): { headers: Record<string, string>; secrets: string[] } {
    const token = secrets['accessToken']?.trim();
    if (token) return { headers: { 'x-sapo-access-token': token }, secrets: [token] };
    const key = secrets['apiKey']?.trim();
    const secret = secrets['apiSecret']?.trim();
    if (!key || !secret) throw new StoreApiError('final', 'the connection has no Sapo API key and secret: add those of a private app (Sapo admin → Apps → Private apps) to the connection');
    const basic = Buffer.from(`${key}:${secret}`).toString('base64');
    return { headers: { authorization: `Basic ${basic}` }, secrets: [key, secret, basic] };
  },
  credentialsHint: 'check the connection\'s API key and secret (or access token) of the Sapo private app',
  // Sapo copies Shopify's scope names.
  scopes: { readShop: 'read_shop', readOrders: 'read_orders', writeOrders: 'write_orders', readCustomers: 'read_customers', writeCustomers: 'write_customers' },
  tagsBy: 'rewrite',
  tagSeparator: ', ',
  times: { updated: 'modified_on', cancelled: 'cancelled_on', closed: 'closed_on' },
  // Shopify's lowercase kind, which Sapo copies [UNVERIFIED]: an option, so a store can say "Capture".
  captureKind: (options) => options['captureKind']?.trim() || 'capture',
  // No sort is documented for Sapo: each page is sorted here.
  list: { sinceParam: 'modified_on_min', statuses: ['open', 'closed', 'cancelled'], limit: 250, order: null },
  updatedAtOf(order) {
    const at = order['modified_on'] ?? order['updated_at'];
    if (typeof at !== 'string') throw new StoreApiError('final', `Sapo listed order ${String(order['id'])} without modified_on`);
    return isoTime(at, 'modified_on');
  },
  // As Sapo Web delivers it: X-Sapo-Shop-Domain makes the adapter read the body as Sapo Web's.
  asDelivery: (order, connection, updatedAt) => ({
    platformOrderId: String(order['id']),
    updatedAt,
    topic: 'orders/updated',
    body: Buffer.from(JSON.stringify(order)),
    headers: { 'content-type': 'application/json', 'x-sapo-topic': 'orders/updated', 'x-sapo-shop-domain': sapoHost(connection.storeId) },
  }),
};

export const sapoStoreApi: StoreApiDefinition = {
  platform: 'sapo',
  secrets: [
    { name: 'apiKey', label: 'API key of your Sapo private app (Sapo admin → Apps → Private apps), with the orders and customers permissions' },
    { name: 'apiSecret', label: 'Secret key (password) of that private app, sent with the API key' },
    { name: 'accessToken', label: 'Or: the access token of a Sapo app installed on the store (X-Sapo-Access-Token), used instead of the key and secret', optional: true },
  ],
  options: [{ name: 'captureKind', label: 'Transaction kind that marks an order paid (Sapo\'s is not documented)', default: 'capture' }],
  defaultBaseUrl: (connection) => `https://${sapoHost(connection.storeId)}/admin`,
  bucket: { capacity: 40, perSecond: 2 },
  create(ctx) {
    if (isSapoGo(ctx.connection.storeId)) throw new StoreApiError('final', SAPO_GO_NOTE);
    return createRestClient(sapoDialect, ctx);
  },
};
