import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import { unmetRequirements } from '../../engine/flows/requirements.ts';

describe('several stores (seed 004)', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('names what a store lacks for a flow', () => {
    expect(unmetRequirements([['shopify'], ['lazada', 'haravan']], ['shopify'])).toEqual(['Lazada or Haravan']);
    expect(unmetRequirements([['shopify'], ['lazada', 'haravan']], ['shopify', 'haravan'])).toEqual([]);
  });

  it('removing the last connection a flow needs deactivates the flow and keeps it', async () => {
    t = await startTempEngine();
    const a = await t.engine.call('connections.create', { platform: 'shopify', storeId: 'a.myshopify.com', store: 'Shop A', secret: SHOPIFY_SECRET });
    const b = await t.engine.call('connections.create', { platform: 'shopify', storeId: 'b.myshopify.com', store: 'Shop B', secret: SHOPIFY_SECRET });
    const doc = vipFlow();
    doc.nodes[0]!.params = { platforms: ['shopify'] };
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });

    // Asking first changes nothing.
    expect((await t.engine.call('connections.remove', { id: b.id, dryRun: true })).deactivatedFlows).toEqual([]);
    // Store B keeps a Shopify connection: the flow stays on.
    expect((await t.engine.call('connections.remove', { id: a.id })).deactivatedFlows).toEqual([]);
    expect((await postShopify(a.webhookUrl)).status).toBe(404);
    expect((await t.engine.call('connections.remove', { id: b.id, dryRun: true })).deactivatedFlows).toEqual([{ id: flow.id, name: 'Tag big orders VIP' }]);
    expect(await t.engine.call('connections.list', {})).toHaveLength(1);
    const removed = await t.engine.call('connections.remove', { id: b.id });
    expect(removed.deactivatedFlows).toEqual([{ id: flow.id, name: 'Tag big orders VIP' }]);
    const [kept] = await t.engine.call('flows.list', {});
    expect(kept).toMatchObject({ id: flow.id, activeVersion: null, latestVersion: 1 });
  });

  it('groups connections by store and masks every secret', async () => {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: 'a.myshopify.com', store: 'Shop A', secret: SHOPIFY_SECRET });
    expect(c).toMatchObject({ store: 'Shop A', secretHints: { webhookSecret: '••••cdef' } });
    const renamed = await t.engine.call('connections.update', { id: c.id, store: 'Shop A (HCM)' });
    expect(renamed.store).toBe('Shop A (HCM)');
    await expect(t.engine.call('connections.create', { platform: 'haravan', storeId: 'x', secrets: {}, settings: { notShipped: 42 } })).rejects.toThrow(/invalid Haravan settings/);
    const platforms = await t.engine.call('connections.platforms', {});
    expect(platforms[0]).toMatchObject({ platform: 'shopify', label: 'Shopify', secrets: [{ name: 'webhookSecret', optional: false }] });
  });
});
