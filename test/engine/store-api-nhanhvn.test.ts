import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionApi, type WriteRequest } from '../../engine/contract/index.ts';
import { nhanhvnStoreApi } from '../../engine/connectors/store-api/nhanhvn/nhanhvn-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { ChangedOrder, StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import type { ConnectionView } from '../../engine/platforms/adapter.ts';
import { nhanhvnAdapter } from '../../engine/platforms/nhanhvn/nhanhvn-adapter.ts';
import { nhanhFakeOrder, startNhanhFake, type NhanhFake } from '../harness/fake-nhanhvn-api.ts';

let fake: NhanhFake;
let waits: number[];
let clock: number;

beforeEach(async () => {
  fake = await startNhanhFake();
  waits = [];
  clock = Date.now();
});
afterEach(() => fake.close());

function client(over: { token?: string; options?: Record<string, string> } = {}): StoreClient {
  const connection: ConnectionView = {
    id: 'con_1',
    platform: 'nhanhvn',
    storeId: fake.businessId,
    store: 'Shop',
    secrets: { accessToken: over.token ?? fake.accessToken },
    settings: nhanhvnAdapter.settings.parse({}) as Record<string, unknown>,
  };
  const now = () => clock;
  // Waits are recorded and pass at once; the clock moves so the bucket refills.
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  return nhanhvnStoreApi.create({
    connection,
    api: ConnectionApi.parse({ writeBack: true, options: over.options ?? { appId: fake.appId } }),
    baseUrl: fake.baseUrl,
    fetch,
    now,
    sleep,
    bucket: createTokenBucket(nhanhvnStoreApi.bucket.capacity, nhanhvnStoreApi.bucket.perSecond, now, sleep),
  });
}

const target = (id: number, key = 'run1:step1'): WriteTarget => ({ platformOrderId: String(id), orderNumber: String(id), platformCustomerId: null, key });
const secondsAgo = (s: number) => Math.floor(Date.now() / 1000) - s;

async function failure(p: Promise<unknown>): Promise<StoreApiError> {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(StoreApiError);
  return e as StoreApiError;
}

