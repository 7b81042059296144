import { afterEach, describe, expect, it } from 'vitest';
import { sapoStoreApi } from '../../engine/connectors/store-api/sapo/sapo-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { ChangedOrder, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { ConnectionApi, SAPO_GO_NOTE, type WriteRequest } from '../../engine/contract/index.ts';
import { sapoAdapter } from '../../engine/platforms/sapo/sapo-adapter.ts';
import { makeOrder, startFakeStoreApi, type FakeStoreApi, type FakeStoreOptions } from '../harness/fake-haravan-sapo-api.ts';

const KEY = 'sapo_key_abc';
const SECRET = 'sapo_secret_xyz';
const STORE = 'flowdesk-demo.mysapo.net';
const SINCE = '2026-11-01T00:00:00Z';
const BASIC = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

let fake: FakeStoreApi;
let clock: number;
let waits: number[];

function context(baseUrl: string, storeId: string, secrets: Record<string, string>) {
  const now = () => clock;
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  const connection = { id: 'con_1', platform: 'sapo' as const, storeId, store: 'Shop', secrets, settings: sapoAdapter.settings.parse({}) as Record<string, unknown> };
  const bucket = createTokenBucket(sapoStoreApi.bucket.capacity, sapoStoreApi.bucket.perSecond, now, sleep);
  return { connection, api: ConnectionApi.parse({ writeBack: true }), baseUrl, fetch, now, sleep, bucket };
}

async function setup(opts: Partial<FakeStoreOptions> = {}, secrets: Record<string, string> = { apiKey: KEY, apiSecret: SECRET }) {
  clock = Date.parse('2026-11-20T00:00:00Z');
  waits = [];
  fake = await startFakeStoreApi({ dialect: 'sapo', apiKey: KEY, apiSecret: SECRET, now: () => clock, ...opts });
  fake.seedOrders(makeOrder('sapo', { id: 101, created: '2026-10-19T10:00:00Z', updated: '2026-10-19T10:00:00Z', extra: { tags: 'facebook, khách quen', note: 'Giao giờ hành chính' } }));
  const ctx = context(fake.apiUrl, STORE, secrets);
  return { client: sapoStoreApi.create(ctx), bucket: ctx.bucket };
}

afterEach(async () => {
  await fake?.close();
});

const target: WriteTarget = { platformOrderId: '101', orderNumber: '#1101', platformCustomerId: '9101', key: 'run_1:step_2' };
const sent = () => fake.requests.map((r) => `${r.method} ${r.path}`);
const last = () => fake.requests.at(-1)!;

async function failure(p: Promise<unknown> | (() => unknown)): Promise<StoreApiError> {
  const error = await Promise.resolve()
    .then(() => (typeof p === 'function' ? p() : p))
    .then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreApiError);
  return error as StoreApiError;
}

