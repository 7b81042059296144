import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderListFilter, type Order } from '../../engine/contract/index.ts';
import { openDatabase, type Db } from '../../engine/storage/database.ts';
import { loadMigrations, migrate } from '../../engine/storage/migrate.ts';
import { createRepositories } from '../../engine/storage/repositories.ts';
import { makeDataDir } from '../harness/temp-engine.ts';

type Repos = ReturnType<typeof createRepositories>;

const FIN = ['pending', 'paid', 'refunded', 'voided'] as const;
const FUL = ['unfulfilled', 'partial', 'fulfilled'] as const;
const DEL = ['none', 'in_transit', 'delivered', 'returned'] as const;
const STORE = [null, 'Chờ giao hàng', 'Đã giao hàng'] as const;
const PLAT = ['shopify', 'haravan', 'lazada'] as const;
const CONN = ['con_a', 'con_b'] as const;
const TAGS = [[], ['VIP'], ['cod', 'Gift']] as const;
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** A small deterministic generator, so a failure shows the same orders again. */
function random(seed: number) {
  let s = seed;
  return <T>(xs: readonly T[]): T => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return xs[(s >>> 16) % xs.length] as T;
  };
}

function order(i: number, o: Partial<Order> = {}): Order {
  return {
    platform: 'shopify', storeId: 'shop', platformOrderId: String(1000 + i), number: `#${1000 + i}`,
    createdAt: new Date(T0 + i * 3_600_000).toISOString(), updatedAt: new Date(T0 + i * 3_600_000).toISOString(),
    financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false,
    customer: null, shippingAddress: null, billingAddress: null, lineItems: [], subtotalPrice: '10', totalPrice: '10',
    totalTax: '0', totalDiscounts: '0', currency: 'VND', tags: [], test: false, ...o,
  };
}

function addConnections(repos: Repos): void {
  for (const [id, name] of [['con_a', 'Shop A'], ['con_b', 'Shop B']] as const) {
    repos.connections.insert({ id, platform: 'shopify', storeId: id, name, store: 'default', secrets: {}, settings: {}, api: {} as never, createdAt: new Date(T0).toISOString() } as never);
  }
}

interface Stored { id: string; o: Order; conn: string; tags: string[] }

/** What the list must answer, worked out the slow way over every order. */
function expected(all: Stored[], f: OrderListFilter) {
  const keep = (s: Stored, skip?: string) =>
    (skip === 'financialStatus' || !f.financialStatus || s.o.financialStatus === f.financialStatus) &&
    (skip === 'fulfillmentStatus' || !f.fulfillmentStatus || s.o.fulfillmentStatus === f.fulfillmentStatus) &&
    (skip === 'deliveryStatus' || !f.deliveryStatus || s.o.deliveryStatus === f.deliveryStatus) &&
    (skip === 'storeStatus' || f.storeStatus === undefined || (s.o.storeStatus ?? '') === f.storeStatus) &&
    (skip === 'platform' || !f.platform || s.o.platform === f.platform) &&
    (skip === 'connectionId' || !f.connectionId || s.conn === f.connectionId) &&
    (skip === 'cancelled' || f.cancelled === 'all' || !!s.o.cancelledAt === (f.cancelled === 'yes')) &&
    (!f.tag || s.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())) &&
    (!f.placedFrom || Date.parse(s.o.createdAt) >= Date.parse(f.placedFrom)) &&
    (!f.placedTo || Date.parse(s.o.createdAt) < Date.parse(f.placedTo));
  const count = (name: string, value: (s: Stored) => string) => {
    const out: Record<string, number> = {};
    for (const s of all) if (keep(s, name)) out[value(s)] = (out[value(s)] ?? 0) + 1;
    return out;
  };
  const rows = all.filter((s) => keep(s)).sort((a, b) => Date.parse(b.o.createdAt) - Date.parse(a.o.createdAt) || (a.id < b.id ? 1 : -1));
  return {
    ids: rows.map((s) => s.id),
    counts: {
      financialStatus: count('financialStatus', (s) => s.o.financialStatus),
      fulfillmentStatus: count('fulfillmentStatus', (s) => s.o.fulfillmentStatus),
      deliveryStatus: count('deliveryStatus', (s) => s.o.deliveryStatus),
      storeStatus: count('storeStatus', (s) => s.o.storeStatus ?? ''),
      platform: count('platform', (s) => s.o.platform),
      connectionId: count('connectionId', (s) => s.conn),
      cancelled: count('cancelled', (s) => (s.o.cancelledAt ? 'yes' : 'no')),
    },
  };
}

