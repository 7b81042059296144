import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { settled, tagFlow } from '../harness/reconcile.ts';
import { makeOrder, startFakeStoreApi } from '../harness/fake-haravan-sapo-api.ts';
import { startFakeWooCommerce, WOO_KEY, WOO_SECRET, wooDate, wooOrder } from '../harness/fake-woocommerce-api.ts';
import { startFakeLazada } from '../harness/fake-lazada-api.ts';
import { nhanhFakeOrder, startNhanhFake } from '../harness/fake-nhanhvn-api.ts';
import { kiotVietFakeInvoice, kiotVietFakeOrder, kvTime, startKiotVietFake } from '../harness/fake-kiotviet-api.ts';

/**
 * Issue 13's promise on every platform with a list API but Shopify (reconcile.test.ts): orders
 * made while the engine was stopped are caught up at start, each through its platform's real
 * client, adapter and processing, and each change runs its flow once.
 */

/** What the test expects of one order in Flowdesk. */
interface Expected {
  number: string;
  financialStatus: string;
  platformStatus: string;
}

/** One platform's fake, as the shared test drives it. */
interface PlatformRun {
  connection: { storeId: string; secrets: Record<string, string>; settings?: Record<string, unknown>; api: { baseUrl: string; options?: Record<string, string> } };
  /** Makes order `i` of the 200 on the platform, last changed at `atMs`. */
  make(i: number, atMs: number): void;
  expected(i: number): Expected;
  /** Changes order `i` on the platform (a note, a newer update time), at `atMs`. */
  change(i: number, atMs: number): void;
  /** What Flowdesk's order `i` says after that change. */
  changed(i: number): { note?: string; platformStatus?: string };
  close(): Promise<void>;
}

interface PlatformCase {
  platform: Platform;
  label: string;
  start(): Promise<PlatformRun>;
}

const ORDERS = 200;
const CHANGED = [0, 3, 7, 21, 50, 99, 120, 163, 180, 199];

const haravanCase: PlatformCase = {
  platform: 'haravan',
  label: 'Haravan',
  async start() {
    const token = 'hrv_private_token_0123456789';
    const fake = await startFakeStoreApi({ dialect: 'haravan', token });
    const status = (i: number) => (i % 10 === 3 ? 'cancelled' : i % 10 === 7 ? 'closed' : 'confirmed');
    return {
      connection: { storeId: '1000114691', secrets: { webhookSecret: 'hrv-webhook-secret', apiToken: token }, api: { baseUrl: fake.apiUrl } },
      make(i, atMs) {
        const at = new Date(atMs).toISOString();
        const extra =
          status(i) === 'cancelled' ? { cancelled_at: at, cancelled_status: 'cancelled', cancel_reason: 'customer' } : status(i) === 'closed' ? { closed_at: at, closed_status: 'closed', financial_status: 'paid' } : {};
        fake.seedOrders(makeOrder('haravan', { id: 2000 + i, created: new Date(atMs - 60_000).toISOString(), updated: at, extra }));
      },
      expected: (i) => ({ number: `#${3000 + i}`, financialStatus: status(i) === 'closed' ? 'paid' : 'pending', platformStatus: status(i) }),
      change(i, atMs) {
        const o = fake.order(2000 + i)!;
        o['note'] = 'gift wrap';
        o['updated_at'] = new Date(atMs).toISOString();
      },
      changed: () => ({ note: 'gift wrap' }),
      close: () => fake.close(),
    };
  },
};

const sapoCase: PlatformCase = {
  platform: 'sapo',
  label: 'Sapo Web',
  async start() {
    const key = 'sapo-private-key';
    const secret = 'sapo-private-secret';
    const fake = await startFakeStoreApi({ dialect: 'sapo', apiKey: key, apiSecret: secret });
    // Sapo lists each status on its own (`status=any` lists nothing): the three are mixed.
    const status = (i: number) => (i % 10 === 3 ? 'cancelled' : i % 10 === 7 ? 'closed' : 'open');
    return {
      connection: { storeId: 'flowdesk-demo.mysapo.net', secrets: { webhookSecret: 'sapo-webhook-secret', apiKey: key, apiSecret: secret }, api: { baseUrl: fake.apiUrl } },
      make(i, atMs) {
        const at = new Date(atMs).toISOString();
        const extra =
          status(i) === 'cancelled' ? { cancelled_on: at, status: 'cancelled', cancel_reason: 'customer' } : status(i) === 'closed' ? { closed_on: at, status: 'closed', financial_status: 'paid' } : {};
        fake.seedOrders(makeOrder('sapo', { id: 3000 + i, created: new Date(atMs - 60_000).toISOString(), updated: at, extra }));
      },
      expected: (i) => ({ number: `#${4000 + i}`, financialStatus: status(i) === 'closed' ? 'paid' : 'pending', platformStatus: status(i) }),
      change(i, atMs) {
        const o = fake.order(3000 + i)!;
        o['note'] = 'gift wrap';
        o['modified_on'] = new Date(atMs).toISOString();
      },
      changed: () => ({ note: 'gift wrap' }),
      close: () => fake.close(),
    };
  },
};

