import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { returningCustomerFlow, vipFlow } from '../harness/flows.ts';

describe('durability across restarts', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('a delivery answered 200 but not yet processed runs exactly once after a restart', async () => {
    // The first engine receives and commits but processes nothing (workers: 0).
    t = await startTempEngine({ workers: 0 });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    const res = await postShopify(c.webhookUrl);
    expect(res.status).toBe(200);
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
    expect((await t.engine.call('engine.status', {})).queue.queued).toBe(1);

    t = await t.restart({ workers: 2 });
    await t.engine.idle();
    const runs = await t.engine.call('runs.list', {});
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    const order = await t.engine.call('orders.get', { ref: '#9999' });
    expect(order.summary.localTags).toEqual(['VIP']);
    expect(order.timeline.filter((e) => e.kind === 'tag_added')).toHaveLength(1);

    // And again: nothing left to do, nothing done twice.
    t = await t.restart();
    await t.engine.idle();
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
    const status = await t.engine.call('engine.status', {});
    expect(status.queue).toMatchObject({ queued: 0, leased: 0, dead: 0 });
  });

  it('refuses a second engine on the same data dir while the first runs', async () => {
    t = await startTempEngine();
    const { createEngine } = await import('../../engine/create-engine.ts');
    const { silentLogger } = await import('../../engine/shared/logger.ts');
    const second = createEngine({ dataDir: t.dataDir, webhookPort: 0, apiPort: 0, logger: silentLogger });
    await expect(second.start()).rejects.toThrow(/another Flowdesk engine/);
    await second.stop();
  });
});

describe('customers are upserted by email (seeds 000/001)', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('two orders with the same email and different names make one customer, updated from the later order', async () => {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const first = sampleOrder({
      id: 1001, admin_graphql_api_id: 'gid://shopify/Order/1001', name: '#1001', email: 'Lan@Example.com',
      customer: { id: 7, email: 'lan@example.com', first_name: 'Lan', last_name: 'Nguyen', phone: '+84900000001' },
    });
    const second = sampleOrder({
      id: 1002, admin_graphql_api_id: 'gid://shopify/Order/1002', name: '#1002', email: 'lan@example.com',
      customer: { id: 7, email: 'lan@example.com', first_name: 'Lan', last_name: 'Tran', phone: '+84900000002' },
      shipping_address: { name: 'Lan Tran', address1: '12 Lý Thường Kiệt', city: 'Hà Nội', country: 'Vietnam', phone: '+84900000002' },
    });
    expect((await postShopify(c.webhookUrl, { body: JSON.stringify(first) })).status).toBe(200);
    await t.engine.idle();
    const [created] = await t.engine.call('customers.list', {});
    expect(created).toMatchObject({ email: 'lan@example.com', name: 'Lan Nguyen', phone: '+84900000001' });

    expect((await postShopify(c.webhookUrl, { body: JSON.stringify(second) })).status).toBe(200);
    await t.engine.idle();
    const customers = await t.engine.call('customers.list', {});
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ id: created!.id, name: 'Lan Tran', phone: '+84900000002' });
    expect(customers[0]!.address).toMatchObject({ address1: '12 Lý Thường Kiệt', city: 'Hà Nội' });
    const orders = (await t.engine.call('orders.list', {})).rows;
    expect(orders.map((o) => o.customerId)).toEqual([created!.id, created!.id]);
  });
});

