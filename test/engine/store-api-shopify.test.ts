import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionApi, type WriteRequest } from '../../engine/contract/index.ts';
import { shopifyStoreApi } from '../../engine/connectors/store-api/shopify/shopify-store-api.ts';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { shopifyAdapter } from '../../engine/platforms/shopify/shopify-adapter.ts';
import { shopTime, startShopifyFake, type RestOrder, type ShopifyFake, type ShopifyFakeOptions } from '../harness/fake-shopify-api.ts';
import type { Fault } from '../harness/platform-fake.ts';

const STORE = 'flowdesk-demo.myshopify.com';
let fake: ShopifyFake;
let clock: number;
let waits: number[];

const now = () => clock;
/** Records each wait and moves the shared clock on, so the fake's bucket refills as if the time had passed. */
const sleep = async (ms: number) => {
  waits.push(ms);
  clock += ms;
};

async function start(opts: ShopifyFakeOptions = {}) {
  clock = Date.parse('2026-11-21T12:00:00Z');
  waits = [];
  fake = await startShopifyFake({ now, ...opts });
}

/** The client, optionally with a fetch that queues `fault` just before the request whose body mentions `field`. */
function client(opts: { token?: string; faultOn?: { field: string; fault: Fault }; options?: Record<string, string> } = {}): StoreClient {
  const faultOn = opts.faultOn;
  const transport: typeof fetch = (input, init) => {
    if (faultOn && typeof init?.body === 'string' && init.body.includes(`${faultOn.field}(`)) fake.fault(faultOn.fault);
    return fetch(input, init);
  };
  const connection = { id: 'con_1', platform: 'shopify' as const, storeId: STORE, store: 'Shop', secrets: { webhookSecret: 'whsec', adminToken: opts.token ?? fake.token }, settings: shopifyAdapter.settings.parse({}) };
  const api = ConnectionApi.parse({ writeBack: true, ...(opts.options ? { options: opts.options } : {}) });
  return shopifyStoreApi.create({
    connection,
    api,
    baseUrl: `${fake.baseUrl}/admin/api/2025-10`,
    fetch: transport,
    now,
    sleep,
    bucket: createTokenBucket(shopifyStoreApi.bucket.capacity, shopifyStoreApi.bucket.perSecond, now, sleep),
  });
}

const target = (o: RestOrder, key = 'act_1'): WriteTarget => ({ platformOrderId: String(o.id), orderNumber: o.name, platformCustomerId: o.customer ? String(o.customer.id) : null, key });
const body = (i = -1) => JSON.parse(fake.requests.at(i)!.body) as { query: string; variables: Record<string, unknown> };
const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(StoreApiError);
  return e as StoreApiError;
};

afterEach(async () => {
  await fake.close();
});