const woocommerceCase: PlatformCase = {
  platform: 'woocommerce',
  label: 'WooCommerce',
  async start() {
    const fake = await startFakeWooCommerce();
    const statuses = ['pending', 'processing', 'completed', 'on-hold', 'cancelled'];
    const status = (i: number) => statuses[i % statuses.length]!;
    return {
      connection: { storeId: 'https://shop.example/', secrets: { webhookSecret: 'woo-webhook-secret', consumerKey: WOO_KEY, consumerSecret: WOO_SECRET }, api: { baseUrl: fake.apiBase } },
      make(i, atMs) {
        const paid = status(i) === 'processing' || status(i) === 'completed';
        fake.seed(wooOrder(5000 + i, atMs, { status: status(i), ...(paid ? { date_paid_gmt: wooDate(atMs), date_paid: wooDate(atMs) } : {}) }));
      },
      expected: (i) => ({ number: String(5000 + i), financialStatus: ['processing', 'completed'].includes(status(i)) ? 'paid' : status(i) === 'cancelled' ? 'voided' : 'pending', platformStatus: status(i) }),
      change(i, atMs) {
        const o = fake.order(5000 + i);
        o['customer_note'] = 'gift wrap';
        o['date_modified_gmt'] = wooDate(atMs);
        o['date_modified'] = wooDate(atMs + 7 * 3_600_000);
      },
      changed: () => ({ note: 'gift wrap' }),
      close: () => fake.close(),
    };
  },
};

const lazadaCase: PlatformCase = {
  platform: 'lazada',
  label: 'Lazada',
  async start() {
    const creds = { appKey: '112233', appSecret: 'lazada-test-secret', accessToken: 'seller-token-1', sellerName: 'Flowdesk Demo Shop' };
    const fake = await startFakeLazada(creds);
    // Item statuses as a seller's order list has them; the ids keep each order's item ids apart.
    const mixes = [['pending', 'pending'], ['packed'], ['ready_to_ship'], ['shipped'], ['delivered'], ['canceled']];
    // 200 orders take 2 list pages a run, but Lazada's bucket (3, then 1 call/s) makes this case ~6 s: with
    // storeApiSleep a no-op, the bucket waits for the real clock to refill.
    const id = (i: number) => String(260422900000363 + i * 1000);
    return {
      connection: {
        storeId: '1234567',
        secrets: { appSecret: creds.appSecret, accessToken: creds.accessToken },
        settings: { appKey: creds.appKey, apiBaseUrl: `${fake.baseUrl}/rest` },
        api: { baseUrl: `${fake.baseUrl}/rest` },
      },
      make: (i, atMs) => void fake.seed(id(i), { updatedAtMs: atMs, statuses: mixes[i % mixes.length]! }),
      // COD: paid once Lazada says delivered (the carrier collected), voided when cancelled unpaid.
      expected: (i) => {
        const status = mixes[i % mixes.length]![0]!;
        return { number: id(i), financialStatus: status === 'delivered' ? 'paid' : status === 'canceled' ? 'voided' : 'pending', platformStatus: status };
      },
      change(i, atMs) {
        // The seller packs it in Seller Center (or, for one already on its way, Lazada moves its update time).
        // Lazada has no notes to edit. As a marketplace its adapter also derives marketplace.status_changed for
        // the pending → packed ones; order.updated is derived for every one, so the "updated" flow still runs 10 times.
        const o = fake.orders.get(id(i))!;
        for (const item of o.items) if (item.status === 'pending') item.status = 'packed';
        o.updatedAtMs = atMs;
      },
      changed: (i) => {
        const status = mixes[i % mixes.length]![0]!;
        return { platformStatus: status === 'pending' ? 'packed' : status };
      },
      close: () => fake.close(),
    };
  },
};

