import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageSettings, type CanonicalEvent } from '../../contract/index.ts';
import { openDatabase, type Db } from '../database.ts';
import { createMaintenance } from '../maintenance.ts';
import { createRepositories } from '../repositories.ts';
import { createDeliveryEventsQuery } from './delivery-events.ts';

// The events of one delivery share one copy of its order (0028): every way of reading an event
// gives it back whole, and retention never removes the copy another kept event reads.
describe('events of one delivery', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = (): Db => {
    const d = mkdtempSync(join(tmpdir(), 'flowdesk-events-'));
    dirs.push(d);
    return openDatabase(join(d, 'flowdesk.db'));
  };
  const order = { platform: 'shopify', platformOrderId: '42', number: '#1042', lineItems: [{ title: 'Áo thun', quantity: 2 }] };
  const event = (type: string): CanonicalEvent =>
    ({ type, platform: 'shopify', connectionId: 'con_1', occurredAt: '2026-01-01T00:00:00Z', order, previous: null }) as unknown as CanonicalEvent;

  function twoEvents(db: Db, at: string) {
    const repos = createRepositories(db);
    const first = repos.events.insert(7, 'ord_1', event('order.created'), at, { json: JSON.stringify(order) });
    const second = repos.events.insert(7, 'ord_1', event('customer.created'), at, { from: first });
    return { repos, first, second };
  }

  it('writes the order once and reads it back in every event', () => {
    const db = open();
    const { repos, first, second } = twoEvents(db, '2026-01-01T00:00:00.000Z');
    const stored = db.prepare("SELECT id, order_from, json_extract(payload, '$.order') IS NOT NULL AS hasOrder FROM events ORDER BY id").all();
    expect(stored).toEqual([{ id: first, order_from: null, hasOrder: 1 }, { id: second, order_from: first, hasOrder: 0 }]);

    expect(repos.events.get(second)).toEqual(event('customer.created'));
    expect(repos.events.latestForOrder('ord_1')).toEqual({ id: second, inboxId: 7, event: event('customer.created') });
    expect(repos.runs.eventsOfInbox(7)).toEqual([{ id: first, event: event('order.created') }, { id: second, event: event('customer.created') }]);
    expect(createDeliveryEventsQuery(db).of(7).map((e) => e.event)).toEqual([event('order.created'), event('customer.created')]);
    db.close();
  });

  it('retention keeps the event holding the order while another that reads it is kept', async () => {
    const db = open();
    const { repos, first, second } = twoEvents(db, '2026-01-01T00:00:00.000Z');
    // Only the second event started a run (a flow on new customers), not yet finished.
    repos.runs.insert({ id: 'run_1', flowId: 'flw_1', flowVersion: 1, eventId: second, eventType: 'customer.created', inboxId: 7, orderId: 'ord_1', dryRun: false, createdAt: '2026-01-01T00:00:00.000Z' });
    const upkeep = createMaintenance(db);
    const settings = StorageSettings.parse({});
    const later = Date.parse('2027-06-01T00:00:00.000Z');
    await upkeep.run(settings, later, async () => {});
    expect(repos.events.get(second)).toEqual(event('customer.created'));

    // Once nothing reads it any more, the copy goes too.
    db.prepare('DELETE FROM runs').run();
    await upkeep.run(settings, later, async () => {});
    await upkeep.run(settings, later, async () => {});
    expect([repos.events.get(first), repos.events.get(second)]).toEqual([undefined, undefined]);
    db.close();
  });
});
