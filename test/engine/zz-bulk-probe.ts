import { startTempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

const t = await startTempEngine({ workers: 2 });
const hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
for (let i = 0; i < 150; i++) await postOrder(hook, 5000 + i);
await t.engine.idle(5_000);
const flow = await t.engine.call('flows.save', { document: chain('Tag', node('trigger', 'orders.manual', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['x'] })) });
let bad = 0;
for (let round = 0; round < 10; round++) {
  const batch = await t.engine.call('runs.manual', { flowId: flow.id, filter: { query: '', limit: 150 } });
  await new Promise((r) => setTimeout(r, 3 + round * 3));
  const c = await t.engine.call('runs.cancelBatch', { id: batch.id });
  const cancelledIds = new Set<string>();
  for (const id of c.runIds) if ((await t.engine.call('runs.get', { id })).status === 'cancelled') cancelledIds.add(id);
  await t.engine.idle(5_000);
  const after = await t.engine.call('runs.batch', { id: batch.id });
  let flipped = 0;
  for (const id of cancelledIds) if ((await t.engine.call('runs.get', { id })).status !== 'cancelled') flipped++;
  bad += flipped;
  console.log(round, 'at cancel', { done: c.done, running: c.running, queued: c.queued, cancelled: c.cancelled }, 'after', { done: after.done, cancelled: after.cancelled }, 'flipped', flipped);
}
console.log('flipped total', bad);
await t.close();