/** Every page, following nextCursor. */
function walk(repos: Repos, f: OrderListFilter, limit: number) {
  const first = repos.orders.list(f, limit);
  const ids = first.rows.map((r) => r.id);
  for (let cursor = first.nextCursor; cursor; ) {
    const page = repos.orders.list(f, limit, cursor);
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor;
  }
  return { first, ids };
}

describe('the orders list: filters, counts beside each option, pages', () => {
  let dir: string;
  let db: Db;
  let repos: Repos;
  const all: Stored[] = [];

  beforeEach(() => {
    dir = makeDataDir();
    db = openDatabase(join(dir, 'flowdesk.db'));
    repos = createRepositories(db);
    addConnections(repos);
    all.length = 0;
    const pick = random(7);
    for (let i = 0; i < 240; i++) {
      const cancelled = pick([false, false, false, true]);
      const o = order(i, {
        financialStatus: pick(FIN), fulfillmentStatus: pick(FUL), deliveryStatus: pick(DEL), storeStatus: pick(STORE),
        platform: pick(PLAT), tags: [...pick(TAGS)], cancelledAt: cancelled ? new Date(T0 + i * 3_600_000 + 60_000).toISOString() : null,
        // Two orders placed in the same millisecond: the page boundary must still split them cleanly.
        ...(i % 50 === 1 ? { createdAt: new Date(T0 + (i - 1) * 3_600_000).toISOString() } : {}),
      });
      const conn = pick(CONN);
      const id = `ord_${String(i).padStart(4, '0')}`;
      repos.orders.save(id, conn, o, null, Date.parse(o.updatedAt), o.updatedAt);
      const local = i % 7 === 0 ? ['vip'] : [];
      if (local.length) repos.orders.setLocalTags(id, local, o.updatedAt);
      all.push({ id, o, conn, tags: [...o.tags, ...local] });
    }
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const filters: Partial<OrderListFilter>[] = [
    {},
    { financialStatus: 'pending' },
    { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
    { cancelled: 'yes' },
    { cancelled: 'no', deliveryStatus: 'in_transit', platform: 'lazada' },
    { storeStatus: 'Chờ giao hàng', connectionId: 'con_b' },
    { storeStatus: '' },
    { tag: 'vip' },
    { tag: 'GIFT', financialStatus: 'refunded' },
    { placedFrom: new Date(T0 + 2 * DAY).toISOString(), placedTo: new Date(T0 + 6 * DAY).toISOString(), platform: 'shopify' },
    { query: '#10', cancelled: 'no' },
  ];
  for (const partial of filters) {
    it(`matches a count done by hand: ${JSON.stringify(partial)}`, () => {
      const f = OrderListFilter.parse(partial);
      const want = expected(partial.query ? all.filter((s) => s.o.number.includes('10')) : all, f);
      const { first, ids } = walk(repos, f, 17);
      // Every case picks orders that exist: an empty answer would prove nothing.
      expect(want.ids.length).toBeGreaterThan(0);
      expect(first.counts).toEqual(want.counts);
      expect(first.total).toBe(want.ids.length);
      expect(ids).toEqual(want.ids);
      expect(first.rows.length).toBe(Math.min(17, want.ids.length));
    });
  }

  it('a cancelled order reads as cancelled, with its store (connection name), store status and placed time', () => {
    const cancelled = all.find((s) => s.o.cancelledAt)!;
    const page = repos.orders.list(OrderListFilter.parse({ cancelled: 'yes' }), 500);
    const row = page.rows.find((r) => r.id === cancelled.id)!;
    expect(row.cancelledAt).toBe(cancelled.o.cancelledAt);
    expect(row.connectionName).toBe(cancelled.conn === 'con_a' ? 'Shop A' : 'Shop B');
    expect(row.storeStatus).toBe(cancelled.o.storeStatus ?? null);
    expect(row.placedAt).toBe(cancelled.o.createdAt);
    expect(page.rows.every((r) => r.cancelledAt !== null)).toBe(true);
  });

  it('keeps the counts exact as orders change status, get cancelled or are removed', () => {
    const s = all.find((x) => x.o.financialStatus === 'pending' && !x.o.cancelledAt)!;
    const before = repos.orders.list(OrderListFilter.parse({}), 1);
    const o = { ...s.o, financialStatus: 'voided' as const, cancelledAt: '2026-03-01T00:00:00.000Z', storeStatus: 'Hủy' };
    repos.orders.save(s.id, s.conn, o, null, Date.parse(o.updatedAt) + 1, o.updatedAt);
    const after = repos.orders.list(OrderListFilter.parse({}), 1);
    expect(after.counts.financialStatus['pending']).toBe(before.counts.financialStatus['pending']! - 1);
    expect(after.counts.financialStatus['voided']).toBe((before.counts.financialStatus['voided'] ?? 0) + 1);
    expect(after.counts.cancelled['yes']).toBe(before.counts.cancelled['yes']! + 1);
    expect(after.counts.storeStatus['Hủy']).toBe(1);
    // The tag filter reads its own table: it follows the change too.
    const tagged = { ...o, tags: ['Flash-Sale'] };
    repos.orders.save(s.id, s.conn, tagged, null, Date.parse(o.updatedAt) + 2, o.updatedAt);
    const flash = repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale' }), 10);
    expect(flash.rows.map((r) => r.id)).toEqual([s.id]);
    expect(flash.counts.financialStatus).toEqual({ voided: 1 });
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale', financialStatus: 'pending' }), 10).total).toBe(0);
    // A payment that leaves the tags alone moves the order's tag rows with it (updated in place).
    const refunded = { ...tagged, financialStatus: 'refunded' as const };
    repos.orders.save(s.id, s.conn, refunded, null, Date.parse(o.updatedAt) + 3, o.updatedAt);
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale' }), 10).counts.financialStatus).toEqual({ refunded: 1 });
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale', financialStatus: 'voided' }), 10).total).toBe(0);
    // Saved again unchanged: every list column stays as it is (only the changed ones are written).
    repos.orders.save(s.id, s.conn, refunded, null, Date.parse(o.updatedAt) + 4, o.updatedAt);
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale' }), 10).rows.map((r) => [r.id, r.financialStatus])).toEqual([[s.id, 'refunded']]);
    db.prepare('DELETE FROM orders WHERE id = ?').run(s.id);
    const removed = repos.orders.list(OrderListFilter.parse({}), 1);
    expect(removed.total).toBe(before.total - 1);
    expect(removed.counts.storeStatus['Hủy']).toBeUndefined();
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'flash-sale' }), 10).total).toBe(0);
    // Vietnamese tags differing only in the case of letters beyond ASCII are one tag, found in any case.
    const vn = order(900, { tags: ['Khách VIP', 'KHÁCH vip', 'khÁch vip'] });
    repos.orders.save('ord_0900', 'con_a', vn, null, Date.parse(vn.updatedAt), vn.updatedAt);
    expect(db.prepare("SELECT tag FROM order_tags WHERE id = 'ord_0900'").pluck().all()).toEqual(['khách vip']);
    for (const tag of ['khách vip', 'KHÁCH VIP']) {
      expect(repos.orders.list(OrderListFilter.parse({ tag }), 10).rows.map((r) => r.id)).toEqual(['ord_0900']);
    }
    // So are those a flow adds (the tag trigger's rewrite): "ĐÃ GỌI" is found as "đã gọi".
    repos.orders.setLocalTags('ord_0900', ['ĐÃ GỌI'], vn.updatedAt);
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'đã gọi' }), 10).rows.map((r) => r.id)).toEqual(['ord_0900']);
    expect(repos.orders.list(OrderListFilter.parse({ tag: 'Đã Gọi', query: '#' }), 10).rows.map((r) => r.id)).toEqual(['ord_0900']);
    // Both side tables still agree with the orders, counted again from scratch.
    expect(db.prepare(`SELECT financial_status, fulfillment_status, delivery_status, store_status, platform, connection_id, cancelled, n
      FROM order_facets WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`).all()).toEqual(db.prepare(`SELECT financial_status, fulfillment_status,
      delivery_status, COALESCE(store_status, '') AS store_status, platform, connection_id, cancelled, count(*) AS n
      FROM orders GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`).all());
    expect(db.prepare('SELECT * FROM order_tags ORDER BY tag, id').all()).toEqual(db.prepare(`SELECT t.tag, o.placed_ms, o.id,
      o.financial_status, o.fulfillment_status, o.delivery_status, o.store_status, o.platform, o.connection_id, o.cancelled
      FROM orders o, (SELECT x.id AS oid, tag_key(j.value) AS tag FROM orders x, json_each(x.platform_tags) j
        UNION SELECT x.id, tag_key(j.value) FROM orders x, json_each(x.local_tags) j) t WHERE t.oid = o.id ORDER BY t.tag, o.id`).all());
  });

  it('an order whose platform and Flowdesk both gave it the same tag (in any case) saves again, and is listed once under it', () => {
    const s = all[3]!;
    const o = { ...s.o, tags: ['VIP', 'gift'] };
    repos.orders.save(s.id, s.conn, o, null, Date.parse(o.updatedAt) + 1, o.updatedAt);
    repos.orders.setLocalTags(s.id, ['vip', 'Gift'], o.updatedAt);
    // The platform's next delivery (the echo of a write-back) carries the tag Flowdesk added.
    const again = { ...o, tags: ['VIP', 'gift', 'vip'] };
    repos.orders.save(s.id, s.conn, again, null, Date.parse(o.updatedAt) + 2, o.updatedAt);
    const vip = repos.orders.list(OrderListFilter.parse({ tag: 'VIP' }), 500);
    expect(vip.rows.filter((r) => r.id === s.id)).toHaveLength(1);
    expect(new Set(vip.rows.map((r) => r.id)).size).toBe(vip.rows.length);
  });

  it('refuses a cursor it did not give', () => {
    expect(() => repos.orders.list(OrderListFilter.parse({}), 5, 'nonsense')).toThrow(/not a cursor/);
  });

  it('walks an index in sort order for a status filter and for no filter (no sort of all rows)', () => {
    const plan = (where: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT o.id FROM orders o ${where} ORDER BY o.placed_ms DESC, o.id DESC LIMIT 51`).all({}) as { detail: string }[])
        .map((r) => r.detail).join('; ');
    expect(plan(`WHERE (o.financial_status = 'paid')`)).toMatch(/USING (COVERING )?INDEX orders_financial_placed/);
    expect(plan(`WHERE (o.delivery_status = 'delivered')`)).toMatch(/USING (COVERING )?INDEX orders_delivery_placed/);
    expect(plan('')).toMatch(/USING (COVERING )?INDEX orders_placed/);
    for (const p of [plan(`WHERE (o.financial_status = 'paid')`), plan('')]) expect(p).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 0018 fills the new columns and counts from the orders already stored', () => {
  it('backfills placed time, delivery, store status, cancelled and tags from the JSON', () => {
    const dir = makeDataDir();
    const db = new Database(join(dir, 'old.db'));
    try {
      migrate(db, loadMigrations().filter((m) => m.id < 18));
      db.prepare(`INSERT INTO orders (id, connection_id, platform, platform_order_id, number, financial_status, fulfillment_status,
        total_price, currency, platform_updated_at, platform_updated_ms, data, created_at, updated_at)
        VALUES (?, 'con_a', 'lazada', ?, ?, ?, 'unfulfilled', '1', 'VND', '', 0, ?, '2026-06-01T00:00:00Z', '')`).run(
        'ord_old', '1', '#1', 'pending',
        JSON.stringify(order(1, { platform: 'lazada', createdAt: '2026-02-03T10:00:00+07:00', deliveryStatus: 'delivery_failed', storeStatus: 'Hủy giao hàng', cancelledAt: '2026-02-04T00:00:00Z', tags: ['Gift'] })),
      );
      migrate(db);
      const row = db.prepare('SELECT placed_ms, delivery_status, store_status, cancelled, platform_tags FROM orders').get();
      expect(row).toEqual({ placed_ms: Date.parse('2026-02-03T03:00:00Z'), delivery_status: 'delivery_failed', store_status: 'Hủy giao hàng', cancelled: 1, platform_tags: '["Gift"]' });
      expect(db.prepare('SELECT tag, id, financial_status, cancelled FROM order_tags').all()).toEqual([{ tag: 'gift', id: 'ord_old', financial_status: 'pending', cancelled: 1 }]);
      expect(db.prepare('SELECT * FROM order_facets').all()).toEqual([
        { financial_status: 'pending', fulfillment_status: 'unfulfilled', delivery_status: 'delivery_failed', store_status: 'Hủy giao hàng', platform: 'lazada', connection_id: 'con_a', cancelled: 1, n: 1 },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 0027 lists again the tags SQLite lower() left with capitals', () => {
  it('an order tagged "KHÁCH VIP" before is found by "khách vip" after, and ASCII-only tags are left as they were', () => {
    const dir = makeDataDir();
    const db = new Database(join(dir, 'old.db'));
    try {
      migrate(db);
      const repos = createRepositories(db);
      const vn = order(1, { tags: ['KHÁCH VIP', 'Gift'] });
      const plain = order(2, { tags: ['Gift'] });
      repos.orders.save('ord_vn', 'con_a', vn, null, Date.parse(vn.updatedAt), vn.updatedAt);
      repos.orders.save('ord_plain', 'con_a', plain, null, Date.parse(plain.updatedAt), plain.updatedAt);
      // As SQLite's lower() had written them, before 0027 (run again).
      db.prepare("UPDATE order_tags SET tag = 'khÁch vip' WHERE tag = 'khách vip'").run();
      db.prepare('DELETE FROM schema_migrations WHERE id = 27').run();
      migrate(db);
      expect(db.prepare('SELECT tag, id FROM order_tags ORDER BY tag, id').all()).toEqual([
        { tag: 'gift', id: 'ord_plain' }, { tag: 'gift', id: 'ord_vn' }, { tag: 'khách vip', id: 'ord_vn' },
      ]);
      expect(repos.orders.list(OrderListFilter.parse({ tag: 'khách vip' }), 10).rows.map((r) => r.id)).toEqual(['ord_vn']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
