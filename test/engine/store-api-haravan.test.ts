import { afterEach, describe, expect, it } from 'vitest';
import { haravanStoreApi } from '../../engine/connectors/store-api/haravan/haravan-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { ChangedOrder, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { ConnectionApi, type WriteRequest } from '../../engine/contract/index.ts';
import { haravanAdapter } from '../../engine/platforms/haravan/haravan-adapter.ts';
import { makeOrder, startFakeStoreApi, type FakeStoreApi, type FakeStoreOptions } from '../harness/fake-haravan-sapo-api.ts';

const TOKEN = 'hrv_private_token_0123456789';
const ORG = '1000114691';
const SINCE = '2026-11-01T00:00:00.000Z';

let fake: FakeStoreApi;
let clock: number;
let waits: number[];

async function setup(opts: Partial<FakeStoreOptions> = {}, secrets: Record<string, string> = { apiToken: TOKEN }) {
  clock = Date.parse('2026-11-20T00:00:00Z');
  waits = [];
  const now = () => clock;
  // Waits are recorded and pass at once: the clock jumps, so both buckets see the time go by.
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  fake = await startFakeStoreApi({ dialect: 'haravan', token: TOKEN, now, ...opts });
  fake.seedOrders(makeOrder('haravan', { id: 101, created: '2026-10-19T10:00:00.000Z', updated: '2026-10-19T10:00:00.000Z', extra: { tags: 'old', note: 'Giao giờ hành chính' } }));
  const connection = { id: 'con_1', platform: 'haravan' as const, storeId: ORG, store: 'Shop', secrets, settings: haravanAdapter.settings.parse({}) as Record<string, unknown> };
  const bucket = createTokenBucket(haravanStoreApi.bucket.capacity, haravanStoreApi.bucket.perSecond, now, sleep);
  const client = haravanStoreApi.create({ connection, api: ConnectionApi.parse({ writeBack: true }), baseUrl: fake.apiUrl, fetch, now, sleep, bucket });
  return { client, bucket };
}

afterEach(async () => {
  await fake?.close();
});

const target: WriteTarget = { platformOrderId: '101', orderNumber: '#1101', platformCustomerId: '9101', key: 'run_1:step_2' };
const sent = () => fake.requests.map((r) => `${r.method} ${r.path}`);
const last = () => fake.requests.at(-1)!;

async function failure(p: Promise<unknown>): Promise<StoreApiError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreApiError);
  return error as StoreApiError;
}

