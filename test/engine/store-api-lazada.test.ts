import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lazadaFilterTime } from '../../engine/connectors/store-api/lazada/lazada-reconcile.ts';
import { lazadaStoreApi } from '../../engine/connectors/store-api/lazada/lazada-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { ChangedOrder, StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { ConnectionApi, writeBackSupport, type WriteRequest } from '../../engine/contract/index.ts';
import { lazadaAdapter } from '../../engine/platforms/lazada/lazada-adapter.ts';
import { signLazadaRequest } from '../../engine/platforms/lazada/lazada-api.ts';
import { lazadaDate, startFakeLazada, type FakeLazada } from '../harness/fake-lazada-api.ts';

const creds = { appKey: '112233', appSecret: 'lazada-test-secret', accessToken: 'seller-token-1', sellerName: 'Flowdesk Demo Shop' };
const ORDER = '260422900198363';
const ITEMS = ['260422900198001', '260422900198002'];

let fake: FakeLazada;
let waits: number[];
let clock: number;

beforeEach(async () => {
  fake = await startFakeLazada(creds);
  waits = [];
  clock = Date.now();
});
afterEach(() => fake.close());

const settings = () => lazadaAdapter.settings.parse({ appKey: creds.appKey, apiBaseUrl: `${fake.baseUrl}/rest` });
const connection = (secrets: Record<string, string> = {}) => ({
  id: 'con_1',
  platform: 'lazada' as const,
  storeId: '1234567',
  store: 'Shop',
  secrets: { appSecret: creds.appSecret, accessToken: creds.accessToken, ...secrets },
  settings: settings(),
});
const now = () => clock;
const sleep = async (ms: number) => {
  waits.push(ms);
  clock += ms;
};

function client(opts: { secrets?: Record<string, string>; options?: Record<string, string>; skewMs?: number } = {}): StoreClient {
  const at = () => now() + (opts.skewMs ?? 0);
  return lazadaStoreApi.create({
    connection: connection(opts.secrets),
    api: ConnectionApi.parse({ writeBack: true, reconcile: true, options: opts.options ?? {} }),
    baseUrl: `${fake.baseUrl}/rest`,
    fetch,
    now: at,
    sleep,
    bucket: createTokenBucket(lazadaStoreApi.bucket.capacity, lazadaStoreApi.bucket.perSecond, at, sleep),
  });
}

const target = (orderId = ORDER): WriteTarget => ({ platformOrderId: orderId, orderNumber: `#${orderId}`, platformCustomerId: null, key: 'run_1/step_1' });
const rts = (shipmentProvider = 'FM49'): WriteRequest => ({ action: 'marketplace.ready_to_ship', shipmentProvider, deliveryType: 'dropship' });
const cancel = (reasonId = '10000021'): WriteRequest => ({ action: 'marketplace.cancel', reasonId });

async function failure(p: Promise<unknown>): Promise<StoreApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StoreApiError);
    return e as StoreApiError;
  }
  throw new Error('expected a StoreApiError');
}

const calls = (api: string) => fake.requests.filter((r) => r.path === `/rest${api}`);
const statuses = (orderId = ORDER) => fake.orders.get(orderId)!.items.map((i) => i.status);

describe('Lazada signing and the fake gateway', () => {
  it('signs as the doc test vector says', () => {
    const params = { access_token: 'test', app_key: '123456', order_id: '1234', sign_method: 'sha256', timestamp: '1517820392000' };
    expect(signLazadaRequest('/order/get', params, 'helloworld')).toBe('4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A');
  });

  it('reads the seller\'s name for the Test button, with the adapter\'s credentials and base URL', async () => {
    expect(lazadaStoreApi.secrets).toEqual([]);
    const defaults = { ...connection(), settings: lazadaAdapter.settings.parse({}) };
    expect(lazadaStoreApi.defaultBaseUrl(defaults)).toBe('https://api.lazada.vn/rest');
    expect(lazadaStoreApi.defaultBaseUrl(connection())).toBe(`${fake.baseUrl}/rest`);
    await expect(client().probe()).resolves.toBe('Flowdesk Demo Shop');
    const [r] = calls('/seller/get');
    const p = fake.paramsOf(r!);
    expect(p).toMatchObject({ app_key: '112233', access_token: creds.accessToken, sign_method: 'sha256' });
    expect(p['sign']).toBe(signLazadaRequest('/seller/get', p, creds.appSecret));
  });

  it('says what to fix when the token, the secret or the clock is wrong', async () => {
    const token = await failure(client({ secrets: { accessToken: 'expired' } }).probe());
    expect(token).toMatchObject({ failure: 'final', platformCode: 'IllegalAccessToken' });
    expect(token.message).toContain('the seller\'s access token expired or is invalid: update it on the connection');
    const secret = await failure(client({ secrets: { appSecret: 'other' } }).probe());
    expect(secret.message).toContain('check the connection\'s app key and app secret');
    const skew = await failure(client({ skewMs: -3 * 3600_000 }).probe());
    expect(skew).toMatchObject({ failure: 'final' });
    expect(skew.message).toContain('check this computer\'s clock');
    const none = await failure(client({ secrets: { accessToken: '' } }).probe());
    expect(none.message).toBe('the Lazada connection has no seller access token: add it on the connection');
  });

  it('refuses an offset past 5000 as Lazada does', async () => {
    const p: Record<string, string> = { update_after: '2024-01-01T00:00:00+07:00', offset: '5100', limit: '100', app_key: creds.appKey, timestamp: String(Date.now()), sign_method: 'sha256', access_token: creds.accessToken };
    p['sign'] = signLazadaRequest('/orders/get', p, creds.appSecret);
    const res = await fetch(`${fake.baseUrl}/rest/orders/get?${new URLSearchParams(p)}`);
    expect(await res.json()).toMatchObject({ code: '14', type: 'ISV', message: 'E014: "5100" Invalid Offset' });
  });
});

