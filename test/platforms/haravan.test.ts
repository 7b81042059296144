import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';
import type { FlowDocument } from '../../engine/contract/index.ts';

const ORG_ID = '1000114691';
const WEBHOOK_SECRET = 'hrv_store_webhook_secret_0123456789';
const APP_SECRET = 'hrv_app_client_secret_abcdef012345';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/haravan/${name}`, import.meta.url));
const sign = (body: Buffer | string, key: string) => createHmac('sha256', key).update(body).digest('base64');

interface Send {
  topic?: string;
  body?: Buffer | string;
  key?: string;
  /** Haravan's docs write `X-Haravan-HmacSha256`; integrations read `X-Haravan-Hmacsha256`. */
  signatureHeader?: string;
  headers?: Record<string, string | undefined>;
}

/** A delivery as Haravan sends it (docs omni-apis/subscription, "Example webhook"). */
async function postHaravan(url: string, s: Send = {}) {
  const body = s.body ?? fixture('orders-create.json');
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json; charset=utf-8',
    [s.signatureHeader ?? 'X-Haravan-HmacSha256']: sign(body, s.key ?? WEBHOOK_SECRET),
    'X-Haravan-Topic': s.topic ?? 'orders/create',
    'X-Haravan-Org-Id': ORG_ID,
    ...s.headers,
  };
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(url, { method: 'POST', headers: clean, body: new Uint8Array(Buffer.from(body)) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const withChanges = (name: string, changes: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(fixture(name).toString()), ...changes });

function tagOn(trigger: string, tag: string): FlowDocument {
  return {
    name: `Tag ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['haravan'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('Haravan webhooks end to end', () => {
  let t: TempEngine;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'haravan', storeId: ORG_ID, secret: WEBHOOK_SECRET });
    hookUrl = c.webhookUrl;
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterEach(async () => {
    await t.close();
  });

  it('a signed orders/create becomes the order, the customer, a run and the timeline', async () => {
    const res = await postHaravan(hookUrl);
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '#100020' });
    expect(detail.order).toMatchObject({
      platform: 'haravan', storeId: ORG_ID, platformOrderId: '1138637099', totalPrice: '13200000', currency: 'VND',
      financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, paymentMethod: 'COD',
      platformStatus: 'unconfirmed', storeStatus: 'Not shipped', salesChannel: 'Online Store',
    });
    expect(detail.order.shippingAddress).toMatchObject({ ward: 'Phường 15', district: 'Quận 11' });
    expect(detail.customer).toMatchObject({ email: 'hello@haravan.com', name: 'Haravan Demo', emailVerified: false });
    expect(detail.summary.localTags).toEqual(['VIP']);

    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(['delivery', 'order_created', 'customer']);
    expect(kinds).toContain('tag_added');
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', topic: 'orders/create', signature: 'X-Haravan-HmacSha256 verified with the webhook secret' });
    const [run] = await t.engine.call('runs.list', { orderId: detail.summary.id });
    expect(run?.status).toBe('succeeded');
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'accepted', processing: 'processed', topic: 'orders/create', deliveryKey: 'version:orders/create:1138637099@2020-09-18T04:12:21.837Z' });
    // The docs' example is a COD order Haravan already records as paid.
    expect(entry!.outcome).toContain('events order.created, order.paid, customer.created');
  });

  it('verifies with the app secret too, under the X-Haravan-Hmacsha256 spelling', async () => {
    const app = await t.engine.call('connections.create', { platform: 'haravan', storeId: '200000219339', secrets: { appSecret: APP_SECRET } });
    const res = await postHaravan(app.webhookUrl, { key: APP_SECRET, signatureHeader: 'X-Haravan-Hmacsha256' });
    expect(res.status).toBe(200);
    expect(res.json['reason']).toBe('X-Haravan-HmacSha256 verified with the app secret');
    // A connection holding both tries each.
    const both = await t.engine.call('connections.create', { platform: 'haravan', storeId: '3', secrets: { webhookSecret: WEBHOOK_SECRET, appSecret: APP_SECRET } });
    expect((await postHaravan(both.webhookUrl, { key: APP_SECRET })).status).toBe(200);
    expect((await postHaravan(both.webhookUrl, { key: WEBHOOK_SECRET })).status).toBe(200);
  });

  it('a wrong signature gets 401, recorded with the reason, and changes nothing', async () => {
    const res = await postHaravan(hookUrl, { key: 'not-the-secret' });
    expect(res.status).toBe(401);
    const missing = await postHaravan(hookUrl, { headers: { 'X-Haravan-HmacSha256': undefined } });
    expect(missing.status).toBe(401);
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus, e.processing])).toEqual([['bad_signature', 401, 'not_processed'], ['bad_signature', 401, 'not_processed']]);
    expect(inbox[1]!.reason).toBe("X-Haravan-HmacSha256 does not match the body signed with this connection's webhook secret");
    expect(inbox[0]!.reason).toBe('missing X-Haravan-HmacSha256 header');
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
    expect(await t.engine.call('customers.list', {})).toEqual([]);
  });

  it('the same delivery twice is recorded as a duplicate and processed once', async () => {
    const first = await postHaravan(hookUrl);
    const second = await postHaravan(hookUrl);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
    // Same order, same version, another topic: its own delivery.
    expect((await postHaravan(hookUrl, { topic: 'orders/paid' })).json['verdict']).toBe('accepted');
  });

  it('an unknown topic gets 200 and is recorded as ignored', async () => {
    const body = JSON.stringify({ id: '6141d6266e269fed5b515c89', status: 'active', updated_at: '2021-09-15T11:17:03.458Z' });
    const res = await postHaravan(hookUrl, { topic: 'app_subscriptions/update', body });
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'ignored_topic', topic: 'app_subscriptions/update', processing: 'not_processed' });
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
  });

  it('a stale delivery does not overwrite newer state; shipments and cancellation show on the timeline', async () => {
    await postHaravan(hookUrl);
    await t.engine.idle();
    expect((await postHaravan(hookUrl, { topic: 'orders/fulfilled', body: fixture('orders-fulfilled.json') })).status).toBe(200);
    await t.engine.idle();
    const older = withChanges('orders-create.json', { financial_status: 'refunded', updated_at: '2020-09-18T10:00:00.000Z' });
    expect((await postHaravan(hookUrl, { topic: 'orders/updated', body: older })).status).toBe(200);
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '#100020' });
    expect(detail.order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', storeStatus: 'Awaiting shipment', updatedAt: '2020-09-19T02:05:31.947Z' });
    const changes = detail.timeline.filter((e) => e.kind === 'status_change');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.data).toMatchObject({
      kind: 'status_change',
      source: 'orders/fulfilled',
      changes: {
        fulfillmentStatus: { from: 'unfulfilled', to: 'fulfilled' },
        deliveryStatus: { from: 'none', to: 'in_transit' },
        storeStatus: { from: 'Not shipped', to: 'Awaiting shipment' },
      },
    });
    expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    const [stale] = await t.engine.call('inbox.list', {});
    expect(stale!.outcome).toContain('stale');

    const cancelled = withChanges('orders-fulfilled.json', { cancelled_status: 'cancelled', cancelled_at: '2020-09-20T08:00:00.000Z', cancel_reason: 'customer', updated_at: '2020-09-20T08:00:00.000Z' });
    await postHaravan(hookUrl, { topic: 'orders/cancelled', body: cancelled });
    await t.engine.idle();
    const after = await t.engine.call('orders.get', { ref: '#100020' });
    expect(after.order).toMatchObject({ platformStatus: 'cancelled', cancelReason: 'customer' });
    const [last] = await t.engine.call('inbox.list', {});
    expect(last!.outcome).toContain('events order.updated, order.cancelled;');
  });
});