describe('Haravan write-back', () => {
  it('adds and removes tags through tags.json, with the Bearer token', async () => {
    const { client } = await setup();
    const add: WriteRequest = { action: 'order.tags.add', tags: ['VIP', 'sale'] };
    expect(client.naturallyIdempotent(add)).toBe(true);
    expect((await client.write(add, target)).answer).toBe('Haravan added tags VIP, sale; order #1101 now has old, VIP, sale');
    expect(last()).toMatchObject({ method: 'POST', path: '/com/orders/101/tags.json', body: '{"tags":"VIP,sale"}' });
    expect(last().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(fake.order(101)!['tags']).toBe('old,VIP,sale');

    expect((await client.write({ action: 'order.tags.remove', tags: ['old'] }, target)).answer).toBe('Haravan removed tags old; order #1101 now has VIP, sale');
    expect(last()).toMatchObject({ method: 'DELETE', path: '/com/orders/101/tags.json', body: '{"tags":"old"}' });
    expect(fake.order(101)!['tags']).toBe('VIP,sale');
  });

  it('appends a note line with the action marker once, and replaces a note as given', async () => {
    const { client } = await setup();
    const append: WriteRequest = { action: 'order.note.set', note: 'Called the buyer', mode: 'append' };
    expect(client.naturallyIdempotent(append)).toBe(false);
    expect(await client.check(append, target)).toEqual({ applied: false });
    await client.write(append, target);
    expect(sent()).toEqual(['GET /com/orders/101.json', 'GET /com/orders/101.json', 'PUT /com/orders/101.json']);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, note: 'Giao giờ hành chính\nCalled the buyer [fd:run_1:step_2]' } });
    expect(fake.order(101)!['note']).toBe('Giao giờ hành chính\nCalled the buyer [fd:run_1:step_2]');
    expect(await client.check(append, target)).toMatchObject({ applied: true });
    // Sent again (a retry): the marker is found and nothing is written twice.
    expect((await client.write(append, target)).answer).toContain('already has this line');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);

    await client.write({ action: 'order.note.set', note: 'Only this', mode: 'replace' }, target);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, note: 'Only this' } });
    expect(fake.order(101)!['note']).toBe('Only this');
  });

  it('sets a note attribute by read-merge-write, and tags the customer the same way', async () => {
    const { client } = await setup();
    fake.order(101)!['note_attributes'] = [{ name: 'gift', value: 'no' }, { name: 'ref', value: 'fb' }];
    await client.write({ action: 'order.attribute.set', key: 'gift', value: 'yes' }, target);
    expect(JSON.parse(last().body)).toEqual({ order: { id: 101, note_attributes: [{ name: 'gift', value: 'yes' }, { name: 'ref', value: 'fb' }] } });
    expect(fake.order(101)!['note_attributes']).toEqual([{ name: 'gift', value: 'yes' }, { name: 'ref', value: 'fb' }]);

    fake.customer(9101)!['tags'] = 'loyal';
    const answer = await client.write({ action: 'customer.tags.add', tags: ['VIP'] }, target);
    expect(answer.answer).toBe('Haravan added tags VIP to customer 9101; they now have loyal, VIP');
    expect(last()).toMatchObject({ method: 'PUT', path: '/com/customers/9101.json', body: '{"customer":{"id":9101,"tags":"loyal,VIP"}}' });
    expect(fake.customer(9101)!['tags']).toBe('loyal,VIP');
  });

  it('marks paid with a Capture of the amount still owed', async () => {
    const { client } = await setup();
    const req: WriteRequest = { action: 'order.mark_paid' };
    expect((await client.write(req, target)).answer).toMatch(/^Haravan recorded a capture of 500000 VND on order #1101 \(transaction \d+\)$/);
    expect(sent()).toEqual(['GET /com/orders/101.json', 'GET /com/orders/101/transactions.json', 'POST /com/orders/101/transactions.json']);
    expect(JSON.parse(last().body)).toEqual({ transaction: { amount: 500000, kind: 'Capture' } });
    expect(fake.order(101)!['financial_status']).toBe('paid');
    expect((await client.write(req, target)).answer).toBe('order #1101 is already paid on Haravan; nothing recorded');
    expect(fake.transactions(101)).toHaveLength(1);
  });

  it('cancels with reason, restock, email and note, then closes', async () => {
    const { client } = await setup();
    const cancel: WriteRequest = { action: 'order.cancel', reason: 'customer', restock: true, notifyCustomer: false, staffNote: 'Buyer changed mind' };
    expect((await client.write(cancel, target)).answer).toMatch(/^Haravan cancelled order #1101 \(reason customer, items restocked\) at 2026-/);
    expect(last()).toMatchObject({ method: 'POST', path: '/com/orders/101/cancel.json' });
    expect(JSON.parse(last().body)).toEqual({ reason: 'customer', restock: true, email: false, note: 'Buyer changed mind' });
    expect(fake.order(101)!['cancelled_at']).toBeTruthy();
    expect(fake.order(101)!['cancel_reason']).toBe('customer');

    await client.write({ action: 'order.close' }, target);
    expect(last()).toMatchObject({ method: 'POST', path: '/com/orders/101/close.json', body: '{}' });
    expect(fake.order(101)!['closed_at']).toBeTruthy();
  });

  it('fulfils with the tracking number', async () => {
    const { client } = await setup();
    const req: WriteRequest = { action: 'order.fulfil', trackingNumber: 'GHN123', carrier: 'GHN', trackingUrl: 'https://ghn.vn/t/GHN123', notifyCustomer: true };
    expect((await client.write(req, target)).answer).toMatch(/^Haravan created fulfillment \d+ for order #1101 with tracking GHN123 \(GHN\)$/);
    expect(last()).toMatchObject({ method: 'POST', path: '/com/orders/101/fulfillments.json' });
    expect(JSON.parse(last().body)).toEqual({ fulfillment: { tracking_number: 'GHN123', tracking_company: 'GHN', tracking_url: 'https://ghn.vn/t/GHN123', notify_customer: true } });
    expect(fake.order(101)!['fulfillments'][0]).toMatchObject({ tracking_number: 'GHN123' });
  });

  it('refuses a marketplace action as final, naming Haravan, without a call', async () => {
    const { client } = await setup();
    const e = await failure(client.write({ action: 'marketplace.ready_to_ship', shipmentProvider: '', deliveryType: 'dropship' }, target));
    expect(e.failure).toBe('final');
    expect(e.message).toMatch(/^Haravan cannot set an order ready to ship/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Haravan errors and limits', () => {
  it('waits out a 429 with Retry-After: 2.0, and its own full-bucket answer, then succeeds', async () => {
    const { client, bucket } = await setup();
    fake.fault({ rateLimited: true, retryAfter: '2.0' });
    await client.write({ action: 'order.tags.add', tags: ['VIP'] }, target);
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.order(101)!['tags']).toBe('old,VIP');

    waits = [];
    fake.fillBucket();
    await client.write({ action: 'order.tags.add', tags: ['sale'] }, target);
    const throttled = fake.requests.at(-2)!;
    expect(throttled.method).toBe('POST');
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.order(101)!['tags']).toBe('old,VIP,sale');
    // The local bucket follows the platform's call-limit header: nearly full after the throttle.
    expect(last().method).toBe('POST');
    expect(bucket.available()).toBeLessThan(15);
  });

  it('says 401, 403, 404 and 422 in plain words, as final', async () => {
    let { client } = await setup({}, { apiToken: 'wrong' });
    let e = await failure(client.write({ action: 'order.tags.add', tags: ['VIP'] }, target));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('Haravan refused the API credentials (HTTP 401)');
    expect(e.message).toContain('check the connection\'s API token');
    expect(fake.requests[0]!.body).toBe('{"tags":"VIP"}');
    await fake.close();

    ({ client } = await setup({ readOnly: true }));
    e = await failure(client.write({ action: 'order.tags.add', tags: ['VIP'] }, target));
    expect(e.message).toContain('give the app the "com.write_orders" permission');
    await fake.close();

    ({ client } = await setup());
    e = await failure(client.write({ action: 'order.mark_paid' }, { ...target, platformOrderId: '999' }));
    expect([e.failure, e.message]).toEqual(['final', 'Haravan has no such order or resource (HTTP 404): Not Found']);

    const cancel: WriteRequest = { action: 'order.cancel', reason: 'other', restock: false, notifyCustomer: false, staffNote: '' };
    await client.write(cancel, target);
    e = await failure(client.write(cancel, target));
    expect([e.failure, e.message]).toEqual(['final', 'Haravan refused the change (HTTP 422): Order has already been cancelled']);
  });

  it('reports a dropped answer as maybe_applied, and check then finds the change (nothing is sent twice)', async () => {
    const { client } = await setup();
    const paid: WriteRequest = { action: 'order.mark_paid' };
    const ship: WriteRequest = { action: 'order.fulfil', trackingNumber: 'VTP777', carrier: 'Viettel Post', trackingUrl: '', notifyCustomer: false };
    const cancel: WriteRequest = { action: 'order.cancel', reason: 'inventory', restock: true, notifyCustomer: false, staffNote: '' };
    for (const req of [paid, ship, cancel, { action: 'order.close' } as WriteRequest]) {
      expect(client.naturallyIdempotent(req)).toBe(false);
      expect(await client.check(req, target)).toEqual({ applied: false });
    }

    fake.fault({ commitThenDrop: true, only: { method: 'POST' } });
    expect((await failure(client.write(paid, target))).failure).toBe('maybe_applied');
    expect(await client.check(paid, target)).toEqual({ applied: true, answer: 'order #1101 on Haravan is paid' });
    expect(fake.transactions(101)).toHaveLength(1);

    fake.fault({ commitThenDrop: true, only: { method: 'POST' } });
    expect((await failure(client.write(ship, target))).failure).toBe('maybe_applied');
    expect(await client.check(ship, target)).toEqual({ applied: true, answer: 'order #1101 on Haravan already has a fulfillment with tracking VTP777' });

    fake.fault({ commitThenDrop: true, only: { method: 'POST' } });
    expect((await failure(client.write(cancel, target))).failure).toBe('maybe_applied');
    expect(await client.check(cancel, target)).toMatchObject({ applied: true });
  });

  it('names the shop for the Test button', async () => {
    const { client } = await setup({ shopName: 'Tiệm Áo Lan' });
    expect(await client.probe()).toBe('Tiệm Áo Lan');
    expect(sent()).toEqual(['GET /com/shop.json']);
  });
});

describe('Haravan reconciliation', () => {
  /** 230 orders changed after SINCE, out of id order, some cancelled or closed; 15 before it. */
  function seed() {
    for (let i = 0; i < 245; i++) {
      const before = i >= 230;
      const minutes = before ? -(i + 1) : (i * 37) % 230;
      const updated = new Date(Date.parse(SINCE) + minutes * 60_000 + (before ? 0 : 1000)).toISOString();
      const extra = i % 10 === 3 ? { cancelled_at: updated, cancelled_status: 'cancelled', cancel_reason: 'customer' } : i % 10 === 7 ? { closed_at: updated, closed_status: 'closed' } : {};
      fake.seedOrders(makeOrder('haravan', { id: 2000 + i, created: '2026-10-01T00:00:00.000Z', updated, extra }));
    }
  }

  function throughAdapter(o: ChangedOrder) {
    const delivery = { method: 'POST', path: '/hooks/con_1', headers: o.headers, body: o.body };
    const payload = haravanAdapter.parse(delivery);
    const identity = haravanAdapter.identify(delivery, payload);
    const settings = haravanAdapter.settings.parse({});
    const { order } = haravanAdapter.normalize(payload, { topic: identity.topic!, connectionId: 'con_1', storeId: ORG, settings, previous: null });
    return { identity, order };
  }

  it('pages through the changed orders oldest first, each read by the Haravan adapter', async () => {
    const { client } = await setup();
    seed();
    const all: ChangedOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.listChanged(SINCE, cursor);
      all.push(...page.orders);
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);

    expect(pages).toBe(5);
    expect(all).toHaveLength(230);
    expect(new Set(all.map((o) => o.platformOrderId)).size).toBe(230);
    const times = all.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t > Date.parse(SINCE))).toBe(true);

    const lists = fake.requests.filter((r) => r.path === '/com/orders.json');
    expect(lists.map((r) => r.query.get('page'))).toEqual(['1', '2', '3', '4', '5']);
    expect(Object.fromEntries(lists[0]!.query)).toEqual({ updated_at_min: SINCE, status: 'any', limit: '50', page: '1', order: 'updated_at asc' });

    for (const changed of all) {
      const { identity, order } = throughAdapter(changed);
      expect(identity).toMatchObject({ topic: changed.topic, tenant: ORG, handled: true });
      const i = Number(changed.platformOrderId) - 2000;
      expect(order.platformOrderId).toBe(changed.platformOrderId);
      expect(order.updatedAt).toBe(changed.updatedAt);
      expect(order.platformStatus).toBe(i % 10 === 3 ? 'cancelled' : i % 10 === 7 ? 'closed' : 'confirmed');
    }
  });

  it('clamps limit to 50, as Haravan does', async () => {
    await setup();
    seed();
    const res = await fetch(`${fake.apiUrl}/orders.json?status=any&limit=250`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await res.json()) as { orders: unknown[] }).orders).toHaveLength(50);
    expect(res.headers.get('x-haravan-api-call-limit')).toBe('1/80');
  });
});

