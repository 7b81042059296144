import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('flow versions: hashes, history, diff, rollback', () => {
  let t: TempEngine;
  beforeEach(async () => {
    t = await startTempEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  it('saving an unchanged document makes no new version, key order aside, even from a stale editor', async () => {
    const v1 = await t.engine.call('flows.save', { document: vipFlow('100') });
    const v2 = await t.engine.call('flows.save', { id: v1.id, expectedVersion: 1, document: vipFlow('2000000') });
    expect(v2.version).toBe(2);
    // The same document with its keys in another order.
    const reordered = JSON.parse(JSON.stringify(vipFlow('2000000'), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    const again = await t.engine.call('flows.save', { id: v1.id, expectedVersion: 1, document: reordered });
    expect(again).toMatchObject({ version: 2, latestVersion: 2 });
    const versions = await t.engine.call('flows.versions', { id: v1.id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.hash).toBe(sha256(canonicalJson(vipFlow('2000000'))));
    // A real change from the stale editor is still refused.
    await expect(t.engine.call('flows.save', { id: v1.id, expectedVersion: 1, document: vipFlow('5') })).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('lists the history newest first with the active version, step and run counts', async () => {
    const hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const flow = await t.engine.call('flows.save', { document: vipFlow('100') });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle();
    const grown = vipFlow('100');
    grown.nodes.push({ id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: 0, y: 360 }, params: { text: 'Đơn lớn' } });
    grown.edges.push({ id: 'e3', source: 'tag', sourcePort: 'out', target: 'note', targetPort: 'in' });
    await t.engine.call('flows.save', { id: flow.id, document: grown });

    const versions = await t.engine.call('flows.versions', { id: flow.id });
    expect(versions).toEqual([
      { version: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String), active: false, latest: true, nodes: 4, runs: 0 },
      { version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String), active: true, latest: false, nodes: 3, runs: 1 },
    ]);
    const diff = await t.engine.call('flows.diff', { id: flow.id, from: 1, to: 2 });
    expect(diff).toMatchObject({ from: 1, to: 2, nodesAdded: [{ id: 'note', type: 'flowdesk.add_timeline_note' }], edgesAdded: [{ source: 'tag', target: 'note' }], nodesChanged: [] });
    await expect(t.engine.call('flows.diff', { id: flow.id, from: 1, to: 9 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('restoring an old version saves it as a new version that runs, and history only grows', async () => {
    const flow = await t.engine.call('flows.save', { document: vipFlow('100') });
    await t.engine.call('flows.save', { id: flow.id, document: vipFlow('2000000') });
    await t.engine.call('flows.activate', { id: flow.id });

    const restored = await t.engine.call('flows.rollback', { id: flow.id, version: 1 });
    expect(restored).toMatchObject({ version: 3, latestVersion: 3, activeVersion: 3 });
    expect(restored.document).toEqual(vipFlow('100'));
    const versions = await t.engine.call('flows.versions', { id: flow.id });
    expect(versions.map((v) => [v.version, v.active])).toEqual([[3, true], [2, false], [1, false]]);
    expect(versions[0]!.hash).toBe(versions[2]!.hash);
    const diff = await t.engine.call('flows.diff', { id: flow.id, from: 2, to: 3 });
    expect(diff.nodesChanged).toEqual([{ id: 'big', type: 'logic.compare', label: 'Total over threshold', params: [{ key: 'value', before: '2000000', after: '100' }] }]);
  });

  it('restoring on a flow that is off leaves it off; activate: true turns it on', async () => {
    const flow = await t.engine.call('flows.save', { document: vipFlow('100') });
    await t.engine.call('flows.save', { id: flow.id, document: vipFlow('7') });
    expect(await t.engine.call('flows.rollback', { id: flow.id, version: 1 })).toMatchObject({ version: 3, activeVersion: null });
    expect(await t.engine.call('flows.rollback', { id: flow.id, version: 2, activate: true })).toMatchObject({ version: 4, activeVersion: 4 });
    await expect(t.engine.call('flows.rollback', { id: flow.id, version: 99 })).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.engine.call('flows.versions', { id: flow.id })).length).toBe(4);
  });

  it('versions saved before hashes were kept get theirs when first read, and still stop a duplicate save', async () => {
    const flow = await t.engine.call('flows.save', { document: vipFlow('100') });
    await t.engine.call('flows.save', { id: flow.id, document: vipFlow('200') });
    // As a database from before migration 0008 has them.
    const raw = new Database(join(t.dataDir, 'flowdesk.db'));
    raw.pragma('busy_timeout = 5000');
    raw.prepare('UPDATE flow_versions SET hash = NULL').run();

    expect(await t.engine.call('flows.save', { id: flow.id, document: vipFlow('200') })).toMatchObject({ version: 2 });
    const versions = await t.engine.call('flows.versions', { id: flow.id });
    expect(versions.map((v) => v.hash)).toEqual([sha256(canonicalJson(vipFlow('200'))), sha256(canonicalJson(vipFlow('100')))]);
    const stored = raw.prepare('SELECT version, hash FROM flow_versions ORDER BY version').all() as { hash: string | null }[];
    expect(stored.every((r) => r.hash && r.hash.length === 64)).toBe(true);
    raw.close();
  });
});
