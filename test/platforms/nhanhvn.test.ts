import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

const TOKEN = 'nhanh-verify-token-demo';
const SECRET_KEY = 'nhanh-v1-secret-key';
const BUSINESS = '10000';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/nhanhvn/${name}`, import.meta.url), 'utf8');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

async function post(url: string, body: string | FormData, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: typeof body === 'string' ? { 'Content-Type': 'application/json', ...headers } : headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** What Nhanh's v1 sender posts (PHP cURL with an array body): multipart storeId, data, checksum. */
function v1Form(data: string, key = SECRET_KEY): FormData {
  const form = new FormData();
  form.append('storeId', '77');
  form.append('data', data);
  form.append('checksum', md5(md5(key + data) + data));
  return form;
}

function update(status: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ event: 'orderUpdate', businessId: 10000, webhooksVerifyToken: TOKEN, data: { businessId: 10000, orderId: 123456789, shopOrderId: '', status, ...extra } });
}

function tagFlow(trigger: string, tag: string): FlowDocument {
  return {
    name: `${trigger} → ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('Nhanh.vn deliveries through a real engine', () => {
  let t: TempEngine;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', { platform: 'nhanhvn', storeId: BUSINESS, secrets: { verifyToken: TOKEN, secretKey: SECRET_KEY } });
    hookUrl = connection.webhookUrl;
    const triggers = [
      ['orders.order_created', 'NEW'], ['orders.order_paid', 'PAID'], ['orders.order_cancelled', 'CANCELLED'],
      ['orders.order_fulfilled', 'SHIPPED'], ['orders.order_delivered', 'DELIVERED'], ['orders.order_delivery_failed', 'UNDELIVERED'],
    ] as const;
    for (const [trigger, tag] of triggers) {
      const flow = await t.engine.call('flows.save', { document: tagFlow(trigger, tag) });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  it('records a v2 orderAdd with its token: order, customer, timeline', async () => {
    const res = await post(hookUrl, fixture('v2-order-add.json'));
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#123456789' });
    expect(detail.order).toMatchObject({ platform: 'nhanhvn', storeId: BUSINESS, number: '123456789', platformStatus: 'New', totalPrice: '510000', currency: 'VND', salesChannel: 'Website', financialStatus: 'pending', cashOnDelivery: true });
    expect(detail.customer).toMatchObject({ email: 'an.nguyen@example.vn', name: 'Nguyễn Văn An', phone: '0912345678' });
    expect(detail.summary.localTags).toEqual(['NEW']);
    expect(detail.timeline.slice(0, 3).map((e) => e.kind)).toEqual(['delivery', 'order_created', 'customer']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', topic: 'orderAdd', signature: 'webhooksVerifyToken matches' });
  });

  it('a COD order: shipped is not paid; "Success" is delivered and collected; then cancelled', async () => {
    await post(hookUrl, fixture('v2-order-add.json'));
    await t.engine.idle();
    await post(hookUrl, update('Shipping'));
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: '123456789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Shipping', financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED']);

    expect((await post(hookUrl, update('Success'))).status).toBe(200);
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '123456789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Success', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', totalPrice: '510000' });
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED', 'PAID', 'DELIVERED']);
    const changes = detail.timeline.flatMap((e) => (e.data?.kind === 'status_change' ? [e.data.changes] : []));
    expect(changes.at(-1)).toEqual({
      financialStatus: { from: 'pending', to: 'paid' },
      deliveryStatus: { from: 'in_transit', to: 'delivered' },
      platformStatus: { from: 'Shipping', to: 'Success' },
    });

    await post(hookUrl, update('Canceled', { reason: 'NotBuy' }));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '123456789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Canceled', cancelReason: 'NotBuy' });
    expect(detail.order.cancelledAt).toBeTruthy();
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED', 'PAID', 'DELIVERED', 'CANCELLED']);
  });

  it('a failed delivery first seen is never fulfilled', async () => {
    expect((await post(hookUrl, update('Failed'))).status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '123456789' });
    expect(detail.order).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(detail.summary.localTags).toEqual(['NEW', 'UNDELIVERED']);
  });

  it('refuses a wrong token with 401 and records why', async () => {
    const res = await post(hookUrl, fixture('v2-order-add.json').replace(TOKEN, 'guessed'));
    expect(res.status).toBe(401);
    expect(res.json['reason']).toBe('webhooksVerifyToken in the body does not match this connection\'s verify token');
    const headerOnly = await post(hookUrl, fixture('v3-order-update.json'), { verifyToken: 'guessed' });
    expect(headerOnly.status).toBe(401);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['bad_signature', 401], ['bad_signature', 401]]);
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
  });

  it('processes a redelivered webhook once', async () => {
    const first = await post(hookUrl, fixture('v2-order-add.json'));
    const again = await post(hookUrl, fixture('v2-order-add.json'));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('answers 200 to events it does not process and records them as ignored', async () => {
    const res = await post(hookUrl, JSON.stringify({ event: 'inventoryChange', businessId: 10000, webhooksVerifyToken: TOKEN, data: [{ id: 1231264453, available: 4 }] }));
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'ignored_topic', topic: 'inventoryChange', processing: 'not_processed' });
  });

  it('a v3 delivery older than the stored order does not overwrite it', async () => {
    const body = JSON.parse(fixture('v3-order-update.json')) as { data: { info: Record<string, unknown> } };
    const at = (status: string, updatedAt: number) => JSON.stringify({ ...body, data: { ...body.data, info: { ...body.data.info, status, updatedAt } } });
    expect((await post(hookUrl, at('Success', 1795300000), { verifyToken: TOKEN })).status).toBe(200);
    await t.engine.idle();
    expect((await post(hookUrl, at('Shipping', 1795228200), { verifyToken: TOKEN })).status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#123456789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Success', updatedAt: new Date(1795300000 * 1000).toISOString(), salesChannel: 'Shopee' });
    expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('stale');
  });

  it('takes legacy v1 multipart deliveries on ?kind= URLs, checked with the checksum', async () => {
    const data = fixture('v1-order-status-data.json').trim();
    const res = await post(`${hookUrl}?kind=orderUpdate`, v1Form(data));
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: 'WEB-1001' });
    expect(detail.order).toMatchObject({ number: 'WEB-1001', platformStatus: 'Success', financialStatus: 'paid', deliveryStatus: 'delivered', totalPrice: '550000' });
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: 'checksum verified' });

    const forged = await post(`${hookUrl}?kind=orderUpdate`, v1Form(data, 'not-the-key'));
    expect(forged.status).toBe(401);
    const noKind = await post(hookUrl, v1Form(data.replace('WEB-1001', 'WEB-1002')));
    expect(noKind.status).toBe(200);
    expect(noKind.json['verdict']).toBe('ignored_topic');
    expect(noKind.json['reason']).toContain('?kind=');
  });

  it('orderDelete (v3, an array of ids) marks the stored order deleted', async () => {
    await post(hookUrl, fixture('v2-order-add.json'));
    await t.engine.idle();
    expect((await post(hookUrl, fixture('v3-order-delete.json'), { verifyToken: TOKEN })).status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#123456789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Deleted', deletedAt: '2026-11-20T14:05:09+07:00', totalPrice: '510000' });
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('events order.deleted;');
  });
});
