import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';
import { vipFlow } from '../harness/flows.ts';

const DAY = 86_400_000;
const EMAIL = 'lan.nguyen@example.vn';

describe('the timeline API and the customer page', () => {
  let t: TempEngine | undefined;
  let esms: FakeEsms | undefined;
  afterEach(async () => {
    await t?.close();
    await esms?.close();
    t = undefined;
    esms = undefined;
  });

  /** A Shopify store with the VIP flow, one order updated `updates` times (each a delivery, a run, its steps). */
  async function shopifyOrder(updates: number, clock?: { now: () => number }) {
    t ??= await startTempEngine(clock ? { clock } : {});
    const hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
    const body = (i: number) => JSON.stringify(sampleOrder({ email: EMAIL, updated_at: new Date(Date.parse('2026-11-20T00:00:00Z') + i * 60_000).toISOString() }));
    expect((await postShopify(hook, { body: body(0) })).status).toBe(200);
    for (let i = 1; i <= updates; i++) expect((await postShopify(hook, { topic: 'orders/updated', body: body(i) })).status).toBe(200);
    await t.engine.idle();
    return { hook, order: await t.engine.call('orders.get', { ref: '#9999' }) };
  }

  it('pages an order timeline back from the newest entry, and filters it by kind with counts of every kind', async () => {
    const { order } = await shopifyOrder(3);
    const full = order.timeline;
    expect(full.length).toBeGreaterThan(8);
    const orderId = order.summary.id;

    const first = await t!.engine.call('timeline.forOrder', { orderId, limit: 5 });
    expect(first.entries.map((e) => e.id)).toEqual(full.slice(-5).map((e) => e.id));
    const pages = [first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await t!.engine.call('timeline.forOrder', { orderId, limit: 5, before: cursor });
      pages.unshift(page.entries);
      cursor = page.nextCursor;
    }
    expect(pages.flat().map((e) => e.id)).toEqual(full.map((e) => e.id));

    const counted: Record<string, number> = {};
    for (const e of full) counted[e.kind] = (counted[e.kind] ?? 0) + 1;
    expect(first.counts).toEqual(counted);
    expect(counted['delivery']).toBe(4);

    const deliveries = await t!.engine.call('timeline.forOrder', { orderId, kinds: ['delivery'] });
    expect(deliveries.entries.map((e) => e.id)).toEqual(full.filter((e) => e.kind === 'delivery').map((e) => e.id));
    expect(deliveries.nextCursor).toBeNull();
    const runsAndSteps = await t!.engine.call('timeline.forOrder', { orderId, kinds: ['run', 'step'], limit: 500 });
    expect(runsAndSteps.entries.map((e) => e.id)).toEqual(full.filter((e) => e.kind === 'run' || e.kind === 'step').map((e) => e.id));

    await expect(t!.engine.call('timeline.forOrder', { orderId: 'ord_nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t!.engine.call('timeline.forOrder', { orderId, limit: 501 })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(t!.engine.call('timeline.forOrder', { orderId, before: 'yesterday' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('keeps every timeline entry when retention removes the raw bodies and the runs', async () => {
    let now = Date.parse('2026-11-23T00:00:00Z');
    const { order } = await shopifyOrder(2, { now: () => now });
    const orderId = order.summary.id;
    const before = await t!.engine.call('timeline.forOrder', { orderId, limit: 500 });
    expect((await t!.engine.call('runs.list', {})).length).toBeGreaterThan(0);

    now += 120 * DAY;
    const report = await t!.engine.call('storage.maintain', {});
    expect(report.rawBodiesRemoved).toBe(3);
    expect(report.runsRemoved).toBeGreaterThan(0);
    expect(await t!.engine.call('runs.list', {})).toEqual([]);
    const [delivery] = await t!.engine.call('inbox.list', {});
    expect((await t!.engine.call('inbox.get', { id: delivery!.id })).body).toBe('');

    const after = await t!.engine.call('timeline.forOrder', { orderId, limit: 500 });
    expect(after.entries).toEqual(before.entries);
    expect(after.counts).toEqual(before.counts);
    expect(after.counts.run).toBeGreaterThan(0);
  });

  it('shows one customer for the same email on two platforms: both orders, the messages sent or skipped, one joined timeline', async () => {
    t = await startTempEngine();
    esms = await startFakeEsms();
    const haravanHook = (await t!.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    const acc = await t!.engine.call('accounts.create', {
      connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl },
    });
    const sms = await t!.engine.call('flows.save', { document: cancelledThen(smsNode(acc.id)) });
    await t!.engine.call('flows.activate', { id: sms.id });
    // The first has no phone and none is known yet: its SMS is skipped, and says why.
    expect(await postHaravanCancelled(haravanHook, cancelledOrder({ id: 7002, number: '#HRV7002', phone: null, email: EMAIL }))).toBe(200);
    await t!.engine.idle(2_000);
    expect(await postHaravanCancelled(haravanHook, cancelledOrder({ id: 7001, number: '#HRV7001', phone: '+84 912-345-678', email: EMAIL.toUpperCase() }))).toBe(200);
    await t!.engine.idle(2_000);
    // Known by the phone the order gave ("+84 912-345-678"), found by it typed another way.
    const byPhone = await t!.engine.call('customers.list', { query: '0912345678' });
    expect(byPhone.map((c) => c.phone)).toEqual(['+84 912-345-678']);
    const { order: shopify } = await shopifyOrder(0);

    const found = await t!.engine.call('customers.list', { query: 'lan.nguyen' });
    expect(found.map((c) => c.id)).toEqual(byPhone.map((c) => c.id));
    const page = await t!.engine.call('customers.page', { id: found[0]!.id });
    expect(page.customer.email).toBe(EMAIL);
    expect(page.orders.map((o) => [o.platform, o.number]).sort()).toEqual([['haravan', '#HRV7001'], ['haravan', '#HRV7002'], ['shopify', '#9999']]);
    expect(shopify.summary.customerId).toBe(found[0]!.id);

    const messages = page.messages.map((m) => ({ order: m.orderNumber, status: m.entry.data?.kind === 'step' ? m.entry.data.status : null, code: m.entry.data?.kind === 'step' ? m.entry.data.reasonCode : null, did: m.entry.data?.kind === 'step' ? m.entry.data.did : null }));
    expect(messages.sort((a, b) => a.order.localeCompare(b.order))).toEqual([
      { order: '#HRV7001', status: 'done', code: undefined, did: [{ kind: 'sms.send', to: '0912345678' }] },
      { order: '#HRV7002', status: 'skipped', code: 'no_phone', did: undefined },
    ]);

    const joined = await t!.engine.call('timeline.forCustomer', { customerId: page.customer.id });
    expect(new Set(joined.entries.map((e) => e.orderId))).toEqual(new Set(page.orders.map((o) => o.id)));
    const times = joined.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    const onlyDeliveries = await t!.engine.call('timeline.forCustomer', { customerId: page.customer.id, kinds: ['delivery'] });
    expect(onlyDeliveries.entries).toHaveLength(3);
    expect(onlyDeliveries.counts.delivery).toBe(3);
    expect(onlyDeliveries.counts.step).toBeGreaterThan(0);
    await expect(t!.engine.call('customers.page', { id: 'cus_nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
