import { afterEach, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { node, postOrder } from '../harness/trigger-flows.ts';

let t: TempEngine;
afterEach(() => t.close());

/** Order created → total above 500? yes: tag "big", no: tag "small". */
const bigOrSmall: FlowDocument = {
  name: 'Big or small',
  nodes: [
    node('trigger', 'orders.order_created', {}),
    node('check', 'logic.compare', { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '500' }, 120),
    { ...node('big', 'flowdesk.add_order_tag', { tags: ['big'] }, 240), label: 'Tag big' },
    node('small', 'flowdesk.add_order_tag', { tags: ['small'] }, 240),
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'check', targetPort: 'in' },
    { id: 'e2', source: 'check', sourcePort: 'yes', target: 'big', targetPort: 'in' },
    { id: 'e3', source: 'check', sourcePort: 'no', target: 'small', targetPort: 'in' },
  ],
};

it('a bulk dry replay over 300 deliveries says how many would take each path and which actions would fire, and can be cancelled', async () => {
  t = await startTempEngine();
  const hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  // Last week's orders, before the flow existed: a third of them big.
  for (let i = 0; i < 300; i++) expect((await postOrder(hook, 9000 + i, { total_price: i % 3 === 0 ? '903.00' : '103.00' })).status).toBe(200);
  await t.engine.idle(10_000);
  const flow = await t.engine.call('flows.save', { document: bigOrSmall });
  await t.engine.call('flows.activate', { id: flow.id });

  const batch = await t.engine.call('deliveries.replayBulk', { filter: { topic: 'orders/create' }, flowId: flow.id, mode: 'current', dryRun: true, limit: 1000 });
  expect(batch).toMatchObject({ total: 300, dryRun: true, flowVersion: 1 });
  await t.engine.idle(20_000);
  expect(await t.engine.call('runs.batch', { id: batch.id })).toMatchObject({ total: 300, done: 300, finished: true });
  const summary = await t.engine.call('runs.batchSummary', { id: batch.id });
  expect(summary.paths).toEqual([
    { path: ['trigger', 'check', 'small'], runs: 200 },
    { path: ['trigger', 'check', 'big'], runs: 100 },
  ]);
  expect(summary.actions).toEqual(expect.arrayContaining([
    { kind: 'order.addTags', nodeId: 'small', label: null, runs: 200 },
    { kind: 'order.addTags', nodeId: 'big', label: 'Tag big', runs: 100 },
  ]));
  expect(summary).toMatchObject({ skipped: [], failed: [] });
  // Nothing happened to the orders, and no delivery was added.
  expect((await t.engine.call('orders.get', { ref: '#9000' })).summary.localTags).toEqual([]);
  expect(await t.engine.call('inbox.list', { limit: 1000 })).toHaveLength(300);

  // A second one, cancelled at once: what had not started is cancelled, the rest ran.
  const again = await t.engine.call('deliveries.replayBulk', { filter: {}, flowId: flow.id, dryRun: true, limit: 1000 });
  const atCancel = await t.engine.call('runs.cancelBatch', { id: again.id });
  expect(atCancel.cancelled).toBeGreaterThan(0);
  await t.engine.idle(20_000);
  const after = await t.engine.call('runs.batch', { id: again.id });
  expect(after).toMatchObject({ total: 300, cancelled: atCancel.cancelled, done: 300 - atCancel.cancelled, finished: true });
  const cut = await t.engine.call('runs.batchSummary', { id: again.id });
  expect(cut.paths.reduce((n, p) => n + p.runs, 0)).toBe(300 - atCancel.cancelled);
  // Each cancelled replay says so on its order's timeline, as a replay.
  const cancelled = (await t.engine.call('runs.list', { flowId: flow.id, limit: 1000 })).find((r) => r.status === 'cancelled')!;
  const entry = (await t.engine.call('orders.get', { ref: cancelled.orderId! })).timeline.find((e) => e.runId === cancelled.id)!;
  expect(entry.data).toMatchObject({ kind: 'run', status: 'cancelled', replay: true, dryRun: true });
}, 90_000);
