import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startKiotVietPublicApi, type KiotVietPublicApi } from './servers/kiotviet-public-api.ts';

const RETAILER = 'flowdeskdemo';
const WEBHOOK_SECRET = 'a2lvdHZpZXQtd2ViaG9vay1zZWNyZXQ='; // registered base64-encoded, as several integrations do
const CLIENT_ID = 'kv-client-id-0001';
const CLIENT_SECRET = 'kv-client-secret-0001';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/kiotviet/${name}`, import.meta.url), 'utf8'));

/** The order events an inbox outcome lists ("…; events order.updated, order.paid, customer.updated; 1 run"), customer events left out. */
const orderEvents = (outcome: string | null | undefined) =>
  (/events ([^;]+)/.exec(outcome ?? '')?.[1] ?? '').split(', ').filter((e) => e !== '' && !e.startsWith('customer.'));

/** The order.update fixture as a new delivery (fresh body Id unless given), its document changed. */
function orderBody(change: Record<string, unknown> = {}, id: string = randomUUID(), name = 'order-update.json'): string {
  const body = fixture(name);
  body.Id = id;
  Object.assign(body.Notifications[0].Data[0], change);
  return JSON.stringify(body);
}

/** The invoice.update fixture as a COD invoice (no payment recorded unless `paid`), its waybill in `delivery`. */
function codInvoiceBody(status: number, delivery: number, modified: string, paid = 0): string {
  const body = fixture('invoice-update.json');
  body.Id = randomUUID();
  const doc = body.Notifications[0].Data[0];
  Object.assign(doc, { Status: status, StatusValue: undefined, UsingCod: true, TotalPayment: paid, ModifiedDate: modified });
  if (!paid) doc.Payments = [];
  doc.InvoiceDelivery = { ...doc.InvoiceDelivery, Status: delivery, StatusValue: undefined };
  return JSON.stringify(body);
}

/** A flow that tags the order when the given canonical event fires, to count its runs. */
function tagOn(trigger: string, tag: string): FlowDocument {
  return {
    name: `${trigger} → ${tag}`,
    nodes: [
      { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['kiotviet'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

/** "sha1=" + hex HMAC-SHA256, as ChickenAI/n8n-nodes-kiotviet reads KiotViet's header. */
const n8nStyle = (body: string) => `sha1=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
const sha1Hex = (body: string) => createHmac('sha1', WEBHOOK_SECRET).update(body).digest('hex');

