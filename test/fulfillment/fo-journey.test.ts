import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempEngine } from '../harness/temp-engine.ts';
import type { ShopifyFake } from '../harness/fake-shopify-api.ts';
import { startFoEngine, type FoEngine } from './fo-engine.ts';
import { foBodies, foGid } from './fo-payloads.ts';

/**
 * The order page's fulfilment panel against a 3PL (issue 14, the journey the Playwright test
 * drives): request → the service accepts → request cancellation → the service refuses it.
 */
describe('fulfillment.get / act on a Shopify order with a fulfillment service', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let shop: FoEngine;
  let orderId: string;
  let orderRef: string;
  let fo: string;

  beforeEach(async () => {
    shop = await startFoEngine();
    ({ t, fake } = shop);
    const o = fake.addOrder();
    const [seeded] = fake.fo.seed(o.id, [{ location: { id: 70001, name: 'ShipBob', service: 'shipbob' } }]);
    fo = foGid(seeded!.id);
    orderRef = o.name;
    await post('orders/create', fake.order(o.id));
    orderId = (await t.engine.call('orders.get', { ref: orderRef })).summary.id;
  });
  afterEach(async () => {
    await shop.close();
  });

  const post = (topic: string, body: unknown) => shop.post(topic, body);
  const outboxRows = () => {
    const db = new Database(join(t.dataDir, 'flowdesk.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const steps = async () => (await t.engine.call('orders.get', { ref: orderRef })).timeline.flatMap((e) => (e.data?.kind === 'fulfillment' ? [e.data] : []));

  it('request, accepted, request cancellation, rejected with a message: the panel and the timeline show each step', async () => {
    const first = await t.engine.call('fulfillment.get', { orderId });
    expect(first).toMatchObject({ model: 'fulfillment_orders', writeBack: true, note: null });
    expect(first.fulfillmentOrders).toHaveLength(1);
    expect(first.fulfillmentOrders[0]).toMatchObject({ display: { state: 'unfulfilled', detail: null }, fo: { id: fo, managedBy: 'service', status: 'open', requestStatus: 'unsubmitted' } });
    expect(first.fulfillmentOrders[0]!.actions.request_fulfillment).toEqual({ allowed: true, reason: null });
    expect(first.fulfillmentOrders[0]!.actions.request_cancellation.allowed).toBe(false);

    const requested = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'request_fulfillment', message: 'Giao trong ngày' } });
    expect(fake.fo.state(fo)).toMatchObject({ status: 'OPEN', requestStatus: 'SUBMITTED' });
    expect(requested.fulfillment.fulfillmentOrders[0]).toMatchObject({ display: { state: 'in_progress', detail: 'submitted' } });
    // Shopify's own webhook for what Flowdesk just did is not a second step.
    await post('fulfillment_orders/fulfillment_request_submitted', foBodies.submitted(fo, 'Giao trong ngày'));

    fake.fo.accept(fo, 'Nhận đơn');
    await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(fo, 'Nhận đơn'));

    // Refused: the state machine names the state and the action; nothing is sent or changed.
    const before = await t.engine.call('fulfillment.get', { orderId });
    const rows = outboxRows();
    const calls = fake.graphqlCalls().length;
    await expect(t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'move', locationId: 'gid://shopify/Location/655441491', managedBy: 'merchant' } }))
      .rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/cannot change its location on fulfillment order .*: its status is in progress and its request accepted/) });
    expect((await t.engine.call('fulfillment.get', { orderId })).fulfillmentOrders.map((v) => v.fo)).toEqual(before.fulfillmentOrders.map((v) => v.fo));
    expect(outboxRows()).toBe(rows);
    expect(fake.graphqlCalls().length).toBe(calls);

    await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'request_cancellation', note: 'Khách đổi ý' } });
    expect(fake.fo.state(fo)).toMatchObject({ requestStatus: 'CANCELLATION_REQUESTED' });
    fake.fo.rejectCancellation(fo, 'Đã đóng gói, không huỷ được');
    await post('fulfillment_orders/cancellation_request_rejected', foBodies.cancellationRejected(fo, 'Đã đóng gói, không huỷ được'));

    const now = await t.engine.call('fulfillment.get', { orderId });
    expect(now.fulfillmentOrders[0]).toMatchObject({
      display: { state: 'in_progress', detail: 'cancellation_rejected' },
      fo: { status: 'in_progress', requestStatus: 'cancellation_rejected', message: 'Đã đóng gói, không huỷ được' },
    });
    expect((await steps()).map((s) => [s.step, s.by, s.message ?? null])).toEqual([
      ['request_submitted', 'merchant', 'Giao trong ngày'],
      ['request_accepted', 'service', 'Nhận đơn'],
      ['cancellation_requested', 'merchant', 'Khách đổi ý'],
      ['cancellation_rejected', 'service', 'Đã đóng gói, không huỷ được'],
    ]);
  });

  it('the merchant marks an FO at their own location fulfilled: tracking on the order, one step on the timeline, and "order fulfilled" flows run (a click is no echo)', async () => {
    const o = fake.addOrder();
    const [own] = fake.fo.seed(o.id, [{}]);
    const mine = foGid(own!.id);
    await post('orders/create', fake.order(o.id));
    const id = (await t.engine.call('orders.get', { ref: o.name })).summary.id;
    const doc = {
      name: 'Thank for shipping',
      nodes: [
        { id: 'trigger', type: 'orders.order_fulfilled', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
        { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: ['SHIPPED'] } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
    };
    const saved = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: saved.id });

    const done = await t.engine.call('fulfillment.act', { orderId: id, foId: mine, action: { kind: 'fulfil', by: 'merchant', trackingNumber: 'GHN-0042', carrier: 'GHN', notifyCustomer: true } });
    expect(done.fulfillment.fulfillmentOrders.find((v) => v.fo.id === mine)).toMatchObject({ display: { state: 'fulfilled' } });
    const shipped = fake.order(o.id).fulfillments[0];
    expect(shipped).toMatchObject({ tracking_number: 'GHN-0042', tracking_company: 'GHN' });
    // Shopify's webhooks for it: the shipment is already told; the order's update brings the tracking number and fires the flow.
    await post('fulfillments/create', shipped);
    await post('orders/fulfilled', fake.order(o.id));
    const detail = await t.engine.call('orders.get', { ref: o.name });
    expect(detail.timeline.filter((e) => e.data?.kind === 'fulfillment').map((e) => e.data)).toEqual([
      expect.objectContaining({ step: 'fulfilled', by: 'merchant', trackingNumber: 'GHN-0042', carrier: 'GHN', to: { status: 'closed', requestStatus: 'unsubmitted' } }),
    ]);
    expect(detail.order.shipments).toEqual([expect.objectContaining({ trackingNumber: 'GHN-0042', carrier: 'GHN' })]);
    expect((await t.engine.call('runs.list', { flowId: saved.id })).map((r) => r.status)).toEqual(['succeeded']);
  });
});
