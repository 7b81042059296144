import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
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

describe('Lazada order normalization', () => {
  it('builds the canonical order from the push and the API answers', () => {
    const { order, events } = normalize(enriched('pending'));
    expect(events).toEqual(['order.created', 'marketplace.status_changed']);
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
    ['unpaid', null, 'pending', 'unfulfilled'],
    ['pending', 'Chưa giao hàng', 'pending', 'unfulfilled'],
    ['packed', 'Chưa giao hàng', 'pending', 'unfulfilled'],
    ['ready_to_ship', 'Chờ giao hàng', 'pending', 'unfulfilled'],
    ['shipped', 'Đang giao hàng', 'pending', 'fulfilled'],
    ['delivered', 'Đã giao hàng', 'paid', 'fulfilled'],
    ['failed_delivery', 'Hủy giao hàng', 'pending', 'fulfilled'],
    ['shipped_back_success', null, 'voided', 'fulfilled'],
    ['canceled', null, 'voided', 'unfulfilled'],
  ])('a COD order in %s maps to store status %s, %s, %s', (status, storeStatus, financial, fulfillment) => {
    const { order } = normalize(enriched(status, { itemStatus: status }));
    expect(order).toMatchObject({ platformStatus: status, storeStatus, financialStatus: financial, fulfillmentStatus: fulfillment });
  });

  it('counts a prepaid order as paid from pending, and refunds it when it is canceled after that', () => {
    const paid = normalize(enriched('pending', { payment: 'MIXEDCARD' })).order;
    expect(paid.financialStatus).toBe('paid');
    const later = enriched('canceled', { payment: 'MIXEDCARD', at: T0 + 60, itemStatus: 'canceled' });
    later.items[0].reason = 'Khách đổi ý';
    const { order, events } = normalize(later, paid);
    expect(order).toMatchObject({ financialStatus: 'refunded', cancelledAt: '2020-10-26T07:51:38.000Z', cancelReason: 'Khách đổi ý', storeStatus: null });
    expect(events).toEqual(['marketplace.status_changed', 'order.cancelled', 'order.refunded']);
  });

  it('emits the status change and its transitions against the stored order', () => {
    const first = normalize(enriched('pending')).order;
    const rts = normalize(enriched('ready_to_ship', { at: T0 + 60, itemStatus: 'ready_to_ship' }), first);
    expect(rts.events).toEqual(['marketplace.status_changed']);
    expect(rts.order.storeStatus).toBe('Chờ giao hàng');
    const shipped = normalize(enriched('shipped', { at: T0 + 120, itemStatus: 'shipped' }), rts.order);
    expect(shipped.events).toEqual(['marketplace.status_changed', 'order.fulfilled']);
    const delivered = normalize(enriched('delivered', { at: T0 + 180, itemStatus: 'delivered' }), shipped.order);
    expect(delivered.events).toEqual(['marketplace.status_changed', 'order.paid']);
  });

  it('says nothing for a push older than the stored order, or one that brings nothing new', () => {
    const newer = normalize(enriched('shipped', { at: T0 + 600, itemStatus: 'shipped' })).order;
    expect(normalize(enriched('pending', { at: T0 }), newer).events).toEqual([]);
    expect(normalize(enriched('shipped', { at: T0 + 600, itemStatus: 'shipped' }), newer).events).toEqual([]);
  });

  it('gives the order its least advanced live item\'s status', () => {
    // The push says item 1 was delivered; item 2 is still shipped, so the order is in transit.
    const e = enriched('delivered', { at: T0 + 60, itemStatus: 'shipped' });
    const { order } = normalize(e);
    expect(order.platformStatus).toBe('shipped');
    expect(order.lineItems.map((li) => li.properties[0]!.value)).toEqual(['delivered', 'shipped']);
    // A canceled item does not hold the others back; all canceled cancels the order.
    const partly = enriched('canceled', { at: T0 + 60, itemStatus: 'ready_to_ship' });
    expect(normalize(partly).order.platformStatus).toBe('ready_to_ship');
    expect(normalize(enriched('canceled', { at: T0 + 60, itemStatus: 'canceled' })).order.platformStatus).toBe('canceled');
  });

  it('prefers the API when it is newer than the push (a late retry), and takes its updated_at as the version', () => {
    const e = enriched('pending', { at: T0, itemStatus: 'shipped', apiUpdatedAt: '2020-10-27 09:00:00 +0700' });
    const { order } = normalize(e);
    expect(order).toMatchObject({ platformStatus: 'shipped', updatedAt: '2020-10-27T02:00:00.000Z', storeStatus: 'Đang giao hàng' });
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
