import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import type { TempEngine } from '../harness/temp-engine.ts';
import type { ShopifyFake } from '../harness/fake-shopify-api.ts';
import { startFoEngine, type FoEngine } from './fo-engine.ts';
import { foBodies, foGid } from './fo-payloads.ts';

const flow = (name: string, trigger: string, platforms: string[], step: string, params: Record<string, unknown>): FlowDocument => ({
  name,
  nodes: [
    { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms } },
    { id: 'step', type: step, typeVersion: 1, position: { x: 0, y: 120 }, params },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'step', targetPort: 'in' }],
});

/** The palette's fulfillment order steps (issue 14): on the trigger's FO, through the outbox, on the timeline by the flow. */
describe('flow steps on fulfillment orders', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let shop: FoEngine;

  beforeEach(async () => {
    shop = await startFoEngine();
    ({ t, fake } = shop);
  });
  afterEach(async () => {
    await shop.close();
  });

  const post = (topic: string, body: unknown) => shop.post(topic, body);

  it('"Request cancellation" on an accepted request acts on the trigger\'s FO, and the timeline says the flow did it', async () => {
    const saved = await t.engine.call('flows.save', { document: flow('Cancel on accept', 'fulfillment.request_accepted', ['shopify'], 'store.request_fulfillment_cancellation', { note: 'Order {{ order.number }} was cancelled by the customer' }) });
    await t.engine.call('flows.activate', { id: saved.id });
    const o = fake.addOrder();
    const [seeded] = fake.fo.seed(o.id, [{ location: { id: 70001, name: 'ShipBob', service: 'shipbob' }, requestStatus: 'SUBMITTED' }]);
    const fo = foGid(seeded!.id);
    await post('orders/create', fake.order(o.id));
    fake.fo.accept(fo, 'ok');
    await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(fo, 'ok'));

    expect(fake.fo.state(fo)).toMatchObject({ status: 'IN_PROGRESS', requestStatus: 'CANCELLATION_REQUESTED' });
    const runs = await t.engine.call('runs.list', { flowId: saved.id });
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    const detail = await t.engine.call('orders.get', { ref: o.name });
    const steps = detail.timeline.flatMap((e) => (e.data?.kind === 'fulfillment' ? [e.data] : []));
    expect(steps.map((s) => [s.step, s.by, s.flowName ?? null, s.message ?? null])).toEqual([
      ['request_accepted', 'service', null, 'ok'],
      ['cancellation_requested', 'flow', 'Cancel on accept', `Order ${o.name} was cancelled by the customer`],
    ]);
    const view = await t.engine.call('fulfillment.get', { orderId: detail.summary.id });
    expect(view.fulfillmentOrders[0]!.fo).toMatchObject({ id: fo, requestStatus: 'cancellation_requested' });
  });

  it('a step started by an order event acts on each of the order\'s stored FOs the action is allowed on', async () => {
    const saved = await t.engine.call('flows.save', { document: flow('Hold paid orders', 'orders.order_paid', ['shopify'], 'store.hold_fulfillment', { reason: 'awaiting_payment', note: 'Check the transfer' }) });
    await t.engine.call('flows.activate', { id: saved.id });
    const o = fake.addOrder();
    const [seeded] = fake.fo.seed(o.id, [{ location: { id: 655441491, name: 'Kho Hà Nội' } }]);
    const fo = foGid(seeded!.id);
    await post('orders/create', fake.order(o.id));
    // Shopify routes the order: Flowdesk reads the FO it names and keeps it.
    await post('fulfillment_orders/order_routing_complete', foBodies.routed(fo));
    await post('orders/paid', { ...fake.order(o.id), financial_status: 'paid', updated_at: new Date(Date.now() + 60_000).toISOString() });

    expect(fake.fo.state(fo)).toMatchObject({ status: 'ON_HOLD' });
    const detail = await t.engine.call('orders.get', { ref: o.name });
    const held = detail.timeline.flatMap((e) => (e.data?.kind === 'fulfillment' && e.data.step === 'placed_on_hold' ? [e.data] : []));
    expect(held).toMatchObject([{ foId: fo, by: 'flow', flowName: 'Hold paid orders' }]);
  });

  it('a step whose trigger names no FO, on an order with none it may act on, is skipped with a reason code', async () => {
    const saved = await t.engine.call('flows.save', { document: flow('Hold new orders', 'orders.order_created', ['shopify'], 'store.hold_fulfillment', { reason: 'awaiting_payment' }) });
    await t.engine.call('flows.activate', { id: saved.id });
    const o = fake.addOrder();
    await post('orders/create', fake.order(o.id));
    const detail = await t.engine.call('orders.get', { ref: o.name });
    const step = detail.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'step');
    expect(step?.data).toMatchObject({ kind: 'step', status: 'skipped', reasonCode: 'no_fulfillment_order', reason: 'the order has no fulfillment order on which to hold fulfillment now' });
    expect(fake.graphqlCalls().flatMap((c) => c.fields).filter((f) => f.startsWith('fulfillmentOrder'))).toEqual([]);
  });

  it('a fulfillment order step in a flow limited to Haravan cannot be saved; open to all platforms it is a warning', async () => {
    await t.engine.call('connections.create', { platform: 'haravan', storeId: '1000114691', secret: 'x' });
    const haravan = flow('Wrong', 'orders.order_paid', ['haravan'], 'store.request_fulfillment', {});
    await expect(t.engine.call('flows.save', { document: haravan })).rejects.toThrow(/Haravan cannot act on fulfillment orders/);
    const any = await t.engine.call('flows.validate', { document: flow('Any', 'orders.order_paid', [], 'store.request_fulfillment', {}) });
    expect(any).toContainEqual(expect.objectContaining({ code: 'platform_cannot_write', severity: 'warning', args: expect.objectContaining({ platforms: 'Haravan' }) }));
  });
});