describe('Sapo Web write-back', () => {
  it('rewrites the whole tag string, merged, over HTTP Basic with the private app key and secret', async () => {
    const { client } = await setup();
    const add: WriteRequest = { action: 'order.tags.add', tags: ['VIP', 'Facebook'] };
    expect(client.naturallyIdempotent(add)).toBe(true);
    expect((await client.write(add, target)).answer).toBe('Sapo added tags VIP, Facebook; order #1101 now has facebook, khách quen, VIP');
    expect(sent()).toEqual(['GET /admin/orders/101.json', 'PUT /admin/orders/101.json']);
    expect(last().headers['authorization']).toBe(BASIC);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, tags: 'facebook, khách quen, VIP' } });
    expect(fake.order(101)!['tags']).toBe('facebook, khách quen, VIP');

    // Sent again: the tags are there, nothing is written.
    expect((await client.write(add, target)).answer).toContain('already had tags');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);

    await client.write({ action: 'order.tags.remove', tags: ['KHÁCH QUEN'] }, target);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, tags: 'facebook, VIP' } });
    expect(fake.order(101)!['tags']).toBe('facebook, VIP');
  });

  it('uses X-Sapo-Access-Token when the connection has an access token', async () => {
    const { client } = await setup({ token: 'sapo_oauth_token' }, { accessToken: 'sapo_oauth_token' });
    await client.write({ action: 'order.note.set', note: 'Gọi lại', mode: 'replace' }, target);
    expect(last().headers['x-sapo-access-token']).toBe('sapo_oauth_token');
    expect(last().headers['authorization']).toBeUndefined();
    expect(fake.order(101)!['note']).toBe('Gọi lại');
  });

  it('appends a note line with the marker, sets a note attribute and tags the customer', async () => {
    const { client } = await setup();
    const append: WriteRequest = { action: 'order.note.set', note: 'Đã gọi khách', mode: 'append' };
    await client.write(append, target);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, note: 'Giao giờ hành chính\nĐã gọi khách [fd:run_1:step_2]' } });
    expect(await client.check(append, target)).toMatchObject({ applied: true });

    await client.write({ action: 'order.attribute.set', key: 'gift', value: 'yes' }, target);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, note_attributes: [{ name: 'gift', value: 'yes' }] } });
    expect(fake.order(101)!['note_attributes']).toEqual([{ name: 'gift', value: 'yes' }]);

    await client.write({ action: 'customer.tags.add', tags: ['VIP'] }, target);
    expect(last()).toMatchObject({ method: 'PUT', path: '/admin/customers/9101.json', body: '{"customer":{"id":9101,"tags":"VIP"}}' });
    expect(fake.customer(9101)!['tags']).toBe('VIP');
    // Every write moved modified_on.
    expect(fake.order(101)!['modified_on']).toBe('2026-11-20T00:00:00.000Z');
  });

  it('marks paid with a capture transaction and fulfils with the tracking number', async () => {
    const { client } = await setup();
    expect((await client.write({ action: 'order.mark_paid' }, target)).answer).toMatch(/^Sapo recorded a capture of 500000 VND on order #1101/);
    expect(last()).toMatchObject({ method: 'POST', path: '/admin/orders/101/transactions.json', body: '{"transaction":{"amount":500000,"kind":"capture"}}' });
    expect(fake.order(101)!['financial_status']).toBe('paid');

    await client.write({ action: 'order.fulfil', trackingNumber: 'GHTK42', carrier: 'GHTK', trackingUrl: '', notifyCustomer: false }, target);
    expect(last()).toMatchObject({ method: 'POST', path: '/admin/orders/101/fulfillments.json' });
    expect(JSON.parse(last().body)).toEqual({ fulfillment: { tracking_number: 'GHTK42', tracking_company: 'GHTK', notify_customer: false } });
    expect(fake.order(101)!['fulfillments'][0]).toMatchObject({ tracking_numbers: ['GHTK42'] });
  });

  it('refuses cancel and close as final, naming Sapo, without a call', async () => {
    const { client } = await setup();
    for (const req of [{ action: 'order.cancel', reason: 'customer', restock: true, notifyCustomer: false, staffNote: '' }, { action: 'order.close' }] as WriteRequest[]) {
      const e = await failure(client.write(req, target));
      expect(e.failure).toBe('final');
      expect(e.message).toMatch(/^Sapo cannot (cancel|close) an order through its API/);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('has no client for a Sapo GO store', async () => {
    clock = 0;
    waits = [];
    const e = await failure(() => sapoStoreApi.create(context('http://127.0.0.1:9', 'flowdesk-demo.mysapogo.com', { apiKey: KEY, apiSecret: SECRET })));
    expect([e.failure, e.message]).toEqual(['final', SAPO_GO_NOTE]);
  });

  it('builds its base URL from the store domain', () => {
    const view = (storeId: string) => ({ id: 'c', platform: 'sapo' as const, storeId, store: 'S', secrets: {}, settings: {} });
    expect(sapoStoreApi.defaultBaseUrl(view('flowdesk-demo.mysapo.net'))).toBe('https://flowdesk-demo.mysapo.net/admin');
    expect(sapoStoreApi.defaultBaseUrl(view('https://Flowdesk-Demo.mysapo.net/'))).toBe('https://flowdesk-demo.mysapo.net/admin');
    expect(sapoStoreApi.defaultBaseUrl(view('flowdesk-demo'))).toBe('https://flowdesk-demo.mysapo.net/admin');
  });
});

describe('Sapo Web errors and limits', () => {
  it('waits out a 429 and its own full bucket (x-sapo-api-call-limit: 40/40), then succeeds', async () => {
    const { client, bucket } = await setup();
    fake.fault({ rateLimited: true, retryAfter: '2.0' });
    await client.write({ action: 'order.note.set', note: 'a', mode: 'replace' }, target);
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.order(101)!['note']).toBe('a');

    waits = [];
    fake.fillBucket();
    await client.write({ action: 'order.note.set', note: 'b', mode: 'replace' }, target);
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.order(101)!['note']).toBe('b');
    expect(bucket.available()).toBeLessThan(10);
  });

  it('says 401, 404 and 422 in plain words, as final', async () => {
    let { client } = await setup({}, { apiKey: KEY, apiSecret: 'zz-not-the-secret' });
    let e = await failure(client.write({ action: 'order.mark_paid' }, target));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('Sapo refused the API credentials (HTTP 401)');
    expect(e.message).toContain('API key and secret');
    expect(e.message).not.toContain('zz-not-the-secret');
    await fake.close();

    ({ client } = await setup());
    e = await failure(client.write({ action: 'order.tags.add', tags: ['x'] }, { ...target, platformOrderId: '404' }));
    expect([e.failure, e.message]).toEqual(['final', 'Sapo has no such order or resource (HTTP 404): Not Found']);

    const ship: WriteRequest = { action: 'order.fulfil', trackingNumber: 'A1', carrier: '', trackingUrl: '', notifyCustomer: false };
    await client.write(ship, target);
    e = await failure(client.write({ ...ship, trackingNumber: 'A2' }, target));
    expect([e.failure, e.message]).toEqual(['final', 'Sapo refused the change (HTTP 422): All line items are already fulfilled']);
  });

  it('reports a dropped answer as maybe_applied, and check then finds the change', async () => {
    const { client } = await setup();
    const paid: WriteRequest = { action: 'order.mark_paid' };
    const ship: WriteRequest = { action: 'order.fulfil', trackingNumber: 'VTP9', carrier: '', trackingUrl: '', notifyCustomer: false };
    for (const req of [paid, ship]) {
      expect(client.naturallyIdempotent(req)).toBe(false);
      expect(await client.check(req, target)).toEqual({ applied: false });
      fake.fault({ commitThenDrop: true, only: { method: 'POST' } });
      expect((await failure(client.write(req, target))).failure).toBe('maybe_applied');
      expect(await client.check(req, target)).toMatchObject({ applied: true });
    }
    expect(fake.transactions(101)).toHaveLength(1);
    expect(fake.order(101)!['fulfillments']).toHaveLength(1);
  });

  it('names the shop for the Test button', async () => {
    const { client } = await setup({ shopName: 'Flowdesk Demo Sapo' });
    expect(await client.probe()).toBe('Flowdesk Demo Sapo');
  });
});