const nhanhvnCase: PlatformCase = {
  platform: 'nhanhvn',
  label: 'Nhanh.vn',
  async start() {
    const fake = await startNhanhFake();
    const statuses = ['New', 'Confirmed', 'Shipping', 'Success', 'Canceled'];
    const status = (i: number) => statuses[i % statuses.length]!;
    return {
      connection: { storeId: fake.businessId, secrets: { verifyToken: 'nhanh-verify', accessToken: fake.accessToken }, api: { baseUrl: fake.baseUrl, options: { appId: fake.appId } } },
      make: (i, atMs) => void fake.orders.set(7000 + i, nhanhFakeOrder(7000 + i, Math.floor(atMs / 1000), { status: status(i) })),
      expected: (i) => ({ number: String(7000 + i), financialStatus: status(i) === 'Success' ? 'paid' : status(i) === 'Canceled' ? 'voided' : 'pending', platformStatus: status(i) }),
      change(i, atMs) {
        const o = fake.orders.get(7000 + i)!;
        o.info.description = 'gift wrap';
        o.info.updatedAt = Math.floor(atMs / 1000);
      },
      changed: () => ({ note: 'gift wrap' }),
      close: () => fake.close(),
    };
  },
};

const kiotvietCase: PlatformCase = {
  platform: 'kiotviet',
  label: 'KiotViet',
  async start() {
    const fake = await startKiotVietFake();
    fake.customers.set(501, { id: 501, code: 'KH000501', name: 'Trần Thị B', contactNumber: '0912345678', email: 'tranthib@example.com' });
    // Reconciliation lists orders (đặt hàng) and then invoices (POS sales): one in four is an invoice.
    const isInvoice = (i: number) => i % 4 === 3;
    const orderStatuses = [[1, 'Phiếu tạm'], [5, 'Đã xác nhận'], [2, 'Đang giao hàng'], [3, 'Hoàn thành'], [4, 'Đã hủy']] as const;
    const doc = (i: number) => (isInvoice(i) ? fake.invoices.get(9000 + i)! : fake.orders.get(8000 + i)!);
    return {
      connection: {
        storeId: fake.retailer,
        secrets: { webhookSecret: 'kv-webhook-secret', clientSecret: fake.clientSecret },
        settings: { clientId: fake.clientId, apiBaseUrl: fake.baseUrl, tokenUrl: `${fake.baseUrl}/connect/token` },
        api: { baseUrl: fake.baseUrl },
      },
      make(i, atMs) {
        if (isInvoice(i)) {
          fake.invoices.set(9000 + i, kiotVietFakeInvoice(9000 + i, undefined, atMs, { status: 1, statusValue: 'Hoàn thành', totalPayment: 300000 }));
          return;
        }
        const [status, statusValue] = orderStatuses[i % orderStatuses.length]!;
        // A completed order is paid in full ("Khách đã trả"); the others have no payment yet.
        fake.orders.set(8000 + i, kiotVietFakeOrder(8000 + i, atMs, { status, statusValue, totalPayment: status === 3 ? 300000 : 0 }));
      },
      expected: (i) => ({
        number: isInvoice(i) ? `HD${String(9000 + i).padStart(6, '0')}` : `DH${String(8000 + i).padStart(6, '0')}`,
        financialStatus: isInvoice(i) || orderStatuses[i % orderStatuses.length]![0] === 3 ? 'paid' : orderStatuses[i % orderStatuses.length]![0] === 4 ? 'voided' : 'pending',
        platformStatus: isInvoice(i) ? 'Hoàn thành' : orderStatuses[i % orderStatuses.length]![1],
      }),
      change(i, atMs) {
        const d = doc(i);
        d.description = 'gift wrap';
        d.modifiedDate = kvTime(atMs);
      },
      changed: () => ({ note: 'gift wrap' }),
      close: () => fake.close(),
    };
  },
};

