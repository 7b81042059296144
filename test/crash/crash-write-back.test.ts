import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { makeDataDir } from '../harness/temp-engine.ts';
import { engineChild, type EngineChild } from '../harness/engine-child.ts';
import { startAnswerRelay, type AnswerRelay } from '../harness/answer-relay.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { killUnderLoad } from '../harness/kill-under-load.ts';

const ORDERS = 100;
const KILLS = 6;

/** Order created → fulfil on Shopify with a tracking number (not idempotent) → tag it (idempotent). */
function shipFlow(): FlowDocument {
  return {
    name: 'Ship and tag',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
      { id: 'ship', type: 'store.fulfil_order', typeVersion: 1, position: { x: 0, y: 120 }, params: { trackingNumber: 'TRK-{{ order.platformOrderId }}', carrier: 'GHN' } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 240 }, params: { tags: ['shipped'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'ship', targetPort: 'in' },
      { id: 'e2', source: 'ship', sourcePort: 'out', target: 'tag', targetPort: 'in' },
    ],
  };
}

/**
 * Write-back under SIGKILL (issue 13, reference §9.2): a flow that fulfils each order on Shopify
 * (fulfillmentCreate: a resend would ship twice) runs in an engine child process killed again
 * and again. Half the kills land exactly between Shopify creating the fulfilment and the engine
 * hearing so (a relay holds the answer until the engine is dead): the outbox row stays `sent`,
 * and after the restart the step reads the order on Shopify, finds the tracking number, and
 * completes without sending again.
 */
describe('crash safety of write-back', () => {
  const dataDir = makeDataDir();
  let engine: EngineChild | null = null;
  let shopify: ShopifyFake | null = null;
  let relay: AnswerRelay | null = null;
  afterAll(async () => {
    await engine?.kill();
    await relay?.close();
    await shopify?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fulfils each order once across repeated SIGKILLs, none lost, none twice', async () => {
    shopify = await startShopifyFake();
    relay = await startAnswerRelay(`${shopify.baseUrl}/admin/api/2025-10`);
    engine = await engineChild(dataDir);
    const e = engine;
    await e.start();
    const connection = await e.api('connections.create', {
      platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: shopify.token },
      api: { writeBack: true, baseUrl: relay.url },
    });
    const flow = await e.api('flows.save', { document: shipFlow() });
    await e.api('flows.activate', { id: flow.id });
    const orders = Array.from({ length: ORDERS }, () => shopify!.addOrder());

    // Every other kill lands after Shopify created the fulfilment and before the engine hears so.
    const { acknowledged, kills, intercepted: betweenCallAndAnswer, runs, status } = await killUnderLoad({
      engine: e,
      deliveries: ORDERS,
      kills: KILLS,
      drainMs: 90_000,
      post: async (n) => (await postShopify(connection.webhookUrl as string, { topic: 'orders/create', body: JSON.stringify(orders[n]) })).status,
      killBetweenCallAndAnswer: () => relay!.interceptNext('/graphql.json', () => e.kill(), 3_000, 'fulfillmentCreate'),
    });

    const creates = shopify.graphqlCalls().filter((c) => c.fields.includes('fulfillmentCreate')).length;
    console.log(`crash safety (write-back): ${ORDERS} orders, ${kills} SIGKILLs (${betweenCallAndAnswer} between Shopify fulfilling and the engine hearing it), ` +
      `${creates} fulfillmentCreate calls reached Shopify`);

    expect(kills).toBe(KILLS);
    expect(betweenCallAndAnswer).toBeGreaterThan(0);
    expect(acknowledged).toBe(ORDERS);
    expect(runs).toHaveLength(ORDERS);
    expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(status.queue).toMatchObject({ queued: 0, leased: 0, dead: 0 });
    // Every order shipped exactly once, with its own tracking number, and tagged on Shopify.
    for (const o of orders) {
      const now = shopify.order(o.id);
      expect(now.fulfillments.map((f: any) => f.tracking_number)).toEqual([`TRK-${o.id}`]);
      expect(String(now.tags)).toContain('shipped');
    }
    // The runs whose answer was lost found the fulfilment instead of creating another.
    let already = 0;
    for (const r of runs) {
      const detail = await e.api('runs.get', { id: r.id });
      const ship = detail.steps.find((s: any) => s.nodeId === 'ship');
      expect(ship).toMatchObject({ status: 'done', intents: [{ kind: 'store.write', outcome: 'done' }] });
      if (ship.intents[0].result.already) already++;
    }
    expect(already).toBeGreaterThanOrEqual(betweenCallAndAnswer);
  }, 240_000);
});
