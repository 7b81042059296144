import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

const DAY = 86_400_000;

function movableClock(start = Date.parse('2026-11-23T00:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('storage that looks after itself', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  async function setUp(clock = movableClock()) {
    t = await startTempEngine({ clock });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    return { hook: c.webhookUrl, clock };
  }

  it('removes raw bodies and run logs past their retention, and keeps the deliveries\' records and the order timeline', async () => {
    const { hook, clock } = await setUp();
    expect((await postShopify(hook)).status).toBe(200);
    await t!.engine.idle();
    const before = await t!.engine.call('orders.get', { ref: '#9999' });

    clock.advance(31 * DAY);
    let report = await t!.engine.call('storage.maintain', {});
    expect(report).toMatchObject({ rawBodiesRemoved: 1, runsRemoved: 0 });
    const [delivery] = await t!.engine.call('inbox.list', {});
    const detail = await t!.engine.call('inbox.get', { id: delivery!.id });
    expect(detail).toMatchObject({ verdict: 'accepted', body: '', bodyPrunedAt: new Date(clock.now()).toISOString() });
    expect(detail.headers['x-shopify-topic']).toBe('orders/create');

    clock.advance(60 * DAY);
    report = await t!.engine.call('storage.maintain', {});
    expect(report.runsRemoved).toBe(1);
    expect(await t!.engine.call('runs.list', {})).toEqual([]);
    const after = await t!.engine.call('orders.get', { ref: '#9999' });
    expect(after.timeline).toEqual(before.timeline);
    expect(after.summary.tags).toContain('VIP');
  });

  it('keeps to the size budget, oldest bodies first, and shows sizes and settings', async () => {
    const { hook, clock } = await setUp();
    const settings = await t!.engine.call('storage.settings', { budgetMb: 1 });
    expect(settings).toEqual({ rawBodyRetentionDays: 30, runLogRetentionDays: 90, budgetMb: 1 });
    for (let i = 0; i < 12; i++) {
      const body = JSON.stringify(sampleOrder({ id: 7000 + i, admin_graphql_api_id: `gid://shopify/Order/${7000 + i}`, name: `#B${i}`, note: 'x'.repeat(200_000) }));
      expect((await postShopify(hook, { body })).status).toBe(200);
    }
    await t!.engine.idle();
    const status = await t!.engine.call('storage.status', {});
    expect(status.budgetBytes).toBe(1024 * 1024);
    expect(status.databaseBytes + status.walBytes).toBeGreaterThan(1024 * 1024);
    // Webhooks just arrived: the WAL is checkpointed but not cut back (that would hold them up).
    const report = await t!.engine.call('storage.maintain', {});
    expect(report.rawBodiesRemoved).toBeGreaterThan(0);
    expect(report.pagesFreed).toBeGreaterThan(0);
    const busy = await t!.engine.call('storage.status', {});
    expect(busy.walBytes).toBeGreaterThan(1024 * 1024);
    // A quiet moment later, upkeep gives the WAL's space back too.
    clock.advance(5_000);
    const quiet = await t!.engine.call('storage.maintain', {});
    const after = await t!.engine.call('storage.status', {});
    // What is left is the shared-memory index and the upkeep's own record, written after.
    expect(after.walBytes).toBeLessThan(256 * 1024);
    expect(after.databaseBytes + after.walBytes).toBeLessThan(status.databaseBytes + status.walBytes);
    expect(after.lastMaintenance).toEqual(quiet);
    expect((await t!.engine.call('orders.list', {})).rows).toHaveLength(12);
  });

  it('works in short steps while webhooks keep arriving, and every one of them is answered and kept', async () => {
    const { hook, clock } = await setUp();
    for (let i = 0; i < 150; i++) {
      const body = JSON.stringify(sampleOrder({ id: 8000 + i, admin_graphql_api_id: `gid://shopify/Order/${8000 + i}`, name: `#U${i}` }));
      expect((await postShopify(hook, { body })).status).toBe(200);
    }
    await t!.engine.idle();
    clock.advance(31 * DAY);
    // Upkeep starts; 30 more webhooks come in while it works.
    const upkeep = t!.engine.call('storage.maintain', {});
    const during = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      postShopify(hook, { body: JSON.stringify(sampleOrder({ id: 9000 + i, admin_graphql_api_id: `gid://shopify/Order/${9000 + i}`, name: `#D${i}` })) })));
    const report = await upkeep;
    expect(during.map((r) => r.status)).toEqual(Array(30).fill(200));
    // Small transactions that grow while quick: the 150 bodies take four (16, 32, 64, then the
    // last 38), the freed pages several slices; one batch a kind would be five or six steps in all.
    expect(report.rawBodiesRemoved).toBe(150);
    expect(report.steps).toBeGreaterThanOrEqual(8);
    expect(report.longestStepMs).toBeGreaterThan(0);
    await t!.engine.idle();
    const orders = await t!.engine.call('orders.list', { limit: 500 });
    expect(orders.total).toBe(180);
  });

  it('backs up online and restores onto the backup, keeping the replaced database', async () => {
    let restartAsked = false;
    t = await startTempEngine({ onRestartRequested: () => (restartAsked = true) });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    expect((await postShopify(c.webhookUrl)).status).toBe(200);
    await t.engine.idle();
    const backup = await t.engine.call('storage.backup', {});
    expect(backup.file).toMatch(/^flowdesk-\d{8}-\d{6}\.db$/);
    expect(backup.bytes).toBeGreaterThan(0);

    const later = JSON.stringify(sampleOrder({ id: 4242, admin_graphql_api_id: 'gid://shopify/Order/4242', name: '#4242' }));
    expect((await postShopify(c.webhookUrl, { body: later })).status).toBe(200);
    await t.engine.idle();
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(2);

    await expect(t.engine.call('storage.restore', { file: 'nope.db' })).rejects.toThrow(/no backup at/);
    const answer = await t.engine.call('storage.restore', { file: backup.file });
    expect(answer.restarting).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(restartAsked).toBe(true);

    t = await t.restart();
    const orders = (await t.engine.call('orders.list', {})).rows;
    expect(orders.map((o) => o.number)).toEqual(['#9999']);
    const kept = readdirSync(join(t.dataDir, 'backups')).filter((f) => f.startsWith('before-restore-'));
    expect(kept).toHaveLength(1);
    expect(existsSync(join(t.dataDir, 'restore-pending.json'))).toBe(false);
    // The connection's secret still opens: the key file stayed with the data dir.
    expect(await t.engine.call('connections.list', {})).toHaveLength(1);
  });
});
