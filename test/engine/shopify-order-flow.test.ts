import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import type { FlowDocument } from '../../engine/contract/index.ts';

function tagOn(trigger: string, tag: string): FlowDocument {
  return {
    name: `Tag ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('a signed Shopify orders/create runs the active flow and lands on the timeline', () => {
  let t: TempEngine;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    hookUrl = connection.webhookUrl;
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterEach(async () => {
    await t.close();
  });

  it('tags the order VIP and shows delivery, run and tag in time order', async () => {
    const res = await postShopify(hookUrl);
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '#9999' });
    expect(detail.summary.tags).toEqual(['tag1', 'tag2', 'VIP']);
    expect(detail.summary.localTags).toEqual(['VIP']);
    // The exact 64-bit id survives, read from admin_graphql_api_id.
    expect(detail.order.platformOrderId).toBe('820982911946154508');
    expect(detail.order.totalPrice).toBe('403.00');
    expect(detail.customer?.email).toBe('jon@example.com');

    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toEqual(['delivery', 'order_created', 'customer', 'run', 'step', 'step', 'step', 'tag_added', 'run']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', topic: 'orders/create', signature: expect.stringContaining('X-Shopify-Hmac-Sha256 verified') });
    expect(detail.timeline[7]!.data).toMatchObject({ kind: 'tag_added', added: ['VIP'], target: 'order' });
    const times = detail.timeline.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const [run] = await t.engine.call('runs.list', { orderId: detail.summary.id });
    expect(run?.status).toBe('succeeded');
    expect(run?.flowVersion).toBe(1);
    const full = await t.engine.call('runs.get', { id: run!.id });
    const condition = full.steps.find((s) => s.nodeId === 'big');
    expect(condition?.port).toBe('yes');
    expect(condition?.input).toMatchObject({ field: 'order.totalPrice', actual: '403.00', operator: 'gt', expected: '100' });
  });

  it('takes the No branch for a small order and adds no tag', async () => {
    const res = await postShopify(hookUrl, { body: JSON.stringify(sampleOrder({ total_price: '42.00', name: '#1001' })) });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '1001' });
    expect(detail.summary.tags).toEqual(['tag1', 'tag2']);
    const [run] = await t.engine.call('runs.list', { orderId: detail.summary.id });
    const full = await t.engine.call('runs.get', { id: run!.id });
    expect(full.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([
      ['trigger', 'done', 'out'],
      ['big', 'done', 'no'],
    ]);
  });

  it('runs once for the same delivery sent twice, and records the second as a duplicate', async () => {
    const body = JSON.stringify(sampleOrder());
    const first = await postShopify(hookUrl, { body, eventId: 'evt-1', webhookId: 'wh-1' });
    const second = await postShopify(hookUrl, { body, eventId: 'evt-1', webhookId: 'wh-2' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(inbox[0]!.reason).toContain('evt-1');
    const runs = await t.engine.call('runs.list', {});
    expect(runs).toHaveLength(1);
  });

  it('falls back to X-Shopify-Webhook-Id when there is no event id', async () => {
    const body = JSON.stringify(sampleOrder());
    const headers = { 'X-Shopify-Event-Id': undefined };
    await postShopify(hookUrl, { body, webhookId: 'wh-9', headers });
    const again = await postShopify(hookUrl, { body, webhookId: 'wh-9', headers });
    expect(again.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('a stale orders/updated after a newer one leaves the newer state', async () => {
    await postShopify(hookUrl);
    const newer = sampleOrder({ financial_status: 'paid', updated_at: '2026-11-20T12:00:00-05:00' });
    const older = sampleOrder({ financial_status: 'voided', updated_at: '2026-11-20T11:00:00-05:00' });
    expect((await postShopify(hookUrl, { topic: 'orders/updated', body: JSON.stringify(newer) })).status).toBe(200);
    await t.engine.idle();
    expect((await postShopify(hookUrl, { topic: 'orders/updated', body: JSON.stringify(older) })).status).toBe(200);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: '#9999' });
    expect(detail.order.financialStatus).toBe('paid');
    expect(detail.order.updatedAt).toBe('2026-11-20T12:00:00-05:00');
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toContain('status_change');
    expect(kinds.at(-1)).toBe('stale_delivery');
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox[0]!.outcome).toContain('stale');
  });
});

describe('a Shopify cash-on-delivery order: paid when collected, fulfilled once, delivered on its own', () => {
  let t: TempEngine;
  let hookUrl: string;
  const cod = { gateway: 'Cash on Delivery (COD)', payment_gateway_names: ['Cash on Delivery (COD)'] };
  const shipment = (shipment_status: string) => ({ id: 255858046, status: 'success', shipment_status, created_at: '2026-11-20T11:00:00-05:00' });
  const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00-05:00`;

  beforeEach(async () => {
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    for (const document of [tagOn('orders.order_paid', 'PAID'), tagOn('orders.order_fulfilled', 'SHIPPED'), tagOn('orders.order_delivered', 'DELIVERED')]) {
      const flow = await t.engine.call('flows.save', { document });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const send = async (topic: string, changes: Record<string, unknown>) => {
    expect((await postShopify(hookUrl, { topic, body: JSON.stringify(sampleOrder({ ...cod, ...changes })) })).status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    return entry!.outcome ?? '';
  };
  const tags = async () => (await t.engine.call('orders.get', { ref: '#9999' })).summary.localTags;

  it('fires each event on the delivery that shows it, whichever topic carries it', async () => {
    expect(await send('orders/create', {})).toContain('events order.created');
    expect(await tags()).toEqual([]);

    const fulfilled = { fulfillment_status: 'fulfilled', fulfillments: [shipment('in_transit')], updated_at: at(12) };
    expect(await send('orders/fulfilled', fulfilled)).toContain('events order.updated, order.fulfilled;');
    // Shopify's orders/updated for the same change comes too: nothing fires twice.
    expect(await send('orders/updated', fulfilled)).toContain('no event');
    expect(await tags()).toEqual(['SHIPPED']);

    const delivered = { ...fulfilled, fulfillments: [shipment('delivered')], updated_at: at(14) };
    expect(await send('orders/updated', delivered)).toContain('events order.updated, order.delivered;');
    expect(await tags()).toEqual(['SHIPPED', 'DELIVERED']);

    // A late orders/fulfilled, older than what is stored, changes nothing and fires nothing.
    expect(await send('orders/fulfilled', { ...fulfilled, updated_at: at(13) })).toContain('stale');

    expect(await send('orders/paid', { ...delivered, financial_status: 'paid', updated_at: at(15) })).toContain('events order.updated, order.paid;');
    const detail = await t.engine.call('orders.get', { ref: '#9999' });
    expect(detail.summary.localTags).toEqual(['SHIPPED', 'DELIVERED', 'PAID']);
    expect(detail.order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, paymentMethod: 'Cash on Delivery (COD)' });
  });

  it('a delivery first seen failed fires order.delivery_failed, never order.fulfilled', async () => {
    const outcome = await send('orders/updated', { fulfillment_status: 'fulfilled', fulfillments: [shipment('failure')] });
    expect(outcome).toContain('events order.created, order.delivery_failed, customer.created;');
    const detail = await t.engine.call('orders.get', { ref: '#9999' });
    expect(detail.order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(detail.summary.localTags).toEqual([]);
  });
});
