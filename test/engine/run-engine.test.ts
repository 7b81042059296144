import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';

const DAY = 86_400_000;

/** A clock the test moves forward, as days pass for a waiting run. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

const node = (id: string, type: string, params: Record<string, unknown>, y: number): FlowNode => ({ id, type, typeVersion: 1, position: { x: 0, y }, params });

/** order created → POST → wait 3 days → POST again → tag: a review request, as seed 000 draws it. */
function reviewFlow(url: string, tag = 'review-asked'): FlowDocument {
  const nodes = [
    node('trigger', 'orders.order_created', {}, 0),
    node('thanks', 'http.request', { method: 'POST', url: `${url}/thanks`, body: '{"order":"{{ order.number }}"}' }, 100),
    node('wait', 'timing.wait_for', { amount: 3, unit: 'days' }, 200),
    node('review', 'http.request', { method: 'POST', url: `${url}/review`, body: '{"order":"{{ order.number }}"}' }, 300),
    node('tag', 'flowdesk.add_order_tag', { tags: [tag] }, 400),
  ];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, sourcePort: 'out', target: n.id, targetPort: 'in' }));
  return { name: 'Ask for a review', nodes, edges };
}

describe('the run engine: resumable steps, waits, dry runs', () => {
  let t: TempEngine;
  let receiver: Receiver;
  let clock: ReturnType<typeof movableClock>;
  let hookUrl: string;

  beforeEach(async () => {
    clock = movableClock();
    receiver = await startReceiver();
    t = await startTempEngine({ clock });
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  async function startWaitingRun(doc = reviewFlow(receiver.url)) {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await t.engine.call('runs.list', {});
    return { flow, run: run! };
  }

  it('parks a run at a wait, survives a restart, and goes on after it without repeating a step', async () => {
    const { run } = await startWaitingRun();
    expect(run).toMatchObject({ status: 'waiting', dryRun: false });
    expect(Date.parse(run.dueAt!) - clock.now()).toBeGreaterThan(3 * DAY - 60_000);
    expect([...receiver.applied.keys()]).toEqual([`${run.id}:thanks`]);
    const waiting = await t.engine.call('runs.get', { id: run.id });
    expect(waiting.steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['thanks', 'done'], ['wait', 'waiting']]);
    const order = await t.engine.call('orders.get', { ref: run.orderId! });
    expect(order.timeline.map((e) => e.data).filter((d) => d?.kind === 'run')).toEqual([
      expect.objectContaining({ status: 'running' }),
      expect.objectContaining({ status: 'waiting', dueAt: run.dueAt }),
    ]);

    // Three days later, in a new engine process on the same data: the wake-up was kept in SQLite.
    clock.advance(3 * DAY + 60_000);
    t = await t.restart({ clock });
    await t.engine.idle(1_000);
    const done = await t.engine.call('runs.get', { id: run.id });
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['thanks', 'done'], ['wait', 'done'], ['review', 'done'], ['tag', 'done']]);
    expect([...receiver.seen.entries()]).toEqual([[`${run.id}:thanks`, 1], [`${run.id}:review`, 1]]);
    expect((await t.engine.call('orders.get', { ref: run.orderId! })).summary.localTags).toEqual(['review-asked']);
  });

  it('cancels waiting runs when their flow is turned off, and says so on the order', async () => {
    const { flow, run } = await startWaitingRun();
    await t.engine.call('flows.deactivate', { id: flow.id });
    expect((await t.engine.call('runs.get', { id: run.id })).status).toBe('cancelled');
    const order = await t.engine.call('orders.get', { ref: run.orderId! });
    expect(order.timeline.at(-1)?.data).toMatchObject({ kind: 'run', status: 'cancelled', reason: 'the flow was turned off' });

    clock.advance(4 * DAY);
    await t.engine.idle(1_000);
    const after = await t.engine.call('runs.get', { id: run.id });
    expect(after.status).toBe('cancelled');
    expect(after.steps.map((s) => s.nodeId)).toEqual(['trigger', 'thanks', 'wait']);
    expect([...receiver.applied.keys()]).toEqual([`${run.id}:thanks`]);
  });

  it('keeps a waiting run on the version it started on', async () => {
    const { flow, run } = await startWaitingRun(reviewFlow(receiver.url, 'v1-tag'));
    const v2 = await t.engine.call('flows.save', { id: flow.id, document: reviewFlow(receiver.url, 'v2-tag'), expectedVersion: 1 });
    await t.engine.call('flows.activate', { id: flow.id, version: v2.version });
    clock.advance(3 * DAY + 60_000);
    await t.engine.idle(1_000);
    const done = await t.engine.call('runs.get', { id: run.id });
    expect(done).toMatchObject({ status: 'succeeded', flowVersion: 1 });
    expect((await t.engine.call('orders.get', { ref: run.orderId! })).summary.localTags).toEqual(['v1-tag']);
  });

  it('dry-runs a flow on a past order: every action recorded as "would do", nothing sent, nothing changed', async () => {
    const flow = await t.engine.call('flows.save', { document: reviewFlow(receiver.url) });
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(1_000);
    const [order] = (await t.engine.call('orders.list', {})).rows;

    const run = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: order!.id });
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, flowVersion: 1, eventType: 'order.created' });
    expect(run.steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['thanks', 'done'], ['wait', 'done'], ['review', 'done'], ['tag', 'done']]);
    const thanks = run.steps.find((s) => s.nodeId === 'thanks')!;
    expect(thanks.intents).toEqual([
      { kind: 'http.request', outcome: 'would_do', args: expect.objectContaining({ method: 'POST', url: `${receiver.url}/thanks`, body: `{"order":"${order!.number}"}` }) },
    ]);
    expect(run.steps.find((s) => s.nodeId === 'wait')!.intents).toEqual([{ kind: 'run.wait', outcome: 'would_do', args: { until: expect.any(String) } }]);
    expect(run.steps.find((s) => s.nodeId === 'tag')!.intents).toMatchObject([{ kind: 'order.addTags', outcome: 'would_do', args: { tags: ['review-asked'] } }]);

    expect(receiver.seen.size).toBe(0);
    const after = await t.engine.call('orders.get', { ref: order!.id });
    expect(after.summary.localTags).toEqual([]);
    const dry = after.timeline.map((e) => e.data).filter((d) => d?.kind === 'run' || d?.kind === 'step');
    expect(dry.filter((d) => d?.kind === 'run')).toEqual([
      expect.objectContaining({ status: 'running', dryRun: true }),
      expect.objectContaining({ status: 'succeeded', dryRun: true }),
    ]);
    expect(dry.find((d) => d?.kind === 'step' && d.nodeId === 'thanks')).toMatchObject({ wouldDo: ['http.request'] });
  });

  it('refuses a dry run from an event no trigger of the flow listens to', async () => {
    const flow = await t.engine.call('flows.save', { document: reviewFlow(receiver.url) });
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(1_000);
    const [order] = (await t.engine.call('orders.list', {})).rows;
    await expect(t.engine.call('runs.dryRun', { flowId: flow.id, orderId: order!.id, event: 'order.paid' })).rejects.toThrow(/no trigger of this flow listens to order.paid/);
  });
});

