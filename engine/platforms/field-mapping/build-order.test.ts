import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { buildOrder, problemsMessage, resolveStatuses } from './build-order.ts';
import { StatusTables } from './mapping-schema.ts';

const tables = StatusTables.parse({
  order: { Canceled: { cancelled: true }, Done: { fulfillmentStatus: 'fulfilled', financialStatus: 'paid', storeStatus: 'Đã giao hàng' } },
  payment: { Success: 'paid', Pending: 'pending' },
  fulfillment: { Delivering: 'fulfilled', Delivered: 'fulfilled', Failed: 'unfulfilled' },
  delivery: { Delivering: 'in_transit', Delivered: 'delivered', Failed: 'delivery_failed' },
});
const ctx = { platform: 'catchhook' as const, storeId: 'src', statuses: tables, currency: 'VND', salesChannel: 'Catch hook', previous: null };
const minimal = { platformOrderId: 'A1', createdAt: '2026-11-20T02:15:02.000Z', totalPrice: '100' };

describe('building the canonical order from mapped values', () => {
  it('fills what an order needs from the minimum: number, updatedAt, totals, currency, channel', () => {
    const { built, problems } = buildOrder(minimal, ctx);
    expect(problems).toEqual([]);
    expect(built!.order).toMatchObject({
      platform: 'catchhook',
      storeId: 'src',
      number: 'A1',
      updatedAt: '2026-11-20T02:15:02.000Z',
      subtotalPrice: '100',
      totalTax: '0',
      totalDiscounts: '0',
      currency: 'VND',
      salesChannel: 'Catch hook',
      financialStatus: 'unknown',
      fulfillmentStatus: 'unknown',
      deliveryStatus: 'none',
      cashOnDelivery: false,
      paymentMethod: null,
      customer: null,
      shippingAddress: null,
      lineItems: [],
      tags: [],
      test: false,
    });
    expect(built!.warnings).toEqual([]);
    expect(deriveOrderEvents(null, built!.order)).toEqual(['order.created']);
  });

  it('builds the customer and addresses from their parts, and keeps the email as sent', () => {
    const { built } = buildOrder({ ...minimal, 'customer.firstName': 'Nguyễn Văn', 'customer.lastName': 'Minh', 'customer.email': 'Minh@Example.vn', 'shippingAddress.ward': 'Phường Bến Nghé' }, ctx);
    expect(built!.order.customer).toMatchObject({ name: 'Nguyễn Văn Minh', email: 'Minh@Example.vn', emailVerified: false });
    expect(built!.order.shippingAddress).toMatchObject({ ward: 'Phường Bến Nghé', name: null });
  });

  it('says what keeps it from being an order', () => {
    const { built, problems } = buildOrder({ createdAt: 'yesterday', lineItems: [{ quantity: 2 }] }, ctx);
    expect(built).toBeNull();
    expect(problems).toEqual([
      'platformOrderId: no value; an order needs its id (check the rule for platformOrderId)',
      'totalPrice: no value; an order needs a total (check the rule for totalPrice)',
      'lineItems[0].title: no value; every line item needs a title',
      'lineItems[0].price: no value; every line item needs a price',
    ]);
    const bad = buildOrder({ ...minimal, createdAt: 'yesterday' }, ctx);
    expect(bad.problems).toEqual(['createdAt: Invalid ISO datetime', 'updatedAt: Invalid ISO datetime']);
    expect(problemsMessage(Array.from({ length: 10 }, (_, i) => `p${i}`))).toBe('p0; p1; p2; p3; p4; p5; p6; p7; … and 2 more');
  });

  it('maps status words through the table, ignoring case; payment and fulfillment words win over the order row', () => {
    expect(resolveStatuses(tables, { order: ' canceled ', payment: 'pending', fulfillment: null })).toEqual({ financialStatus: 'pending', fulfillmentStatus: 'unknown', deliveryStatus: 'none', cancelled: true, storeStatus: null, unknownWords: [] });
    expect(resolveStatuses(tables, { order: 'Done', payment: null, fulfillment: null })).toEqual({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'none', cancelled: false, storeStatus: 'Đã giao hàng', unknownWords: [] });
    expect(resolveStatuses(tables, { order: 'Done', payment: 'Pending', fulfillment: 'Delivering' })).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled' });
    expect(resolveStatuses(tables, { order: null, payment: 'PAID', fulfillment: 'partial' })).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'partial' });
    expect(resolveStatuses(tables, { order: 'Mới', payment: 'Chờ', fulfillment: 'Đang', delivery: 'Đang' })).toEqual({
      financialStatus: 'unknown',
      fulfillmentStatus: 'unknown',
      deliveryStatus: 'none',
      cancelled: false,
      storeStatus: null,
      unknownWords: [
        'financialStatus: "Chờ" is not in the status table (statuses.payment); read as unknown',
        'fulfillmentStatus: "Đang" is not in the status table (statuses.fulfillment); read as unknown',
        'deliveryStatus: "Đang" is not in the status table (statuses.delivery); read as none',
      ],
    });
  });

  it('maps the delivery word through its own table (or a canonical word); a failed delivery is not a fulfilment', () => {
    expect(resolveStatuses(tables, { order: null, payment: null, fulfillment: 'Delivering', delivery: 'Delivering' })).toMatchObject({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(resolveStatuses(tables, { order: null, payment: null, fulfillment: 'delivered', delivery: 'DELIVERED' })).toMatchObject({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
    expect(resolveStatuses(tables, { order: null, payment: null, fulfillment: 'Failed', delivery: 'Failed' })).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    expect(resolveStatuses(tables, { order: null, payment: null, fulfillment: null, delivery: 'returned' })).toMatchObject({ deliveryStatus: 'returned' });
    const byRow = StatusTables.parse({ order: { Returned: { deliveryStatus: 'returned', fulfillmentStatus: 'unfulfilled' } } });
    expect(resolveStatuses(byRow, { order: 'Returned', payment: null, fulfillment: null })).toMatchObject({ deliveryStatus: 'returned', fulfillmentStatus: 'unfulfilled' });
  });

  it('reads cash on delivery from the payment method word, or from a mapped yes/no; COD alone is not paid', () => {
    const cod = buildOrder({ ...minimal, paymentMethod: 'COD', financialStatus: 'Pending' }, ctx).built!.order;
    expect(cod).toMatchObject({ paymentMethod: 'COD', cashOnDelivery: true, financialStatus: 'pending' });
    expect(buildOrder({ ...minimal, paymentMethod: 'Thanh toán khi nhận hàng' }, ctx).built!.order.cashOnDelivery).toBe(true);
    expect(buildOrder({ ...minimal, paymentMethod: 'bank_transfer' }, ctx).built!.order).toMatchObject({ cashOnDelivery: false, paymentMethod: 'bank_transfer' });
    expect(buildOrder({ ...minimal, paymentMethod: 'Tiền mặt', cashOnDelivery: true }, ctx).built!.order.cashOnDelivery).toBe(true);
    expect(buildOrder({ ...minimal, paymentMethod: 'COD', cashOnDelivery: false }, ctx).built!.order.cashOnDelivery).toBe(false);
    expect(deriveOrderEvents(null, cod)).toEqual(['order.created']);
  });

  it('returns the status words it could not read as warnings, and still builds the order', () => {
    const { built, problems } = buildOrder({ ...minimal, financialStatus: 'PartialPaid', deliveryStatus: 'Lost' }, ctx);
    expect(problems).toEqual([]);
    expect(built!.order).toMatchObject({ financialStatus: 'unknown', deliveryStatus: 'none' });
    expect(built!.warnings).toEqual([
      'financialStatus: "PartialPaid" is not in the status table (statuses.payment); read as unknown',
      'deliveryStatus: "Lost" is not in the status table (statuses.delivery); read as none',
    ]);
  });

  it('keeps the platform word, and dates the cancellation at the order version when the word says cancelled', () => {
    const { built } = buildOrder({ ...minimal, updatedAt: '2026-11-21T00:00:00.000Z', platformStatus: 'Canceled' }, ctx);
    expect(built!.order).toMatchObject({ platformStatus: 'Canceled', cancelledAt: '2026-11-21T00:00:00.000Z' });
    expect(deriveOrderEvents(null, built!.order)).toEqual(['order.created', 'order.cancelled']);
    // A later delivery still saying cancelled keeps the time it was first recorded.
    const later = buildOrder({ ...minimal, updatedAt: '2026-11-22T00:00:00.000Z', platformStatus: 'Canceled' }, { ...ctx, previous: built!.order }).built!.order;
    expect(later.cancelledAt).toBe('2026-11-21T00:00:00.000Z');
    expect(deriveOrderEvents(built!.order, later)).toEqual(['order.updated']);
  });
});

describe('events from the transition, through the one domain module', () => {
  const order = (o: Partial<Order>): Order => ({ ...buildOrder(minimal, ctx).built!.order, ...o });
  const at = (hour: number) => `2026-11-2${hour < 24 ? '0' : '1'}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`;
  it('is created the first time, updated afterwards, plus each state newly reached', () => {
    expect(deriveOrderEvents(null, order({}))).toEqual(['order.created']);
    expect(deriveOrderEvents(null, order({ financialStatus: 'paid' }))).toEqual(['order.created', 'order.paid']);
    expect(deriveOrderEvents(order({ financialStatus: 'pending' }), order({ financialStatus: 'paid', updatedAt: at(5) }))).toEqual(['order.updated', 'order.paid']);
    expect(deriveOrderEvents(order({ financialStatus: 'paid' }), order({ financialStatus: 'paid', updatedAt: at(5) }))).toEqual(['order.updated']);
    expect(deriveOrderEvents(order({}), order({ cancelledAt: at(5), updatedAt: at(5) }))).toEqual(['order.updated', 'order.cancelled']);
    expect(deriveOrderEvents(order({ fulfillmentStatus: 'partial' }), order({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', updatedAt: at(5) }))).toEqual(['order.updated', 'order.fulfilled']);
    expect(deriveOrderEvents(order({ fulfillmentStatus: 'unfulfilled' }), order({ fulfillmentStatus: 'partial', updatedAt: at(5) }))).toEqual(['order.updated', 'order.partially_fulfilled']);
    expect(deriveOrderEvents(order({ financialStatus: 'paid' }), order({ financialStatus: 'refunded', updatedAt: at(5) }))).toEqual(['order.updated', 'order.refunded']);
  });

  it('follows a mapped order through shipping: fulfilled once, then delivered; failed first sight is not fulfilled', () => {
    const shipped = buildOrder({ ...minimal, updatedAt: at(5), fulfillmentStatus: 'Delivering', deliveryStatus: 'Delivering' }, ctx).built!.order;
    expect(deriveOrderEvents(order({ fulfillmentStatus: 'unfulfilled' }), shipped)).toEqual(['order.updated', 'order.fulfilled']);
    const delivered = buildOrder({ ...minimal, updatedAt: at(6), fulfillmentStatus: 'Delivered', deliveryStatus: 'Delivered' }, ctx).built!.order;
    expect(deriveOrderEvents(shipped, delivered)).toEqual(['order.updated', 'order.delivered']);
    const failed = buildOrder({ ...minimal, updatedAt: at(6), fulfillmentStatus: 'Failed', deliveryStatus: 'Failed' }, ctx).built!.order;
    expect(deriveOrderEvents(shipped, failed)).toEqual(['order.updated', 'order.delivery_failed']);
    expect(deriveOrderEvents(null, failed)).toEqual(['order.created', 'order.delivery_failed']);
  });

  it('derives nothing from a delivery older than the stored order', () => {
    const stored = order({ updatedAt: '2026-11-20T05:00:00.000Z' });
    expect(deriveOrderEvents(stored, order({ updatedAt: '2026-11-20T04:00:00.000Z', cancelledAt: '2026-11-20T04:00:00.000Z', financialStatus: 'paid' }))).toEqual([]);
  });
});
