import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

/** Signed Shopify webhooks through a real engine, then orders.list as the Orders page calls it. */
describe('orders.list through the API', () => {
  let t: TempEngine;
  let connectionId: string;

  beforeAll(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET, name: 'Hà Nội shop' });
    connectionId = connection.id;
    const post = (id: number, o: Record<string, unknown>) =>
      postShopify(connection.webhookUrl, { body: JSON.stringify(sampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}`, order_number: id, ...o })) });
    expect((await post(5001, { financial_status: 'pending', created_at: '2026-03-01T09:00:00+07:00', tags: 'cod' })).status).toBe(200);
    expect((await post(5002, { financial_status: 'paid', created_at: '2026-03-02T09:00:00+07:00', tags: 'VIP, gift' })).status).toBe(200);
    // Cancelled before it was paid: Shopify voids the payment; the order still says "pending" nowhere.
    expect((await post(5003, { financial_status: 'voided', created_at: '2026-03-03T09:00:00+07:00', cancelled_at: '2026-03-03T10:00:00+07:00', cancel_reason: 'customer' })).status).toBe(200);
    await t.engine.idle();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a page newest placed first with the store name, the total and the counts', async () => {
    const list = await t.engine.call('orders.list', { limit: 2 });
    expect(list.rows.map((r) => r.number)).toEqual(['#5003', '#5002']);
    expect(list.total).toBe(3);
    expect(list.rows[0]).toMatchObject({ connectionName: 'Hà Nội shop', financialStatus: 'voided', cancelledAt: '2026-03-03T10:00:00+07:00', storeStatus: 'cancelled', placedAt: '2026-03-03T09:00:00+07:00' });
    expect(list.counts.financialStatus).toEqual({ pending: 1, paid: 1, voided: 1 });
    expect(list.counts.cancelled).toEqual({ yes: 1, no: 2 });
    expect(list.counts.connectionId).toEqual({ [connectionId]: 3 });
    const next = await t.engine.call('orders.list', { limit: 2, cursor: list.nextCursor! });
    expect(next.rows.map((r) => r.number)).toEqual(['#5001']);
    expect(next.nextCursor).toBeNull();
  });

  it('filters by cancelled, tag and date, each count leaving out its own filter', async () => {
    const cancelled = await t.engine.call('orders.list', { cancelled: 'yes' });
    expect(cancelled.rows.map((r) => r.number)).toEqual(['#5003']);
    expect(cancelled.counts.cancelled).toEqual({ yes: 1, no: 2 });
    expect(cancelled.counts.financialStatus).toEqual({ voided: 1 });

    const vip = await t.engine.call('orders.list', { tag: 'vip' });
    expect(vip.rows.map((r) => r.number)).toEqual(['#5002']);

    const march2 = await t.engine.call('orders.list', { placedFrom: '2026-03-02T00:00:00+07:00', placedTo: '2026-03-03T00:00:00+07:00' });
    expect(march2.rows.map((r) => r.number)).toEqual(['#5002']);
    expect(march2.total).toBe(1);
  });

  it('refuses a status the contract does not know, naming the field', async () => {
    await expect(t.engine.call('orders.list', { financialStatus: 'lost' } as never)).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringMatching(/financialStatus/) });
  });
});