describe('Shopify write-back', () => {
  beforeEach(() => start());

  it('adds and removes order tags with tagsAdd/tagsRemove on the Order gid, through POST graphql.json with the token', async () => {
    const o = fake.addOrder({ tags: 'sale' });
    const c = client();
    const added = await c.write({ action: 'order.tags.add', tags: ['VIP', 'SALE'] }, target(o));
    const req = fake.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', path: '/admin/api/2025-10/graphql.json' });
    expect(req.headers['x-shopify-access-token']).toBe(fake.token);
    expect(req.headers['content-type']).toBe('application/json');
    expect(body().query).toContain('tagsAdd(id: $id, tags: $tags)');
    expect(body().variables).toEqual({ id: `gid://shopify/Order/${o.id}`, tags: ['VIP', 'SALE'] });
    // Tags are case-insensitive: "SALE" is already there as "sale".
    expect(fake.order(o.id).tags).toBe('sale, VIP');
    expect(added.answer).toBe(`Shopify added the tags VIP, SALE on order ${o.name}; it now has sale, VIP`);

    const removed = await c.write({ action: 'order.tags.remove', tags: ['sale'] }, target(o));
    expect(body().query).toContain('tagsRemove(id: $id, tags: $tags)');
    expect(fake.order(o.id).tags).toBe('VIP');
    expect(removed.answer).toContain('it now has VIP');
    expect(c.naturallyIdempotent({ action: 'order.tags.add', tags: ['x'] })).toBe(true);
  });

  it('adds customer tags on the Customer gid, and says so plainly when the order has no customer', async () => {
    const o = fake.addOrder();
    const c = client();
    await c.write({ action: 'customer.tags.add', tags: ['wholesale'] }, target(o));
    expect(body().variables).toEqual({ id: `gid://shopify/Customer/${o.customer.id}`, tags: ['wholesale'] });
    expect(fake.order(o.id).customer.tags).toBe('wholesale');
    expect(await c.check({ action: 'customer.tags.add', tags: ['wholesale'] }, target(o))).toMatchObject({ applied: true });

    const e = await failureOf(c.write({ action: 'customer.tags.add', tags: ['x'] }, { ...target(o), platformCustomerId: null }));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('has no customer on Shopify');
  });

  it('replaces the note, and appends a marked line once however often it is resent', async () => {
    const o = fake.addOrder({ note: 'Gift wrap' });
    const c = client();
    await c.write({ action: 'order.note.set', note: 'Call first', mode: 'replace' }, target(o));
    expect(body().query).toContain('orderUpdate(input: $input)');
    expect(body().variables).toEqual({ input: { id: `gid://shopify/Order/${o.id}`, note: 'Call first' } });
    expect(fake.order(o.id).note).toBe('Call first');

    const append: WriteRequest = { action: 'order.note.set', note: 'Paid by transfer', mode: 'append' };
    expect(c.naturallyIdempotent(append)).toBe(false);
    expect(await c.check(append, target(o, 'k9'))).toEqual({ applied: false });
    await c.write(append, target(o, 'k9'));
    expect(fake.order(o.id).note).toBe('Call first\nPaid by transfer [fd:k9]');
    const again = await c.write(append, target(o, 'k9'));
    expect(again.answer).toContain('already has this line');
    expect(fake.order(o.id).note).toBe('Call first\nPaid by transfer [fd:k9]');
  });

  it('sets one custom attribute by reading, merging and writing the whole list', async () => {
    const o = fake.addOrder({ note_attributes: [{ name: 'colour', value: 'red' }, { name: 'size', value: 'M' }] });
    const c = client();
    await c.write({ action: 'order.attribute.set', key: 'size', value: 'L' }, target(o));
    await c.write({ action: 'order.attribute.set', key: 'gift', value: 'yes' }, target(o));
    expect(body().variables).toEqual({ input: { id: `gid://shopify/Order/${o.id}`, customAttributes: [{ key: 'colour', value: 'red' }, { key: 'size', value: 'L' }, { key: 'gift', value: 'yes' }] } });
    expect(fake.order(o.id).note_attributes).toEqual([{ name: 'colour', value: 'red' }, { name: 'size', value: 'L' }, { name: 'gift', value: 'yes' }]);
  });

  it('marks an order paid, and takes "Order cannot be marked as paid." on a paid order as done', async () => {
    const o = fake.addOrder({ financial_status: 'pending' });
    const c = client();
    const first = await c.write({ action: 'order.mark_paid' }, target(o));
    expect(body().query).toContain('orderMarkAsPaid(input: $input)');
    expect(body().variables).toEqual({ input: { id: `gid://shopify/Order/${o.id}` } });
    expect(fake.order(o.id).financial_status).toBe('paid');
    expect(first.answer).toBe(`Shopify marked order ${o.name} as paid; its payment status is now paid`);
    const second = await c.write({ action: 'order.mark_paid' }, target(o));
    expect(second.answer).toBe(`order ${o.name} was already paid on Shopify`);
  });

  it('cancels with the reason, restock, notification, staff note and a refund of a paid order; the job finishes later', async () => {
    const o = fake.addOrder({ financial_status: 'paid' });
    const c = client();
    const req: WriteRequest = { action: 'order.cancel', reason: 'inventory', restock: true, notifyCustomer: false, staffNote: 'Out of stock' };
    expect(await c.check(req, target(o))).toEqual({ applied: false });
    const r = await c.write(req, target(o));
    expect(body().query).toContain('orderCancel(orderId: $orderId');
    expect(body().variables).toEqual({ orderId: `gid://shopify/Order/${o.id}`, reason: 'INVENTORY', restock: true, notifyCustomer: false, staffNote: 'Out of stock', refundMethod: { originalPaymentMethodsRefund: true } });
    expect(r.answer).toBe(`Shopify is cancelling order ${o.name} (items restocked, refunded to the original payment, customer not notified); Shopify finishes it in the background`);
    expect(fake.order(o.id)).toMatchObject({ cancel_reason: 'inventory', financial_status: 'refunded' });
    expect(fake.order(o.id).cancelled_at).toBeTruthy();
    expect(await c.check(req, target(o))).toMatchObject({ applied: true });
    // Sent again, it reads the order and sends nothing.
    const before = fake.requests.length;
    expect((await c.write(req, target(o))).answer).toContain('already cancelled');
    expect(fake.requests.length).toBe(before + 1);
  });

  it('does not refund on cancel when the option says none, nor when nothing was paid', async () => {
    const paid = fake.addOrder({ financial_status: 'paid' });
    const req: WriteRequest = { action: 'order.cancel', reason: 'customer', restock: false, notifyCustomer: true, staffNote: '' };
    await client({ options: { cancelRefund: 'none' } }).write(req, target(paid));
    expect(body().variables).toEqual({ orderId: `gid://shopify/Order/${paid.id}`, reason: 'CUSTOMER', restock: false, notifyCustomer: true });
    const pending = fake.addOrder({ financial_status: 'pending' });
    await client().write(req, target(pending));
    expect(body().variables).not.toHaveProperty('refundMethod');
    expect(fake.order(pending.id).financial_status).toBe('voided');
  });

  it('closes an order with orderClose', async () => {
    const o = fake.addOrder();
    const c = client();
    await c.write({ action: 'order.close' }, target(o));
    expect(body().variables).toEqual({ input: { id: `gid://shopify/Order/${o.id}` } });
    expect(fake.order(o.id).closed_at).toBeTruthy();
    expect(await c.check({ action: 'order.close' }, target(o))).toMatchObject({ applied: true });
  });

  it('fulfils the open fulfilment orders, one call per location, with the tracking number', async () => {
    const o = fake.addOrder({}, [1, 2]);
    const c = client();
    const req: WriteRequest = { action: 'order.fulfil', trackingNumber: '1Z001985YW99744790', carrier: 'UPS', trackingUrl: 'https://ups.example/1Z', notifyCustomer: true };
    expect(c.naturallyIdempotent(req)).toBe(false);
    const r = await c.write(req, target(o));
    const calls = fake.graphqlCalls();
    expect(calls.map((x) => x.fields[0])).toEqual(['order', 'fulfillmentCreate', 'fulfillmentCreate']);
    const [fo1, fo2] = fake.fulfillmentOrders.filter((fo) => fo.orderId === o.id);
    expect(calls[1]!.variables).toEqual({
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo1!.id}` }],
        notifyCustomer: true,
        trackingInfo: { number: '1Z001985YW99744790', company: 'UPS', url: 'https://ups.example/1Z' },
      },
    });
    expect(calls[2]!.variables['fulfillment']).toMatchObject({ lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo2!.id}` }] });
    expect(fake.order(o.id).fulfillment_status).toBe('fulfilled');
    expect(fake.order(o.id).fulfillments[0]).toMatchObject({ tracking_number: '1Z001985YW99744790', tracking_company: 'UPS', status: 'success' });
    expect(r.answer).toBe(`Shopify fulfilled order ${o.name} with tracking number 1Z001985YW99744790 (UPS); the customer was notified`);
  });

  it('refuses a marketplace action as something Shopify cannot do', async () => {
    const o = fake.addOrder();
    const e = await failureOf(client().write({ action: 'marketplace.ready_to_ship', shipmentProvider: '', deliveryType: 'dropship' }, target(o)));
    expect(e.failure).toBe('final');
    expect(e.message).toMatch(/^Shopify cannot do "marketplace.ready_to_ship"/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Shopify throttling and refusals', () => {
  it('waits out a 429 with Retry-After "2.0" (seconds) and succeeds', async () => {
    await start();
    const o = fake.addOrder();
    fake.fault({ rateLimited: true, retryAfter: '2.0' });
    await client().write({ action: 'order.tags.add', tags: ['VIP'] }, target(o));
    expect(waits.some((w) => w >= 2000 && w <= 2250)).toBe(true);
    expect(fake.order(o.id).tags).toBe('VIP');
  });

  it.each([200, 429] as const)('waits (requested - available) / restoreRate on a THROTTLED answer (HTTP %s), keeping its bucket in step', async (status) => {
    await start({ throttledStatus: status, bucket: { max: 1000, restoreRate: 50 } });
    const o = fake.addOrder();
    fake.setAvailable(0);
    const c = client();
    await c.write({ action: 'order.tags.add', tags: ['VIP'] }, target(o));
    expect(fake.requests).toHaveLength(2);
    expect(fake.order(o.id).tags).toBe('VIP');
    // 10 points missing at 50/s: 200 ms at least (callPlatform waits no less than 250 ms); a 429 without Retry-After backs off.
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
  });

  it('reads throttleStatus of every answer into the bucket', async () => {
    await start();
    const o = fake.addOrder();
    const bucket = createTokenBucket(1000, 50, now, sleep);
    fake.setAvailable(400);
    const c = shopifyStoreApi.create({
      connection: { id: 'con_1', platform: 'shopify', storeId: STORE, store: 'Shop', secrets: { adminToken: fake.token }, settings: {} },
      api: ConnectionApi.parse({ writeBack: true }),
      baseUrl: `${fake.baseUrl}/admin/api/2025-10`,
      fetch,
      now,
      sleep,
      bucket,
    });
    await c.write({ action: 'order.mark_paid' }, target(o));
    expect(bucket.available()).toBe(390);
  });

  it('says a wrong token, an unknown shop, a refused change and a missing scope in plain words, all final', async () => {
    await start();
    const o = fake.addOrder();
    const tag: WriteRequest = { action: 'order.tags.add', tags: ['VIP'] };
    const bad = await failureOf(client({ token: 'shpat_wrong' }).write(tag, target(o)));
    expect(bad.failure).toBe('final');
    expect(bad.message).toContain('Shopify refused the API credentials (HTTP 401)');
    expect(bad.message).toContain("check the connection's API token");
    expect(bad.message).not.toContain('shpat_wrong');

    fake.fault({ status: 404, body: '{"errors":"Not Found"}' });
    const missing = await failureOf(client().write(tag, target(o)));
    expect(missing.failure).toBe('final');
    expect(missing.message).toContain('check the shop domain and the API version');

    fake.fault({ status: 422, body: '{"errors":{"order":["is invalid"]}}' });
    expect((await failureOf(client().write(tag, target(o)))).message).toMatch(/^Shopify refused the change \(HTTP 422\)/);

    fake.fault({ status: 403, body: '{"errors":"Forbidden"}' });
    const forbidden = await failureOf(client().write({ action: 'order.close' }, target(o)));
    expect(forbidden.failure).toBe('final');
    expect(forbidden.message).toContain('give the app the write_orders access scope');
    expect(fake.order(o.id).closed_at).toBeNull();
  });

  it('names the scope from ACCESS_DENIED, and gives userErrors in Shopify\'s words', async () => {
    await start({ scopes: ['read_orders', 'write_orders'] });
    const o = fake.addOrder();
    const denied = await failureOf(client().write({ action: 'order.fulfil', trackingNumber: 'T1', carrier: '', trackingUrl: '', notifyCustomer: false }, target(o)));
    expect(denied.failure).toBe('final');
    expect(denied.message).toContain('give the app the write_merchant_managed_fulfillment_orders access scope');

    const cancelled = fake.addOrder({ cancelled_at: shopTime(clock), financial_status: 'voided' });
    const e = await failureOf(client().write({ action: 'order.mark_paid' }, target(cancelled)));
    expect(e.failure).toBe('final');
    expect(e.message).toBe(`Shopify refused to mark order ${cancelled.name} as paid: Order cannot be marked as paid.`);
  });
});

describe('Shopify after a lost answer', () => {
  beforeEach(() => start());

  it('a cancel whose answer is lost is maybe_applied; check then finds it cancelled', async () => {
    const o = fake.addOrder();
    const req: WriteRequest = { action: 'order.cancel', reason: 'customer', restock: true, notifyCustomer: true, staffNote: '' };
    const e = await failureOf(client({ faultOn: { field: 'orderCancel', fault: { commitThenDrop: true } } }).write(req, target(o)));
    expect(e.failure).toBe('maybe_applied');
    expect(fake.graphqlCalls().filter((x) => x.fields[0] === 'orderCancel')).toHaveLength(1);
    expect(await client().check(req, target(o))).toMatchObject({ applied: true, answer: expect.stringContaining(`order ${o.name} was cancelled on Shopify`) });
  });

  it('a fulfilment whose answer is lost is maybe_applied; check finds the tracking number, so no second shipment', async () => {
    const o = fake.addOrder();
    const req: WriteRequest = { action: 'order.fulfil', trackingNumber: 'VN123', carrier: 'GHN', trackingUrl: '', notifyCustomer: false };
    expect(await client().check(req, target(o))).toEqual({ applied: false });
    const e = await failureOf(client({ faultOn: { field: 'fulfillmentCreate', fault: { commitThenDrop: true } } }).write(req, target(o)));
    expect(e.failure).toBe('maybe_applied');
    expect(await client().check(req, target(o))).toEqual({ applied: true, answer: `order ${o.name} has a shipment with tracking number VN123 on Shopify` });
    expect(fake.order(o.id).fulfillments).toHaveLength(1);
  });

  it('an appended note whose answer is lost is found by its marker', async () => {
    const o = fake.addOrder();
    const req: WriteRequest = { action: 'order.note.set', note: 'Refund sent', mode: 'append' };
    const e = await failureOf(client({ faultOn: { field: 'orderUpdate', fault: { commitThenDrop: true } } }).write(req, target(o, 'run7')));
    expect(e.failure).toBe('maybe_applied');
    expect(await client().check(req, target(o, 'run7'))).toMatchObject({ applied: true });
    expect(await client().check(req, target(o, 'run8'))).toEqual({ applied: false });
  });
});

describe('Shopify reconciliation', () => {
  beforeEach(() => start());

  it('pages through the orders changed since a time, oldest first, as orders/updated bodies the adapter reads', async () => {
    const since = Date.parse('2026-11-20T00:00:00Z');
    for (let i = 0; i < 20; i++) fake.addOrder({ updated_at: shopTime(since - (i + 1) * 60_000) });
    const changed: RestOrder[] = [];
    for (let i = 0; i < 300; i++) {
      // Added out of order: the list sorts them.
      const at = since + ((i * 7919) % 300) * 60_000 + 1000;
      changed.push(fake.addOrder({ updated_at: shopTime(at), financial_status: i % 3 === 0 ? 'paid' : 'pending', cancelled_at: i % 50 === 0 ? shopTime(at) : null }));
    }
    const c = client();
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await c.listChanged(new Date(since).toISOString(), cursor);
      pages++;
      for (const ch of page.orders) {
        const delivery = { method: 'POST', path: '/hooks/con_1', headers: ch.headers, body: ch.body };
        const identity = shopifyAdapter.identify(delivery, undefined);
        expect(identity).toMatchObject({ topic: 'orders/updated', handled: true, tenant: STORE });
        const payload = shopifyAdapter.parse(delivery);
        const { order } = shopifyAdapter.normalize(payload, { topic: ch.topic, connectionId: 'con_1', storeId: STORE, settings: shopifyAdapter.settings.parse({}), previous: null });
        const source = fake.order(ch.platformOrderId);
        expect(order).toMatchObject({ platformOrderId: ch.platformOrderId, updatedAt: source.updated_at, financialStatus: source.financial_status, cancelledAt: source.cancelled_at });
        expect(ch.updatedAt).toBe(source.updated_at);
        expect(ch.updatedAt).toMatch(/[+-]\d{2}:\d{2}$/);
        seen.push({ id: ch.platformOrderId, updatedAt: ch.updatedAt });
      }
      cursor = page.next;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((x) => x.id).sort()).toEqual(changed.map((o) => String(o.id)).sort());
    const times = seen.map((x) => Date.parse(x.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const [first, second] = fake.requests;
    expect(first).toMatchObject({ method: 'GET', path: '/admin/api/2025-10/orders.json' });
    expect(first!.headers['x-shopify-access-token']).toBe(fake.token);
    expect(Object.fromEntries(first!.query)).toEqual({ status: 'any', updated_at_min: '2026-11-20T00:00:00.000Z', limit: '250', order: 'updated_at asc' });
    expect([...second!.query.keys()].sort()).toEqual(['limit', 'page_info']);
  });

  it('names read_orders when the list is refused, and probes the shop\'s name', async () => {
    expect(await client().probe()).toBe('Flowdesk Demo');
    await fake.close();
    await start({ scopes: ['write_orders'] });
    const e = await failureOf(client().listChanged('2026-11-20T00:00:00Z', null));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('read_orders');
  });

  it('builds its base URL from the shop domain and the API version', () => {
    const connection = { id: 'c', platform: 'shopify' as const, storeId: 'https://My-Shop.myshopify.com/', store: 'S', secrets: {}, settings: {} };
    expect(shopifyStoreApi.defaultBaseUrl(connection)).toBe('https://my-shop.myshopify.com/admin/api/2025-10');
    expect(shopifyStoreApi.defaultBaseUrl({ ...connection, storeId: 'my-shop' })).toBe('https://my-shop.myshopify.com/admin/api/2025-10');
  });
});
