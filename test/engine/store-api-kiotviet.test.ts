import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionApi, type WriteRequest } from '../../engine/contract/index.ts';
import { kiotvietStoreApi } from '../../engine/connectors/store-api/kiotviet/kiotviet-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { ChangedOrder, StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import type { ConnectionView } from '../../engine/platforms/adapter.ts';
import { kiotVietAdapter } from '../../engine/platforms/kiotviet/kiotviet-adapter.ts';
import { kiotVietFakeInvoice, kiotVietFakeOrder, startKiotVietFake, type KiotVietFake } from '../harness/fake-kiotviet-api.ts';

let fake: KiotVietFake;
let waits: number[];
let clock: number;

beforeEach(async () => {
  fake = await startKiotVietFake();
  waits = [];
  clock = Date.now();
});
afterEach(() => fake.close());

function client(over: { secret?: string; retailer?: string } = {}): StoreClient {
  const connection: ConnectionView = {
    id: 'con_1',
    platform: 'kiotviet',
    storeId: over.retailer ?? fake.retailer,
    store: 'Shop',
    secrets: { webhookSecret: 'whs', clientSecret: over.secret ?? fake.clientSecret },
    settings: kiotVietAdapter.settings.parse({ clientId: fake.clientId, apiBaseUrl: fake.baseUrl, tokenUrl: `${fake.baseUrl}/connect/token` }) as Record<string, unknown>,
  };
  const now = () => clock;
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  return kiotvietStoreApi.create({
    connection,
    api: ConnectionApi.parse({ writeBack: true }),
    baseUrl: kiotvietStoreApi.defaultBaseUrl(connection),
    fetch,
    now,
    sleep,
    bucket: createTokenBucket(kiotvietStoreApi.bucket.capacity, kiotvietStoreApi.bucket.perSecond, now, sleep),
  });
}

const target = (id: string, over: Partial<WriteTarget> = {}): WriteTarget => ({ platformOrderId: id, orderNumber: `DH${id.replace(/\D/g, '').padStart(6, '0')}`, platformCustomerId: '501', key: 'run1:step1', ...over });
const apiCalls = () => fake.requests.filter((r) => r.path !== '/connect/token');
const minutesAgo = (m: number) => Date.now() - m * 60_000;

async function failure(p: Promise<unknown>): Promise<StoreApiError> {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(StoreApiError);
  return e as StoreApiError;
}

