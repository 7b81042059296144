import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, numberAbove, postOrder } from '../harness/trigger-flows.ts';

const byHand = (trigger = 'orders.manual', params: Record<string, unknown> = {}): FlowDocument =>
  chain('Tag by hand', node('trigger', trigger, params), node('tag', 'flowdesk.add_order_tag', { tags: ['checked-{{ order.number | remove: "#" }}'] }));

describe('manual runs: one order from its page, or a filtered list, in a batch with progress and cancel', () => {
  let t: TempEngine;
  let hookUrl: string;
  const ids: string[] = [];

  async function start(workers = 2) {
    t = await startTempEngine({ workers });
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  }
  async function threeOrders() {
    for (const id of [3001, 3002, 3003]) expect((await postOrder(hookUrl, id, { total_price: String(id - 2900) })).status).toBe(200);
    await t.engine.idle(1_000);
    ids.splice(0, ids.length, ...(await t.engine.call('orders.list', {})).rows.map((o) => o.id));
  }
  const tagsOf = async (ref: string) => (await t.engine.call('orders.get', { ref })).summary.localTags;

  beforeEach(() => start());
  afterEach(() => t.close());

  it('runs a flow by hand on one order, from a manual.run event, and the batch reports it done', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand() });
    const batch = await t.engine.call('runs.manual', { flowId: flow.id, orderIds: ['#3002'] });
    expect(batch).toMatchObject({ total: 1, flowName: 'Tag by hand', flowVersion: 1, dryRun: false });
    await t.engine.idle(1_000);

    const after = await t.engine.call('runs.batch', { id: batch.id });
    expect(after).toMatchObject({ total: 1, done: 1, failed: 0, cancelled: 0, queued: 0, finished: true });
    const run = await t.engine.call('runs.get', { id: after.runIds[0]! });
    expect(run).toMatchObject({ status: 'succeeded', eventType: 'manual.run', orderNumber: '#3002', dryRun: false });
    expect(run.steps[0]!.input).toMatchObject({ event: 'manual.run', batchId: batch.id });
    expect(await tagsOf('#3002')).toEqual(['checked-3002']);
    expect(await tagsOf('#3001')).toEqual([]);
    const timeline = (await t.engine.call('orders.get', { ref: '#3002' })).timeline.map((e) => e.data);
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'run', status: 'running', eventType: 'manual.run' }));
  });

  it('runs a flow drawn for an order event by hand too, on the orders a search finds, even while it is off', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand('orders.order_paid', { when: numberAbove('order.totalPrice', 101.5) }) });
    const batch = await t.engine.call('runs.manual', { flowId: flow.id, filter: { query: '300', limit: 10 } });
    expect(batch.total).toBe(3);
    await t.engine.idle(1_000);
    // Its activation conditions still apply: #3001 totals 101.
    expect(await t.engine.call('runs.batch', { id: batch.id })).toMatchObject({ total: 3, done: 2, skipped: 1, finished: true });
    expect(await tagsOf('#3001')).toEqual([]);
    expect(await tagsOf('#3003')).toEqual(['checked-3003']);
  });

  it('dry-runs a batch: every action recorded as "would do", nothing changed', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand() });
    const batch = await t.engine.call('runs.manual', { flowId: flow.id, orderIds: ids, dryRun: true });
    await t.engine.idle(1_000);
    expect(await t.engine.call('runs.batch', { id: batch.id })).toMatchObject({ total: 3, done: 3, dryRun: true });
    const run = await t.engine.call('runs.get', { id: batch.runIds[0]! });
    expect(run.dryRun).toBe(true);
    expect(run.steps.at(-1)!.intents).toMatchObject([{ kind: 'order.addTags', outcome: 'would_do' }]);
    for (const id of ids) expect(await tagsOf(id)).toEqual([]);
  });

  it('cancels what has not run yet, says so on each order, and the runs never start after a restart', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand() });
    // An engine that records but does not work its queue: the batch waits.
    t = await t.restart({ workers: 0 });
    const batch = await t.engine.call('runs.manual', { flowId: flow.id, orderIds: ids });
    expect(batch).toMatchObject({ total: 3, queued: 3, finished: false });
    const cancelled = await t.engine.call('runs.cancelBatch', { id: batch.id });
    expect(cancelled).toMatchObject({ total: 3, queued: 0, cancelled: 3, finished: true, cancelledAt: expect.any(String) });
    const timeline = (await t.engine.call('orders.get', { ref: ids[0]! })).timeline.map((e) => e.data);
    expect(timeline.at(-1)).toMatchObject({ kind: 'run', status: 'cancelled', reason: 'the batch was cancelled before it ran' });

    t = await t.restart({ workers: 2 });
    await t.engine.idle(1_000);
    expect(await t.engine.call('runs.batch', { id: batch.id })).toMatchObject({ cancelled: 3, done: 0 });
    for (const id of ids) expect(await tagsOf(id)).toEqual([]);
  });

  it('refuses an unknown order or flow, and starts nothing', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand() });
    await expect(t.engine.call('runs.manual', { flowId: flow.id, orderIds: [ids[0]!, 'nope'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.engine.call('runs.manual', { flowId: 'flw_nope', orderIds: [ids[0]!] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.engine.call('runs.manual', { flowId: flow.id })).rejects.toMatchObject({ code: 'invalid_args' });
    expect(await t.engine.call('runs.list', {})).toEqual([]);
  });

  it('dry-runs one order from its page through runs.dryRun with the manual event', async () => {
    await threeOrders();
    const flow = await t.engine.call('flows.save', { document: byHand('orders.order_created') });
    const run = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: ids[0]!, event: 'manual.run' });
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, eventType: 'manual.run' });
  });
});
