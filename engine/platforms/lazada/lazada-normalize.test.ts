import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { lazadaAdapter } from './lazada-adapter.ts';
import { lazadaTime } from './lazada-normalize.ts';
import { LazadaSettings } from './lazada-settings.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/lazada/${name}`, import.meta.url), 'utf8'));
const settings = LazadaSettings.parse({ appKey: '112233' });
const T0 = 1603698638; // 2020-10-26 14:50:38 +0700, the fixtures' updated_at

/** The push with this status at this time, enriched with the API fixtures (items all in `itemStatus`). */
function enriched(status: string, opts: { at?: number; itemStatus?: string; apiUpdatedAt?: string; payment?: string } = {}) {
  const push = fixture('push-trade-order.json');
  push.data.order_status = status;
  push.data.status_update_time = opts.at ?? T0;
  const order = fixture('order-get.json').data;
  if (opts.apiUpdatedAt) order.updated_at = opts.apiUpdatedAt;
  if (opts.payment) order.payment_method = opts.payment;
  const items = fixture('order-items-get.json').data.map((i: Record<string, unknown>) => ({ ...i, status: opts.itemStatus ?? i['status'] }));
  return { push, order, items };
}

const normalize = (payload: unknown, previous: Order | null = null, s = settings) =>
  lazadaAdapter.normalize(payload, { topic: 'message_type 0', connectionId: 'c', storeId: '1234567', settings: s, previous });
/** The events the engine derives for this change (the adapter is a marketplace). */
const eventsOf = (before: Order | null, after: Order) => deriveOrderEvents(before, after, { marketplace: lazadaAdapter.marketplace === true });