describe('several engines in one process', () => {
  it('keep their own data, ports and flows', async () => {
    const [a, b] = await Promise.all([startTempEngine(), startTempEngine()]);
    try {
      expect(a.webhookBaseUrl).not.toBe(b.webhookBaseUrl);
      const ca = await a.engine.call('connections.create', { platform: 'shopify', storeId: 'a.myshopify.com', secret: SHOPIFY_SECRET });
      await b.engine.call('connections.create', { platform: 'shopify', storeId: 'b.myshopify.com', secret: SHOPIFY_SECRET });
      const flow = await a.engine.call('flows.save', { document: vipFlow() });
      await a.engine.call('flows.activate', { id: flow.id });
      expect((await postShopify(ca.webhookUrl)).status).toBe(200);
      // The same connection id does not exist on the other engine.
      expect((await postShopify(ca.webhookUrl.replace(a.webhookBaseUrl, b.webhookBaseUrl))).status).toBe(404);
      await Promise.all([a.engine.idle(), b.engine.idle()]);
      expect(await a.engine.call('runs.list', {})).toHaveLength(1);
      expect((await b.engine.call('orders.list', {})).rows).toEqual([]);
      expect(await b.engine.call('flows.list', {})).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('customers without an email (marketplace orders)', () => {
  it('are matched by phone, +84 and 0 written alike, and never merged with an email customer', async () => {
    const { upsertCustomerFromOrder } = await import('../../engine/domain/customers.ts');
    const { openDatabase } = await import('../../engine/storage/database.ts');
    const { createCustomersRepo } = await import('../../engine/storage/repos/customers-repo.ts');
    const { makeDataDir } = await import('../harness/temp-engine.ts');
    const db = openDatabase(`${makeDataDir()}/c.db`);
    const repo = createCustomersRepo(db);
    const order = (email: string | null, phone: string, name: string) => ({
      customer: { email, phone, name, emailVerified: false }, shippingAddress: null, billingAddress: null,
    }) as never;
    const a = upsertCustomerFromOrder(repo, order(null, '+84 901 234 567', 'An'), 'now');
    const b = upsertCustomerFromOrder(repo, order(null, '0901234567', 'Nguyễn Văn An'), 'later');
    const c = upsertCustomerFromOrder(repo, order('an@example.com', '0901234567', 'An'), 'later');
    expect(a?.change).toBe('created');
    expect(b).toMatchObject({ change: 'updated', customer: { id: a!.customer.id, name: 'Nguyễn Văn An' } });
    expect(c?.change).toBe('created');
    expect(c!.customer.id).not.toBe(a!.customer.id);
    db.close();
  });
});

describe('a backlog is processed in batches', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('one delivery that cannot be read fails alone; the others in its batch are applied and run', async () => {
    t = await startTempEngine({ workers: 0 });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    for (let i = 0; i < 20; i++) {
      const body = i === 7 ? JSON.stringify({ not: 'an order' }) : JSON.stringify(sampleOrder({ id: 9000 + i, admin_graphql_api_id: `gid://shopify/Order/${9000 + i}`, name: `#L${i}` }));
      expect((await postShopify(c.webhookUrl, { body })).status).toBe(200);
    }
    t = await t.restart({ workers: 2 });
    await t.engine.idle();
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(19);
    const runs = await t.engine.call('runs.list', {});
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(19);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.filter((e) => e.processing === 'dead').map((e) => e.outcome)).toEqual([expect.stringMatching(/not a Shopify order/)]);
    expect((await t.engine.call('engine.status', {})).queue).toMatchObject({ queued: 0, leased: 0, dead: 1 });
  });

  it('runs done together still see what the run before them wrote for the same customer', async () => {
    t = await startTempEngine({ workers: 0 });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await t.engine.call('flows.save', { document: returningCustomerFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    // Three orders, the first two from one customer, taken in one batch after the restart.
    const orders = [['#R1', 'ann@example.com'], ['#R2', 'ann@example.com'], ['#R3', 'bob@example.com']] as const;
    for (const [i, [name, email]] of orders.entries()) {
      const body = JSON.stringify(sampleOrder({ id: 7100 + i, admin_graphql_api_id: `gid://shopify/Order/${7100 + i}`, name, email, customer: { ...sampleOrder()['customer'] as object, email } }));
      expect((await postShopify(c.webhookUrl, { body })).status).toBe(200);
    }
    t = await t.restart({ workers: 2 });
    await t.engine.idle();
    const tags = async (ref: string) => (await t!.engine.call('orders.get', { ref })).summary.localTags;
    expect(await tags('#R1')).toEqual([]);
    expect(await tags('#R2')).toEqual(['returning']);
    expect(await tags('#R3')).toEqual([]);
    expect((await t.engine.call('runs.list', {})).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });
});

describe('a delivery that cannot be stored', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('fails alone, said on the delivery, while the backlog it came in with is stored', async () => {
    t = await startTempEngine({ workers: 0, queue: { maxAttempts: 2, retryBaseMs: 10, retryMaxMs: 20 } });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    for (let n = 1; n <= 6; n++) {
      const body = JSON.stringify(sampleOrder({ id: 5000 + n, admin_graphql_api_id: `gid://shopify/Order/${5000 + n}`, name: `#50${n}` }));
      expect((await postShopify(c.webhookUrl, { body })).status).toBe(200);
    }
    // Something in the database refuses one order (a stand-in for a bug or a broken constraint).
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(t.dataDir, 'flowdesk.db'));
    db.exec("CREATE TRIGGER poisoned BEFORE INSERT ON orders WHEN new.number = '#503' BEGIN SELECT RAISE(ABORT, 'order #503 refused by the test'); END;");
    db.close();

    // The backlog is taken up in one batch after the restart.
    t = await t.restart({ workers: 2 });
    await t.engine.idle(5_000);
    const numbers = (await t.engine.call('orders.list', {})).rows.map((o) => o.number).sort();
    expect(numbers).toEqual(['#501', '#502', '#504', '#505', '#506']);
    const inbox = await t.engine.call('inbox.list', {});
    const refused = inbox.find((d) => d.processing !== 'processed');
    expect(inbox.filter((d) => d.processing === 'processed')).toHaveLength(5);
    expect(refused).toMatchObject({ processing: 'dead', outcome: expect.stringContaining('could not store what the delivery carries: order #503 refused by the test') });
  });
});
