import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, WriteAction } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';

/** A flow: trigger → one step, on Shopify orders. */
function oneStep(name: string, trigger: string, type: string, params: Record<string, unknown>): FlowDocument {
  return {
    name,
    nodes: [
      { id: 'trigger', type, typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
      { id: 'step', type: type, typeVersion: 1, position: { x: 0, y: 120 }, params },
    ].map((n, i) => (i === 0 ? { ...n, type: trigger, params: { platforms: ['shopify'] } } : n)),
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'step', targetPort: 'in' }],
  };
}

describe('write-back through the Shopify Admin API (issue 13)', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let hookUrl: string;
  let connectionId: string;

  /** Set to a GraphQL field: the next call with it is applied by Shopify and its answer lost. */
  let dropAnswerOf: string | null = null;

  beforeEach(async () => {
    fake = await startShopifyFake();
    dropAnswerOf = null;
    const transport: typeof fetch = (input, init) => {
      if (dropAnswerOf && typeof init?.body === 'string' && init.body.includes(`${dropAnswerOf}(`)) {
        dropAnswerOf = null;
        fake.fault({ commitThenDrop: true });
      }
      return fetch(input, init);
    };
    t = await startTempEngine({ storeApiSleep: async () => undefined, reconcileAtStart: false, fetch: transport });
    const c = await t.engine.call('connections.create', {
      platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
      api: { writeBack: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10` },
    });
    hookUrl = c.webhookUrl;
    connectionId = c.id;
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  async function activate(doc: FlowDocument): Promise<string> {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow.id;
  }

  /** Shopify sends the order as it now is (after our change, say) as a webhook. */
  async function deliver(id: number, topic: string): Promise<void> {
    const res = await postShopify(hookUrl, { topic, body: JSON.stringify(fake.order(id)) });
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();
  }

  const mutations = () => fake.graphqlCalls().flatMap((c) => c.fields).filter((f) => !['order', 'shop', 'customer'].includes(f));

  it('"Add order tag" tags the order on Shopify, keeps the local tag, and the echo starts no flow', async () => {
    await activate(oneStep('Tag new orders', 'orders.order_created', 'flowdesk.add_order_tag', { tags: ['VIP'] }));
    const updatedFlow = await activate(oneStep('Tag on update', 'orders.order_updated', 'flowdesk.add_order_tag', { tags: ['seen'] }));
    const o = fake.addOrder({ total_price: '500.00' });
    await deliver(o.id, 'orders/create');

    expect(fake.order(o.id).tags).toContain('VIP');
    expect(mutations()).toEqual(['tagsAdd']);
    const detail = await t.engine.call('orders.get', { ref: o.name });
    expect(detail.summary.localTags).toEqual(['VIP']);
    const wrote = detail.timeline.find((e) => e.kind === 'write_back');
    expect(wrote?.data).toMatchObject({ kind: 'write_back', platform: 'shopify', action: 'order.tags.add' satisfies WriteAction, already: false, flowName: 'Tag new orders' });

    // Shopify answers our change with orders/updated: recognised as our own echo, it starts nothing.
    await deliver(o.id, 'orders/updated');
    const after = await t.engine.call('orders.get', { ref: o.name });
    expect(after.timeline.some((e) => e.kind === 'echo')).toBe(true);
    expect(await t.engine.call('runs.list', { flowId: updatedFlow })).toEqual([]);
    expect(mutations()).toEqual(['tagsAdd']);
  });

  it('a real change after the echo still starts flows', async () => {
    const updatedFlow = await activate(oneStep('Tag on update', 'orders.order_updated', 'flowdesk.add_order_tag', { tags: ['seen'] }));
    const o = fake.addOrder();
    await deliver(o.id, 'orders/create');
    fake.order(o.id).note = 'customer called';
    fake.order(o.id).updated_at = new Date(Date.now() + 60_000).toISOString();
    await deliver(o.id, 'orders/updated');
    const runs = await t.engine.call('runs.list', { flowId: updatedFlow });
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(fake.order(o.id).tags).toContain('seen');
  });

  it('a flow that would trigger itself is stopped by the loop guard, visibly', async () => {
    // A note step on "order updated": its echo changes the note, which the echo check explains; a
    // change it cannot explain (each delivery also moves the total) makes a real update each time.
    const flowId = await activate(oneStep('Note on update', 'orders.order_updated', 'store.set_order_note', { note: 'checked {{ order.totalPrice }}', mode: 'replace' }));
    const o = fake.addOrder();
    await deliver(o.id, 'orders/create');
    for (let i = 0; i < 7; i++) {
      const order = fake.order(o.id);
      order.total_price = `${100 + i}.00`;
      order.updated_at = new Date(Date.now() + (i + 1) * 1000).toISOString();
      await deliver(o.id, 'orders/updated');
    }
    const runs = await t.engine.call('runs.list', { flowId });
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(5);
    const stopped = runs.filter((r) => r.status === 'skipped');
    expect(stopped.length).toBe(2);
    const detail = await t.engine.call('orders.get', { ref: o.name });
    const skippedEntry = detail.timeline.find((e) => e.data?.kind === 'run' && e.data.status === 'skipped');
    expect(skippedEntry?.data).toMatchObject({ reasonCode: 'order_loop' });
  });

  it('with write-back off, "Add order tag" tags only in Flowdesk, and a store step is skipped saying why', async () => {
    await t.engine.call('connections.update', { id: connectionId, api: { writeBack: false } });
    await activate(oneStep('Tag', 'orders.order_created', 'flowdesk.add_order_tag', { tags: ['VIP'] }));
    const paid = await activate(oneStep('Pay', 'orders.order_created', 'store.mark_paid', {}));
    const o = fake.addOrder();
    await deliver(o.id, 'orders/create');
    expect(mutations()).toEqual([]);
    const detail = await t.engine.call('orders.get', { ref: o.name });
    expect(detail.summary.localTags).toEqual(['VIP']);
    const [run] = await t.engine.call('runs.list', { flowId: paid });
    const full = await t.engine.call('runs.get', { id: run!.id });
    expect(full.steps.find((s) => s.nodeId === 'step')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('write-back is off for the connection') });
    const skipped = detail.timeline.find((e) => e.data?.kind === 'step' && e.data.status === 'skipped');
    expect(skipped?.data).toMatchObject({ reasonCode: 'write_back_off' });
  });

  it('a dry run records what it would send and Shopify receives nothing', async () => {
    const flowId = await activate(oneStep('Cancel', 'orders.order_created', 'store.cancel_order', { reason: 'fraud', restock: true }));
    const o = fake.addOrder();
    await deliver(o.id, 'orders/create');
    const before = fake.requests.length;
    const order = await t.engine.call('orders.get', { ref: o.name });
    const full = await t.engine.call('runs.dryRun', { flowId, orderId: order.summary.id });
    const step = full.steps.find((s) => s.nodeId === 'step');
    expect(step?.intents).toEqual([expect.objectContaining({ kind: 'store.write', outcome: 'would_do', args: expect.objectContaining({ platform: 'Shopify', action: 'order.cancel', reason: 'fraud', restock: true }) })]);
    expect(fake.requests.length).toBe(before);
  });

  it('fulfilment whose answer is lost is checked, not sent twice', async () => {
    await activate(oneStep('Ship', 'orders.order_created', 'store.fulfil_order', { trackingNumber: '1Z999', carrier: 'UPS' }));
    const o = fake.addOrder();
    dropAnswerOf = 'fulfillmentCreate';
    await deliver(o.id, 'orders/create');
    const creates = fake.graphqlCalls().filter((c) => c.fields.includes('fulfillmentCreate'));
    expect(creates).toHaveLength(1);
    expect(fake.order(o.id).fulfillments).toHaveLength(1);
    const detail = await t.engine.call('orders.get', { ref: o.name });
    const wrote = detail.timeline.find((e) => e.kind === 'write_back');
    expect(wrote?.data).toMatchObject({ kind: 'write_back', action: 'order.fulfil' });
  });

  it('refuses to save a Lazada step in a flow limited to Shopify, naming the platform', async () => {
    const doc = oneStep('Wrong', 'orders.order_created', 'store.lazada_ready_to_ship', {});
    const problems = await t.engine.call('flows.validate', { document: doc });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'platform_cannot_write', severity: 'error', args: expect.objectContaining({ platforms: 'Shopify' }) }));
    await expect(t.engine.call('flows.save', { document: doc })).rejects.toThrow(/Shopify cannot pack and set orders ready to ship/);
  });
});