describe('Lazada ready to ship (pack, then RTS)', () => {
  it('packs the order\'s items and sets the package ready to ship, naming the tracking number', async () => {
    fake.seed(ORDER);
    const { answer } = await client().write(rts(), target());
    expect(answer).toBe(`Lazada packed order #${ORDER} and set it ready to ship: tracking number VNLEX000001 with Flash Express`);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /rest/order/items/get', 'POST /rest/order/fulfill/pack', 'POST /rest/order/package/rts']);

    const [pack] = calls('/order/fulfill/pack');
    expect(pack!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    const form = new URLSearchParams(pack!.body);
    expect([...form.keys()]).toEqual(['packReq']);
    expect(JSON.parse(form.get('packReq')!)).toEqual({
      pack_order_list: [{ order_item_list: ITEMS.map(Number), order_id: Number(ORDER) }],
      delivery_type: 'dropship',
      shipment_provider_code: 'FM49',
      shipping_allocate_type: 'TFS',
    });
    const p = fake.paramsOf(pack!);
    expect(p['sign']).toBe(signLazadaRequest('/order/fulfill/pack', p, creds.appSecret));
    const [ready] = calls('/order/package/rts');
    expect(JSON.parse(new URLSearchParams(ready!.body).get('readyToShipReq')!)).toEqual({ packages: [{ package_id: 'FP0225117000001' }] });
    expect(statuses()).toEqual(['ready_to_ship', 'ready_to_ship']);
    expect(fake.orders.get(ORDER)!.items[0]).toMatchObject({ package_id: 'FP0225117000001', tracking_code: 'VNLEX000001' });
  });

  it('leaves the provider out for a store Lazada allocates one to', async () => {
    fake.seed(ORDER);
    await client().write(rts(''), target());
    const packReq = JSON.parse(new URLSearchParams(calls('/order/fulfill/pack')[0]!.body).get('packReq')!);
    expect(packReq).not.toHaveProperty('shipment_provider_code');
    expect(statuses()).toEqual(['ready_to_ship', 'ready_to_ship']);
  });

  it('skips what is done: a packed order only gets RTS; one already ready to ship gets nothing', async () => {
    const order = fake.seed(ORDER, { statuses: ['packed', 'packed'] });
    for (const i of order.items) Object.assign(i, { package_id: 'FP7', tracking_code: 'VN7', shipment_provider: 'Ninja Van' });
    const first = await client().write(rts(), target());
    expect(first.answer).toBe(`Lazada set order #${ORDER} ready to ship (it was already packed): tracking number VN7 with Ninja Van`);
    expect(calls('/order/fulfill/pack')).toHaveLength(0);
    const again = await client().write(rts(), target());
    expect(again.answer).toBe(`Lazada order #${ORDER} was already ready to ship: tracking number VN7 with Ninja Van`);
    expect(calls('/order/package/rts')).toHaveLength(1);
  });

  it('counts 700000 on a package someone set ready to ship meanwhile as done', async () => {
    const order = fake.seed(ORDER, { statuses: ['packed', 'packed'] });
    for (const i of order.items) Object.assign(i, { package_id: 'FP8', tracking_code: 'VN8', shipment_provider: 'J&T' });
    fake.before('/order/package/rts', () => order.items.forEach((i) => (i.status = 'ready_to_ship')));
    await expect(client().write(rts(), target())).resolves.toMatchObject({ answer: expect.stringContaining('tracking number VN8 with J&T') });
  });

  it('reads each item\'s result: retry "true" may pass later, retry "false" is Lazada\'s final word', async () => {
    fake.seed(ORDER);
    fake.itemFailure('/order/fulfill/pack', { item_err_code: '40011', msg: 'RPC_ERROR', retry: 'true' });
    const later = await failure(client().write(rts(), target()));
    expect(later).toMatchObject({ failure: 'maybe_applied', platformCode: '40011' });
    expect(statuses()).toEqual(['pending', 'pending']);
    fake.itemFailure('/order/fulfill/pack', { item_err_code: '1003', msg: 'E1003_3PL_ALLOCATION_FAIL', retry: 'false' });
    const never = await failure(client().write(rts(), target()));
    expect(never.failure).toBe('final');
    expect(never.message).toContain(`Lazada refused to pack order ${ORDER}: item ${ITEMS[0]}: E1003_3PL_ALLOCATION_FAIL (1003)`);
  });

  it('says when a package was canceled before it could be set ready to ship', async () => {
    const order = fake.seed(ORDER);
    fake.before('/order/package/rts', () => order.items.forEach((i) => (i.status = 'canceled')));
    const e = await failure(client().write(rts(), target()));
    expect(e).toMatchObject({ failure: 'final', platformCode: '600002' });
    expect(e.message).toContain('package already cancelled');
  });

  it('after a dropped RTS answer, check finds it applied, so nothing is sent twice', async () => {
    fake.seed(ORDER);
    const c = client();
    await expect(c.check(rts(), target())).resolves.toEqual({ applied: false });
    fake.fault({ commitThenDrop: true, only: { method: 'POST', pathPrefix: '/rest/order/package/rts' } });
    expect((await failure(c.write(rts(), target()))).failure).toBe('maybe_applied');
    await expect(c.check(rts(), target())).resolves.toEqual({ applied: true, answer: `Lazada order #${ORDER} is ready to ship (2 ready_to_ship): tracking number VNLEX000001 with Flash Express` });
  });

  it('after a dropped pack answer, check says not yet, and the resend only sets RTS', async () => {
    fake.seed(ORDER);
    const c = client();
    fake.fault({ commitThenDrop: true, only: { method: 'POST', pathPrefix: '/rest/order/fulfill/pack' } });
    expect((await failure(c.write(rts(), target()))).failure).toBe('maybe_applied');
    expect(statuses()).toEqual(['packed', 'packed']);
    await expect(c.check(rts(), target())).resolves.toEqual({ applied: false });
    await c.write(rts(), target());
    expect(calls('/order/fulfill/pack')).toHaveLength(1);
    expect(statuses()).toEqual(['ready_to_ship', 'ready_to_ship']);
  });
});

describe('Lazada seller cancel', () => {
  it('validates the reason, cancels the items, and keeps Lazada\'s tip about stock', async () => {
    fake.seed(ORDER);
    const { answer } = await client().write(cancel(), target());
    expect(answer).toBe(`Lazada canceled 2 items of order #${ORDER} with reason "Out of Stock"; Lazada says: The order has been cancelled and SKU stock may have been set to 0, please check the stock.`);
    const [validate] = calls('/order/reverse/cancel/validate');
    expect(validate!.method).toBe('GET');
    expect(fake.paramsOf(validate!)).toMatchObject({ order_id: ORDER, order_item_id_list: `[${ITEMS.join(',')}]` });
    const [create] = calls('/order/reverse/cancel/create');
    expect(fake.paramsOf(create!)).toMatchObject({ order_id: ORDER, order_item_id_list: `[${ITEMS.join(',')}]`, reason_id: '10000021' });
    expect(statuses()).toEqual(['canceled', 'canceled']);
    expect(fake.orders.get(ORDER)!.items[0]!.reason).toBe('Out of Stock');
  });

  it('refuses a reason Lazada does not offer, listing the ones it does, and cancels nothing', async () => {
    fake.seed(ORDER);
    const e = await failure(client().write(cancel('999'), target()));
    expect(e.failure).toBe('final');
    expect(e.message).toBe(`Lazada does not offer cancel reason 999 for order #${ORDER}; it offers: 10000019 (Sourcing Delay), 10000021 (Out of Stock), 10000023 (Wrong Price)`);
    expect(calls('/order/reverse/cancel/create')).toHaveLength(0);
    expect(statuses()).toEqual(['pending', 'pending']);
  });

  it('cannot cancel shipped items', async () => {
    fake.seed(ORDER, { statuses: ['shipped', 'shipped'] });
    const e = await failure(client().write(cancel(), target()));
    expect(e.message).toBe(`Lazada lets a seller cancel only items that are pending, packed or ready to ship; order #${ORDER} has 2 shipped`);
  });

  it('after a dropped cancel answer, check finds it applied; a fresh order is not', async () => {
    fake.seed(ORDER);
    const c = client();
    await expect(c.check(cancel(), target())).resolves.toEqual({ applied: false });
    fake.fault({ commitThenDrop: true, only: { pathPrefix: '/rest/order/reverse/cancel/create' } });
    expect((await failure(c.write(cancel(), target()))).failure).toBe('maybe_applied');
    await expect(c.check(cancel(), target())).resolves.toEqual({ applied: true, answer: `Lazada order #${ORDER} is canceled (2 canceled)` });
  });

  it('order.cancel (the workaround) cancels for lack of inventory with the Out of Stock reason id, and refuses other reasons', async () => {
    fake.seed(ORDER);
    const base = { action: 'order.cancel' as const, restock: false, notifyCustomer: false, staffNote: '' };
    const other = await failure(client().write({ ...base, reason: 'customer' }, target()));
    expect(other.failure).toBe('final');
    expect(other.message).toContain('use "Cancel on Lazada"');
    const restock = await failure(client().write({ ...base, reason: 'inventory', restock: true }, target()));
    expect(restock.message).toContain('the opposite of the restock');
    expect(fake.requests).toHaveLength(0);
    await client({ options: { outOfStockReasonId: '10000019' } }).write({ ...base, reason: 'inventory' }, target());
    expect(fake.paramsOf(calls('/order/reverse/cancel/create')[0]!)['reason_id']).toBe('10000019');
    expect(statuses()).toEqual(['canceled', 'canceled']);
  });
});

describe('Lazada errors and throttling', () => {
  const samples: WriteRequest[] = [
    { action: 'order.tags.add', tags: ['VIP'] },
    { action: 'order.tags.remove', tags: ['VIP'] },
    { action: 'order.note.set', note: 'x', mode: 'append' },
    { action: 'order.attribute.set', key: 'k', value: 'v' },
    { action: 'customer.tags.add', tags: ['VIP'] },
    { action: 'order.mark_paid' },
    { action: 'order.close' },
    { action: 'order.fulfil', trackingNumber: 'T1', carrier: 'GHN', trackingUrl: '', notifyCustomer: false },
  ];

  it('refuses, naming Lazada, every action the matrix says it cannot do', async () => {
    for (const req of samples) {
      expect(writeBackSupport.lazada[req.action]).toBe('no');
      const e = await failure(client().write(req, target()));
      expect(e.failure).toBe('final');
      expect(e.message).toMatch(/^Lazada cannot /);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('waits out Lazada\'s ApiCallLimit (at least a second) and HTTP 429 with Retry-After, then succeeds', async () => {
    fake.callLimit(1, '/seller/get');
    await expect(client().probe()).resolves.toBe('Flowdesk Demo Shop');
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThanOrEqual(1250);
    waits = [];
    fake.fault({ rateLimited: true, retryAfter: '2' });
    await expect(client().probe()).resolves.toBe('Flowdesk Demo Shop');
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(calls('/seller/get')).toHaveLength(4);
  });

  it('gives up as throttled when the limit lasts', async () => {
    fake.callLimit(10);
    const e = await failure(client().probe());
    expect(e.failure).toBe('throttled');
    expect(e.retryAfterMs).toBe(1000);
  });

  it('tries a read again on a Lazada backend error; a change that met one may have happened', async () => {
    fake.seed(ORDER);
    fake.failNext('/order/items/get', { type: 'ISP', code: 'ServiceTimeout', message: 'backend timeout' });
    await expect(client().check(rts(), target())).resolves.toEqual({ applied: false });
    expect(calls('/order/items/get')).toHaveLength(2);
    fake.failNext('/order/fulfill/pack', { type: 'SYSTEM', code: '6', message: 'SYSTEM_ERROR' });
    const e = await failure(client().write(rts(), target()));
    expect(e).toMatchObject({ failure: 'maybe_applied', platformCode: '6' });
  });

  it('says Lazada\'s own words for business errors and plain words for HTTP errors', async () => {
    const missing = await failure(client().write(rts(), target('999000000000999')));
    expect(missing).toMatchObject({ failure: 'final', platformCode: '700021', message: 'Lazada refused "read the items of order 999000000000999": ORDER_NOT_FOUND (700021)' });
    fake.fault({ status: 401, body: 'unauthorized' });
    expect(await failure(client().probe())).toMatchObject({ failure: 'final', message: expect.stringContaining('check the connection\'s API token') });
    fake.fault({ status: 404, body: 'no such path' });
    expect(await failure(client().probe())).toMatchObject({ failure: 'final', message: expect.stringContaining('Lazada has no such order or resource (HTTP 404)') });
    fake.fault({ status: 422, body: 'bad' });
    expect((await failure(client().probe())).failure).toBe('final');
  });
});

describe('Lazada reconciliation', () => {
  const base = Date.parse('2024-05-01T00:00:00Z');
  const since = new Date(base).toISOString();

  async function all(c: StoreClient, from: string): Promise<{ orders: ChangedOrder[]; pages: number }> {
    const orders: ChangedOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await c.listChanged(from, cursor);
      orders.push(...page.orders);
      cursor = page.next;
      pages++;
    } while (cursor && pages < 200);
    return { orders, pages };
  }

  it('pages through the orders changed since a time, oldest first, as pushes the adapter processes', async () => {
    for (let n = 0; n < 20; n++) fake.seed(String(100000000000000 + n * 1000), { updatedAtMs: base - (n + 1) * 60_000 });
    // Seeded out of order: the list must come sorted by updated_at.
    const ids = Array.from({ length: 230 }, (_, n) => ({ id: String(200000000000000 + n * 1000), at: base + (n + 1) * 1000 }));
    for (const { id, at } of [...ids].reverse()) fake.seed(id, { updatedAtMs: at, statuses: Number(id.slice(-4, -3)) % 2 ? ['ready_to_ship', 'canceled'] : ['pending'] });

    const { orders, pages } = await all(client(), since);
    expect(pages).toBe(3);
    expect(orders.map((o) => o.platformOrderId)).toEqual(ids.map((i) => i.id));
    expect(orders.map((o) => o.updatedAt)).toEqual(ids.map((i) => new Date(i.at).toISOString()));
    const queries = calls('/orders/get').map((r) => fake.paramsOf(r));
    expect(queries.map((q) => q['offset'])).toEqual(['0', '100', '200']);
    expect(queries[0]).toMatchObject({ update_after: '2024-05-01T00:00:00+00:00', sort_by: 'updated_at', sort_direction: 'ASC', limit: '100' });

    const s = settings();
    // Enriched against the same fake, as the adapter does with a real push (in parallel: 460 reads).
    await Promise.all(
      orders.map(async (o) => {
        const delivery = { method: 'POST', path: '/hooks/con_1', headers: o.headers, body: o.body };
        const payload = lazadaAdapter.parse(delivery);
        expect(lazadaAdapter.identify(delivery, payload)).toMatchObject({ handled: true, topic: o.topic, tenant: '1234567' });
        const enriched = await lazadaAdapter.enrich!(payload, { topic: o.topic, connection: connection(), fetch, clock: { now } });
        const { order } = lazadaAdapter.normalize(enriched, { topic: o.topic, connectionId: 'con_1', storeId: '1234567', settings: s, previous: null });
        expect(order).toMatchObject({ platformOrderId: o.platformOrderId, updatedAt: o.updatedAt });
        expect(order.platformStatus).toBe(fake.orders.get(o.platformOrderId)!.items.length === 2 ? 'ready_to_ship' : 'pending');
      }),
    );
  });

  it('moves the window to the last order\'s time at Lazada\'s offset cap of 5000, missing none', async () => {
    const count = 5150;
    for (let n = 0; n < count; n++) fake.seed(String(300000000000000 + n * 1000), { updatedAtMs: base + (n + 1) * 1000, statuses: ['pending'] });
    const { orders } = await all(client(), since);
    expect(new Set(orders.map((o) => o.platformOrderId)).size).toBe(count);
    const queries = calls('/orders/get').map((r) => fake.paramsOf(r));
    expect(Math.max(...queries.map((q) => Number(q['offset'])))).toBe(5000);
    const moved = queries.find((q) => q['update_after'] !== lazadaFilterTime(since))!;
    expect(moved).toMatchObject({ offset: '0', update_after: lazadaDate(base + 5100 * 1000).replace(' ', 'T').replace(' +0700', '+07:00') });
    // Oldest first throughout; the order at the window's edge is listed twice, which reconciliation finds up to date.
    const times = orders.map((o) => Date.parse(o.updatedAt));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(orders).toHaveLength(count + 1);
  });
});