describe('Nhanh.vn write-back: the order note', () => {
  it('replaces the note with POST /v3.0/order/edit, the raw token and the app and business ids', async () => {
    fake.orders.set(101, nhanhFakeOrder(101, secondsAgo(600), { description: 'cũ' }));
    const { answer } = await client().write({ action: 'order.note.set', note: 'Gọi trước khi giao', mode: 'replace' }, target(101));
    expect(answer).toBe('Nhanh.vn replaced the note of order 101');
    const r = fake.requests.at(-1)!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v3.0/order/edit');
    expect(Object.fromEntries(r.query)).toEqual({ appId: fake.appId, businessId: fake.businessId });
    expect(r.headers['authorization']).toBe(fake.accessToken);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual({ info: { id: 101, description: 'Gọi trước khi giao' } });
    expect(fake.orders.get(101)!.info.description).toBe('Gọi trước khi giao');
  });

  it('appends a line with the step marker after reading the note, into the field the option names', async () => {
    fake.orders.set(102, nhanhFakeOrder(102, secondsAgo(600), { privateDescription: 'Khách quen' }));
    const c = client({ options: { appId: fake.appId, noteField: 'privateDescription' } });
    await c.write({ action: 'order.note.set', note: 'Gói quà', mode: 'append' }, target(102, 'k-append'));
    expect(fake.requests.map((r) => r.path)).toEqual(['/v3.0/order/list', '/v3.0/order/edit']);
    expect(JSON.parse(fake.requests[0]!.body).filters).toEqual({ ids: [102] });
    expect(fake.orders.get(102)!.info.privateDescription).toBe('Khách quen\nGói quà [fd:k-append]');
    expect(c.naturallyIdempotent({ action: 'order.note.set', note: 'x', mode: 'append' })).toBe(false);
    expect(c.naturallyIdempotent({ action: 'order.note.set', note: 'x', mode: 'replace' })).toBe(true);
  });

  it('refuses what Nhanh cannot do as final, naming Nhanh.vn', async () => {
    const reqs: WriteRequest[] = [
      { action: 'order.tags.add', tags: ['VIP'] },
      { action: 'order.cancel', reason: 'customer', restock: true, notifyCustomer: false, staffNote: '' },
      { action: 'order.mark_paid' },
    ];
    for (const req of reqs) {
      const e = await failure(client().write(req, target(1)));
      expect(e.failure).toBe('final');
      expect(e.message).toMatch(/^Nhanh\.vn cannot .+ through its API$/);
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Nhanh.vn answers', () => {
  it('waits out its HTTP 200 rate-limit answer (lockedSeconds) and then succeeds', async () => {
    fake.orders.set(103, nhanhFakeOrder(103, secondsAgo(600)));
    fake.rateLimitNext(1, 3);
    await client().write({ action: 'order.note.set', note: 'sau', mode: 'replace' }, target(103));
    expect(fake.requests).toHaveLength(2);
    expect(waits.some((w) => w >= 3000)).toBe(true);
    expect(fake.orders.get(103)!.info.description).toBe('sau');
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    fake.orders.set(104, nhanhFakeOrder(104, secondsAgo(600)));
    fake.fault({ rateLimited: true, retryAfter: '2' });
    await client().write({ action: 'order.note.set', note: 'x', mode: 'replace' }, target(104));
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.orders.get(104)!.info.description).toBe('x');
  });

  it('says a wrong token, an HTTP 401 and a code 0 refusal plainly, as final', async () => {
    fake.orders.set(105, nhanhFakeOrder(105, secondsAgo(600)));
    const note: WriteRequest = { action: 'order.note.set', note: 'x', mode: 'replace' };
    const bad = await failure(client({ token: 'Bearer nope' }).write(note, target(105)));
    expect(bad.failure).toBe('final');
    expect(bad.platformCode).toBe('ERR_INVALID_ACCESS_TOKEN');
    expect(bad.message).toContain('check the connection\'s access token');

    fake.fault({ status: 401, body: 'Unauthorized' });
    const http = await failure(client().write(note, target(105)));
    expect(http.failure).toBe('final');
    expect(http.message).toContain('check the connection\'s API token');

    const missing = await failure(client().write(note, target(999)));
    expect(missing.failure).toBe('final');
    expect(missing.message).toBe('Nhanh.vn refused order/edit (ERR_INVALID_FORM_FIELDS): info.id: Order 999 not found');

    const noApp = await failure(client({ options: {} }).write(note, target(105)));
    expect(noApp.message).toContain('appId');
  });

  it('reports a dropped answer as maybe_applied, and check then finds the line applied', async () => {
    fake.orders.set(106, nhanhFakeOrder(106, secondsAgo(600), { description: 'Giao giờ hành chính' }));
    const req: WriteRequest = { action: 'order.note.set', note: 'Đã gọi', mode: 'append' };
    const c = client();
    expect(await c.check(req, target(106, 'k-drop'))).toEqual({ applied: false });
    fake.fault({ commitThenDrop: true, only: { pathPrefix: '/v3.0/order/edit' } });
    const e = await failure(c.write(req, target(106, 'k-drop')));
    expect(e.failure).toBe('maybe_applied');
    const checked = await c.check(req, target(106, 'k-drop'));
    expect(checked.applied).toBe(true);
    expect(fake.orders.get(106)!.info.description).toBe('Giao giờ hành chính\nĐã gọi [fd:k-drop]');
  });

  it('probes with a harmless list call', async () => {
    expect(await client().probe()).toBe(`Nhanh.vn business ${fake.businessId}`);
    expect(fake.requests[0]!.path).toBe('/v3.0/order/list');
  });
});

describe('Nhanh.vn reconciliation', () => {
  it('pages through the orders changed since a time in windows of at most 31 days, oldest first, in bodies the adapter reads', async () => {
    const since = new Date((secondsAgo(70 * 86_400)) * 1000).toISOString();
    const sinceS = Math.floor(Date.parse(since) / 1000);
    // 230 orders spread over the 70 days after `since`, and 20 changed before it.
    for (let i = 0; i < 230; i++) fake.orders.set(1000 + i, nhanhFakeOrder(1000 + i, sinceS + 60 + i * 25_000, { status: i % 2 ? 'Shipping' : 'New' }));
    for (let i = 0; i < 20; i++) fake.orders.set(5000 + i, nhanhFakeOrder(5000 + i, sinceS - 1000 - i));

    const c = client();
    const all: ChangedOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await c.listChanged(since, cursor);
      all.push(...page.orders);
      cursor = page.next;
      expect(++pages).toBeLessThan(20);
    } while (cursor);

    expect(all).toHaveLength(230);
    expect(new Set(all.map((o) => o.platformOrderId)).size).toBe(230);
    const times = all.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(all.every((o) => Number(o.platformOrderId) < 5000)).toBe(true);

    const lists = fake.requests.filter((r) => r.path === '/v3.0/order/list').map((r) => JSON.parse(r.body));
    for (const body of lists) {
      expect(body.filters.updatedAtTo - body.filters.updatedAtFrom).toBeLessThanOrEqual(31 * 86_400);
      expect(body.paginator).toMatchObject({ size: 100, sort: { updatedAt: 'asc' } });
    }
    // Nhanh's opaque `next` goes back exactly as it came.
    expect(lists.some((b) => b.paginator.next && typeof b.paginator.next.token === 'string')).toBe(true);

    const settings = nhanhvnAdapter.settings.parse({});
    for (const o of all) {
      const delivery = { method: 'POST', path: '/hooks/con_1', headers: o.headers, body: o.body };
      const payload = nhanhvnAdapter.parse(delivery);
      const id = nhanhvnAdapter.identify(delivery, payload);
      expect(id).toMatchObject({ topic: o.topic, handled: true, tenant: fake.businessId });
      const { order } = nhanhvnAdapter.normalize(payload, { topic: o.topic, connectionId: 'con_1', storeId: fake.businessId, settings, previous: null });
      const source = fake.orders.get(Number(o.platformOrderId))!;
      expect(order.platformOrderId).toBe(o.platformOrderId);
      expect(order.updatedAt).toBe(o.updatedAt);
      expect(Date.parse(order.updatedAt)).toBe(source.info.updatedAt * 1000);
      expect(order.platformStatus).toBe(source.info.status);
    }
  });
});
