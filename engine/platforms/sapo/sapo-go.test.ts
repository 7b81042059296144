import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { sapoAdapter } from './sapo-adapter.ts';
import { SapoSettings } from './sapo-settings.ts';

const base = JSON.parse(readFileSync(new URL('../../../test/fixtures/sapo/go-orders-update.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const settings = SapoSettings.parse({});
const headers = { 'x-sapo-topic': 'orders/update', 'x-sapo-tenant-domain': 'flowdesk-demo.mysapogo.com', 'x-event-version': '1377039309' };
const go = (changes: Record<string, unknown> = {}, h: Record<string, string> = headers) =>
  sapoAdapter.parse({ method: 'POST', path: '/hooks/x', headers: h, body: Buffer.from(JSON.stringify({ ...base, ...changes })) });
/** The adapter's canonical order, and the events the one derivation module gives against `previous`. */
function run(payload: unknown, previous: Order | null = null, topic = 'orders/update', s = settings) {
  const { order } = sapoAdapter.normalize(payload, { topic, connectionId: 'c', storeId: 'flowdesk-demo.mysapogo.com', settings: s, previous });
  return { order, events: deriveOrderEvents(previous, order) };
}

/** Applies deliveries in turn, each against the order the previous one left, as the engine does. */
function sequence(...steps: Record<string, unknown>[]) {
  let previous: Order | null = null;
  return steps.map((changes) => {
    const out = run(go(changes), previous);
    previous = out.order;
    return out.events;
  });
}

describe('Sapo GO orders', () => {
  it('normalizes the captured shape into the canonical order', () => {
    const { order } = run(go());
    expect(order).toMatchObject({
      platform: 'sapo', platformOrderId: '501234567', number: 'SON00421',
      createdAt: '2026-11-20T02:00:00Z', updatedAt: '2026-11-20T02:00:05Z',
      financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', platformStatus: 'finalized', cancelledAt: null,
      subtotalPrice: '850000', totalPrice: '875000', totalDiscounts: '0', totalTax: '0', currency: 'VND',
      tags: ['facebook'], salesChannel: 'Facebook', note: 'Khách hẹn lấy chiều', test: false,
      customer: { platformCustomerId: '119876543', name: 'Trần Minh Anh', email: 'minhanh.tran@example.com', phone: '0912345678', emailVerified: false },
    });
    expect(order.shippingAddress).toMatchObject({ name: 'Trần Minh Anh', address1: '45 Lê Lợi', ward: 'Phường Hàng Bạc', district: 'Quận Hoàn Kiếm', city: 'Hà Nội', phone: '0912345678' });
    expect(order.lineItems.map((li) => [li.title, li.variantTitle, li.quantity, li.price, li.properties])).toEqual([
      ['Trà ô long', 'Trà ô long - Hộp 500g', 2, '185000', []],
      ['Hạt điều rang muối', 'Hạt điều rang muối - Cân ký', 2, '320000', [{ name: 'quantity', value: '1.5' }, { name: 'note', value: 'Đóng 3 túi' }]],
    ]);
    expect(run(go({}, { ...headers, 'x-sapo-test': 'true' })).order.test).toBe(true);
  });

  it('first sight is order.created; a POS sale that arrives paid and completed is also paid, fulfilled and delivered', () => {
    expect(run(go()).events).toEqual(['order.created']);
    expect(run(go({ status: 'completed', payment_status: 'paid', fulfillment_status: 'shipped' })).events).toEqual(['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']);
  });

  it('derives paid, fulfilled and cancelled from status changes, each on the transition only', () => {
    const events = sequence(
      {},
      { modified_on: '2026-11-20T03:00:00Z', payment_status: 'paid' },
      { modified_on: '2026-11-20T03:30:00Z', payment_status: 'paid', note: 'gọi trước khi giao' },
      { modified_on: '2026-11-20T04:00:00Z', payment_status: 'paid', fulfillment_status: 'partial' },
      { modified_on: '2026-11-20T05:00:00Z', payment_status: 'paid', fulfillment_status: 'shipped' },
      { modified_on: '2026-11-20T06:00:00Z', status: 'completed', payment_status: 'paid', fulfillment_status: 'shipped', received_status: 'received' },
    );
    expect(events).toEqual([
      ['order.created'],
      ['order.updated', 'order.paid'],
      ['order.updated'],
      ['order.updated', 'order.partially_fulfilled'],
      ['order.updated', 'order.fulfilled'],
      ['order.updated', 'order.delivered'],
    ]);
  });

  it('reads the status word alone when the sub-statuses are absent, and cancellation with a refund', () => {
    const noSub = { payment_status: null, fulfillment_status: null };
    expect(sequence(
      noSub,
      { ...noSub, modified_on: '2026-11-20T03:00:00Z', status: 'paid' },
      { ...noSub, modified_on: '2026-11-20T04:00:00Z', status: 'fulfilled' },
    )).toEqual([['order.created'], ['order.updated', 'order.paid'], ['order.updated', 'order.fulfilled']]);
    // A completed order still owing (payment_status unpaid) is not paid: the status word never overrides the money record.
    expect(run(go({ status: 'completed', payment_status: 'unpaid' })).order).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
    expect(sequence(
      { payment_status: 'paid' },
      { modified_on: '2026-11-20T03:00:00Z', status: 'cancelled', cancelled_on: '2026-11-20T03:00:00Z', payment_status: 'refunded' },
      { modified_on: '2026-11-20T03:10:00Z', status: 'cancelled', cancelled_on: '2026-11-20T03:00:00Z', payment_status: 'refunded' },
    )).toEqual([['order.created', 'order.paid'], ['order.updated', 'order.refunded', 'order.cancelled'], ['order.updated']]);
  });

  it('derives nothing from a stale delivery, and nothing twice across dedicated topics', () => {
    const newer = run(go({ modified_on: '2026-11-20T05:00:00Z', payment_status: 'paid', fulfillment_status: 'shipped' })).order;
    expect(run(go({ modified_on: '2026-11-20T04:00:00Z', payment_status: 'paid' }), newer).events).toEqual([]);
    expect(run(go({ modified_on: '2026-11-20T04:00:00Z', payment_status: 'paid' }), newer, 'orders/paid').events).toEqual([]);
    const paid = run(go({ modified_on: '2026-11-20T03:00:00Z', payment_status: 'paid' }), run(go()).order, 'orders/paid');
    expect(paid.events).toEqual(['order.updated', 'order.paid']);
    // The same change again under orders/update: nothing new.
    expect(run(go({ modified_on: '2026-11-20T03:00:00Z', payment_status: 'paid' }), paid.order).events).toEqual([]);
  });

  it('follows the connection\'s status maps', () => {
    const custom = SapoSettings.parse({ goStatuses: { 'da-giao': 'fulfilled' }, goPaymentStatuses: { 'da-thanh-toan': 'paid' } });
    const first = run(go(), null, 'orders/update', custom).order;
    expect(run(go({ modified_on: '2026-11-20T03:00:00Z', status: 'da-giao', payment_status: 'da-thanh-toan' }), first, 'orders/update', custom).events)
      .toEqual(['order.updated', 'order.paid', 'order.fulfilled']);
    expect(run(go({ payment_status: 'something-new' })).order.financialStatus).toBe('unknown');
  });

  it('refuses a GO topic that is not an order and a body that is not an order', () => {
    expect(() => run(go(), null, 'stock_transfers/update')).toThrow(/not a Sapo GO order topic/);
    expect(() => run(go({ modified_on: undefined }))).toThrow(/not a Sapo GO order/);
  });
});
