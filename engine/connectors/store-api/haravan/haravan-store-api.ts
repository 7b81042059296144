import { isoTime } from '../../../platforms/haravan/haravan-values.ts';
import { createRestClient } from '../rest-dialect/rest-client.ts';
import type { RestDialect } from '../rest-dialect/rest-dialect.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiDefinition } from '../store-client.ts';

/**
 * Haravan's Omni API (reference §2): `https://apis.haravan.com/com/{resource}.json` with
 * `Authorization: Bearer {token}`, a leaky bucket of 80 calls leaking 4/s (its fill in
 * `X-Haravan-Api-Call-Limit: n/80`; 429 with `Retry-After: 2.0` when full). Tags have their own
 * merge endpoint; the note and note attributes are written whole by `PUT orders/{id}.json`;
 * payment is a `Capture` transaction; cancel, close and fulfil have their own calls.
 */
export const haravanDialect: RestDialect = {
  platform: 'haravan',
  name: 'Haravan',
  callLimitHeader: 'x-haravan-api-call-limit',
  auth(secrets) {
    const token = secrets['apiToken']?.trim();
    if (!token) throw new StoreApiError('final', 'the connection has no Haravan API token: add a private app token, or an OAuth token with com.write_orders, to the connection');
    return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
  },
  credentialsHint: 'check the connection\'s API token (a private app token, or an OAuth access token that is still valid)',
  scopes: { readShop: 'com.read_shop', readOrders: 'com.read_orders', writeOrders: 'com.write_orders', readCustomers: 'com.read_customers', writeCustomers: 'com.write_customers' },
  tagsBy: 'endpoint',
  // Haravan's own answers join tags without a space ("VIP,a1,a2").
  tagSeparator: ',',
  times: { updated: 'updated_at', cancelled: 'cancelled_at', closed: 'closed_at' },
  captureKind: () => 'Capture',
  // `limit` is at most 50; `any` includes archived (closed) and cancelled orders.
  list: { sinceParam: 'updated_at_min', statuses: ['any'], limit: 50, order: 'updated_at asc' },
  updatedAtOf(order) {
    const at = order['updated_at'];
    if (typeof at !== 'string') throw new StoreApiError('final', `Haravan listed order ${String(order['id'])} without updated_at`);
    return isoTime(at, 'updated_at');
  },
  // As Haravan delivers it: the adapter reads the topic and the org id from these headers.
  asDelivery: (order, connection, updatedAt) => ({
    platformOrderId: String(order['id']),
    updatedAt,
    topic: 'orders/updated',
    body: Buffer.from(JSON.stringify(order)),
    headers: { 'content-type': 'application/json', 'x-haravan-topic': 'orders/updated', 'x-haravan-org-id': connection.storeId },
  }),
};

export const haravanStoreApi: StoreApiDefinition = {
  platform: 'haravan',
  secrets: [
    {
      name: 'apiToken',
      label: 'Haravan API token: a private app token (Haravan admin → Apps → Private apps, with the orders and customers permissions) or an OAuth access token with com.write_orders',
    },
  ],
  // One API host for every store: the token says which store.
  defaultBaseUrl: () => 'https://apis.haravan.com/com',
  bucket: { capacity: 80, perSecond: 4 },
  create: (ctx) => createRestClient(haravanDialect, ctx),
};