describe('Haravan cash-on-delivery orders end to end', () => {
  let t: TempEngine;
  let hookUrl: string;
  const cod = { gateway: 'Thanh toán khi giao hàng (COD)', gateway_code: 'COD', financial_status: 'pending' };
  const shipmentOf = (code: string, dates: Record<string, string> = {}) => {
    const [doc] = JSON.parse(fixture('orders-fulfilled.json').toString()).fulfillments as Record<string, unknown>[];
    return { ...doc, carrier_status_code: code, ...dates };
  };
  const at = (day: number) => `2020-09-${day}T08:00:00.000Z`;

  beforeEach(async () => {
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: ORG_ID, secret: WEBHOOK_SECRET })).webhookUrl;
    for (const [trigger, tag] of [['orders.order_paid', 'PAID'], ['orders.order_fulfilled', 'SHIPPED'], ['orders.order_delivered', 'DELIVERED'], ['orders.order_delivery_failed', 'FAILED']] as const) {
      const flow = await t.engine.call('flows.save', { document: tagOn(trigger, tag) });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const send = async (topic: string, changes: Record<string, unknown>) => {
    expect((await postHaravan(hookUrl, { topic, body: withChanges('orders-create.json', { ...cod, ...changes }) })).status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    return entry!.outcome ?? '';
  };
  const tags = async () => (await t.engine.call('orders.get', { ref: '#100020' })).summary.localTags;

  it('is unpaid until Haravan records the collection; shipped, delivered and paid each fire once', async () => {
    expect(await send('orders/create', {})).toContain('events order.created, customer.created');
    const shipped = { fulfillment_status: 'fulfilled', fulfillments: [shipmentOf('readytopick')], updated_at: at(19) };
    expect(await send('orders/fulfilled', shipped)).toContain('events order.updated, order.fulfilled;');
    expect(await send('orders/updated', { ...shipped, fulfillments: [shipmentOf('delivering', { delivering_date: at(20) })], updated_at: at(20) })).toContain('events order.updated;');
    const delivered = { ...shipped, fulfillments: [shipmentOf('delivered', { delivered_date: at(21) })], updated_at: at(21) };
    expect(await send('orders/updated', delivered)).toContain('events order.updated, order.delivered;');
    expect(await tags()).toEqual(['SHIPPED', 'DELIVERED']);
    expect(await send('orders/paid', { ...delivered, financial_status: 'paid', updated_at: at(22) })).toContain('events order.updated, order.paid;');
    const detail = await t.engine.call('orders.get', { ref: '#100020' });
    expect(detail.summary.localTags).toEqual(['SHIPPED', 'DELIVERED', 'PAID']);
    expect(detail.order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, paymentMethod: 'Thanh toán khi giao hàng (COD)' });
  });

  it('a failed delivery ("Hủy giao hàng") is never a fulfilment', async () => {
    const failed = { fulfillment_status: 'fulfilled', fulfillments: [shipmentOf('cancel', { cancel_date: at(19) })], updated_at: at(19) };
    expect(await send('orders/updated', failed)).toContain('events order.created, order.delivery_failed, customer.created');
    expect(await tags()).toEqual(['FAILED']);
    const detail = await t.engine.call('orders.get', { ref: '#100020' });
    expect(detail.order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', storeStatus: 'Delivery cancelled' });
  });
});

describe('Haravan app webhooks: the callback URL check', () => {
  it('answers hub.challenge when hub.verify_token matches, and records the check', async () => {
    const t = await startTempEngine();
    try {
      const c = await t.engine.call('connections.create', { platform: 'haravan', storeId: '1000114691', secrets: { appSecret: 'app-secret', verifyToken: 'vt-123' } });
      const ok = await fetch(`${c.webhookUrl}?hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=abc987`);
      expect([ok.status, await ok.text()]).toEqual([200, 'abc987']);
      const wrong = await fetch(`${c.webhookUrl}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=abc987`);
      expect(wrong.status).toBe(403);
      const inbox = await t.engine.call('inbox.list', {});
      expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['bad_signature', 403], ['ping', 200]]);
      expect(inbox[0]!.reason).toContain('hub.verify_token does not match');
    } finally {
      await t.close();
    }
  });
});
