import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import type { TempEngine } from '../harness/temp-engine.ts';
import type { ShopifyFake } from '../harness/fake-shopify-api.ts';
import { startFoEngine, type FoEngine } from './fo-engine.ts';
import { foBodies, foGid } from './fo-payloads.ts';

/** A flow that tags the order when a fulfillment event fires. */
const tagOn = (trigger: string, tag: string): FlowDocument => ({
  name: `Tag ${tag}`,
  nodes: [
    { id: 'trigger', type: trigger, typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [tag] } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
});

describe('Shopify fulfillment_orders/* deliveries, with API access (issue 14)', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let shop: FoEngine;
  let orderRef: string;
  let fo: string;
  let fakeOrderId: number;

  beforeEach(async () => {
    shop = await startFoEngine();
    ({ t, fake } = shop);
    const o = fake.addOrder();
    fakeOrderId = o.id;
    const [seeded] = fake.fo.seed(o.id, [{ location: { id: 70001, name: 'ShipBob', service: 'shipbob' }, requestStatus: 'SUBMITTED' }]);
    fo = foGid(seeded!.id);
    orderRef = o.name;
    await post('orders/create', fake.order(o.id));
  });
  afterEach(async () => {
    await shop.close();
  });

  async function post(topic: string, body: unknown) {
    await shop.post(topic, body);
    return (await t.engine.call('inbox.list', {}))[0]!;
  }
  const steps = async () => (await t.engine.call('orders.get', { ref: orderRef })).timeline.flatMap((e) => (e.data?.kind === 'fulfillment' ? [e.data] : []));

  it('an accept for an FO Flowdesk has not seen is linked through the API: stored, on the timeline with the message, and its event starts the flow once', async () => {
    const flow = await t.engine.call('flows.save', { document: tagOn('fulfillment.request_accepted', '3PL-OK') });
    await t.engine.call('flows.activate', { id: flow.id });
    fake.fo.accept(fo, 'Sẽ giao trong ngày');
    const entry = await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(fo, 'Sẽ giao trong ngày'));
    expect(entry.processing).toBe('processed');
    expect(entry.outcome).toContain('event fulfillment.request_accepted; 1 run');
    expect(await steps()).toEqual([expect.objectContaining({ step: 'request_accepted', by: 'service', foId: fo, message: 'Sẽ giao trong ngày', to: { status: 'in_progress', requestStatus: 'accepted' } })]);
    const runs = await t.engine.call('runs.list', { flowId: flow.id });
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect((await t.engine.call('orders.get', { ref: orderRef })).summary.localTags).toContain('3PL-OK');

    // The same step again (another event id), or an older one after it: nothing moves back, nothing is told twice.
    expect((await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(fo))).outcome).toContain('nothing to apply');
    expect((await post('fulfillment_orders/fulfillment_request_submitted', foBodies.submitted(fo))).outcome).toContain('an older step');
    expect(await steps()).toHaveLength(1);
    expect(await t.engine.call('runs.list', { flowId: flow.id })).toHaveLength(1);
  });

  it('holds, releases, moves and routing each fire their own event, on the timeline once each', async () => {
    const flow = await t.engine.call('flows.save', { document: tagOn('fulfillment.on_hold', 'HELD') });
    await t.engine.call('flows.activate', { id: flow.id });
    const mine = foGid(880001);
    const seeded = fake.fo.seed(fakeOrderId, [{ id: 880001 }]);
    expect(seeded).toHaveLength(1);
    const outcomes: string[] = [];
    for (const [topic, body] of [
      ['order_routing_complete', foBodies.routed(mine)],
      ['placed_on_hold', foBodies.onHold(mine, 'awaiting_payment', 'Chờ chuyển khoản')],
      ['hold_released', foBodies.released(mine)],
      ['moved', foBodies.moved(mine, 'gid://shopify/Location/777')],
    ] as const) outcomes.push((await post(`fulfillment_orders/${topic}`, body)).outcome ?? '');
    expect(outcomes.map((o) => /event (\S+);/.exec(o)?.[1])).toEqual(['fulfillment.routed', 'fulfillment.on_hold', 'fulfillment.hold_released', 'fulfillment.moved']);
    const s = (await steps()).filter((x) => x.foId === mine);
    expect(s.map((x) => [x.step, x.by, x.to?.status, x.reason ?? null])).toEqual([
      ['routed', 'platform', 'open', null],
      ['placed_on_hold', 'platform', 'on_hold', 'awaiting_payment: Chờ chuyển khoản'],
      ['hold_released', 'platform', 'open', null],
      ['moved', 'platform', 'open', null],
    ]);
    expect((await t.engine.call('runs.list', { flowId: flow.id })).map((r) => r.status)).toEqual(['succeeded']);
  });

  it('each later step of the FO is merged in order, with the service\'s words', async () => {
    fake.fo.accept(fo);
    await post('fulfillment_orders/fulfillment_request_accepted', foBodies.accepted(fo, 'Accepted'));
    await post('fulfillment_orders/cancellation_request_submitted', foBodies.cancellationSubmitted(fo, 'Khách đổi ý'));
    await post('fulfillment_orders/cancellation_request_rejected', foBodies.cancellationRejected(fo, 'Đã đóng gói, không huỷ được'));
    const s = await steps();
    expect(s.map((x) => [x.step, x.to?.status, x.to?.requestStatus, x.message])).toEqual([
      ['request_accepted', 'in_progress', 'accepted', 'Accepted'],
      ['cancellation_requested', 'in_progress', 'cancellation_requested', 'Khách đổi ý'],
      ['cancellation_rejected', 'in_progress', 'cancellation_rejected', 'Đã đóng gói, không huỷ được'],
    ]);
    expect(s[2]!.from).toEqual({ status: 'in_progress', requestStatus: 'cancellation_requested' });
  });
});
