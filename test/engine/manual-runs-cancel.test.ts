import { afterEach, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

let t: TempEngine;
afterEach(() => t.close());

/**
 * A worker takes run jobs in groups and writes a run's start with its end, so a run under way
 * still reads "queued" for a moment. Cancelling the batch then must leave it alone: a run that
 * Cancel reported (and told its order's timeline) as cancelled must never go on to tag its order.
 */
it('cancelling a batch mid-way never reports as cancelled a run that then runs', async () => {
  t = await startTempEngine({ workers: 2 });
  const hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  for (let i = 0; i < 150; i++) expect((await postOrder(hook, 5000 + i)).status).toBe(200);
  await t.engine.idle(10_000);
  const flow = await t.engine.call('flows.save', {
    document: chain('Tag them', node('trigger', 'orders.manual', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['bulk'] })),
  });

  const started = await t.engine.call('runs.manual', { flowId: flow.id, filter: { limit: 150 } });
  expect(started.total).toBe(150);
  // Cancel while the workers are at it: some runs done, others taken, the rest not yet.
  await expect.poll(async () => (await t.engine.call('runs.batch', { id: started.id })).done, { interval: 1 }).toBeGreaterThan(0);
  const atCancel = await t.engine.call('runs.cancelBatch', { id: started.id });
  expect(atCancel.cancelled).toBeGreaterThan(0);
  const cancelled = (await t.engine.call('runs.list', { flowId: flow.id, limit: 1000 })).filter((r) => r.status === 'cancelled');
  expect(cancelled).toHaveLength(atCancel.cancelled);

  await t.engine.idle(10_000);
  const after = await t.engine.call('runs.batch', { id: started.id });
  expect(after).toMatchObject({ total: 150, cancelled: atCancel.cancelled, done: 150 - atCancel.cancelled, queued: 0, running: 0, finished: true });
  for (const run of cancelled) {
    expect((await t.engine.call('runs.get', { id: run.id })).status).toBe('cancelled');
    expect((await t.engine.call('orders.get', { ref: run.orderId! })).summary.localTags).toEqual([]);
  }
}, 60_000);