describe('KiotViet write-back', () => {
  it('sets the note with PUT /orders/{id}, a client-credentials token, Retailer and Bearer', async () => {
    fake.orders.set(123, kiotVietFakeOrder(123, minutesAgo(30), { description: 'cũ' }));
    const { answer } = await client().write({ action: 'order.note.set', note: 'Giao buổi sáng', mode: 'replace' }, target('order/123'));
    expect(answer).toBe('KiotViet replaced the note of order DH000123');
    const [tok, put] = fake.requests;
    expect(tok!.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(tok!.body))).toEqual({ scopes: 'PublicApi.Access', grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret });
    expect(put).toMatchObject({ method: 'PUT', path: '/orders/123' });
    expect(put!.headers).toMatchObject({ retailer: fake.retailer, authorization: 'Bearer kv-token-1', 'content-type': 'application/json' });
    expect(JSON.parse(put!.body)).toEqual({ description: 'Giao buổi sáng' });
    expect(fake.orders.get(123)!.description).toBe('Giao buổi sáng');
  });

  it('appends a line with the step marker after reading the note', async () => {
    fake.orders.set(124, kiotVietFakeOrder(124, minutesAgo(30), { description: 'Khách quen' }));
    await client().write({ action: 'order.note.set', note: 'Gói quà', mode: 'append' }, target('order/124', { key: 'k1' }));
    expect(apiCalls().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /orders/124', 'PUT /orders/124']);
    expect(fake.orders.get(124)!.description).toBe('Khách quen\nGói quà [fd:k1]');
  });

  it('adds the customer to the groups named like the tags, keeping its groups, and names a missing group', async () => {
    fake.customers.set(501, { id: 501, code: 'KH000501', name: 'Trần Thị B', contactNumber: '0912345678', email: '' });
    fake.groups.push({ id: 1, name: 'VIP', customerGroupDetails: [] }, { id: 2, name: 'Sỉ', customerGroupDetails: [{ id: 2501, customerId: 501, groupId: 2 }] });
    const { answer } = await client().write({ action: 'customer.tags.add', tags: ['vip'] }, target('order/1'));
    expect(answer).toBe('KiotViet added customer KH000501 to VIP; the customer is now in Sỉ, VIP');
    const put = apiCalls().find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/customers/501');
    expect(JSON.parse(put.body)).toEqual({ groupIds: [2, 1] });
    expect(fake.groupNamesOf(501)).toEqual(['VIP', 'Sỉ']);

    const e = await failure(client().write({ action: 'customer.tags.add', tags: ['VIP', 'Khách mới'] }, target('order/1')));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('no customer group named "Khách mới"');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('marks an order paid with totalPayment; a dropped answer is maybe_applied and check then finds it paid', async () => {
    fake.orders.set(125, kiotVietFakeOrder(125, minutesAgo(30)));
    fake.orders.set(126, kiotVietFakeOrder(126, minutesAgo(30)));
    const c = client();
    expect(c.naturallyIdempotent({ action: 'order.mark_paid' })).toBe(false);
    expect(await c.check({ action: 'order.mark_paid' }, target('order/126'))).toEqual({ applied: false });
    fake.fault({ commitThenDrop: true, only: { method: 'PUT' } });
    const e = await failure(c.write({ action: 'order.mark_paid' }, target('order/125')));
    expect(e.failure).toBe('maybe_applied');
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ totalPayment: 300000 });
    expect(fake.orders.get(125)!.payments).toHaveLength(1);
    expect((await c.check({ action: 'order.mark_paid' }, target('order/125'))).applied).toBe(true);
  });

  it('cancels with DELETE ?IsVoidPayment=true; check counts "Đã hủy" and a 404 as done', async () => {
    fake.orders.set(127, kiotVietFakeOrder(127, minutesAgo(30)));
    fake.orders.set(128, kiotVietFakeOrder(128, minutesAgo(30)));
    const req: WriteRequest = { action: 'order.cancel', reason: 'customer', restock: true, notifyCustomer: false, staffNote: '' };
    const c = client();
    await c.write(req, target('order/127'));
    const del = apiCalls().find((r) => r.method === 'DELETE')!;
    expect(del.path).toBe('/orders/127');
    expect(del.query.get('IsVoidPayment')).toBe('true');
    expect(fake.orders.get(127)).toMatchObject({ status: 4, statusValue: 'Đã hủy' });
    expect((await c.check(req, target('order/127'))).applied).toBe(true);
    expect((await c.check(req, target('order/999'))).applied).toBe(true);
    expect(await c.check(req, target('order/128'))).toEqual({ applied: false });
  });

  it('fulfils through the order\'s invoice delivery, and says so when there is no invoice', async () => {
    fake.orders.set(129, kiotVietFakeOrder(129, minutesAgo(30)));
    fake.invoices.set(900, kiotVietFakeInvoice(900, 129, minutesAgo(20)));
    fake.orders.set(130, kiotVietFakeOrder(130, minutesAgo(30)));
    const req: WriteRequest = { action: 'order.fulfil', trackingNumber: 'GHN123', carrier: 'GHN', trackingUrl: '', notifyCustomer: true };
    const c = client();
    expect(await c.check(req, target('order/129'))).toEqual({ applied: false });
    const { answer } = await c.write(req, target('order/129'));
    expect(answer).toBe('KiotViet invoice HD000900 of order DH000129 is now shipping with tracking code GHN123 (GHN)');
    const list = apiCalls().filter((r) => r.path === '/invoices').at(-1)!;
    expect(list.query.get('orderId')).toBe('129');
    const put = apiCalls().find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/invoices/900');
    expect(JSON.parse(put.body).deliveryDetail).toMatchObject({ deliveryCode: 'GHN123', status: 2, partnerDelivery: { name: 'GHN' }, receiver: 'Trần Thị B' });
    expect(fake.invoices.get(900)!.invoiceDelivery).toMatchObject({ deliveryCode: 'GHN123', status: 2, statusValue: 'Đang giao hàng' });
    expect((await c.check(req, target('order/129'))).applied).toBe(true);

    const e = await failure(c.write(req, target('order/130')));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('has no invoice yet');
  });

  it('refuses what KiotViet cannot do as final, naming KiotViet', async () => {
    const e = await failure(client().write({ action: 'order.tags.add', tags: ['VIP'] }, target('order/1')));
    expect(e.failure).toBe('final');
    expect(e.message).toBe('KiotViet cannot tag orders (it has no order tags) through its API');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('KiotViet answers', () => {
  it('gets a fresh token once on a 401 and tries again', async () => {
    fake.orders.set(131, kiotVietFakeOrder(131, minutesAgo(30)));
    const c = client();
    await c.write({ action: 'order.note.set', note: 'a', mode: 'replace' }, target('order/131'));
    fake.revokeTokens();
    await c.write({ action: 'order.note.set', note: 'b', mode: 'replace' }, target('order/131'));
    expect(fake.tokensIssued()).toBe(2);
    expect(fake.orders.get(131)!.description).toBe('b');
    expect(apiCalls().map((r) => r.headers['authorization'])).toEqual(['Bearer kv-token-1', 'Bearer kv-token-1', 'Bearer kv-token-2']);
  });

  it('says wrong credentials, a wrong retailer, 404 and 422 plainly, as final', async () => {
    const note: WriteRequest = { action: 'order.note.set', note: 'x', mode: 'replace' };
    const secret = await failure(client({ secret: 'wrong' }).write(note, target('order/1')));
    expect(secret.failure).toBe('final');
    expect(secret.message).toContain('check the client ID and secret');

    const shop = await failure(client({ retailer: 'other-shop' }).write(note, target('order/1')));
    expect(shop.failure).toBe('final');
    expect(shop.message).toContain('check the connection\'s store id (the retailer name)');

    const missing = await failure(client().write(note, target('order/404')));
    expect(missing.failure).toBe('final');
    expect(missing.message).toBe('KiotViet has no such order or resource (HTTP 404): Đơn đặt hàng không tồn tại');

    fake.orders.set(132, kiotVietFakeOrder(132, minutesAgo(30)));
    fake.fault({ status: 422, body: JSON.stringify({ responseStatus: { errorCode: 'Invalid', message: 'Thiết lập "Cho phép đặt hàng" đang không được bật.' } }) });
    const refused = await failure(client().write(note, target('order/132')));
    expect(refused.failure).toBe('final');
    expect(refused.platformCode).toBe('Invalid');
    expect(refused.message).toContain('Cho phép đặt hàng');
  });

  it('waits out a 429 with Retry-After on a read and then succeeds', async () => {
    fake.orders.set(133, kiotVietFakeOrder(133, minutesAgo(30), { description: 'x' }));
    fake.fault({ rateLimited: true, retryAfter: '2', only: { method: 'GET' } });
    await client().write({ action: 'order.note.set', note: 'y', mode: 'append' }, target('order/133', { key: 'k9' }));
    expect(waits.some((w) => w >= 2000)).toBe(true);
    expect(fake.orders.get(133)!.description).toBe('x\ny [fd:k9]');
  });

  it('probes with the branches list', async () => {
    expect(await client().probe()).toBe(`${fake.retailer} (Chi nhánh trung tâm)`);
  });
});

describe('KiotViet reconciliation', () => {
  it('pages orders then invoices changed since a time, oldest first, in bodies the adapter reads', async () => {
    const sinceMs = minutesAgo(10 * 24 * 60);
    const since = new Date(sinceMs).toISOString();
    for (let i = 0; i < 180; i++) fake.orders.set(2000 + i, kiotVietFakeOrder(2000 + i, sinceMs + 60_000 + ((i * 7919) % 180) * 3_000_000, { status: i % 3 === 0 ? 5 : 1, statusValue: i % 3 === 0 ? 'Đã xác nhận' : 'Phiếu tạm' }));
    for (let i = 0; i < 50; i++) fake.invoices.set(8000 + i, kiotVietFakeInvoice(8000 + i, undefined, sinceMs + 120_000 + i * 1_000_000));
    for (let i = 0; i < 15; i++) fake.orders.set(3000 + i, kiotVietFakeOrder(3000 + i, sinceMs - 60_000 * (i + 1)));

    const c = client();
    const all: ChangedOrder[] = [];
    let cursor: string | null = null;
    do {
      const page = await c.listChanged(since, cursor);
      all.push(...page.orders);
      cursor = page.next;
    } while (cursor);

    expect(all).toHaveLength(230);
    expect(all.slice(0, 180).every((o) => o.platformOrderId.startsWith('order/'))).toBe(true);
    for (const kind of ['order/', 'invoice/']) {
      const times = all.filter((o) => o.platformOrderId.startsWith(kind)).map((o) => Date.parse(o.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(all.some((o) => /^order\/30\d\d$/.test(o.platformOrderId))).toBe(false);
    const lists = apiCalls().filter((r) => r.method === 'GET');
    expect(lists.map((r) => `${r.path}@${r.query.get('currentItem')}`)).toEqual(['/orders@0', '/orders@100', '/invoices@0']);
    for (const r of lists) {
      expect(r.query.get('pageSize')).toBe('100');
      expect(r.query.get('orderDirection')).toBe('Asc');
      expect(r.query.get('lastModifiedFrom')).toBe(new Date(sinceMs + 7 * 3_600_000).toISOString().slice(0, 19));
    }
    expect(fake.getsInLastHour()).toBe(3);

    const settings = kiotVietAdapter.settings.parse({});
    const connection = { id: 'con_1', platform: 'kiotviet' as const, storeId: fake.retailer, store: 'Shop', secrets: {}, settings: settings as Record<string, unknown> };
    for (const o of all) {
      expect(o.updatedAt).toMatch(/\+07:00$/);
      const delivery = { method: 'POST', path: '/hooks/con_1', headers: o.headers, body: o.body };
      const payload = kiotVietAdapter.parse(delivery);
      expect(kiotVietAdapter.identify(delivery, payload)).toMatchObject({ topic: o.topic, handled: true });
      const [part] = kiotVietAdapter.split!(payload);
      const enriched = await kiotVietAdapter.enrich!(part, { topic: o.topic, connection, fetch, clock: { now: () => clock } });
      const { order } = kiotVietAdapter.normalize(enriched, { topic: o.topic, connectionId: 'con_1', storeId: fake.retailer, settings, previous: null });
      const [kind, id] = o.platformOrderId.split('/');
      const source = (kind === 'order' ? fake.orders : fake.invoices).get(Number(id))!;
      expect(order.platformOrderId).toBe(o.platformOrderId);
      expect(order.updatedAt).toBe(o.updatedAt);
      expect(order.platformStatus).toBe(source.statusValue);
      expect(order.number).toBe(source.code);
    }
  });
});