describe.each([haravanCase, sapoCase, woocommerceCase, lazadaCase, nhanhvnCase, kiotvietCase])('reconciliation through the $label API (issue 13)', (pc) => {
  let t: TempEngine;
  let run: PlatformRun;
  let connectionId: string;
  let createdFlow: string;
  let updatedFlow: string;

  beforeEach(async () => {
    run = await pc.start();
    t = await startTempEngine({ storeApiSleep: async () => undefined });
    const c = await t.engine.call('connections.create', {
      platform: pc.platform, storeId: run.connection.storeId, secrets: run.connection.secrets,
      ...(run.connection.settings ? { settings: run.connection.settings } : {}),
      api: { reconcile: true, ...run.connection.api },
    });
    connectionId = c.id;
    await settled(t, connectionId);
    createdFlow = (await t.engine.call('flows.save', { document: tagFlow(pc.platform, 'New', 'orders.order_created', 'new') })).id;
    updatedFlow = (await t.engine.call('flows.save', { document: tagFlow(pc.platform, 'Changed', 'orders.order_updated', 'changed') })).id;
    await t.engine.call('flows.activate', { id: createdFlow });
    await t.engine.call('flows.activate', { id: updatedFlow });
  });
  afterEach(async () => {
    await t.close();
    await run.close();
  });

  it('catches up at start on 200 orders made while it was stopped, runs each flow once per change, and a second run does nothing', async () => {
    await t.engine.stop();
    // Made over the last minute, oldest first, while Flowdesk was not listening.
    const base = Date.now() - 60_000;
    for (let i = 0; i < ORDERS; i++) run.make(i, base + i * 100);
    t = await t.restart();

    const first = await settled(t, connectionId);
    expect(first).toMatchObject({ state: 'done', trigger: 'start', fetched: ORDERS, queued: ORDERS, upToDate: 0, error: null });
    const orders = (await t.engine.call('orders.list', { limit: 500 })).rows;
    expect(orders.length).toBe(ORDERS);
    const byNumber = new Map(orders.map((o) => [o.number, o]));
    for (let i = 0; i < ORDERS; i++) {
      const want = run.expected(i);
      const got = byNumber.get(want.number);
      expect(got, `order ${want.number}`).toBeDefined();
      expect({ number: got!.number, financialStatus: got!.financialStatus, platform: got!.platform, localTags: got!.localTags }).toEqual({ number: want.number, financialStatus: want.financialStatus, platform: pc.platform, localTags: ['new'] });
    }
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const want = run.expected(i);
      const detail = await t.engine.call('orders.get', { ref: byNumber.get(want.number)!.id });
      expect(detail.order.platformStatus, `order ${want.number}`).toBe(want.platformStatus);
    }
    expect((await t.engine.call('runs.list', { flowId: createdFlow, limit: 500 })).length).toBe(ORDERS);
    expect(await t.engine.call('runs.list', { flowId: updatedFlow, limit: 500 })).toEqual([]);
    const inbox = await t.engine.call('inbox.list', { connectionId, limit: 500 });
    expect(inbox.length).toBe(ORDERS);
    expect(inbox.every((e) => e.source === 'reconciled' && e.verdict === 'accepted' && e.processing === 'processed')).toBe(true);

    // Nothing changed since: nothing queued, no run.
    await t.engine.call('connections.reconcile', { id: connectionId });
    const second = await settled(t, connectionId);
    expect(second).toMatchObject({ state: 'done', trigger: 'manual', queued: 0 });
    expect((await t.engine.call('runs.list', { flowId: createdFlow, limit: 500 })).length).toBe(ORDERS);
    expect(await t.engine.call('runs.list', { flowId: updatedFlow, limit: 500 })).toEqual([]);

    // Ten orders change on the platform: each runs the "order updated" flow once.
    const changedAt = Date.now();
    for (const i of CHANGED) run.change(i, changedAt);
    await t.engine.call('connections.reconcile', { id: connectionId });
    const third = await settled(t, connectionId);
    expect(third).toMatchObject({ state: 'done', trigger: 'manual', queued: CHANGED.length });
    expect((await t.engine.call('runs.list', { flowId: updatedFlow, limit: 500 })).length).toBe(CHANGED.length);
    expect((await t.engine.call('runs.list', { flowId: createdFlow, limit: 500 })).length).toBe(ORDERS);
    for (const i of CHANGED) {
      const detail = await t.engine.call('orders.get', { ref: byNumber.get(run.expected(i).number)!.id });
      expect(detail.order, `order ${run.expected(i).number}`).toMatchObject(run.changed(i));
      expect(detail.summary.localTags).toEqual(['new', 'changed']);
    }
  });
});
