import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { settled, tagFlow } from '../harness/reconcile.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';

describe('reconciliation through the Shopify API (issue 13)', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let connectionId: string;
  let createdFlow: string;
  let updatedFlow: string;

  /** The next request for a second page of the list is refused (401): a run that fails half-way. */
  let failNextPage = false;

  beforeEach(async () => {
    fake = await startShopifyFake();
    failNextPage = false;
    const transport: typeof fetch = (input, init) => {
      if (failNextPage && String(input).includes('page_info=')) {
        failNextPage = false;
        fake.fault({ status: 401, body: '{"errors":"[API] Invalid API key or access token"}' });
      }
      return fetch(input, init);
    };
    t = await startTempEngine({ storeApiSleep: async () => undefined, fetch: transport });
    const c = await t.engine.call('connections.create', {
      platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
      api: { reconcile: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10` },
    });
    connectionId = c.id;
    await settled(t, connectionId);
    createdFlow = (await t.engine.call('flows.save', { document: tagFlow('shopify', 'New', 'orders.order_created', 'new') })).id;
    updatedFlow = (await t.engine.call('flows.save', { document: tagFlow('shopify', 'Changed', 'orders.order_updated', 'changed') })).id;
    await t.engine.call('flows.activate', { id: createdFlow });
    await t.engine.call('flows.activate', { id: updatedFlow });
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('catches up at start on 200 orders made while it was stopped, runs each flow once per change, and a second run does nothing', async () => {
    await t.engine.stop();
    for (let i = 0; i < 200; i++) fake.addOrder({ total_price: `${100 + i}.00` });
    t = await t.restart();

    const first = await settled(t, connectionId);
    expect(first).toMatchObject({ state: 'done', trigger: 'start', fetched: 200, queued: 200, upToDate: 0 });
    const orders = (await t.engine.call('orders.list', { limit: 500 })).rows;
    expect(orders.length).toBe(200);
    expect((await t.engine.call('runs.list', { flowId: createdFlow, limit: 500 })).length).toBe(200);
    expect(await t.engine.call('runs.list', { flowId: updatedFlow, limit: 500 })).toEqual([]);
    const inbox = await t.engine.call('inbox.list', { connectionId, limit: 5 });
    expect(inbox.every((e) => e.source === 'reconciled' && e.verdict === 'accepted')).toBe(true);
    const one = await t.engine.call('orders.get', { ref: orders[0]!.number });
    expect(one.timeline[0]?.data).toMatchObject({ kind: 'delivery', source: 'reconciled', signature: expect.stringContaining('no signature to verify') });

    // Nothing changed since: nothing queued, no run.
    await t.engine.call('connections.reconcile', { id: connectionId });
    const second = await settled(t, connectionId);
    expect(second).toMatchObject({ state: 'done', trigger: 'manual', queued: 0 });
    expect((await t.engine.call('runs.list', { flowId: createdFlow, limit: 500 })).length).toBe(200);

    // Ten orders change on Shopify: each runs the "order updated" flow once.
    const ids = [...fake.orders.keys()].slice(0, 10);
    for (const id of ids) {
      const o = fake.order(id);
      o.note = 'gift wrap';
      o.updated_at = new Date(Date.now() + 60_000).toISOString();
    }
    await t.engine.call('connections.reconcile', { id: connectionId });
    const third = await settled(t, connectionId);
    expect(third).toMatchObject({ state: 'done', queued: 10 });
    expect((await t.engine.call('runs.list', { flowId: updatedFlow, limit: 500 })).length).toBe(10);
  });

  it('a polling connection takes its orders without any webhook, and the inbox says so', async () => {
    const fake2 = await startShopifyFake({ token: 'shpat_other' });
    try {
      const polled = await t.engine.call('connections.create', {
        platform: 'shopify', storeId: 'other-shop.myshopify.com', secrets: { webhookSecret: 'unused-secret', adminToken: 'shpat_other' },
        api: { intake: 'polling', pollEverySeconds: 30, baseUrl: `${fake2.baseUrl}/admin/api/2025-10` },
      });
      await settled(t, polled.id);
      fake2.addOrder();
      await t.engine.call('connections.reconcile', { id: polled.id });
      await settled(t, polled.id);
      const [entry] = await t.engine.call('inbox.list', { connectionId: polled.id, limit: 1 });
      expect(entry?.source).toBe('reconciled');
      expect(entry?.processing).toBe('processed');
    } finally {
      await fake2.close();
    }
  });

  it('a run that fails half-way does not move where the next one starts: nothing on the unread pages is lost', async () => {
    for (let i = 0; i < 300; i++) fake.addOrder();
    failNextPage = true;
    await t.engine.call('connections.reconcile', { id: connectionId });
    const failed = await settled(t, connectionId);
    expect(failed).toMatchObject({ state: 'failed', pages: 1, queued: 250 });
    await t.engine.call('connections.reconcile', { id: connectionId });
    const next = await settled(t, connectionId);
    expect(next).toMatchObject({ state: 'done', fetched: 300, upToDate: 250, queued: 50 });
    expect((await t.engine.call('orders.list', { limit: 500 })).rows.length).toBe(300);
  });

  it('says why when the platform refuses, and keeps where it was', async () => {
    await t.engine.call('connections.update', { id: connectionId, secrets: { adminToken: 'shpat_wrong' } });
    await t.engine.call('connections.reconcile', { id: connectionId });
    const p = await settled(t, connectionId);
    expect(p.state).toBe('failed');
    expect(p.error).toMatch(/Shopify: .*API token/i);
  });

  it('refuses API access on a platform without one, and asks for the token when it is turned on', async () => {
    await expect(t.engine.call('connections.create', { platform: 'ladisales', storeId: 'shop', secrets: { urlToken: 'x'.repeat(32) }, api: { reconcile: true } }))
      .rejects.toThrow(/LadiSales has no public API/);
    await expect(t.engine.call('connections.create', { platform: 'shopify', storeId: 'x.myshopify.com', secret: 'whsec', api: { writeBack: true } }))
      .rejects.toThrow(/API access is on: enter/);
  });
});
