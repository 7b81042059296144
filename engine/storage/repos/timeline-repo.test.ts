import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../database.ts';
import { createTimeline } from '../../domain/timeline.ts';
import type { TimelineData } from '../../contract/index.ts';
import { createTimelineRepo } from './timeline-repo.ts';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const step = (n: number): TimelineData => ({ kind: 'step', nodeId: `n${n}`, nodeType: 'http.request', status: 'done' });
const delivery = (n: number): TimelineData => ({ kind: 'delivery', topic: `orders/updated#${n}`, verdict: 'accepted', signature: 'verified' });

/** Each query's plan, as SQLite would run it, one line per step. */
function planOf(db: Db, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

describe('an order timeline read a page at a time', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowdesk-timeline-'));
    db = openDatabase(join(dir, 'timeline.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An order with 3,000 steps and, every 300th entry, a delivery; and another order beside it. */
  function longOrder() {
    const timeline = createTimeline(createTimelineRepo(db));
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) timeline.append('ord_long', T0 + i * 1000, i % 300 === 0 ? delivery(i) : step(i));
      for (let i = 0; i < 50; i++) timeline.append('ord_other', T0 + i * 1000, delivery(i));
    })();
    return timeline;
  }

  it('pages back from the newest entry, oldest first within a page, until nothing older is left', () => {
    const timeline = longOrder();
    const first = timeline.page(['ord_long'], { limit: 1000 });
    expect(first.entries).toHaveLength(1000);
    expect(first.entries[0]!.at < first.entries.at(-1)!.at).toBe(true);
    expect(first.entries.at(-1)!.at).toBe(new Date(T0 + 2999 * 1000).toISOString());
    const seen = [...first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = timeline.page(['ord_long'], { limit: 1000, before: cursor });
      seen.unshift(...next.entries);
      cursor = next.nextCursor;
    }
    expect(seen.map((e) => e.id)).toEqual(timeline.forOrder('ord_long').map((e) => e.id));
    expect(first.counts).toEqual({ step: 2990, delivery: 10 });
  });

  it('filters by kind without walking the other kinds, and counts every kind', () => {
    const timeline = longOrder();
    const page = timeline.page(['ord_long'], { kinds: ['delivery'], limit: 4 });
    expect(page.entries.map((e) => (e.data?.kind === 'delivery' ? e.data.topic : null))).toEqual([
      'orders/updated#1800', 'orders/updated#2100', 'orders/updated#2400', 'orders/updated#2700',
    ]);
    const rest = timeline.page(['ord_long'], { kinds: ['delivery'], limit: 100, before: page.nextCursor! });
    expect(rest.entries).toHaveLength(6);
    expect(rest.nextCursor).toBeNull();
    expect(rest.counts.delivery).toBe(10);

    // The plans: one index range of the order, walked in time order (no scan of the table, no
    // sort of the order's entries); the kind is read from the index, and so are the counts.
    const byKind = planOf(db, `SELECT * FROM timeline WHERE order_id = @o AND kind = @k AND (at_ms, id) < (@a, @i) ORDER BY at_ms DESC, id DESC LIMIT 5`,
      { o: 'ord_long', k: 'delivery', a: Number.MAX_SAFE_INTEGER, i: Number.MAX_SAFE_INTEGER });
    expect(byKind.join('\n')).toMatch(/SEARCH timeline USING INDEX timeline_order \(order_id=\? AND/);
    expect(byKind.join('\n')).not.toMatch(/SCAN|TEMP B-TREE/);
    const all = planOf(db, `SELECT * FROM timeline WHERE order_id = @o AND (at_ms, id) < (@a, @i) ORDER BY at_ms DESC, id DESC LIMIT 5`,
      { o: 'ord_long', a: Number.MAX_SAFE_INTEGER, i: Number.MAX_SAFE_INTEGER });
    expect(all.join('\n')).toMatch(/SEARCH timeline USING INDEX timeline_order \(order_id=\?/);
    expect(all.join('\n')).not.toMatch(/SCAN|TEMP B-TREE/);
    const counts = planOf(db, 'SELECT kind, COUNT(*) AS n FROM timeline WHERE order_id = @o GROUP BY kind', { o: 'ord_long' });
    expect(counts.join('\n')).toMatch(/USING COVERING INDEX timeline_order/);
  });

  it('joins several orders in time order, as a customer page does', () => {
    const timeline = longOrder();
    const page = timeline.page(['ord_other', 'ord_long'], { kinds: ['delivery'], limit: 100 });
    expect(page.entries).toHaveLength(60);
    expect(page.nextCursor).toBeNull();
    const times = page.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(new Set(page.entries.map((e) => e.orderId))).toEqual(new Set(['ord_other', 'ord_long']));
    expect(page.counts).toEqual({ step: 2990, delivery: 60 });
  });
});
