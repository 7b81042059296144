import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { ladisalesAdapter } from '../../engine/platforms/ladisales/ladisales-adapter.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';

const TOKEN = 'ls_tok_8c1d0f6a2b9e4d7c';
const HEADER_SECRET = 'ls_hdr_44e19ab0c2';

/** The LadiSales order (test/fixtures/ladisales/order.json), as an object to vary. */
function sample(over: Record<string, unknown> = {}): Record<string, unknown> {
  const base = JSON.parse(readFileSync(new URL('../fixtures/ladisales/order.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  return { ...base, ...over };
}

/** A delivery under `data` whose shipping_address is an object (test/fixtures/ladisales/order-address-object.json). */
function objectAddress(): { action: string; data: Record<string, unknown> } {
  return JSON.parse(readFileSync(new URL('../fixtures/ladisales/order-address-object.json', import.meta.url), 'utf8')) as { action: string; data: Record<string, unknown> };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  // LadiSales sends JSON with the custom headers the merchant typed in "API Request Header".
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function tagFlow(trigger: string, tag: string): FlowDocument {
  return {
    name: `Tag ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

describe('LadiSales deliveries through a real engine', () => {
  let t: TempEngine;
  let base: string;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', { platform: 'ladisales', storeId: 'shop-ladi', secret: TOKEN });
    base = connection.webhookUrl;
    hookUrl = `${base}?token=${TOKEN}`;
    for (const document of [vipFlow('100000'), tagFlow('orders.order_paid', 'PAID'), tagFlow('orders.order_cancelled', 'CANCELLED'), tagFlow('orders.order_fulfilled', 'SHIPPED'), tagFlow('orders.order_delivered', 'DELIVERED')]) {
      const flow = await t.engine.call('flows.save', { document });
      await t.engine.call('flows.activate', { id: flow.id });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  it('records the order, the customer and the timeline from a delivery with the right token', async () => {
    const res = await post(hookUrl, sample());
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '10452' });
    expect(detail.order).toMatchObject({
      platform: 'ladisales',
      platformOrderId: '38291045',
      totalPrice: '670000',
      currency: 'VND',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      paymentMethod: 'COD',
      cashOnDelivery: true,
      platformStatus: 'Open',
      salesChannel: 'LadiSales',
    });
    expect(detail.order.lineItems.map((li) => [li.title, li.quantity, li.price])).toEqual([
      ['Áo thun cổ tròn', 2, '250000'],
      ['Mũ lưỡi trai', 1, '190000'],
    ]);
    expect(detail.summary.tags).toEqual(['VIP']);
    expect(detail.customer).toMatchObject({ email: 'minh.nguyen@example.vn', phone: '0912345678' });
    const customers = await t.engine.call('customers.list', {});
    expect(customers.map((c) => c.email)).toEqual(['minh.nguyen@example.vn']);

    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds.slice(0, 4)).toEqual(['delivery', 'order_created', 'customer', 'run']);
    expect(kinds).toContain('tag_added');
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: expect.stringContaining('secret token in the URL verified') });
    const runs = await t.engine.call('runs.list', {});
    expect(runs.map((r) => [r.eventType, r.status])).toEqual([['order.created', 'succeeded']]);
  });

  it('refuses a missing or wrong token, and a missing header secret, with 401 and the reason recorded', async () => {
    expect((await post(base, sample())).status).toBe(401);
    const wrong = await post(`${base}?token=not-the-token`, sample());
    expect(wrong.status).toBe(401);
    expect(wrong.json['reason']).toBe("?token= in the webhook URL does not match this connection's secret token");

    const guarded = await t.engine.call('connections.create', { platform: 'ladisales', storeId: 'shop-2', secrets: { urlToken: TOKEN, headerSecret: HEADER_SECRET }, settings: { headerName: 'Api-Key' } });
    const guardedUrl = `${guarded.webhookUrl}?token=${TOKEN}`;
    const noHeader = await post(guardedUrl, sample());
    expect(noHeader.status).toBe(401);
    expect(noHeader.json['reason']).toMatch(/^missing Api-Key header/);
    const ok = await post(guardedUrl, sample(), { 'Api-Key': HEADER_SECRET });
    expect(ok.status).toBe(200);
    await t.engine.idle();

    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([
      ['accepted', 200],
      ['bad_signature', 401],
      ['bad_signature', 401],
      ['bad_signature', 401],
    ]);
    expect(inbox[3]!.reason).toContain('missing ?token=');
  });

  it('records the same delivery sent twice as a duplicate and processes it once', async () => {
    const body = JSON.stringify(sample());
    const first = await post(hookUrl, body);
    const second = await post(hookUrl, body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.deliveryKey).toBe('version:order:38291045@2026-11-20T02:15:02.000Z');
    expect(inbox[0]!.duplicateOf).toBe(inbox[1]!.id);
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('answers 200 and records as ignored a topic the connection does not process', async () => {
    const c = await t.engine.call('connections.create', {
      platform: 'ladisales',
      storeId: 'shop-3',
      secret: TOKEN,
      settings: { topic: { source: 'action', value: 'create' }, orderTopics: ['create', 'update'] },
    });
    const res = await post(`${c.webhookUrl}?token=${TOKEN}`, { action: 'delete', data: { order_id: 38291045 } });
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ topic: 'delete', verdict: 'ignored_topic', processing: 'not_processed' });
    expect(entry!.reason).toContain('topic "delete" is not one of this connection\'s order topics (create, update)');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(0);
  });

  it('fires order.paid on the update that pays, and a stale delivery does not overwrite newer state', async () => {
    await post(hookUrl, sample());
    await t.engine.idle();
    const paid = sample({ payment_status: 'Success', updated_at: '2026-11-20T05:00:00.000Z' });
    expect((await post(hookUrl, paid)).status).toBe(200);
    await t.engine.idle();
    const older = sample({ status: 'Canceled', updated_at: '2026-11-20T04:00:00.000Z' });
    expect((await post(hookUrl, older)).status).toBe(200);
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: '10452' });
    expect(detail.order).toMatchObject({ financialStatus: 'paid', platformStatus: 'Open', cancelledAt: null, updatedAt: '2026-11-20T05:00:00.000Z' });
    expect(detail.summary.tags).toEqual(['VIP', 'PAID']);
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toContain('status_change');
    expect(kinds.at(-1)).toBe('stale_delivery');
    const runs = await t.engine.call('runs.list', {});
    // The stale delivery's "Canceled" fires nothing: the newer state says otherwise.
    expect(runs.map((r) => r.eventType).sort()).toEqual(['order.created', 'order.paid']);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox[0]!.outcome).toContain('stale');
  });

  it('processes a COD order through shipping and delivery without ever firing order.paid, until collected', async () => {
    await post(hookUrl, sample());
    await t.engine.idle();
    await post(hookUrl, sample({ shipping_status: 'Delivering', updated_at: '2026-11-20T05:00:00.000Z' }));
    await t.engine.idle();
    await post(hookUrl, sample({ shipping_status: 'Delivered', updated_at: '2026-11-21T05:00:00.000Z' }));
    await t.engine.idle();

    let detail = await t.engine.call('orders.get', { ref: '10452' });
    expect(detail.order).toMatchObject({ cashOnDelivery: true, financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
    expect(detail.summary.tags).toEqual(['VIP', 'SHIPPED', 'DELIVERED']);
    let runs = await t.engine.call('runs.list', {});
    expect(runs.map((r) => r.eventType).sort()).toEqual(['order.created', 'order.delivered', 'order.fulfilled']);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.processing)).toEqual(['processed', 'processed', 'processed']);
    expect(inbox[0]!.outcome).toMatch(/^updated order 10452; events order\.updated, order\.delivered[;,]/);
    expect(inbox[1]!.outcome).toMatch(/^updated order 10452; events order\.updated, order\.fulfilled[;,]/);
    for (const e of inbox) expect(e.outcome).not.toContain('order.paid');

    // LadiSales records the collection: now, and only now, the order is paid.
    await post(hookUrl, sample({ shipping_status: 'Delivered', payment_status: 'Success', updated_at: '2026-11-21T08:00:00.000Z' }));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: '10452' });
    expect(detail.order.financialStatus).toBe('paid');
    expect(detail.summary.tags).toEqual(['VIP', 'SHIPPED', 'DELIVERED', 'PAID']);
    runs = await t.engine.call('runs.list', {});
    expect(runs.filter((r) => r.eventType === 'order.paid')).toHaveLength(1);
  });

  it('processes a delivery whose shipping_address is an object: the default mapping reads it', async () => {
    const res = await post(hookUrl, objectAddress());
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ verdict: 'accepted', processing: 'processed' });
    expect(entry!.outcome).toMatch(/^created order 10453; events order\.created/);
    expect(entry!.outcome).not.toContain('warning');
    const detail = await t.engine.call('orders.get', { ref: '10453' });
    expect(detail.order.shippingAddress).toMatchObject({ name: 'Nguyễn Văn Minh', phone: '0912345678', address1: '12 Ngõ 34 Trần Thái Tông', ward: 'Phường Dịch Vọng Hậu', district: 'Quận Cầu Giấy', city: 'Hà Nội' });
  });

  it('processes an object shipping_address with a mapping that expects text, leaving the field empty with a warning in the inbox', async () => {
    // The connection keeps the mapping it was saved with, which read shipping_address as text only
    // (issue #10: this delivery went dead with this very message).
    const c = await t.engine.call('connections.create', { platform: 'ladisales', storeId: 'shop-5', secret: TOKEN });
    const saved = (ladisalesAdapter.settings.parse({}).mapping as { target: string }[]).map((r) => (r.target === 'shippingAddress.address1' ? { target: r.target, source: ['shipping_address', 'address'], optional: true } : r));
    await t.engine.call('connections.update', { id: c.id, settings: { mapping: saved } });
    const res = await post(`${c.webhookUrl}?token=${TOKEN}`, objectAddress());
    expect(res.status).toBe(200);
    await t.engine.idle();

    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('processed');
    expect(entry!.outcome).toMatch(/^created order 10453; events order\.created/);
    expect(entry!.outcome).toContain('; warning: shippingAddress.address1: data.shipping_address is an object, not text; left empty');
    const detail = await t.engine.call('orders.get', { ref: '10453' });
    expect(detail.order).toMatchObject({ platformOrderId: '38291046', totalPrice: '670000', cashOnDelivery: true, financialStatus: 'pending' });
    expect(detail.order.shippingAddress).toMatchObject({ address1: null, ward: 'Phường Dịch Vọng Hậu', city: 'Hà Nội' });
    expect(detail.summary.tags).toEqual(['VIP']);
  });

  it('processes a delivery with a mapped field it cannot find, naming the field and path in a warning', async () => {
    const c = await t.engine.call('connections.create', { platform: 'ladisales', storeId: 'shop-4', secret: TOKEN });
    await t.engine.call('connections.update', {
      id: c.id,
      settings: { mapping: [...ladisalesAdapter.settings.parse({}).mapping as unknown[], { target: 'customer.zaloUserId', source: 'data.buyer.zalo' }] },
    });
    const res = await post(`${c.webhookUrl}?token=${TOKEN}`, sample());
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('processed');
    expect(entry!.outcome).toContain('warning: customer.zaloUserId: path data.buyer.zalo not found in the payload');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(1);
  });

  it('records a delivery whose order id cannot be read as failed, with the field and path in the reason', async () => {
    const res = await post(hookUrl, sample({ order_id: { id: 38291045 } }));
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('dead');
    expect(entry!.outcome).toContain('platformOrderId: order_id is an object, not text');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(0);
  });
});

describe('the URL token is a secret', () => {
  it('is masked in the recorded path, and a dead delivery does not block the same delivery sent again', async () => {
    const t = await startTempEngine();
    try {
      const c = await t.engine.call('connections.create', { platform: 'ladisales', storeId: 'ladi-4321', secret: 'tok-very-secret-123' });
      const broken = await t.engine.call('connections.update', { id: c.id, settings: { mapping: [
        { target: 'platformOrderId', source: 'nowhere.id' },
        { target: 'createdAt', source: 'created_at', transform: 'date' },
        { target: 'totalPrice', source: 'total', transform: 'decimal' },
      ] } });
      expect(broken.id).toBe(c.id);
      const body = readFileSync(new URL('../fixtures/ladisales/order.json', import.meta.url));
      const send = () => fetch(`${c.webhookUrl}?token=tok-very-secret-123`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await send()).status).toBe(200);
      await t.engine.idle();
      const [dead] = await t.engine.call('inbox.list', {});
      expect(dead!.processing).toBe('dead');
      const detail = await t.engine.call('inbox.get', { id: dead!.id });
      expect(detail.path).toBe(`/hooks/${c.id}?token=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2`);
      expect(JSON.stringify(detail)).not.toContain('tok-very-secret-123');

      // The user fixes the mapping (back to the default) and the platform sends the same order again.
      await t.engine.call('connections.update', { id: c.id, settings: {} });
      expect((await send()).status).toBe(200);
      await t.engine.idle();
      const [again] = await t.engine.call('inbox.list', {});
      expect(again).toMatchObject({ verdict: 'accepted', processing: 'processed' });
    } finally {
      await t.close();
    }
  });
});
