import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineDataOf, TimelineEntryDto } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startFakeLazada, type FakeLazada } from '../harness/fake-lazada-api.ts';
import { LAZADA_CREDS, lazadaConnection, pushLazada, setLazadaStatus } from '../harness/lazada-market.ts';

const ORDER = '260422900198363';
const SKU = 'AT-001-M';

describe('marketplace orders: stock, cancellation, returns, process at the store (issue 14, seed 002)', () => {
  let t: TempEngine;
  let fake: FakeLazada;
  let hookUrl: string;
  let connectionId: string;

  beforeEach(async () => {
    fake = await startFakeLazada(LAZADA_CREDS);
    t = await startTempEngine({ storeApiSleep: async () => undefined, reconcileAtStart: false });
    const c = await t.engine.call('connections.create', lazadaConnection(fake));
    hookUrl = c.webhookUrl;
    connectionId = c.id;
    await t.engine.call('inventory.set', { connectionId, sku: SKU, onHand: 10 });
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  async function push(opts: { status?: string; atMs?: number } = {}): Promise<string> {
    const res = await pushLazada(hookUrl, fake, ORDER, opts);
    expect(res.status).toBe(200);
    await t.engine.idle();
    return res.verdict;
  }
  const detail = () => t.engine.call('orders.get', { ref: ORDER });
  const card = async () => t.engine.call('marketplace.get', { orderId: (await detail()).summary.id });
  const onHand = async () => (await t.engine.call('inventory.list', { connectionId })).find((l) => l.sku === SKU)?.onHand;
  const entries = async <K extends TimelineEntryDto['kind']>(kind: K) =>
    (await detail()).timeline.filter((e) => e.kind === kind).map((e) => e.data as Extract<TimelineEntryDto['data'], { kind: K }>);

  it('takes the stock once when the order is placed, whatever is delivered twice or late, and restocks once on cancellation', async () => {
    fake.seed(ORDER, { statuses: ['pending', 'pending'] });
    expect(await push()).toBe('accepted');
    expect(await onHand()).toBe(8);
    expect(await entries('inventory')).toEqual([{ kind: 'inventory', reason: 'order_placed', location: 'default', lines: [{ sku: SKU, delta: -2, onHand: 8 }] }]);

    // The same push again (a duplicate), and a later one that changes nothing: no second decrement.
    await push();
    setLazadaStatus(fake, ORDER, 'packed');
    await push();
    expect(await onHand()).toBe(8);

    setLazadaStatus(fake, ORDER, 'canceled');
    const cancelledAt = fake.orders.get(ORDER)!.updatedAtMs;
    await push();
    expect((await detail()).order.cancelledAt).toBeTruthy();
    expect(await onHand()).toBe(10);
    // A late push from before the cancellation, then the cancellation again: nothing moves.
    await push({ status: 'pending', atMs: cancelledAt - 120_000 });
    await push({ atMs: cancelledAt + 1000 });
    expect(await onHand()).toBe(10);
    const moves = await entries('inventory');
    expect(moves.map((m) => m.reason)).toEqual(['order_placed', 'cancelled']);
    expect(moves[1]).toMatchObject({ lines: [{ sku: SKU, delta: 2, onHand: 10 }] });
    expect(await card()).toMatchObject({ marketplace: true, salesChannel: 'Lazada', stockTaken: true, restockedOnCancel: true, lines: [{ sku: SKU, quantity: 2, returnable: 0, onHand: 10 }] });
  });

  it('takes and puts back stock at the connection\'s own location when one is set', async () => {
    await t.engine.call('connections.update', { id: connectionId, settings: { ...lazadaConnection(fake).settings, stockLocation: 'Kho Hà Nội' } });
    await t.engine.call('inventory.set', { connectionId, sku: SKU, location: 'Kho Hà Nội', onHand: 5 });
    fake.seed(ORDER, { statuses: ['pending', 'pending'] });
    await push();
    const levels = async () => (await t.engine.call('inventory.list', { connectionId })).filter((l) => l.sku === SKU).map((l) => [l.location, l.onHand]);
    expect(await levels()).toEqual(expect.arrayContaining([['Kho Hà Nội', 3], ['default', 10]]));
    setLazadaStatus(fake, ORDER, 'canceled');
    await push();
    expect(await levels()).toEqual(expect.arrayContaining([['Kho Hà Nội', 5], ['default', 10]]));
    expect((await entries('inventory')).map((m) => m.location)).toEqual(['Kho Hà Nội', 'Kho Hà Nội']);
    expect(await card()).toMatchObject({ location: 'Kho Hà Nội' });
  });

  it('never takes stock for an order first seen cancelled', async () => {
    fake.seed(ORDER, { statuses: ['canceled', 'canceled'] });
    await push();
    expect(await onHand()).toBe(10);
    expect(await entries('inventory')).toEqual([]);
  });

  it('Ready to ship moves the store order to "Chờ giao hàng" at once, through Lazada\'s API', async () => {
    fake.seed(ORDER, { statuses: ['pending', 'pending'] });
    await push();
    const orderId = (await detail()).summary.id;
    expect((await detail()).order.storeStatus).toBe('Chưa giao hàng');
    await t.engine.call('fulfillment.orderAct', { orderId, request: { action: 'marketplace.ready_to_ship', shipmentProvider: '', deliveryType: 'dropship' } });
    expect(fake.orders.get(ORDER)!.items.map((i) => i.status)).toEqual(['ready_to_ship', 'ready_to_ship']);
    const after = await detail();
    expect(after.order.storeStatus).toBe('Chờ giao hàng');
    expect(after.summary).toMatchObject({ storeStatus: 'Chờ giao hàng' });
    const change = after.timeline.filter((e) => e.kind === 'status_change').at(-1)!.data as TimelineDataOf<'status_change'>;
    expect(change).toMatchObject({ changes: { storeStatus: { from: 'Chưa giao hàng', to: 'Chờ giao hàng' } }, source: 'marketplace.ready_to_ship' });
    // Lazada's own push afterwards agrees: no second store-status change.
    await push();
    expect((await entries('status_change')).filter((c) => 'storeStatus' in c.changes)).toHaveLength(1);
  });

  it('"Process at the store": the write-back is refused naming the option, and a cancellation restocks nothing', async () => {
    fake.seed(ORDER, { statuses: ['pending', 'pending'] });
    await push();
    const orderId = (await detail()).summary.id;
    expect(await t.engine.call('marketplace.setProcessAtStore', { orderId, on: true })).toMatchObject({ processAtStore: true });
    expect(await entries('process_at_store')).toEqual([{ kind: 'process_at_store', on: true }]);

    // The order page's quick actions are refused up front, the option named as the reason.
    const panel = await t.engine.call('fulfillment.get', { orderId });
    expect(panel.orderActions.find((x) => x.action === 'marketplace.ready_to_ship')).toMatchObject({
      allowed: false, reason: expect.stringContaining('"Process at the store" is on'), refusal: { code: 'processed_at_store', args: { platform: 'Lazada' } },
    });
    const calls = fake.requests.length;
    const refused = t.engine.call('fulfillment.orderAct', { orderId, request: { action: 'marketplace.ready_to_ship', shipmentProvider: '', deliveryType: 'dropship' } });
    await expect(refused).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('"Process at the store" is on') });
    await expect(t.engine.call('fulfillment.orderAct', { orderId, request: { action: 'marketplace.cancel', reasonId: '10000021' } })).rejects.toMatchObject({ code: 'refused' });
    expect(fake.requests.length).toBe(calls);
    expect((await detail()).order.storeStatus).toBe('Chưa giao hàng');

    setLazadaStatus(fake, ORDER, 'canceled');
    await push();
    expect(await onHand()).toBe(8);
    expect((await entries('inventory')).at(-1)).toEqual({ kind: 'inventory', reason: 'cancelled', location: 'default', lines: [], skipped: 'processed_at_store' });
    expect(await card()).toMatchObject({ processAtStore: true, restockedOnCancel: false });
  });

  it('a return reported by Lazada reads Returned / Partially returned with the refund, restocks nothing; recording it restocks once per call', async () => {
    const o = fake.seed(ORDER, { statuses: ['delivered', 'delivered'] });
    o.payment_method = 'Credit Card';
    await push();
    expect(await onHand()).toBe(8);
    expect((await detail()).order.financialStatus).toBe('paid');

    setLazadaStatus(fake, ORDER, ['returned', 'delivered']);
    await push();
    let order = (await detail()).order;
    expect(order.returns).toMatchObject({ status: 'partial', refundedAmount: '150000.00' });
    expect(order.financialStatus).toBe('partially_refunded');

    setLazadaStatus(fake, ORDER, 'returned');
    await push();
    order = (await detail()).order;
    expect(order.returns).toMatchObject({ status: 'returned', refundedAmount: '300000.00' });
    expect(order.financialStatus).toBe('refunded');
    expect(await entries('return')).toEqual([
      { kind: 'return', status: 'partial', refundedAmount: '150000.00', currency: 'VND', quantity: 1 },
      { kind: 'return', status: 'returned', refundedAmount: '300000.00', currency: 'VND', quantity: 2 },
    ]);
    // Nothing restocked by the report itself.
    expect(await onHand()).toBe(8);

    const orderId = (await detail()).summary.id;
    // The parcel came back: Ready to ship and Cancel are for an order still with the seller.
    const panel = await t.engine.call('fulfillment.get', { orderId });
    for (const action of ['marketplace.ready_to_ship', 'marketplace.cancel']) {
      expect(panel.orderActions.find((x) => x.action === action)).toMatchObject({ allowed: false, reason: 'the parcel has left the seller (returned)', refusal: { code: 'parcel_left', args: { delivery: 'returned' } } });
    }
    const first = await t.engine.call('marketplace.recordReturn', { orderId, lines: [{ sku: SKU, quantity: 1 }] });
    expect(first.lines).toEqual([{ sku: SKU, title: 'Áo thun cotton Flowdesk', quantity: 2, returnedRecorded: 1, returnable: 1, onHand: 9 }]);
    await t.engine.call('marketplace.recordReturn', { orderId, lines: [{ sku: SKU, quantity: 1 }] });
    expect(await onHand()).toBe(10);
    await expect(t.engine.call('marketplace.recordReturn', { orderId, lines: [{ sku: SKU, quantity: 1 }] })).rejects.toMatchObject({
      code: 'refused', message: expect.stringContaining('only 0 of SKU "AT-001-M" can still be returned'),
    });
    await expect(t.engine.call('marketplace.recordReturn', { orderId, lines: [{ sku: 'NOPE', quantity: 1 }] })).rejects.toMatchObject({ code: 'refused' });
    expect(await onHand()).toBe(10);
    expect((await entries('inventory')).filter((m) => m.reason === 'return_recorded').map((m) => m.lines)).toEqual([
      [{ sku: SKU, delta: 1, onHand: 9 }],
      [{ sku: SKU, delta: 1, onHand: 10 }],
    ]);
  });
});
