import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';

const WEB_DOMAIN = 'flowdesk-demo.mysapo.net';
const GO_DOMAIN = 'flowdesk-demo.mysapogo.com';
const SECRET = 'sapo_app_secret_0123456789abcdef';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sapo/${name}`, import.meta.url));
const sign = (body: Buffer | string, key = SECRET) => createHmac('sha256', key).update(body).digest('base64');
const withChanges = (name: string, changes: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(fixture(name).toString()), ...changes });

async function post(url: string, body: Buffer | string, headers: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(url, { method: 'POST', headers: clean, body: new Uint8Array(Buffer.from(body)) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

/** Sapo Web's headers (§3.1). */
function postWeb(url: string, s: { topic?: string; body?: Buffer | string; key?: string; headers?: Record<string, string | undefined> } = {}) {
  const body = s.body ?? fixture('web-orders-create.json');
  return post(url, body, {
    'Content-Type': 'application/json',
    'X-Sapo-Topic': s.topic ?? 'orders/create',
    'X-Sapo-Hmac-Sha256': sign(body, s.key),
    'X-Sapo-Shop-Domain': WEB_DOMAIN,
    ...s.headers,
  });
}

/** Sapo GO's headers, lowercase as captured (§3.2). */
function postGo(url: string, s: { version: string; topic?: string; body?: Buffer | string; key?: string; test?: boolean }) {
  const body = s.body ?? fixture('go-orders-update.json');
  const id = String((JSON.parse(Buffer.from(body).toString()) as { id: unknown }).id);
  return post(url, body, {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'JVM',
    'x-sapo-topic': s.topic ?? 'orders/update',
    'x-sapo-hmac-sha256': sign(body, s.key),
    'x-sapo-tenant-domain': GO_DOMAIN,
    'x-sapo-object-id': id,
    'x-sapo-order-id': id,
    'x-sapo-test': s.test ? 'true' : 'false',
    'x-sapo-webhook-address': url,
    'x-event-version': s.version,
  });
}

function tagOn(trigger: string, tag: string): FlowDocument {
  return {
    name: `Tag ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['sapo'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('Sapo webhooks end to end', () => {
  let t: TempEngine;
  let webUrl: string;
  let goUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    webUrl = (await t.engine.call('connections.create', { platform: 'sapo', storeId: WEB_DOMAIN, secret: SECRET })).webhookUrl;
    goUrl = (await t.engine.call('connections.create', { platform: 'sapo', storeId: GO_DOMAIN, secret: SECRET })).webhookUrl;
    for (const document of [vipFlow(), tagOn('orders.order_paid', 'PAID'), tagOn('orders.order_fulfilled', 'SHIPPED')]) {
      const flow = await t.engine.call('flows.save', { document });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const runsFor = async (ref: string) => {
    const detail = await t.engine.call('orders.get', { ref });
    const runs = await t.engine.call('runs.list', { orderId: detail.summary.id });
    return runs.map((r) => r.flowName).sort();
  };

  describe('Sapo Web', () => {
    it('a signed orders/create becomes the order, the customer, a run and the timeline', async () => {
      const res = await postWeb(webUrl);
      expect(res.status).toBe(200);
      expect(res.json['verdict']).toBe('accepted');
      await t.engine.idle();
      const detail = await t.engine.call('orders.get', { ref: '#1043' });
      expect(detail.order).toMatchObject({
        platform: 'sapo', storeId: WEB_DOMAIN, platformOrderId: '43219876', totalPrice: '1010000', salesChannel: 'Online Store',
        // A COD order ("Thanh toán khi giao hàng (COD)"): unpaid until Sapo records the collection.
        financialStatus: 'pending', cashOnDelivery: true, paymentMethod: 'Thanh toán khi giao hàng (COD)', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none',
      });
      expect(detail.customer).toMatchObject({ email: 'lan.nguyen@example.com', name: 'Lan Nguyễn', phone: '0901234567', emailVerified: true });
      expect(detail.summary.localTags).toEqual(['VIP']);
      expect(detail.timeline.map((e) => e.kind).slice(0, 3)).toEqual(['delivery', 'order_created', 'customer']);
      expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: 'X-Sapo-Hmac-Sha256 verified' });
      expect(await runsFor('#1043')).toEqual(['Tag big orders VIP']);
    });

    it('orders/paid fires order.paid; a wrong signature gets 401 and changes nothing', async () => {
      const bad = await postWeb(webUrl, { key: 'not-the-secret' });
      expect(bad.status).toBe(401);
      const [rejected] = await t.engine.call('inbox.list', {});
      expect(rejected).toMatchObject({ verdict: 'bad_signature', httpStatus: 401, reason: "X-Sapo-Hmac-Sha256 does not match the body signed with this connection's secret" });
      expect((await t.engine.call('orders.list', {})).rows).toEqual([]);

      const paid = withChanges('web-orders-create.json', { financial_status: 'paid', modified_on: '2026-11-20T03:20:00Z' });
      expect((await postWeb(webUrl, { topic: 'orders/paid', body: paid })).status).toBe(200);
      await t.engine.idle();
      // The first delivery Flowdesk sees of this order: it is created (the VIP flow runs) and paid.
      expect(await runsFor('#1043')).toEqual(['Tag PAID', 'Tag big orders VIP']);
      const [entry] = await t.engine.call('inbox.list', {});
      expect(entry!.outcome).toContain('events order.created, order.paid, customer.created;');
    });

    it('the same delivery twice is a duplicate, processed once; an unknown topic is ignored with 200', async () => {
      await postWeb(webUrl);
      const again = await postWeb(webUrl);
      expect(again.json['verdict']).toBe('duplicate');
      const product = await postWeb(webUrl, { topic: 'products/update', body: JSON.stringify({ id: 11223344, name: 'Áo thun trắng', modified_on: '2026-11-20T03:00:00Z' }) });
      expect(product.status).toBe(200);
      expect(product.json['verdict']).toBe('ignored_topic');
      await t.engine.idle();
      const inbox = await t.engine.call('inbox.list', {});
      expect(inbox.map((e) => e.verdict)).toEqual(['ignored_topic', 'duplicate', 'accepted']);
      expect(inbox[1]!.duplicateOf).toBe(inbox[2]!.id);
      expect(await t.engine.call('runs.list', {})).toHaveLength(1);
    });

    it('a stale orders/updated does not overwrite newer state', async () => {
      await postWeb(webUrl);
      await postWeb(webUrl, { topic: 'orders/updated', body: withChanges('web-orders-create.json', { financial_status: 'paid', modified_on: '2026-11-20T05:00:00Z' }) });
      await t.engine.idle();
      await postWeb(webUrl, { topic: 'orders/updated', body: withChanges('web-orders-create.json', { financial_status: 'voided', modified_on: '2026-11-20T04:00:00Z' }) });
      await t.engine.idle();
      const detail = await t.engine.call('orders.get', { ref: '#1043' });
      expect(detail.order).toMatchObject({ financialStatus: 'paid', updatedAt: '2026-11-20T05:00:00Z' });
      expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    });
  });

  describe('Sapo GO', () => {
    const step = (changes: Record<string, unknown>) => withChanges('go-orders-update.json', changes);

    it('orders/update deliveries become the order; paid and fulfilled fire once, on the transition', async () => {
      expect((await postGo(goUrl, { version: '1377039309' })).json['verdict']).toBe('accepted');
      await t.engine.idle();
      const first = await t.engine.call('orders.get', { ref: 'SON00421' });
      expect(first.order).toMatchObject({ platformStatus: 'finalized', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', totalPrice: '875000', salesChannel: 'Facebook', storeId: GO_DOMAIN });
      expect(first.customer).toMatchObject({ email: 'minhanh.tran@example.com', name: 'Trần Minh Anh', phone: '0912345678' });
      expect(await runsFor('SON00421')).toEqual(['Tag big orders VIP']);

      const paid = step({ payment_status: 'paid', modified_on: '2026-11-20T03:00:00Z' });
      expect((await postGo(goUrl, { version: '1377402327', body: paid })).json['verdict']).toBe('accepted');
      // Sapo retries the same event: same x-event-version.
      expect((await postGo(goUrl, { version: '1377402327', body: paid })).json['verdict']).toBe('duplicate');
      await postGo(goUrl, { version: '1615477322', body: step({ payment_status: 'paid', note: 'Gọi trước khi giao', modified_on: '2026-11-20T03:30:00Z' }) });
      await postGo(goUrl, { version: '1668737203', body: step({ status: 'completed', payment_status: 'paid', fulfillment_status: 'shipped', modified_on: '2026-11-20T05:00:00Z' }) });
      await t.engine.idle();

      expect(await runsFor('SON00421')).toEqual(['Tag PAID', 'Tag SHIPPED', 'Tag big orders VIP']);
      const detail = await t.engine.call('orders.get', { ref: 'SON00421' });
      expect(detail.order).toMatchObject({ platformStatus: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', note: 'Khách hẹn lấy chiều' });
      const changes = detail.timeline.filter((e) => e.kind === 'status_change').map((e) => e.data);
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatchObject({ changes: { financialStatus: { from: 'pending', to: 'paid' } } });
      expect(changes[1]).toMatchObject({
        changes: {
          platformStatus: { from: 'finalized', to: 'completed' },
          fulfillmentStatus: { from: 'unfulfilled', to: 'fulfilled' },
          deliveryStatus: { from: 'none', to: 'delivered' },
        },
      });
      const outcomes = (await t.engine.call('inbox.list', { connectionId: undefined })).map((e) => e.outcome);
      expect(outcomes.filter((o) => o?.includes('order.paid'))).toHaveLength(1);
      expect(outcomes[0]).toContain('events order.updated, order.fulfilled, order.delivered;');
    });

    it('a COD order that ships and then fails delivery: fulfilled once, then delivery failed, never paid', async () => {
      const pkg = (composite: string, status: string) => ({
        id: 34120348, created_on: '2026-11-20T03:00:00Z', status, composite_fulfillment_status: composite, shipment: { cod_amount: 875000.0, tracking_code: 'GHN421' },
      });
      await postGo(goUrl, { version: '1377039309', body: step({ fulfillments: [pkg('packed', 'packed')] }) });
      await postGo(goUrl, { version: '1377402327', body: step({ fulfillment_status: 'shipped', fulfillments: [pkg('fulfilled', 'shipped')], modified_on: '2026-11-20T04:00:00Z' }) });
      await postGo(goUrl, { version: '1615477322', body: step({ fulfillment_status: 'shipped', fulfillments: [pkg('fulfilled_cancelling', 'shipped')], modified_on: '2026-11-20T06:00:00Z' }) });
      await t.engine.idle();
      const outcomes = (await t.engine.call('inbox.list', {})).map((e) => e.outcome ?? '');
      expect(outcomes[0]).toContain('events order.updated, order.delivery_failed;');
      expect(outcomes[1]).toContain('events order.updated, order.fulfilled;');
      expect(await runsFor('SON00421')).toEqual(['Tag SHIPPED', 'Tag big orders VIP']);
      const detail = await t.engine.call('orders.get', { ref: 'SON00421' });
      expect(detail.order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true });
    });

    it('a stale update does not overwrite newer state nor fire events', async () => {
      await postGo(goUrl, { version: '1668737203', body: step({ payment_status: 'paid', modified_on: '2026-11-20T05:00:00Z' }) });
      await t.engine.idle();
      await postGo(goUrl, { version: '1377402327', body: step({ status: 'cancelled', cancelled_on: '2026-11-20T04:00:00Z', modified_on: '2026-11-20T04:00:00Z' }) });
      await t.engine.idle();
      const detail = await t.engine.call('orders.get', { ref: 'SON00421' });
      expect(detail.order).toMatchObject({ platformStatus: 'finalized', financialStatus: 'paid', cancelledAt: null });
      expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
      const [stale] = await t.engine.call('inbox.list', {});
      expect(stale!.outcome).toContain('no event');
    });

    it('a wrong signature gets 401; an unknown topic is ignored with 200; a test send is marked test', async () => {
      expect((await postGo(goUrl, { version: '1', key: 'wrong' })).status).toBe(401);
      const other = await postGo(goUrl, { version: '2', topic: 'stock_transfers/update', body: JSON.stringify({ id: 77, code: 'TRN0001', modified_on: '2026-11-20T02:00:00Z' }) });
      expect([other.status, other.json['verdict']]).toEqual([200, 'ignored_topic']);
      await postGo(goUrl, { version: '3', test: true });
      await t.engine.idle();
      expect((await t.engine.call('orders.get', { ref: 'SON00421' })).order.test).toBe(true);
      const inbox = await t.engine.call('inbox.list', {});
      expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['accepted', 200], ['ignored_topic', 200], ['bad_signature', 401]]);
    });
  });
});
