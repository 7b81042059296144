import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { foBodies, foGid, fulfillmentBody, fulfillmentJson } from './fo-payloads.ts';

/** Fulfillment deliveries on a connection without API access (issue 14). */
describe('Shopify fulfillment deliveries without API access', () => {
  let t: TempEngine;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine({ queue: { retryBaseMs: 150, retryMaxMs: 300, maxAttempts: 3 } });
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
  });

  const post = async (topic: string, body: unknown) => {
    const res = await postShopify(hookUrl, { topic, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    await t.engine.idle();
    return (await t.engine.call('inbox.list', {}))[0]!;
  };

  it('an FO topic is handled (not "Ignored topic"); an unknown FO is processed saying in words it cannot be linked, and nothing else changes', async () => {
    const entry = await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(foGid(1046000811)));
    expect(entry.topic).toBe('fulfillment_orders/fulfillment_request_accepted');
    expect(entry.processing).toBe('processed');
    expect(entry.outcome).toContain(`fulfillment order ${foGid(1046000811)} cannot be linked to an order without API access`);
    expect(await t.engine.call('orders.list', {})).toMatchObject({ rows: [] });
  });

  it('a fulfilled order shows its tracking numbers on orders.get', async () => {
    const order = sampleOrder({
      fulfillment_status: 'fulfilled',
      fulfillments: [{ ...fulfillmentBody('820982911946154508', { trackingNumber: 'GHN777VN', company: 'GHN', shipmentStatus: 'in_transit' }) }],
    });
    await post('orders/fulfilled', order);
    const detail = await t.engine.call('orders.get', { ref: String(order['name']) });
    expect(detail.order.shipments).toEqual([
      expect.objectContaining({ trackingNumber: 'GHN777VN', carrier: 'GHN', trackingUrl: 'https://donhang.ghn.vn/?order_code=GHN777VN', status: 'success', deliveryStatus: 'in_transit' }),
    ]);
  });

  it('the fulfilment panel of an order on a connection without API access says how to get it, and shows the tracking numbers', async () => {
    const order = sampleOrder({ fulfillment_status: 'fulfilled', fulfillments: [fulfillmentBody('820982911946154508', { trackingNumber: 'SPX01' })] });
    await post('orders/fulfilled', order);
    const { summary } = await t.engine.call('orders.get', { ref: String(order['name']) });
    const panel = await t.engine.call('fulfillment.get', { orderId: summary.id, refresh: true });
    expect(panel).toMatchObject({ model: 'fulfillment_orders', writeBack: false, fulfillmentOrders: [], shipments: [expect.objectContaining({ trackingNumber: 'SPX01' })] });
    expect(panel.note).toMatch(/turn on API access for the connection/);
    await expect(t.engine.call('fulfillment.act', { orderId: summary.id, foId: foGid(1), action: { kind: 'release_hold' } })).rejects.toMatchObject({ code: 'refused' });
  });

  it('a shipment delivered before its order is retried until the order arrives, then goes on the timeline with its tracking number', async () => {
    const order = sampleOrder();
    // The sample order's id is past 2^53: the exact digits are in the raw body only.
    await postShopify(hookUrl, { topic: 'fulfillments/create', body: fulfillmentJson('820982911946154508', { trackingNumber: 'VTP42' }) });
    await postShopify(hookUrl, { topic: 'orders/create', body: JSON.stringify(order) });
    await t.engine.idle();
    // The shipment's retry comes after its backoff.
    for (let i = 0; i < 60 && (await t.engine.call('inbox.list', {})).some((e) => e.processing !== 'processed'); i++) await new Promise((r) => setTimeout(r, 50));
    const entries = await t.engine.call('inbox.list', {});
    const shipment = entries.find((e) => e.topic === 'fulfillments/create')!;
    expect(shipment.processing).toBe('processed');
    const detail = await t.engine.call('orders.get', { ref: String(order['name']) });
    const step = detail.timeline.find((e) => e.kind === 'fulfillment');
    expect(step?.data).toMatchObject({ kind: 'fulfillment', step: 'fulfilled', trackingNumber: 'VTP42', carrier: 'GHN' });
  });

  it('a shipment whose order never arrives is dead after the queue\'s attempts, with the reason', async () => {
    await post('fulfillments/create', fulfillmentBody(123456789));
    let entry = (await t.engine.call('inbox.list', {}))[0];
    for (let i = 0; i < 60 && entry?.processing !== 'dead'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      entry = (await t.engine.call('inbox.list', {}))[0];
    }
    expect(entry!.processing).toBe('dead');
    expect(entry!.outcome).toMatch(/order 123456789 is not stored yet.*gave up after 3 attempts/);
  });
});
