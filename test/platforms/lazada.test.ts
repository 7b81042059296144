import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startLazadaOpenApi, type LazadaOpenApi } from './servers/lazada-open-api.ts';

const APP_KEY = '112233';
const APP_SECRET = 'lzd-e2e-app-secret-0123456789';
const ACCESS_TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
const SELLER = '1234567';
const ORDER = '260422900198363';
const T0 = 1603698638; // 2020-10-26 14:50:38 +0700

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/lazada/${name}`, import.meta.url), 'utf8'));

/** The order events an inbox outcome lists ("…; events order.updated, order.paid, customer.updated; 1 run"), customer events left out. */
const orderEvents = (outcome: string | null | undefined) =>
  (/events ([^;]+)/.exec(outcome ?? '')?.[1] ?? '').split(', ').filter((e) => e !== '' && !e.startsWith('customer.'));
const iso = (s: number) => new Date(s * 1000).toISOString();
/** Lazada's own time format, in Vietnam's offset. */
const lazadaAt = (s: number) => `${new Date((s + 7 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ')} +0700`;

/** What the Open Platform answers for the order, every item in `status`, last changed at `at`. */
function orderState(status: string, at: number) {
  const order = { ...fixture('order-get.json').data, statuses: [status], updated_at: lazadaAt(at) };
  const items = fixture('order-items-get.json').data.map((i: Record<string, unknown>) => ({ ...i, status, updated_at: lazadaAt(at) }));
  return { order, items };
}

function pushBody(status: string, at: number, messageType = 0): string {
  const body = fixture('push-trade-order.json');
  body.message_type = messageType;
  body.data.order_status = status;
  body.data.status_update_time = at;
  return JSON.stringify(body);
}

const sign = (body: string, secret = APP_SECRET) => createHmac('sha256', secret).update(APP_KEY + body).digest('hex');

/** A status-change flow: tag every Lazada order whose status changes with its store status. */
const statusFlow: FlowDocument = {
  name: 'Lazada status → tag',
  nodes: [
    { id: 'trigger', type: 'orders.marketplace_status_changed', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['lazada'] } },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: ['{{ order.storeStatus }}'] } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
};

/** A flow that tags the order when the given canonical event fires, to count its runs. */
function tagOn(trigger: string, tag: string): FlowDocument {
  return {
    name: `${trigger} → ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['lazada'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('Lazada pushes through a real engine, enriched from a local Open Platform', () => {
  let t: TempEngine;
  let api: LazadaOpenApi;
  let hookUrl: string;

  async function post(body: string, authorization: string | null = sign(body)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== null) headers['authorization'] = authorization;
    const res = await fetch(hookUrl, { method: 'POST', headers, body });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  beforeEach(async () => {
    api = await startLazadaOpenApi({ appKey: APP_KEY, appSecret: APP_SECRET, accessToken: ACCESS_TOKEN });
    api.orders.set(ORDER, orderState('pending', T0));
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', {
      platform: 'lazada',
      storeId: SELLER,
      secrets: { appSecret: APP_SECRET, accessToken: ACCESS_TOKEN },
      settings: { appKey: APP_KEY, apiBaseUrl: api.baseUrl },
    });
    hookUrl = connection.webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    await api.close();
  });

  it('records a signed trade-order push as the Lazada order, with its store status, customer and timeline', async () => {
    const flow = await t.engine.call('flows.save', { document: statusFlow });
    await t.engine.call('flows.activate', { id: flow.id });

    const res = await post(pushBody('pending', T0));
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    // The push carried ids only: the order came from /order/get and /order/items/get, signed.
    expect(api.requests.map((r) => [r.api, r.answer])).toEqual([['/order/get', '0'], ['/order/items/get', '0']]);
    expect(api.requests[0]!.params).toMatchObject({ order_id: ORDER, app_key: APP_KEY, access_token: ACCESS_TOKEN, sign_method: 'sha256' });

    const detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({
      platform: 'lazada',
      storeId: SELLER,
      platformOrderId: ORDER,
      platformStatus: 'pending',
      storeStatus: 'Chưa giao hàng',
      salesChannel: 'Lazada',
      updatedAt: iso(T0),
      totalPrice: '310000.00',
      currency: 'VND',
      customer: { name: 'Nguyễn Văn An', phone: '84901234567', email: null },
    });
    expect(detail.order.shippingAddress).toMatchObject({ address1: '12 Lý Tự Trọng', district: 'Quận 1', province: 'Hồ Chí Minh', ward: null });
    expect(detail.order.lineItems).toHaveLength(2);
    // Lazada gives sellers no buyer email: the customer is kept by phone (seed 002: name, phone, address; no ward).
    expect(detail.customer).toMatchObject({ email: null, name: 'Nguyễn Văn An', phone: '84901234567' });
    expect(detail.customer?.address?.ward ?? null).toBeNull();
    expect(await t.engine.call('customers.list', {})).toHaveLength(1);

    // A COD order, not paid while it waits to ship; the number is Lazada's order number.
    expect(detail.order).toMatchObject({ number: ORDER, financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, paymentMethod: 'COD' });
    // First sight is order.created, and the marketplace status it arrives in (seed 002: the store status is set from it).
    expect(detail.timeline.map((e) => e.kind).slice(0, 3)).toEqual(['delivery', 'order_created', 'customer']);
    expect(detail.summary.tags).toEqual(['Chưa giao hàng']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: expect.stringContaining('Authorization verified') });
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'accepted', processing: 'processed', topic: 'message_type 0', deliveryKey: `event:lazada/${SELLER}/${ORDER}/pending@${T0}` });
    expect(orderEvents(entry!.outcome)).toEqual(['order.created', 'marketplace.status_changed']);

    api.orders.set(ORDER, orderState('ready_to_ship', T0 + 60));
    await post(pushBody('ready_to_ship', T0 + 60));
    await t.engine.idle();
    const moved = await t.engine.call('orders.get', { ref: ORDER });
    expect(moved.summary.tags).toEqual(['Chưa giao hàng', 'Chờ giao hàng']);
    // The status-change flow ran for each status, and tagged the order.
    expect(moved.timeline.flatMap((e) => (e.data?.kind === 'run' ? [e.data.status] : []))).toEqual(['running', 'succeeded', 'running', 'succeeded']);
    expect(moved.timeline.find((e) => e.data?.kind === 'run')?.data).toMatchObject({ eventType: 'marketplace.status_changed', flowName: 'Lazada status → tag' });
    expect(moved.timeline.filter((e) => e.kind === 'tag_added').at(-1)?.data).toMatchObject({ tags: ['Chờ giao hàng'] });
    expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(['order.updated', 'marketplace.status_changed']);
  });

  it('fires order.fulfilled once when a COD order ships, then order.delivery_failed (not paid) when the carrier gives up', async () => {
    for (const [trigger, tag] of [['orders.order_fulfilled', 'shipped'], ['orders.order_delivery_failed', 'failed'], ['orders.order_paid', 'paid']] as const) {
      const flow = await t.engine.call('flows.save', { document: tagOn(trigger, tag) });
      await t.engine.call('flows.activate', { id: flow.id });
    }
    await post(pushBody('pending', T0));
    await t.engine.idle();
    api.orders.set(ORDER, orderState('shipped', T0 + 3600));
    await post(pushBody('shipped', T0 + 3600));
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ storeStatus: 'Đang giao hàng', financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(detail.summary.tags).toEqual(['shipped']);
    expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(['order.updated', 'order.fulfilled', 'marketplace.status_changed']);

    api.orders.set(ORDER, orderState('failed_delivery', T0 + 7200));
    await post(pushBody('failed_delivery', T0 + 7200));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: ORDER });
    // Seed 002: "Delivered failed" → "Hủy giao hàng"; a failed delivery is not a fulfilment, and COD money was never collected.
    expect(detail.order).toMatchObject({ storeStatus: 'Hủy giao hàng', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(detail.summary.tags).toEqual(['shipped', 'failed']);
    expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(['order.updated', 'order.delivery_failed', 'marketplace.status_changed']);
    const started = (event: string) => detail.timeline.filter((e) => e.data?.kind === 'run' && e.data.status === 'running' && e.data.eventType === event).length;
    expect([started('order.fulfilled'), started('order.delivery_failed'), started('order.paid')]).toEqual([1, 1, 0]);
  });

  it('pays a COD order when Lazada says it was delivered, and fires order.delivered', async () => {
    api.orders.set(ORDER, orderState('shipped', T0 + 600));
    await post(pushBody('shipped', T0 + 600));
    await t.engine.idle();
    api.orders.set(ORDER, orderState('delivered', T0 + 7200));
    await post(pushBody('delivered', T0 + 7200));
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ storeStatus: 'Đã giao hàng', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
    const outcomes = (await t.engine.call('inbox.list', {})).map((e) => e.outcome);
    expect(orderEvents(outcomes[1])).toEqual(['order.created', 'order.fulfilled', 'marketplace.status_changed']);
    expect(orderEvents(outcomes[0])).toEqual(['order.updated', 'order.paid', 'order.delivered', 'marketplace.status_changed']);
  });

  it('follows the order through ready to ship, shipped and canceled', async () => {
    await post(pushBody('pending', T0));
    await t.engine.idle();
    api.orders.set(ORDER, orderState('ready_to_ship', T0 + 3600));
    await post(pushBody('ready_to_ship', T0 + 3600));
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ platformStatus: 'ready_to_ship', storeStatus: 'Chờ giao hàng', updatedAt: iso(T0 + 3600) });
    const change = detail.timeline.find((e) => e.kind === 'status_change');
    expect(change?.data).toMatchObject({ kind: 'status_change', changes: { storeStatus: { from: 'Chưa giao hàng', to: 'Chờ giao hàng' } } });

    api.orders.set(ORDER, orderState('canceled', T0 + 7200));
    await post(pushBody('canceled', T0 + 7200));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ platformStatus: 'canceled', storeStatus: null, financialStatus: 'voided', cancelledAt: iso(T0 + 7200) });
    const [last] = await t.engine.call('inbox.list', {});
    expect(orderEvents(last!.outcome)).toEqual(['order.updated', 'order.cancelled', 'marketplace.status_changed']);
  });

  it('refuses to save a connection without the app key, naming it (every push would be refused), and changes nothing', async () => {
    const before = await t.engine.call('connections.list', {});
    const without = t.engine.call('connections.create', { platform: 'lazada', storeId: 'VN0000000', secrets: { appSecret: APP_SECRET, accessToken: ACCESS_TOKEN }, settings: { apiBaseUrl: api.baseUrl } });
    await expect(without).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('"App key" (setting "appKey")') });
    await expect(t.engine.call('connections.create', { platform: 'lazada', storeId: 'VN0000000', secrets: { appSecret: APP_SECRET, accessToken: ACCESS_TOKEN }, settings: { appKey: '  ' } })).rejects.toMatchObject({ code: 'invalid_args' });
    expect(await t.engine.call('connections.list', {})).toHaveLength(before.length);
  });

  it('refuses a wrong signature with 401, records it, and asks Lazada nothing', async () => {
    const body = pushBody('pending', T0);
    const res = await post(body, sign(body, 'not-the-app-secret'));
    expect(res.status).toBe(401);
    const missing = await post(body, null);
    expect(missing.status).toBe(401);
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['bad_signature', 401], ['bad_signature', 401]]);
    expect(inbox[1]!.reason).toBe('Authorization does not match app_key + body signed with this connection\'s app secret');
    expect(inbox[0]!.reason).toContain('missing Authorization header');
    expect(api.requests).toEqual([]);
  });

  it('records the same push sent twice as a duplicate and processes it once', async () => {
    const body = pushBody('pending', T0);
    const first = await post(body);
    const second = await post(body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(inbox[0]!.reason).toContain(`${ORDER}/pending@${T0}`);
    expect(api.requests.filter((r) => r.api === '/order/get')).toHaveLength(1);
  });

  it('answers 200 to a message type it does not process and records it as ignored', async () => {
    const body = JSON.stringify(fixture('push-seller-status.json'));
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'ignored_topic', topic: 'message_type 13', reason: 'Lazada message_type 13: seller status', processing: 'not_processed' });
    expect(api.requests).toEqual([]);
  });

  it('does not let a stale push overwrite newer state', async () => {
    api.orders.set(ORDER, orderState('shipped', T0 + 600));
    await post(pushBody('shipped', T0 + 600));
    await t.engine.idle();

    // A late retry of the older "pending" push while Lazada already says "shipped": nothing new.
    await post(pushBody('pending', T0));
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ platformStatus: 'shipped', storeStatus: 'Đang giao hàng', updatedAt: iso(T0 + 600) });
    expect((await t.engine.call('inbox.list', {}))[0]!.outcome).toContain('no event');

    // The same late push while the API still lags behind: older than what Flowdesk has, not applied.
    api.orders.set(ORDER, orderState('packed', T0 + 60));
    await post(pushBody('packed', T0 + 60));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: ORDER });
    expect(detail.order).toMatchObject({ platformStatus: 'shipped', storeStatus: 'Đang giao hàng', updatedAt: iso(T0 + 600) });
    expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    const [stale] = await t.engine.call('inbox.list', {});
    expect(stale!.outcome).toContain('stale');
    expect(stale!.outcome).toContain('no event');
  });

  it('gives up with Lazada\'s reason when the access token is refused', async () => {
    await t.engine.call('connections.update', { id: (await t.engine.call('connections.list', {}))[0]!.id, secrets: { accessToken: 'expired-token' } });
    await post(pushBody('pending', T0));
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('dead');
    expect(entry!.outcome).toContain('IllegalAccessToken');
    expect(api.requests.every((r) => r.answer === 'IllegalAccessToken')).toBe(true);
  });
});
