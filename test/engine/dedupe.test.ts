import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

/** Issue 17: the duplicate check is the unique index's, decided at the insert (migration 0024). */
describe('one delivery, however often it is sent', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setUp() {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    return c.webhookUrl;
  }
  const inbox = async () => (await t!.engine.call('inbox.list', { limit: 100 })).sort((a, b) => a.id - b.id);

  it('copies sent at the same moment make one accepted delivery and one run; the others say which they copy', async () => {
    const hook = await setUp();
    const body = JSON.stringify(sampleOrder());
    const answers = await Promise.all(Array.from({ length: 5 }, () => postShopify(hook, { body, eventId: 'evt-same' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await t!.engine.idle();
    const rows = await inbox();
    const accepted = rows.filter((r) => r.verdict === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(rows.filter((r) => r.verdict === 'duplicate').map((r) => [r.duplicateOf, r.reason])).toEqual(
      Array(4).fill([accepted[0]!.id, `same event id evt-same as delivery ${accepted[0]!.id}`]));
    expect(await t!.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('a delivery sent again after its first copy died is accepted; retrying the dead one then changes nothing and says why', async () => {
    const hook = await setUp();
    // The first copy cannot be read as an order: it dies. The platform sends the event again, readable.
    expect((await postShopify(hook, { body: JSON.stringify({ hello: 'world' }), eventId: 'evt-1' })).status).toBe(200);
    await t!.engine.idle();
    expect((await postShopify(hook, { body: JSON.stringify(sampleOrder()), eventId: 'evt-1' })).status).toBe(200);
    await t!.engine.idle();
    const [dead, second] = await inbox();
    expect(dead).toMatchObject({ verdict: 'accepted', processing: 'dead' });
    expect(second).toMatchObject({ verdict: 'accepted', processing: 'processed', duplicateOf: null });
    expect(await t!.engine.call('runs.list', {})).toHaveLength(1);

    const [job] = await t!.engine.call('jobs.list', { state: 'dead' });
    await t!.engine.call('jobs.retry', { id: job!.id });
    await t!.engine.idle();
    const after = (await inbox())[0]!;
    expect(after).toMatchObject({ processing: 'dead', outcome: `delivery ${second!.id}, a later copy of this one, was accepted and is processed instead; this one is not processed again` });
    expect(await t!.engine.call('runs.list', {})).toHaveLength(1);
    expect((await t!.engine.call('orders.list', {})).rows).toHaveLength(1);
  });

  it('a database from before, holding two live copies of one delivery, opens: the later one is marked a copy of the first', async () => {
    const hook = await setUp();
    expect((await postShopify(hook, { eventId: 'evt-old' })).status).toBe(200);
    await t!.engine.idle();
    await t!.engine.stop();
    // As 0023 left it: a plain index, and a second live copy (a dead first copy retried by hand).
    const db = new Database(join(t!.dataDir, 'flowdesk.db'));
    db.exec(`DROP INDEX inbox_dedupe; CREATE INDEX inbox_dedupe ON inbox (connection_id, delivery_key) WHERE verdict = 'accepted';
      DELETE FROM schema_migrations WHERE id = 24;
      INSERT INTO inbox (received_at, connection_id, platform, method, path, headers, body_size, topic, delivery_key, resource_version,
        verdict, reason, duplicate_of, http_status, processing, source)
        SELECT received_at, connection_id, platform, method, path, headers, body_size, topic, delivery_key, resource_version,
        verdict, reason, duplicate_of, http_status, 'processed', source FROM inbox WHERE delivery_key = 'event:evt-old';`);
    db.close();
    t = await t!.restart();
    const [first, second] = await inbox();
    expect(first).toMatchObject({ verdict: 'accepted', duplicateOf: null });
    expect(second).toMatchObject({ verdict: 'accepted', duplicateOf: first!.id });
    // And the index holds from now on: the same event again is a duplicate of the first.
    const hookAgain = (await t.engine.call('connections.list', {}))[0]!.webhookUrl;
    expect((await postShopify(hookAgain, { eventId: 'evt-old' })).json).toMatchObject({ verdict: 'duplicate' });
    expect((await inbox()).at(-1)).toMatchObject({ verdict: 'duplicate', duplicateOf: first!.id });
  });
});
