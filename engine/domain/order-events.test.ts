import { describe, expect, it } from 'vitest';
import { Order, type CanonicalEventType } from '../contract/index.ts';
import { addedPlatformTags, deriveOrderEvents } from './order-events.ts';

const T0 = '2026-12-01T08:00:00+07:00';
const T1 = '2026-12-01T09:00:00+07:00';
const T2 = '2026-12-01T10:00:00+07:00';

/** A canonical order as any adapter would produce it; only state fields vary between rows. */
function order(state: Partial<Order> = {}): Order {
  return Order.parse({
    platform: 'haravan',
    storeId: 'demo.myharavan.com',
    platformOrderId: '1001',
    number: '#1001',
    createdAt: T0,
    updatedAt: T0,
    financialStatus: 'pending',
    fulfillmentStatus: 'unfulfilled',
    customer: null,
    shippingAddress: null,
    billingAddress: null,
    lineItems: [],
    subtotalPrice: '250000',
    totalPrice: '250000',
    totalTax: '0',
    totalDiscounts: '0',
    currency: 'VND',
    tags: [],
    test: false,
    ...state,
  });
}

describe('deriveOrderEvents: one table for every platform', () => {
  const rows: [string, Order | null, Order, CanonicalEventType[]][] = [
    ['new unpaid order', null, order(), ['order.created']],
    ['new COD order (unpaid while processed)', null, order({ cashOnDelivery: true, paymentMethod: 'cod' }), ['order.created']],
    ['new prepaid order', null, order({ financialStatus: 'paid' }), ['order.created', 'order.paid']],
    ['POS sale: paid and fulfilled at once', null, order({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled' }), ['order.created', 'order.paid', 'order.fulfilled']],
    ['COD collected', order({ cashOnDelivery: true, fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' }), order({ updatedAt: T1, cashOnDelivery: true, financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' }), ['order.updated', 'order.paid', 'order.delivered']],
    ['shipped', order(), order({ updatedAt: T1, fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' }), ['order.updated', 'order.fulfilled']],
    ['some items shipped', order(), order({ updatedAt: T1, fulfillmentStatus: 'partial', deliveryStatus: 'in_transit' }), ['order.updated', 'order.partially_fulfilled']],
    ['rest of the items shipped', order({ fulfillmentStatus: 'partial' }), order({ updatedAt: T1, fulfillmentStatus: 'fulfilled' }), ['order.updated', 'order.fulfilled']],
    ['shipped → delivered', order({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' }), order({ updatedAt: T1, fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' }), ['order.updated', 'order.delivered']],
    ['shipped → delivery failed (not a second fulfilment)', order({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' }), order({ updatedAt: T1, fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' }), ['order.updated', 'order.delivery_failed']],
    ['first seen with a failed delivery: never fulfilled', null, order({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' }), ['order.created', 'order.delivery_failed']],
    ['returned to the seller', order({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivery_failed' }), order({ updatedAt: T1, fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned' }), ['order.updated', 'order.returned']],
    ['cancelled', order(), order({ updatedAt: T1, cancelledAt: T1, financialStatus: 'voided' }), ['order.updated', 'order.cancelled']],
    ['already cancelled, updated again', order({ cancelledAt: T1 }), order({ updatedAt: T2, cancelledAt: T1, note: 'x' }), ['order.updated']],
    ['refunded in part, then in full', order({ financialStatus: 'partially_refunded' }), order({ updatedAt: T1, financialStatus: 'refunded' }), ['order.updated', 'order.refunded']],
    ['paid → partially refunded is not a new payment', order({ financialStatus: 'paid' }), order({ updatedAt: T1, financialStatus: 'partially_refunded' }), ['order.updated', 'order.refunded']],
    ['payment failed', order(), order({ updatedAt: T1, financialStatus: 'failed' }), ['order.updated', 'order.payment_failed']],
    ['deleted: only the deletion', order(), order({ updatedAt: T1, deletedAt: T1 }), ['order.deleted']],
    ['deleted, the delivery carrying no newer time', order({ financialStatus: 'paid' }), order({ financialStatus: 'paid', deletedAt: T1 }), ['order.deleted']],
    ['deleted again', order({ deletedAt: T1 }), order({ updatedAt: T2, deletedAt: T1 }), []],
    ['first seen deleted: only the deletion', null, order({ deletedAt: T1 }), ['order.deleted']],
    ['stale: older than what is stored', order({ updatedAt: T1, financialStatus: 'paid' }), order({ updatedAt: T0 }), []],
    ['the same state again (another topic for one change)', order({ financialStatus: 'paid' }), order({ financialStatus: 'paid' }), []],
    ['same time, new content (coarse clocks)', order(), order({ financialStatus: 'paid' }), ['order.updated', 'order.paid']],
    ['newer with nothing canonical changed', order(), order({ updatedAt: T1 }), ['order.updated']],
    ['the platform added a tag', order({ tags: ['vip'] }), order({ updatedAt: T1, tags: ['vip', 'pre-order'] }), ['order.updated', 'order.tag_added']],
    ['a tag only changed case: not new', order({ tags: ['vip'] }), order({ updatedAt: T1, tags: ['VIP'] }), ['order.updated']],
    ['a tag removed: no tag event', order({ tags: ['vip', 'x'] }), order({ updatedAt: T1, tags: ['vip'] }), ['order.updated']],
    ['first seen with tags: order.created says it', null, order({ tags: ['pre-order'] }), ['order.created']],
    ['cancelled and tagged by one delivery', order(), order({ updatedAt: T1, cancelledAt: T1, tags: ['refund-me'] }), ['order.updated', 'order.cancelled', 'order.tag_added']],
  ];

  it.each(rows)('%s', (_name, before, after, events) => {
    expect(deriveOrderEvents(before, after)).toEqual(events);
  });

  it('names the tags the platform added: new ones only, each once, without case, in the order they came', () => {
    expect(addedPlatformTags(order({ tags: ['VIP'] }), order({ tags: ['vip', 'Gói quà', 'gói quà', 'Hỏa tốc'] }))).toEqual(['Gói quà', 'Hỏa tốc']);
    expect(addedPlatformTags(order({ tags: ['a'] }), order({ tags: ['A'] }))).toEqual([]);
    expect(addedPlatformTags(null, order({ tags: ['pre-order'] }))).toEqual([]);
  });

  it('fires the marketplace status change only for a marketplace, when its status word is first seen or moves', () => {
    expect(deriveOrderEvents(null, order({ platformStatus: 'pending', storeStatus: 'Chưa giao hàng' }), { marketplace: true })).toEqual(['order.created', 'marketplace.status_changed']);
    const before = order({ platformStatus: 'pending', storeStatus: 'Chưa giao hàng' });
    const after = order({ updatedAt: T1, platformStatus: 'ready_to_ship', storeStatus: 'Chờ giao hàng' });
    expect(deriveOrderEvents(before, after, { marketplace: true })).toEqual(['order.updated', 'marketplace.status_changed']);
    expect(deriveOrderEvents(before, after)).toEqual(['order.updated']);
    expect(deriveOrderEvents(before, order({ updatedAt: T1, platformStatus: 'pending', storeStatus: 'Chưa giao hàng' }), { marketplace: true })).toEqual(['order.updated']);
  });

  it('reads an order stored before delivery was tracked as not yet shipped', () => {
    const stored = { ...order({ fulfillmentStatus: 'fulfilled' }) } as Partial<Order>;
    delete stored.deliveryStatus;
    expect(deriveOrderEvents(stored as Order, order({ updatedAt: T1, fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' }))).toEqual(['order.updated', 'order.delivered']);
    expect(deriveOrderEvents(stored as Order, order({ updatedAt: T1, fulfillmentStatus: 'fulfilled', deliveryStatus: 'none' }))).toEqual(['order.updated']);
  });
});
