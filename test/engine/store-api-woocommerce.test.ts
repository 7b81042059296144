import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionApi, type WriteRequest } from '../../engine/contract/index.ts';
import { isStoreApiError, type StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import type { StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { woocommerceStoreApi } from '../../engine/connectors/store-api/woocommerce/woocommerce-store-api.ts';
import { woocommerceAdapter } from '../../engine/platforms/woocommerce/woocommerce-adapter.ts';
import { startFakeWooCommerce, WOO_KEY, WOO_SECRET, wooDate, wooOrder, type FakeWoo, type FakeWooOptions } from '../harness/fake-woocommerce-api.ts';

const settings = woocommerceAdapter.settings.parse({});
const T0 = Date.parse('2026-11-20T09:00:00Z');
const basic = `Basic ${Buffer.from(`${WOO_KEY}:${WOO_SECRET}`).toString('base64')}`;

let woo: FakeWoo;
let siteNow: number;
let waits: number[];

async function start(opts: FakeWooOptions = {}) {
  siteNow = T0 + 3_600_000;
  woo = await startFakeWooCommerce({ now: () => siteNow, ...opts });
}

function client(o: { secrets?: Record<string, string>; options?: Record<string, string> } = {}): StoreClient {
  let clock = T0;
  // Waits are recorded and pass at once; the bucket's clock moves with them.
  const sleep = (ms: number) => {
    waits.push(ms);
    clock += ms;
    return Promise.resolve();
  };
  const connection = { id: 'con_1', platform: 'woocommerce' as const, storeId: 'https://shop.example/', store: 'Shop', secrets: o.secrets ?? { consumerKey: WOO_KEY, consumerSecret: WOO_SECRET }, settings };
  const api = ConnectionApi.parse({ writeBack: true, baseUrl: woo.apiBase, options: o.options ?? {} });
  const { capacity, perSecond } = woocommerceStoreApi.bucket;
  return woocommerceStoreApi.create({ connection, api, baseUrl: api.baseUrl, fetch, now: () => clock, sleep, bucket: createTokenBucket(capacity, perSecond, () => clock, sleep) });
}

const target = (id: number, over: Partial<WriteTarget> = {}): WriteTarget => ({ platformOrderId: String(id), orderNumber: `#${id}`, platformCustomerId: null, key: `act_${id}`, ...over });
const seed = (id: number, over: Record<string, unknown> = {}, stockReduced = false) => woo.seed(wooOrder(id, T0, over), { stockReduced });
const bodyOf = (i: number) => JSON.parse(woo.requests[i]?.body ?? 'null') as unknown;
const sent = () => woo.requests.map((r) => `${r.method} ${r.path}`);
const meta = (id: number, key: string) => (woo.order(id)['meta_data'] as { key: string; value: unknown }[]).find((m) => m.key === key)?.value;

async function failure(p: Promise<unknown>): Promise<StoreApiError> {
  try {
    await p;
  } catch (error) {
    if (isStoreApiError(error)) return error;
    throw error;
  }
  throw new Error('expected a StoreApiError');
}

beforeEach(() => {
  waits = [];
});
afterEach(async () => {
  await woo.close();
});

describe('WooCommerce write-back: each action on the wire and in the store', () => {
  beforeEach(() => start());

  it('adds tags to the order meta "_flowdesk_tags" (read, merge, PUT), authenticated with Basic ck:cs', async () => {
    seed(727, { meta_data: [{ id: 1, key: '_flowdesk_tags', value: 'sale' }] });
    const { answer } = await client().write({ action: 'order.tags.add', tags: ['VIP', 'SALE'] }, target(727));
    expect(sent()).toEqual(['GET /wp-json/wc/v3/orders/727', 'PUT /wp-json/wc/v3/orders/727']);
    expect(woo.requests.every((r) => r.headers['authorization'] === basic)).toBe(true);
    expect(woo.requests[1]?.headers['content-type']).toBe('application/json');
    expect(bodyOf(1)).toEqual({ meta_data: [{ key: '_flowdesk_tags', value: 'sale,VIP' }] });
    expect(meta(727, '_flowdesk_tags')).toBe('sale,VIP');
    expect(woo.order(727)['date_modified_gmt']).toBe(wooDate(siteNow));
    expect(answer).toBe('tags VIP added to order #727 on WooCommerce, in the order meta "_flowdesk_tags" (WooCommerce has no tags); the order now has sale, VIP');
    // Sent again: nothing to add, nothing written.
    const again = await client().write({ action: 'order.tags.add', tags: ['vip'] }, target(727));
    expect(again.answer).toContain('already has the tags vip');
    expect(sent().filter((s) => s.startsWith('PUT'))).toHaveLength(1);
  });

  it('removes tags from the order meta', async () => {
    seed(728, { meta_data: [{ id: 1, key: '_flowdesk_tags', value: 'vip,late,sale' }] });
    const { answer } = await client().write({ action: 'order.tags.remove', tags: ['Late', 'gone'] }, target(728));
    expect(bodyOf(1)).toEqual({ meta_data: [{ key: '_flowdesk_tags', value: 'vip,sale' }] });
    expect(meta(728, '_flowdesk_tags')).toBe('vip,sale');
    expect(answer).toBe('tags late removed from order #728 on WooCommerce (order meta "_flowdesk_tags"); the order now has vip, sale');
  });

  it('adds a note as a private order note carrying the action marker, in both modes', async () => {
    seed(729);
    const c = client();
    const a = await c.write({ action: 'order.note.set', note: 'Call before delivery', mode: 'append' }, target(729));
    expect(sent()).toEqual(['POST /wp-json/wc/v3/orders/729/notes']);
    expect(bodyOf(0)).toEqual({ note: 'Call before delivery [fd:act_729]', customer_note: false });
    expect(woo.notes(729).map((n) => [n.note, n.customer_note])).toEqual([['Call before delivery [fd:act_729]', false]]);
    expect(a.answer).toMatch(/^a private note \(#\d+\) was added to order #729 on WooCommerce$/);
    const r = await c.write({ action: 'order.note.set', note: 'Gift wrap', mode: 'replace' }, target(729, { key: 'act_b' }));
    expect(woo.notes(729)).toHaveLength(2);
    expect(r.answer).toContain('WooCommerce keeps notes as a list, so "replace" adds a note and leaves the earlier ones');
  });

  it('sets an order attribute as a meta field', async () => {
    seed(730);
    const { answer } = await client().write({ action: 'order.attribute.set', key: 'gift_message', value: 'Happy birthday' }, target(730));
    expect(sent()).toEqual(['PUT /wp-json/wc/v3/orders/730']);
    expect(bodyOf(0)).toEqual({ meta_data: [{ key: 'gift_message', value: 'Happy birthday' }] });
    expect(meta(730, 'gift_message')).toBe('Happy birthday');
    expect(answer).toBe('the order meta "gift_message" of order #730 is now "Happy birthday" on WooCommerce');
  });

  it('adds customer tags to the customer meta, and says a guest order has no customer', async () => {
    seed(731, { customer_id: 12 });
    woo.customers.set(12, { id: 12, email: 'an@example.com', first_name: 'An', role: 'customer', meta_data: [{ id: 3, key: '_flowdesk_tags', value: 'repeat' }] });
    const { answer } = await client().write({ action: 'customer.tags.add', tags: ['vip'] }, target(731, { platformCustomerId: '12' }));
    expect(sent()).toEqual(['GET /wp-json/wc/v3/customers/12', 'PUT /wp-json/wc/v3/customers/12']);
    expect(bodyOf(1)).toEqual({ meta_data: [{ key: '_flowdesk_tags', value: 'repeat,vip' }] });
    expect(answer).toContain('the customer now has repeat, vip');
    const guest = await failure(client().write({ action: 'customer.tags.add', tags: ['vip'] }, target(731)));
    expect(guest.failure).toBe('final');
    expect(guest.message).toBe('order #731 has no WooCommerce customer account (a guest checkout): customer tags need one');
  });

  it('marks a pending order paid with set_paid (stock taken once); an on-hold transfer is set to Processing; a COD order in Processing cannot be', async () => {
    woo.stock.set(93, 10);
    seed(732);
    const { answer } = await client().write({ action: 'order.mark_paid' }, target(732));
    expect(sent()).toEqual(['PUT /wp-json/wc/v3/orders/732']);
    expect(bodyOf(0)).toEqual({ set_paid: true });
    expect(woo.order(732)).toMatchObject({ status: 'processing', date_paid_gmt: wooDate(siteNow) });
    expect(woo.stock.get(93)).toBe(8);
    expect(answer).toBe('order #732 marked paid on WooCommerce; its status is now Processing');
    await client().write({ action: 'order.mark_paid' }, target(732));
    expect(woo.stock.get(93)).toBe(8);

    seed(733, { status: 'on-hold' }, true);
    await client().write({ action: 'order.mark_paid' }, target(733));
    expect(woo.requests.slice(-2).map((r) => r.body)).toEqual(['{"set_paid":true}', '{"status":"processing"}']);
    expect(woo.order(733)['date_paid_gmt']).toBe(wooDate(siteNow));

    seed(734, { status: 'processing', payment_method: 'cod' }, true);
    const cod = await failure(client().write({ action: 'order.mark_paid' }, target(734)));
    expect(cod.failure).toBe('final');
    expect(cod.message).toContain('this one is Processing (a cash-on-delivery order is recorded paid when it is marked Completed)');
  });

  it('cancels with status cancelled: WooCommerce restocks once by itself, the staff note is a private note, restock off is said to be impossible', async () => {
    woo.stock.set(93, 5);
    seed(735, { status: 'processing' }, true);
    const req: WriteRequest = { action: 'order.cancel', reason: 'customer', restock: false, notifyCustomer: false, staffNote: 'Customer called to cancel' };
    const { answer } = await client().write(req, target(735));
    expect(sent()).toEqual(['PUT /wp-json/wc/v3/orders/735', 'POST /wp-json/wc/v3/orders/735/notes']);
    expect(bodyOf(0)).toEqual({ status: 'cancelled' });
    expect(bodyOf(1)).toEqual({ note: 'Customer called to cancel [fd:act_735]', customer_note: false });
    expect(woo.order(735)['status']).toBe('cancelled');
    expect(woo.stock.get(93)).toBe(7);
    expect(answer).toBe('order #735 cancelled on WooCommerce (status Cancelled); restock off cannot be honoured: WooCommerce puts back any stock it had taken for it by itself; the staff note was added as a private note');
    await client().write({ ...req, staffNote: '' }, target(735, { key: 'other' }));
    expect(woo.stock.get(93)).toBe(7);
  });

  it('fulfils by setting Completed and adding the tracking as a private note', async () => {
    seed(736, { status: 'processing', date_paid_gmt: wooDate(T0) });
    const { answer } = await client().write({ action: 'order.fulfil', trackingNumber: '1Z999AA10123456784', carrier: 'UPS', trackingUrl: 'https://ups.example/t/1Z999', notifyCustomer: true }, target(736));
    expect(bodyOf(0)).toEqual({ status: 'completed' });
    expect(bodyOf(1)).toEqual({ note: 'Shipped: tracking number 1Z999AA10123456784, carrier UPS, https://ups.example/t/1Z999 [fd:act_736]', customer_note: false });
    expect(woo.order(736)).toMatchObject({ status: 'completed', date_completed_gmt: wooDate(siteNow) });
    expect(answer).toContain('order #736 set to Completed on WooCommerce (it has no shipments) and the tracking added as a private note');
  });

  it('refuses what WooCommerce cannot do, naming it, without a call', async () => {
    seed(737);
    for (const req of [{ action: 'order.close' }, { action: 'marketplace.cancel', reasonId: '1' }] as WriteRequest[]) {
      const e = await failure(client().write(req, target(737)));
      expect(e.failure).toBe('final');
      expect(e.message).toMatch(/^WooCommerce cannot /);
    }
    expect(woo.requests).toHaveLength(0);
  });
});

describe('WooCommerce write-back: throttling and refusals', () => {
  beforeEach(() => start());

  it('waits out a host 429 with Retry-After, and a 503 with Retry-After, then succeeds once', async () => {
    seed(740);
    woo.fault({ rateLimited: true, retryAfter: '2' });
    await client().write({ action: 'order.attribute.set', key: 'k', value: 'v' }, target(740));
    expect(waits.some((w) => w >= 2000 && w <= 2250)).toBe(true);
    expect(meta(740, 'k')).toBe('v');
    waits = [];
    woo.fault({ status: 503, headers: { 'retry-after': '3' }, body: '<html>Service Unavailable</html>' });
    await client().write({ action: 'order.note.set', note: 'hello', mode: 'append' }, target(740));
    expect(waits.some((w) => w >= 3000 && w <= 3250)).toBe(true);
    expect(woo.notes(740)).toHaveLength(1);
  });

  it('says what to do on 401 (wrong secret, read-only key), 404 and 422', async () => {
    seed(741);
    const wrong = await failure(client({ secrets: { consumerKey: WOO_KEY, consumerSecret: 'cs_wrong' } }).write({ action: 'order.mark_paid' }, target(741)));
    expect(wrong.failure).toBe('final');
    expect(wrong.message).toContain('WooCommerce refused the API keys (HTTP 401 woocommerce_rest_authentication_error: Consumer secret is invalid.): check the connection\'s consumer key and secret (WooCommerce → Settings → Advanced → REST API)');
    expect(wrong.message).not.toContain('cs_wrong');
    await woo.close();
    await start({ permissions: 'read' });
    seed(741);
    const readOnly = await failure(client().write({ action: 'order.mark_paid' }, target(741)));
    expect(readOnly.message).toContain('does not have write permissions');
    expect(readOnly.message).toContain('Read/Write');
    // A read (allowed to this key): the order is not there.
    const missing = await failure(client().check({ action: 'order.mark_paid' }, target(999)));
    expect(missing.failure).toBe('final');
    expect(missing.platformCode).toBe('woocommerce_rest_shop_order_invalid_id');
    expect(missing.message).toBe('WooCommerce has no order #999 (HTTP 404 woocommerce_rest_shop_order_invalid_id: Invalid ID.)');
    woo.fault({ status: 422, body: JSON.stringify({ code: 'woocommerce_rest_invalid_order', message: 'Order cannot be edited.', data: { status: 422 } }) });
    const refused = await failure(client().write({ action: 'order.attribute.set', key: 'k', value: 'v' }, target(741)));
    expect(refused.failure).toBe('final');
    expect(refused.message).toBe('WooCommerce refused the change (HTTP 422): Order cannot be edited. (woocommerce_rest_invalid_order)');
    const noKeys = await failure(client({ secrets: {} }).probe());
    expect(noKeys.message).toContain('has no WooCommerce API keys');
  });

  it('sends the keys in the query when asked (hosts that drop Authorization), never in its messages', async () => {
    seed(742);
    await client({ options: { auth: 'query' } }).write({ action: 'order.attribute.set', key: 'k', value: 'v' }, target(742));
    expect(woo.requests[0]?.headers['authorization']).toBeUndefined();
    expect(woo.requests[0]?.query.get('consumer_key')).toBe(WOO_KEY);
    expect(meta(742, 'k')).toBe('v');
    const wrong = await failure(client({ options: { auth: 'query' }, secrets: { consumerKey: WOO_KEY, consumerSecret: 'cs_wrong' } }).write({ action: 'order.mark_paid' }, target(742)));
    expect(wrong.message).toContain('Consumer secret is invalid.');
    expect(wrong.message).not.toContain('cs_wrong');
    woo.fault({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    const down = await failure(client({ options: { auth: 'query' } }).probe());
    expect(down.message).not.toContain(WOO_KEY);
  });
});

describe('WooCommerce write-back: a lost answer is read before anything is resent', () => {
  beforeEach(() => start());

  it('a note whose answer is lost is maybe_applied, and check finds its marker; a fresh order says not applied', async () => {
    seed(750);
    seed(751);
    const c = client();
    const req: WriteRequest = { action: 'order.note.set', note: 'Fragile', mode: 'append' };
    expect(c.naturallyIdempotent(req)).toBe(false);
    expect(c.naturallyIdempotent({ action: 'order.tags.add', tags: ['x'] })).toBe(true);
    woo.fault({ commitThenDrop: true, only: { method: 'POST' } });
    const lost = await failure(c.write(req, target(750)));
    expect(lost.failure).toBe('maybe_applied');
    expect(woo.notes(750)).toHaveLength(1);
    expect(await c.check(req, target(750))).toEqual({ applied: true, answer: 'the note is already on order #750 on WooCommerce' });
    expect(await c.check(req, target(751))).toEqual({ applied: false });
    expect(woo.notes(750)).toHaveLength(1);
  });

  it('a cancel with a staff note counts as applied only with the status and the note', async () => {
    seed(752, { status: 'processing' });
    const c = client();
    const req: WriteRequest = { action: 'order.cancel', reason: 'fraud', restock: true, notifyCustomer: false, staffNote: 'Fraud check failed' };
    expect(c.naturallyIdempotent(req)).toBe(false);
    woo.fault({ commitThenDrop: true, only: { method: 'POST' } });
    expect((await failure(c.write(req, target(752)))).failure).toBe('maybe_applied');
    expect(await c.check(req, target(752))).toEqual({ applied: true, answer: 'order #752 is Cancelled on WooCommerce, with the note' });
    seed(753, { status: 'cancelled' });
    expect(await c.check(req, target(753))).toEqual({ applied: false });
  });
});

describe('WooCommerce reconciliation', () => {
  it('pages through the 230 orders changed after `since`, oldest first, each one an order.updated the adapter reads', async () => {
    await start();
    const since = '2026-11-20T10:00:00.000Z';
    const sinceMs = Date.parse(since);
    // 20 orders changed before `since`, then 230 after, seeded out of order.
    for (let i = 0; i < 250; i++) {
      const id = 2000 + ((i * 37) % 250);
      const modified = id < 2020 ? sinceMs - (id - 1999) * 60_000 : sinceMs + (id - 2019) * 30_000;
      woo.seed(wooOrder(id, modified, { status: id % 3 === 0 ? 'completed' : 'processing', date_paid_gmt: wooDate(modified) }));
    }
    const c = client();
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await c.listChanged(since, cursor);
      pages++;
      for (const o of page.orders) {
        const delivery = { method: 'POST', path: '/hooks/con_1', headers: o.headers, body: o.body };
        const payload = woocommerceAdapter.parse(delivery);
        const id = woocommerceAdapter.identify(delivery, payload);
        expect(id.handled).toBe(true);
        expect(id.topic).toBe(o.topic);
        const { order } = woocommerceAdapter.normalize(payload, { topic: o.topic, connectionId: 'con_1', storeId: 'https://shop.example/', settings, previous: null });
        expect(order.platformOrderId).toBe(o.platformOrderId);
        expect(order.updatedAt).toBe(o.updatedAt);
        expect(order.platformStatus).toBe(Number(o.platformOrderId) % 3 === 0 ? 'completed' : 'processing');
        seen.push({ id: o.platformOrderId, updatedAt: o.updatedAt });
      }
      cursor = page.next;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(230);
    expect(new Set(seen.map((s) => s.id)).size).toBe(230);
    expect(seen.every((s) => Date.parse(s.updatedAt) > sinceMs)).toBe(true);
    expect(seen.map((s) => s.updatedAt)).toEqual([...seen.map((s) => s.updatedAt)].sort());
    expect(seen[0]).toEqual({ id: '2020', updatedAt: '2026-11-20T10:00:30Z' });
    const q = woo.requests[0]?.query;
    expect(woo.requests[0]?.path).toBe('/wp-json/wc/v3/orders');
    expect(Object.fromEntries(q ?? [])).toEqual({ modified_after: '2026-11-20T09:59:59', dates_are_gmt: 'true', orderby: 'modified', order: 'asc', per_page: '100', page: '1' });
    expect(woo.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it('falls back to orderby=date on a WooCommerce without `modified`, sorting each page itself', async () => {
    await start({ orderbyModified: false });
    woo.seed(wooOrder(1, T0 + 120_000));
    woo.seed(wooOrder(2, T0 + 60_000, { date_created_gmt: wooDate(T0 + 500_000) }));
    const page = await client().listChanged(new Date(T0).toISOString(), null);
    expect(page.orders.map((o) => o.platformOrderId)).toEqual(['2', '1']);
    expect(page.next).toBeNull();
    expect(woo.requests.map((r) => r.query.get('orderby'))).toEqual(['modified', 'date']);
  });

  it('probes with one order read and names the site', async () => {
    await start({ siteName: 'Cửa hàng Woo' });
    expect(await client().probe()).toBe('Cửa hàng Woo');
    expect(sent()).toEqual(['GET /wp-json/wc/v3/orders', 'GET /wp-json/']);
    expect(woocommerceStoreApi.defaultBaseUrl({ id: 'c', platform: 'woocommerce', storeId: 'https://shop.example/', store: 'S', secrets: {}, settings })).toBe('https://shop.example/wp-json/wc/v3');
    expect(woocommerceStoreApi.defaultBaseUrl({ id: 'c', platform: 'woocommerce', storeId: 'shop.example/wp-json/wc/v3/', store: 'S', secrets: {}, settings })).toBe('https://shop.example/wp-json/wc/v3');
  });
});
