import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

const SECRET = 'wc-secret-0123456789';
const SITE = 'https://shop.example/';
const fixture = readFileSync(new URL('../fixtures/woocommerce/order-created.json', import.meta.url), 'utf8');

/** The fixture with fields changed, written back the way wp_json_encode writes (escaped slashes). */
function orderBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...(JSON.parse(fixture) as Record<string, unknown>), ...overrides }).replace(/\//g, '\\/');
}

interface WooDelivery { topic?: string; body?: string; secret?: string; deliveryId?: string; headers?: Record<string, string | undefined> }

/** What WC_Webhook::deliver() sends (reference §4.1), signed over the exact bytes. */
async function postWoo(url: string, d: WooDelivery = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const topic = d.topic ?? 'order.created';
  const body = d.body ?? fixture;
  const [resource, event] = topic.split('.');
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    'User-Agent': 'WooCommerce/9.4.2 Hookshot (WordPress/6.7)',
    'X-WC-Webhook-Source': SITE,
    'X-WC-Webhook-Topic': topic,
    'X-WC-Webhook-Resource': resource,
    'X-WC-Webhook-Event': event,
    'X-WC-Webhook-Signature': createHmac('sha256', d.secret ?? SECRET).update(body).digest('base64'),
    'X-WC-Webhook-ID': '12',
    'X-WC-Webhook-Delivery-ID': d.deliveryId ?? randomUUID().replace(/-/g, ''),
    ...d.headers,
  };
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(url, { method: 'POST', headers: clean, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
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

describe('WooCommerce deliveries through a real engine', () => {
  let t: TempEngine;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', { platform: 'woocommerce', storeId: SITE, secret: SECRET });
    hookUrl = connection.webhookUrl;
    const triggers = [
      ['orders.order_created', 'NEW'], ['orders.order_paid', 'PAID'], ['orders.order_fulfilled', 'SHIPPED'],
      ['orders.order_delivered', 'DELIVERED'], ['orders.order_delivery_failed', 'UNDELIVERED'],
    ] as const;
    for (const [trigger, tag] of triggers) {
      const flow = await t.engine.call('flows.save', { document: tagFlow(trigger, tag) });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers the unsigned ping sent when the webhook is saved, and records it as a ping', async () => {
    const res = await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'webhook_id=12' });
    expect(res.status).toBe(200);
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'ping', httpStatus: 200, processing: 'not_processed' });
  });

  it('records a signed order.created: order, customer and timeline', async () => {
    const res = await postWoo(hookUrl);
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '#727' });
    expect(detail.order).toMatchObject({ platform: 'woocommerce', storeId: SITE, platformOrderId: '727', number: '727', totalPrice: '29.35', financialStatus: 'pending', platformStatus: 'pending', updatedAt: '2026-11-20T16:28:08Z' });
    expect(detail.summary.localTags).toEqual(['NEW']);
    expect(detail.customer).toMatchObject({ email: 'john.doe@example.com', name: 'John Doe', emailVerified: false });
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(['delivery', 'order_created', 'customer']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', topic: 'order.created', signature: 'X-WC-Webhook-Signature verified' });
    const customers = await t.engine.call('customers.list', {});
    expect(customers.map((c) => c.email)).toEqual(['john.doe@example.com']);
  });

  it('derives order.paid and order.fulfilled from status transitions on order.updated', async () => {
    await postWoo(hookUrl);
    await t.engine.idle();
    const paid = orderBody({ status: 'processing', date_modified_gmt: '2026-11-20T16:30:00', date_paid_gmt: '2026-11-20T16:30:00' });
    expect((await postWoo(hookUrl, { topic: 'order.updated', body: paid })).status).toBe(200);
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order.financialStatus).toBe('paid');
    expect(detail.summary.localTags).toEqual(['NEW', 'PAID']);
    const change = detail.timeline.find((e) => e.kind === 'status_change');
    expect(change?.data).toMatchObject({ kind: 'status_change', changes: { financialStatus: { from: 'pending', to: 'paid' }, platformStatus: { from: 'pending', to: 'processing' } } });

    const done = orderBody({ status: 'completed', date_modified_gmt: '2026-11-21T09:00:00', date_paid_gmt: '2026-11-20T16:30:00', date_completed_gmt: '2026-11-21T09:00:00' });
    await postWoo(hookUrl, { topic: 'order.updated', body: done });
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order.fulfillmentStatus).toBe('fulfilled');
    expect(detail.summary.localTags).toEqual(['NEW', 'PAID', 'SHIPPED']);
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('events order.updated, order.fulfilled');
  });

  it('refuses a wrong signature with 401 and records why', async () => {
    const res = await postWoo(hookUrl, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(res.json['reason']).toBe('X-WC-Webhook-Signature does not match the body signed with this connection\'s secret');
    const unsigned = await postWoo(hookUrl, { headers: { 'X-WC-Webhook-Signature': undefined } });
    expect(unsigned.status).toBe(401);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['bad_signature', 401], ['bad_signature', 401]]);
    expect(inbox[0]!.reason).toBe('missing X-WC-Webhook-Signature header');
    await t.engine.idle();
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
  });

  it('processes the same order state once, however many times it is delivered', async () => {
    const first = await postWoo(hookUrl, { deliveryId: 'aaa' });
    const second = await postWoo(hookUrl, { deliveryId: 'bbb' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(inbox[0]!.reason).toContain('order.created/727@2026-11-20T16:28:08');
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('answers 200 to topics it does not process and records them as ignored', async () => {
    const res = await postWoo(hookUrl, { topic: 'product.updated', body: '{"id":93,"name":"Woo Single #1"}' });
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'ignored_topic', topic: 'product.updated', processing: 'not_processed' });
  });

  it('does not let an older order state overwrite a newer one', async () => {
    await postWoo(hookUrl);
    await t.engine.idle();
    const newer = orderBody({ status: 'completed', date_modified_gmt: '2026-11-21T09:00:00', date_completed_gmt: '2026-11-21T09:00:00', date_paid_gmt: '2026-11-21T09:00:00' });
    const older = orderBody({ status: 'cancelled', date_modified_gmt: '2026-11-20T20:00:00' });
    await postWoo(hookUrl, { topic: 'order.updated', body: newer });
    await t.engine.idle();
    await postWoo(hookUrl, { topic: 'order.updated', body: older });
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#727' });
    expect(detail.order).toMatchObject({ platformStatus: 'completed', updatedAt: '2026-11-21T09:00:00Z' });
    expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('stale');
    expect(latest!.outcome).toContain('no event');
  });

  it('a cash-on-delivery order is not paid while processing and shipped; paid when completed with date_paid', async () => {
    const cod = { payment_method: 'cod', payment_method_title: 'Cash on delivery' };
    await postWoo(hookUrl, { body: orderBody({ ...cod, status: 'processing' }) });
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order).toMatchObject({ financialStatus: 'pending', cashOnDelivery: true, paymentMethod: 'cod' });
    expect(detail.summary.localTags).toEqual(['NEW']);

    await postWoo(hookUrl, { topic: 'order.updated', body: orderBody({ ...cod, status: 'shipped', date_modified_gmt: '2026-11-21T09:00:00' }) });
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED']);

    const collected = orderBody({ ...cod, status: 'completed', date_modified_gmt: '2026-11-22T09:00:00', date_paid_gmt: '2026-11-22T09:00:00', date_completed_gmt: '2026-11-22T09:00:00' });
    await postWoo(hookUrl, { topic: 'order.updated', body: collected });
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order.financialStatus).toBe('paid');
    // Shipped once: completing the order does not fire order.fulfilled again.
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED', 'PAID']);
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('events order.updated, order.paid;');
  });

  it('a delivery plugin\'s statuses: delivered fires order.delivered; a failed delivery first seen is never fulfilled', async () => {
    await postWoo(hookUrl, { body: orderBody({ status: 'shipped', payment_method: 'cod' }) });
    await t.engine.idle();
    await postWoo(hookUrl, { topic: 'order.updated', body: orderBody({ status: 'delivered', payment_method: 'cod', date_modified_gmt: '2026-11-21T09:00:00' }) });
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '727' });
    expect(detail.order).toMatchObject({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', financialStatus: 'pending' });
    expect(detail.summary.localTags).toEqual(['NEW', 'SHIPPED', 'DELIVERED']);

    await postWoo(hookUrl, { body: orderBody({ id: 728, number: '728', status: 'failed-delivery', payment_method: 'cod' }) });
    await t.engine.idle();
    const failed = await t.engine.call('orders.get', { ref: '728' });
    expect(failed.order).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(failed.summary.localTags).toEqual(['NEW', 'UNDELIVERED']);
  });

  it('order.deleted (only the id) marks the stored order deleted', async () => {
    await postWoo(hookUrl);
    await t.engine.idle();
    const res = await postWoo(hookUrl, { topic: 'order.deleted', body: '{"id":727}' });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#727' });
    expect(detail.order).toMatchObject({ platformStatus: 'trash', deletedAt: '2026-11-20T16:28:08Z', totalPrice: '29.35', customer: { email: 'John.Doe@Example.com' } });
    const [latest] = await t.engine.call('inbox.list', {});
    expect(latest!.outcome).toContain('events order.deleted;');
  });
});
