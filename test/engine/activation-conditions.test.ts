import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, numberAbove, postOrder } from '../harness/trigger-flows.ts';

/** "Order created, only orders over `min` → tag big": the sample order totals 403.00. */
const bigOrders = (min: number) =>
  chain(`Big orders over ${min}`, node('trigger', 'orders.order_created', { when: numberAbove('order.totalPrice', min) }), node('tag', 'flowdesk.add_order_tag', { tags: ['big'] }));

describe('activation conditions on triggers', () => {
  let t: TempEngine;
  let hookUrl: string;
  beforeEach(async () => {
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(() => t.close());

  async function activate(doc: ReturnType<typeof bigOrders>) {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }

  it('turns away an order that does not meet them: the run is skipped, says which rule failed, and does nothing', async () => {
    const flow = await activate(bigOrders(1000));
    expect((await postOrder(hookUrl, 1001)).status).toBe(200);
    await t.engine.idle(1_000);

    const [run] = await t.engine.call('runs.list', { flowId: flow.id });
    expect(run).toMatchObject({ status: 'skipped', eventType: 'order.created' });
    expect(run!.error).toBe('did not meet the activation conditions: order.totalPrice gt 1000 (it is 403.00)');
    const detail = await t.engine.call('runs.get', { id: run!.id });
    expect(detail.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([['trigger', 'skipped', null]]);
    expect(detail.steps[0]!.input).toMatchObject({ verdict: { result: false, trace: [{ id: 'root', result: false }, { id: 'r1', result: false, actual: '403.00' }] } });

    const order = await t.engine.call('orders.get', { ref: run!.orderId! });
    expect(order.summary.localTags).toEqual([]);
    const said = order.timeline.map((e) => e.data).filter((d) => d?.kind === 'run' || d?.kind === 'step');
    expect(said).toEqual([
      expect.objectContaining({ kind: 'run', status: 'running' }),
      expect.objectContaining({ kind: 'step', nodeId: 'trigger', status: 'skipped', reason: run!.error }),
      expect.objectContaining({ kind: 'run', status: 'skipped', reason: run!.error }),
    ]);
  });

  it('lets in an order that meets them, and the run shows the rules that held', async () => {
    const flow = await activate(bigOrders(100));
    expect((await postOrder(hookUrl, 1002)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await t.engine.call('runs.list', { flowId: flow.id });
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    const detail = await t.engine.call('runs.get', { id: run!.id });
    expect(detail.steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['tag', 'done']]);
    expect(detail.steps[0]!.output).toMatchObject({ activation: { result: true } });
    expect((await t.engine.call('orders.get', { ref: run!.orderId! })).summary.localTags).toEqual(['big']);
  });

  it('holds for every order when left empty (the default), as flows saved before them did', async () => {
    const flow = await activate(chain('No conditions', node('trigger', 'orders.order_created', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['seen'] })));
    expect((await postOrder(hookUrl, 1003)).status).toBe(200);
    await t.engine.idle(1_000);
    expect((await t.engine.call('runs.list', { flowId: flow.id }))[0]).toMatchObject({ status: 'succeeded' });
  });

  it('turns an order away in a dry run too, without changing anything', async () => {
    const flow = await t.engine.call('flows.save', { document: bigOrders(1000) });
    expect((await postOrder(hookUrl, 1004)).status).toBe(200);
    await t.engine.idle(1_000);
    const [order] = (await t.engine.call('orders.list', {})).rows;
    const run = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: order!.id });
    expect(run).toMatchObject({ status: 'skipped', dryRun: true });
    expect(run.error).toMatch(/^did not meet the activation conditions/);
  });
});
