import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { createInboxRepo, type NewInboxEntry } from './repos/inbox-repo.ts';
import { createMaintenance } from './maintenance.ts';
import { StorageSettings } from '../contract/index.ts';

// A delivery's bytes live in inbox_bodies (0026): written once, never rewritten when the
// delivery is processed, removed by retention.
describe('inbox bodies', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const d = mkdtempSync(join(tmpdir(), 'flowdesk-bodies-'));
    dirs.push(d);
    return join(d, 'flowdesk.db');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const entry = (over: Partial<NewInboxEntry>): NewInboxEntry => ({
    receivedAt: '2026-01-01T00:00:00.000Z', connectionId: 'con_1', platform: 'shopify', method: 'POST', path: '/hooks/con_1',
    headers: { 'x-shopify-topic': 'orders/create' }, body: Buffer.from('{"id":1}'), bodySize: 8, topic: 'orders/create',
    deliveryKey: 'event:1', resourceVersion: null, verdict: 'accepted', reason: null, duplicateOf: null, httpStatus: 200,
    processing: 'pending', ...over,
  });

  it('a database from before keeps every body it held, and what retention removed stays removed', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.id <= 25));
    const insert = old.prepare(`INSERT INTO inbox (id, received_at, connection_id, platform, method, path, headers, body, body_size,
      verdict, http_status, processing, body_pruned_at) VALUES (?, ?, 'con_1', 'shopify', 'POST', '/hooks/con_1', '{}', ?, ?, ?, ?, ?, ?)`);
    const big = Buffer.from(`{"note":"${'x'.repeat(20_000)}"}`);
    insert.run(1, '2026-01-01T00:00:00.000Z', big, big.length, 'accepted', 200, 'pending', null);
    insert.run(2, '2026-01-02T00:00:00.000Z', null, 10_000, 'accepted', 200, 'processed', '2026-02-01T00:00:00.000Z');
    insert.run(3, '2026-01-03T00:00:00.000Z', null, 9_000_000, 'too_large', 413, 'not_processed', null);
    insert.run(4, '2026-01-04T00:00:00.000Z', Buffer.alloc(0), 0, 'not_a_delivery', 405, 'not_processed', null);
    old.close();

    const db = openDatabase(file);
    const inbox = createInboxRepo(db);
    expect(inbox.get(1)).toMatchObject({ body: big, bodyPrunedAt: null, processing: 'pending' });
    expect(inbox.get(2)).toMatchObject({ body: null, bodyPrunedAt: '2026-02-01T00:00:00.000Z' });
    expect(inbox.get(3)).toMatchObject({ body: null, bodyPrunedAt: null, verdict: 'too_large' });
    expect(inbox.get(4)!.body).toEqual(Buffer.alloc(0));
    expect(db.prepare("SELECT COUNT(*) FROM pragma_table_info('inbox') WHERE name = 'body'").pluck().get()).toBe(0);
    db.close();
  });

  it('marking a delivery processed keeps its bytes, and retention removes them through its index', async () => {
    const db = openDatabase(tempFile());
    const inbox = createInboxRepo(db);
    const body = Buffer.from(`{"note":"${'é'.repeat(6_000)}"}`);
    const kept = inbox.insert(entry({ body, bodySize: body.length }));
    const pending = inbox.insert(entry({ deliveryKey: 'event:2' }));
    const tooLarge = inbox.insert(entry({ body: null, bodySize: 9_000_000, verdict: 'too_large', httpStatus: 413, processing: 'not_processed', deliveryKey: null }));
    inbox.setProcessing(kept, 'processed', 'applied', 'ord_1');
    expect(inbox.get(kept)).toMatchObject({ body, processing: 'processed', outcome: 'applied', orderId: 'ord_1' });

    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM inbox WHERE body_pruned_at IS NULL AND verdict <> 'too_large'
      AND received_at <= ? AND processing NOT IN ('pending', 'failed') ORDER BY received_at LIMIT 10`).all('2027-01-01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX inbox_body_kept/);

    const settings = StorageSettings.parse({});
    const report = await createMaintenance(db).run(settings, Date.parse('2027-01-01T00:00:00.000Z'), async () => {});
    expect(report.rawBodiesRemoved).toBe(1);
    expect(inbox.get(kept)).toMatchObject({ body: null, bodyPrunedAt: '2027-01-01T00:00:00.000Z', processing: 'processed' });
    // Not yet processed: its bytes stay. Over the size limit: it never had any, and stays as it was.
    expect(inbox.get(pending)!.body).toEqual(Buffer.from('{"id":1}'));
    expect(inbox.get(tooLarge)).toMatchObject({ body: null, bodyPrunedAt: null });
    expect(db.prepare('SELECT COUNT(*) FROM inbox_bodies').pluck().get()).toBe(1);
    db.close();
  });
});
