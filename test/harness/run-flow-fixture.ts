import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine } from './temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from './shopify.ts';

/** A flow, the delivery that triggers it, and what each step must record. */
export interface FlowFixture {
  description: string;
  flow: FlowDocument;
  delivery: { topic: string; order: Record<string, unknown> };
  expect: {
    run: 'succeeded' | 'failed';
    steps: { nodeId: string; status: string; port?: string | null; reason?: string; output?: unknown; input?: unknown }[];
    orderTags?: string[];
    customerTags?: string[];
    /** Timeline entries the order must have, as facts (contract/timeline.ts), matched in part. */
    timeline?: Record<string, unknown>[];
  };
}

/** Runs a fixture through a real engine on a temp database: the webhook, the executor, the timeline. */
export async function runFlowFixture(file: URL): Promise<void> {
  const fx = JSON.parse(readFileSync(file, 'utf8')) as FlowFixture;
  const t = await startTempEngine();
  try {
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const saved = await t.engine.call('flows.save', { document: fx.flow });
    await t.engine.call('flows.activate', { id: saved.id });
    const body = JSON.stringify(sampleOrder(fx.delivery.order));
    const res = await postShopify(c.webhookUrl, { topic: fx.delivery.topic, body });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [run] = await t.engine.call('runs.list', {});
    expect(run, 'the flow should have run').toBeDefined();
    const detail = await t.engine.call('runs.get', { id: run!.id });
    expect(detail.status, detail.error ?? '').toBe(fx.expect.run);
    expect(detail.steps.map((s) => s.nodeId)).toEqual(fx.expect.steps.map((s) => s.nodeId));
    fx.expect.steps.forEach((want, i) => expect(detail.steps[i], `step ${want.nodeId}`).toMatchObject(want));
    const order = await t.engine.call('orders.get', { ref: run!.orderId! });
    if (fx.expect.orderTags) expect(order.summary.tags).toEqual(fx.expect.orderTags);
    if (fx.expect.customerTags) expect(order.customer?.tags ?? []).toEqual(fx.expect.customerTags);
    for (const want of fx.expect.timeline ?? []) {
      expect(order.timeline.map((e) => e.data)).toContainEqual(expect.objectContaining(want));
    }
  } finally {
    await t.close();
  }
}