describe('Sapo Web reconciliation', () => {
  /** 560 orders changed after SINCE (300 open, 150 closed, 110 cancelled), 20 before it. */
  function seed() {
    for (let i = 0; i < 580; i++) {
      const before = i >= 560;
      const minutes = before ? -(i + 1) : (i * 37) % 560;
      const updated = new Date(Date.parse(SINCE) + minutes * 60_000 + (before ? 0 : 1000)).toISOString();
      const kind = i % 56 < 30 ? 'open' : i % 56 < 45 ? 'closed' : 'cancelled';
      const extra = kind === 'cancelled' ? { cancelled_on: updated, status: 'cancelled', cancel_reason: 'customer' } : kind === 'closed' ? { closed_on: updated, status: 'closed' } : {};
      fake.seedOrders(makeOrder('sapo', { id: 3000 + i, created: '2026-10-01T00:00:00Z', updated, extra }));
    }
  }
  const statusOf = (id: string) => {
    const i = Number(id) - 3000;
    return i % 56 < 30 ? 'open' : i % 56 < 45 ? 'closed' : 'cancelled';
  };

  it('lists open, closed and cancelled apart (status=any lists nothing), each order read by the Sapo adapter', async () => {
    const { client } = await setup();
    seed();
    const all: ChangedOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.listChanged(SINCE, cursor);
      const times = page.orders.map((o) => Date.parse(o.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      all.push(...page.orders);
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(2);
    expect(all).toHaveLength(560);
    expect(new Set(all.map((o) => o.platformOrderId)).size).toBe(560);
    expect(all.every((o) => Date.parse(o.updatedAt) > Date.parse(SINCE))).toBe(true);

    const lists = fake.requests.filter((r) => r.path === '/admin/orders.json');
    expect(lists.map((r) => `${r.query.get('status')}:${r.query.get('page')}`)).toEqual(['open:1', 'closed:1', 'cancelled:1', 'open:2']);
    expect(Object.fromEntries(lists[0]!.query)).toEqual({ modified_on_min: SINCE, status: 'open', limit: '250', page: '1' });

    const settings = sapoAdapter.settings.parse({});
    for (const changed of all) {
      const delivery = { method: 'POST', path: '/hooks/con_1', headers: changed.headers, body: changed.body };
      const payload = sapoAdapter.parse(delivery);
      const identity = sapoAdapter.identify(delivery, payload);
      expect(identity).toMatchObject({ topic: changed.topic, tenant: STORE, handled: true });
      const { order } = sapoAdapter.normalize(payload, { topic: identity.topic!, connectionId: 'con_1', storeId: STORE, settings, previous: null });
      expect(order.platformOrderId).toBe(changed.platformOrderId);
      expect(order.updatedAt).toBe(changed.updatedAt);
      expect(order.platformStatus).toBe(statusOf(changed.platformOrderId));
    }
  });

  it('answers status=any with an empty list and ignores ?tags=, as Sapo does', async () => {
    await setup();
    seed();
    const get = async (q: string) => ((await (await fetch(`${fake.apiUrl}/orders.json?${q}`, { headers: { authorization: BASIC } })).json()) as { orders: unknown[] }).orders.length;
    expect(await get('status=any&limit=250')).toBe(0);
    expect(await get('status=open&limit=250&tags=nothing-has-this')).toBe(250);
  });
});