describe('KiotViet webhooks through a real engine, customers read from a local Public API', () => {
  let t: TempEngine;
  let api: KiotVietPublicApi;
  let hookUrl: string;
  let connectionId: string;
  let settings: Record<string, unknown>;

  async function post(body: string, signature: string | null = n8nStyle(body)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-hub-signature'] = signature;
    const res = await fetch(hookUrl, { method: 'POST', headers, body });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  beforeEach(async () => {
    api = await startKiotVietPublicApi({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, retailer: RETAILER });
    api.customers.set('3101234', fixture('customer-get.json'));
    t = await startTempEngine();
    settings = { clientId: CLIENT_ID, apiBaseUrl: api.apiBaseUrl, tokenUrl: api.tokenUrl };
    const connection = await t.engine.call('connections.create', {
      platform: 'kiotviet',
      storeId: RETAILER,
      secrets: { webhookSecret: WEBHOOK_SECRET, clientSecret: CLIENT_SECRET },
      settings,
    });
    connectionId = connection.id;
    hookUrl = `${connection.webhookUrl}?noecho`;
  });
  afterEach(async () => {
    await t.close();
    await api.close();
  });

  it('records a signed order.update as the order, its customer (email from the API) and the timeline', async () => {
    const res = await post(orderBody({}, '5f0c8a3e-2b1d-4c6e-9f7a-1d2e3c4b5a60'));
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    // Observe mode: the variant that matched is on record.
    expect(res.json['reason']).toBe('X-Hub-Signature verified with variant sha256/raw-secret/hex, header prefix "sha1=" (observe mode: set lockedVariant to "sha256/raw-secret/hex" to accept only it)');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: 'DH000123' });
    expect(detail.order).toMatchObject({
      platform: 'kiotviet',
      storeId: RETAILER,
      platformOrderId: 'order/10234567',
      // The code the merchant knows, never the internal id.
      number: 'DH000123',
      platformStatus: 'Phiếu tạm',
      financialStatus: 'pending',
      totalPrice: '450000',
      salesChannel: 'KiotViet',
      updatedAt: '2026-11-20T09:15:30.457+07:00',
      customer: { platformCustomerId: '3101234', name: 'Lê Minh Châu', email: 'Chau.Le@Example.vn', phone: '0912345678' },
    });
    expect(detail.customer).toMatchObject({ email: 'chau.le@example.vn', phone: '0912345678', name: 'Lê Minh Châu', emailVerified: false });
    expect(detail.timeline.map((e) => e.kind)).toEqual(['delivery', 'order_created', 'customer']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: expect.stringContaining('variant sha256/raw-secret/hex') });

    // The token came from the token URL; the customer with that Bearer token and the Retailer header.
    expect(api.requests.map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/connect/token', 200], ['GET', '/customers/3101234', 200]]);
    expect(api.requests[1]).toMatchObject({ authorization: 'Bearer kv-access-token-1', retailer: RETAILER });
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ topic: 'order.update', deliveryKey: 'event:5f0c8a3e-2b1d-4c6e-9f7a-1d2e3c4b5a60', processing: 'processed' });
  });

  it('accepts only the locked variant once the merchant sets it, and says which in the 401', async () => {
    await t.engine.call('connections.update', { id: connectionId, settings: { ...settings, lockedVariant: 'sha256/raw-secret/hex' } });
    const sha1Body = orderBody();
    const refused = await post(sha1Body, `sha1=${sha1Hex(sha1Body)}`);
    expect(refused.status).toBe(401);
    expect(refused.json['reason']).toBe(
      'X-Hub-Signature does not match the body signed with this connection\'s secret using the locked variant sha256/raw-secret/hex; it does match variant sha1/raw-secret/hex: if KiotViet changed its scheme, set lockedVariant to it',
    );
    const ok = await post(orderBody());
    expect(ok.status).toBe(200);
    expect(ok.json['reason']).toBe('X-Hub-Signature verified with the locked variant sha256/raw-secret/hex, header prefix "sha1="');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => [e.verdict, e.httpStatus])).toEqual([['accepted', 200], ['bad_signature', 401]]);
  });

  it('refuses a wrong or missing signature with 401 and records it', async () => {
    const body = orderBody();
    expect((await post(body, n8nStyle(`${body} `))).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['bad_signature', 'bad_signature']);
    expect(inbox[1]!.reason).toContain('does not match the body signed with this connection\'s secret in any of the 8 known variants');
    expect(inbox[0]!.reason).toContain('missing X-Hub-Signature');
    expect(api.requests).toEqual([]);
  });

  it('records a retried delivery (same body Id) as a duplicate and processes it once', async () => {
    const id = randomUUID();
    const first = orderBody({}, id);
    const retry = JSON.stringify({ ...JSON.parse(first), Attempt: 2 });
    expect((await post(first)).json['verdict']).toBe('accepted');
    const again = await post(retry);
    expect(again.status).toBe(200);
    expect(again.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['duplicate', 'accepted']);
    expect(inbox[0]!.reason).toContain(id);
    expect(api.requests.filter((r) => r.path.startsWith('/customers/'))).toHaveLength(1);
  });

  it('answers 200 to a type it does not process and records it as ignored', async () => {
    const body = JSON.stringify(fixture('product-update.json'));
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ topic: 'product.update', reason: 'KiotViet product.update: not an order or invoice event', processing: 'not_processed' });
  });

  it('does not let an older update overwrite a newer one', async () => {
    await post(orderBody({ Status: 3, StatusValue: 'Hoàn thành', TotalPayment: 450000, ModifiedDate: '2026-11-20T11:00:00.0000000' }));
    await t.engine.idle();
    await post(orderBody({ Status: 5, StatusValue: 'Đã xác nhận', ModifiedDate: '2026-11-20T10:00:00.0000000' }));
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: 'DH000123' });
    expect(detail.order).toMatchObject({ platformStatus: 'Hoàn thành', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', updatedAt: '2026-11-20T11:00:00.000+07:00' });
    expect(detail.timeline.at(-1)!.kind).toBe('stale_delivery');
    const [stale] = await t.engine.call('inbox.list', {});
    expect(stale!.outcome).toContain('stale');
    expect(stale!.outcome).toContain('no event');
  });

  it('maps an invoice.update as its own order for the same customer', async () => {
    await post(orderBody());
    await post(orderBody({}, randomUUID(), 'invoice-update.json'));
    await t.engine.idle();
    const invoice = await t.engine.call('orders.get', { ref: 'HD000789' });
    expect(invoice.order).toMatchObject({
      platformOrderId: 'invoice/20456789',
      platformStatus: 'Hoàn thành',
      number: 'HD000789',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      deliveryStatus: 'delivered',
      shippingAddress: { name: 'Lê Minh Châu', address1: '45 Nguyễn Huệ', province: 'Hồ Chí Minh', district: 'Quận 1' },
    });
    const [entry] = await t.engine.call('inbox.list', {});
    expect(orderEvents(entry!.outcome)).toEqual(['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']);
    const customers = await t.engine.call('customers.list', {});
    expect(customers.map((c) => c.email)).toEqual(['chau.le@example.vn']);
  });

  it('turns a RemoveId for a known order into order.deleted', async () => {
    await post(orderBody());
    await t.engine.idle();
    const body = JSON.stringify(fixture('remove.json'));
    expect((await post(body)).json['verdict']).toBe('accepted');
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: 'DH000123' });
    // The body carries only the id: the stored order is kept, marked deleted.
    expect(detail.order).toMatchObject({ number: 'DH000123', platformStatus: 'Phiếu tạm', totalPrice: '450000', deletedAt: expect.any(String) });
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ topic: 'RemoveId', processing: 'processed' });
    expect(orderEvents(entry!.outcome)).toEqual(['order.deleted']);
  });

  it('follows a COD invoice: fulfilled once when shipped, delivered, and paid only when the collection is recorded', async () => {
    for (const [trigger, tag] of [['orders.order_fulfilled', 'shipped'], ['orders.order_delivered', 'delivered'], ['orders.order_paid', 'paid']] as const) {
      const flow = await t.engine.call('flows.save', { document: tagOn(trigger, tag) });
      await t.engine.call('flows.activate', { id: flow.id });
    }
    const step = async (body: string, events: string) => {
      await post(body);
      await t.engine.idle();
      expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(events.split(', '));
      return (await t.engine.call('orders.get', { ref: 'HD000789' }));
    };
    let detail = await step(codInvoiceBody(3, 2, '2026-11-21T14:02:11.1230000'), 'order.created, order.fulfilled');
    expect(detail.order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, paymentMethod: 'COD' });
    detail = await step(codInvoiceBody(3, 3, '2026-11-22T10:00:00.0000000'), 'order.updated, order.delivered');
    expect(detail.order).toMatchObject({ financialStatus: 'pending', deliveryStatus: 'delivered' });
    expect(detail.summary.tags).toEqual(['shipped', 'delivered']);
    detail = await step(codInvoiceBody(1, 3, '2026-11-24T09:00:00.0000000', 420000), 'order.updated, order.paid');
    expect(detail.order).toMatchObject({ platformStatus: 'Hoàn thành', financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
    expect(detail.summary.tags).toEqual(['shipped', 'delivered', 'paid']);
    const started = (event: string) => detail.timeline.filter((e) => e.data?.kind === 'run' && e.data.status === 'running' && e.data.eventType === event).length;
    expect([started('order.fulfilled'), started('order.delivered'), started('order.paid')]).toEqual([1, 1, 1]);
  });

  it('turns an invoice the carrier could not deliver into order.delivery_failed, then order.returned, never a second fulfilment', async () => {
    await post(codInvoiceBody(3, 2, '2026-11-21T14:02:11.1230000'));
    await t.engine.idle();
    await post(codInvoiceBody(5, 4, '2026-11-22T10:00:00.0000000'));
    await t.engine.idle();
    let detail = await t.engine.call('orders.get', { ref: 'HD000789' });
    expect(detail.order).toMatchObject({ platformStatus: 'Không giao được', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(['order.updated', 'order.delivery_failed']);
    await post(codInvoiceBody(5, 5, '2026-11-23T10:00:00.0000000'));
    await t.engine.idle();
    detail = await t.engine.call('orders.get', { ref: 'HD000789' });
    expect(detail.order).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned' });
    expect(orderEvents((await t.engine.call('inbox.list', {}))[0]!.outcome)).toEqual(['order.updated', 'order.returned']);
  });

  it('fails the delivery with KiotViet\'s reason when the Retailer header names another shop', async () => {
    const other = await t.engine.call('connections.create', {
      platform: 'kiotviet', storeId: 'someothershop', secrets: { webhookSecret: WEBHOOK_SECRET, clientSecret: CLIENT_SECRET }, settings,
    });
    hookUrl = `${other.webhookUrl}?noecho`;
    await post(orderBody());
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('dead');
    expect(entry!.outcome).toContain('Retailer "someothershop" không tồn tại');
  });

  it('applies every document of a delivery that carries several, and ignores a RemoveId of an id that was never an order', async () => {
    const body = JSON.parse(orderBody());
    body.Notifications[0].Data.push({ ...body.Notifications[0].Data[0], Id: 10234999, Code: 'DH000999' });
    const text = JSON.stringify(body);
    expect((await post(text)).status).toBe(200);
    await t.engine.idle();
    const numbers = (await t.engine.call('orders.list', {})).rows.map((o) => o.number).sort();
    expect(numbers).toEqual(['DH000123', 'DH000999']);
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.outcome).toMatch(/created order DH000123.* \| created order DH000999/);

    const removal = JSON.stringify({ Id: randomUUID(), RemoveId: [777777] });
    expect((await post(removal)).status).toBe(200);
    await t.engine.idle();
    const [removed] = await t.engine.call('inbox.list', {});
    expect(removed).toMatchObject({ processing: 'processed' });
    expect(removed!.outcome).toContain('nothing to apply: KiotViet RemoveId 777777');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(2);
  });
});
