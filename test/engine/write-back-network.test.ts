import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { freePort } from '../harness/engine-child.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';

const tagFlow: FlowDocument = {
  name: 'Tag on Shopify',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: ['VIP'] } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
};

/** The way to the platform comes back: a plain proxy on the port the connection points at. */
async function networkBack(port: number, target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'connection', 'content-length'].includes(e[0])));
        const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
      })();
    });
  });
  server.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return server;
}

/**
 * Issue 13: while the platform cannot be reached at all (no network), a write-back waits in the
 * queue, visibly "waiting for network", nothing dropped; when the way is back the calls go out,
 * in the order they were made.
 */
describe('write-back while the network is down', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let proxy: Server | null = null;
  let offsetMs = 0;
  const later = async (ms: number) => {
    offsetMs += ms;
    await new Promise((r) => setTimeout(r, 1_200));
    await t.engine.idle(2_000);
  };

  beforeEach(async () => {
    offsetMs = 0;
    fake = await startShopifyFake();
    t = await startTempEngine({ clock: { now: () => Date.now() + offsetMs }, storeApiSleep: async () => undefined, reconcileAtStart: false });
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
    await new Promise((r) => (proxy ? proxy.close(r) : r(null)));
    proxy = null;
  });

  it('waits, saying so, and sends each call once, in order, when the network is back', async () => {
    const port = await freePort();
    const c = await t.engine.call('connections.create', {
      platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
      api: { writeBack: true, baseUrl: `http://127.0.0.1:${port}/admin/api/2025-10` },
    });
    const flow = await t.engine.call('flows.save', { document: tagFlow });
    await t.engine.call('flows.activate', { id: flow.id });
    const first = fake.addOrder();
    const second = fake.addOrder();
    for (const o of [first, second]) {
      expect((await postShopify(c.webhookUrl, { topic: 'orders/create', body: JSON.stringify(o) })).status).toBe(200);
      await t.engine.idle(2_000);
      offsetMs += 1_000;
    }

    const waiting = await t.engine.call('runs.list', { flowId: flow.id });
    expect(waiting.map((r) => r.status)).toEqual(['waiting', 'waiting']);
    expect(waiting[0]!.waitReason).toMatchObject({ nodeId: 'tag', reasonCode: 'waiting_for_network', reasonArgs: { provider: 'Shopify' } });
    const detail = await t.engine.call('orders.get', { ref: first.name });
    // The step waits as a whole: its Flowdesk tag lands with the platform's, when the call is made.
    expect(detail.summary.localTags).toEqual([]);
    expect(detail.timeline.some((e) => e.data?.kind === 'run' && e.data.status === 'waiting' && e.data.wait?.reasonCode === 'waiting_for_network')).toBe(true);
    expect(fake.requests).toEqual([]);

    proxy = await networkBack(port, fake.baseUrl);
    await later(31_000);
    await later(1_000);
    const done = await t.engine.call('runs.list', { flowId: flow.id });
    expect(done.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const adds = fake.graphqlCalls().filter((call) => call.fields.includes('tagsAdd'));
    expect(adds.map((a) => a.variables['id'])).toEqual([`gid://shopify/Order/${first.id}`, `gid://shopify/Order/${second.id}`]);
    expect(fake.order(first.id).tags).toContain('VIP');
    expect(fake.order(second.id).tags).toContain('VIP');
    expect((await t.engine.call('orders.get', { ref: first.name })).summary.localTags).toEqual(['VIP']);
  });
});