describe('Lazada order normalization', () => {
  it('builds the canonical order from the push and the API answers', () => {
    const { order } = normalize(enriched('pending'));
    expect(lazadaAdapter.marketplace).toBe(true);
    expect(eventsOf(null, order)).toEqual(['order.created', 'marketplace.status_changed']);
    expect(order).toMatchObject({
      platform: 'lazada',
      storeId: '1234567',
      platformOrderId: '260422900198363',
      number: '260422900198363',
      createdAt: '2020-10-26T14:45:12+07:00',
      updatedAt: '2020-10-26T07:50:38.000Z',
      platformStatus: 'pending',
      storeStatus: 'Chưa giao hàng',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: true,
      paymentMethod: 'COD',
      salesChannel: 'Lazada',
      currency: 'VND',
      subtotalPrice: '300000.00',
      totalDiscounts: '10000.00',
      totalPrice: '310000.00',
      totalTax: '0.00',
      note: 'Giao giờ hành chính',
      customer: { name: 'Nguyễn Văn An', phone: '84901234567', email: null, emailVerified: false },
    });
    expect(order.shippingAddress).toMatchObject({
      name: 'Nguyễn Văn An', phone: '84901234567', address1: '12 Lý Tự Trọng', address2: 'Tầng 3',
      province: 'Hồ Chí Minh', district: 'Quận 1', city: 'Quận 1', zip: '700000', countryCode: 'VN',
      ward: null, // seed 002: the ward is not synced
    });
    expect(order.billingAddress?.ward).toBeNull();
    expect(order.lineItems).toHaveLength(2);
    expect(order.lineItems[0]).toMatchObject({
      id: '260422900298363', productId: '1234567890', variantId: '9876543210', sku: 'AT-001-M',
      title: 'Áo thun cotton Flowdesk', variantTitle: 'Màu:Trắng, Size:M', quantity: 1, price: '150000.00',
    });
    expect(order.lineItems[0]!.properties).toContainEqual({ name: 'Lazada status', value: 'pending' });
  });

  it.each([
    ['unpaid', null, 'pending', 'unfulfilled', 'none'],
    ['pending', 'Chưa giao hàng', 'pending', 'unfulfilled', 'none'],
    ['packed', 'Chưa giao hàng', 'pending', 'unfulfilled', 'none'],
    ['ready_to_ship', 'Chờ giao hàng', 'pending', 'unfulfilled', 'none'],
    ['shipped', 'Đang giao hàng', 'pending', 'fulfilled', 'in_transit'],
    ['delivered', 'Đã giao hàng', 'paid', 'fulfilled', 'delivered'],
    // Seed 002: "Delivered failed" is "Hủy giao hàng"; a failed delivery is never a fulfilment.
    ['failed_delivery', 'Hủy giao hàng', 'pending', 'unfulfilled', 'delivery_failed'],
    ['lost_by_3pl', 'Hủy giao hàng', 'pending', 'unfulfilled', 'delivery_failed'],
    ['shipped_back_success', null, 'voided', 'unfulfilled', 'returned'],
    ['canceled', null, 'voided', 'unfulfilled', 'none'],
  ])('a COD order in %s maps to store status %s, %s, %s, delivery %s', (status, storeStatus, financial, fulfillment, delivery) => {
    const { order } = normalize(enriched(status, { itemStatus: status }));
    expect(order).toMatchObject({ platformStatus: status, storeStatus, financialStatus: financial, fulfillmentStatus: fulfillment, deliveryStatus: delivery });
  });

  it('counts a prepaid order as paid from pending, and refunds it when it is canceled after that', () => {
    const paid = normalize(enriched('pending', { payment: 'MIXEDCARD' })).order;
    expect(paid).toMatchObject({ financialStatus: 'paid', cashOnDelivery: false, paymentMethod: 'MIXEDCARD' });
    expect(eventsOf(null, paid)).toEqual(['order.created', 'order.paid', 'marketplace.status_changed']);
    const later = enriched('canceled', { payment: 'MIXEDCARD', at: T0 + 60, itemStatus: 'canceled' });
    later.items[0].reason = 'Khách đổi ý';
    const { order } = normalize(later, paid);
    expect(order).toMatchObject({ financialStatus: 'refunded', cancelledAt: '2020-10-26T07:51:38.000Z', cancelReason: 'Khách đổi ý', storeStatus: null });
    expect(eventsOf(paid, order)).toEqual(['order.updated', 'order.refunded', 'order.cancelled', 'marketplace.status_changed']);
  });

  it('gives the engine the state each transition is derived from, against the stored order', () => {
    const first = normalize(enriched('pending')).order;
    const rts = normalize(enriched('ready_to_ship', { at: T0 + 60, itemStatus: 'ready_to_ship' }), first).order;
    expect(eventsOf(first, rts)).toEqual(['order.updated', 'marketplace.status_changed']);
    expect(rts.storeStatus).toBe('Chờ giao hàng');
    const shipped = normalize(enriched('shipped', { at: T0 + 120, itemStatus: 'shipped' }), rts).order;
    expect(eventsOf(rts, shipped)).toEqual(['order.updated', 'order.fulfilled', 'marketplace.status_changed']);
    // A COD order is paid when Lazada says it was delivered: the carrier collected.
    const delivered = normalize(enriched('delivered', { at: T0 + 180, itemStatus: 'delivered' }), shipped).order;
    expect(eventsOf(shipped, delivered)).toEqual(['order.updated', 'order.paid', 'order.delivered', 'marketplace.status_changed']);
  });

  it('says nothing for a push older than the stored order, or one that brings nothing new', () => {
    const newer = normalize(enriched('shipped', { at: T0 + 600, itemStatus: 'shipped' })).order;
    expect(eventsOf(newer, normalize(enriched('pending', { at: T0 }), newer).order)).toEqual([]);
    expect(eventsOf(newer, normalize(enriched('shipped', { at: T0 + 600, itemStatus: 'shipped' }), newer).order)).toEqual([]);
  });

  it('gives the order its least advanced live item\'s status', () => {
    // The push says item 1 was delivered; item 2 is still shipped, so the order is in transit.
    const e = enriched('delivered', { at: T0 + 60, itemStatus: 'shipped' });
    const { order } = normalize(e);
    expect(order).toMatchObject({ platformStatus: 'shipped', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(order.lineItems.map((li) => li.properties[0]!.value)).toEqual(['delivered', 'shipped']);
    // A canceled item does not hold the others back; all canceled cancels the order.
    const partly = enriched('canceled', { at: T0 + 60, itemStatus: 'ready_to_ship' });
    expect(normalize(partly).order.platformStatus).toBe('ready_to_ship');
    expect(normalize(enriched('canceled', { at: T0 + 60, itemStatus: 'canceled' })).order.platformStatus).toBe('canceled');
  });

  it('calls an order whose items ship apart partially fulfilled, and delivered only when every parcel is', () => {
    // The push says item 1 shipped; item 2 is still being packed.
    const partly = normalize(enriched('shipped', { at: T0 + 60, itemStatus: 'packed' })).order;
    expect(partly).toMatchObject({ platformStatus: 'packed', fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', financialStatus: 'pending' });
    expect(eventsOf(null, partly)).toEqual(['order.created', 'order.partially_fulfilled', 'marketplace.status_changed']);
    // Item 1 delivered, item 2 not shipped yet: still on its way as an order, no order.delivered yet.
    const first = normalize(enriched('delivered', { at: T0 + 120, itemStatus: 'packed' }), partly).order;
    expect(first).toMatchObject({ fulfillmentStatus: 'partial', deliveryStatus: 'in_transit' });
    expect(eventsOf(partly, first)).toEqual(['order.updated']);
    // A canceled item does not hold the rest back.
    const rest = normalize(enriched('delivered', { at: T0 + 180, itemStatus: 'canceled' }), first).order;
    expect(rest).toMatchObject({ platformStatus: 'delivered', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', financialStatus: 'paid', cancelledAt: null });
    expect(eventsOf(first, rest)).toEqual(['order.updated', 'order.paid', 'order.fulfilled', 'order.delivered', 'marketplace.status_changed']);
  });

  it('prefers the API when it is newer than the push (a late retry), and takes its updated_at as the version', () => {
    const e = enriched('pending', { at: T0, itemStatus: 'shipped', apiUpdatedAt: '2020-10-27 09:00:00 +0700' });
    const { order } = normalize(e);
    expect(order).toMatchObject({ platformStatus: 'shipped', updatedAt: '2020-10-27T02:00:00.000Z', storeStatus: 'Đang giao hàng', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
  });

  it('accepts a status_update_time in milliseconds (errata 7)', () => {
    expect(normalize(enriched('pending', { at: T0 * 1000 })).order.updatedAt).toBe('2020-10-26T07:50:38.000Z');
  });

  it('uses the connection\'s own status table', () => {
    const custom = LazadaSettings.parse({ appKey: 'k', storeStatuses: [{ lazada: 'Unpaid', statuses: ['unpaid'], storeStatus: 'Chờ thanh toán' }], salesChannel: 'Lazada VN' });
    const { order } = normalize(enriched('unpaid', { itemStatus: 'unpaid' }), null, custom);
    expect(order).toMatchObject({ storeStatus: 'Chờ thanh toán', salesChannel: 'Lazada VN' });
  });

  it('refuses a payload that was not enriched', () => {
    expect(() => normalize(fixture('push-trade-order.json'))).toThrow(/not an enriched Lazada order/);
  });

  it('reads Lazada\'s API times', () => {
    expect(lazadaTime('2014-10-15 18:36:05 +0800')).toBe('2014-10-15T18:36:05+08:00');
    expect(lazadaTime('2014-10-15T18:36:05+08:00')).toBe('2014-10-15T18:36:05+08:00');
    expect(lazadaTime('yesterday')).toBeNull();
  });
});