describe('a run taken up after a wait', () => {
  it('sees the order as it is now, not as it was when the run started', async () => {
    const clock = movableClock();
    const t = await startTempEngine({ clock });
    try {
      const hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
      const nodes = [
        node('trigger', 'orders.order_created', {}, 0),
        node('wait', 'timing.wait_for', { amount: 7, unit: 'days' }, 100),
        node('delivered', 'logic.compare', { field: 'order.deliveryStatus', valueType: 'text', operator: 'eq', value: 'delivered' }, 200),
        node('late', 'flowdesk.add_order_tag', { tags: ['not-delivered-after-7-days'] }, 300),
      ];
      const edges = [
        { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'wait', targetPort: 'in' },
        { id: 'e2', source: 'wait', sourcePort: 'out', target: 'delivered', targetPort: 'in' },
        { id: 'e3', source: 'delivered', sourcePort: 'no', target: 'late', targetPort: 'in' },
      ];
      const flow = await t.engine.call('flows.save', { document: { name: 'COD not delivered after 7 days', nodes, edges } });
      await t.engine.call('flows.activate', { id: flow.id });
      const order = sampleOrder();
      expect((await postShopify(hook, { body: JSON.stringify(order) })).status).toBe(200);
      await t.engine.idle(1_000);
      // Delivered on day 3.
      const delivered = { ...order, updated_at: '2026-12-24T10:00:00+07:00', fulfillment_status: 'fulfilled', fulfillments: [{ id: 1, status: 'success', shipment_status: 'delivered', line_items: [] }] };
      expect((await postShopify(hook, { topic: 'orders/updated', body: JSON.stringify(delivered) })).status).toBe(200);
      clock.advance(7 * DAY + 60_000);
      await t.engine.idle(1_000);
      const [run] = await t.engine.call('runs.list', { flowId: flow.id });
      const detail = await t.engine.call('runs.get', { id: run!.id });
      expect(detail.status).toBe('succeeded');
      expect(detail.steps.find((s) => s.nodeId === 'delivered')).toMatchObject({ port: 'yes', input: { actual: 'delivered' } });
      expect((await t.engine.call('orders.get', { ref: run!.orderId! })).summary.localTags).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
