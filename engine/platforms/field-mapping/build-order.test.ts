import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { buildOrder, deriveEvents, problemsMessage, resolveStatuses } from './build-order.ts';
import { StatusTables } from './mapping-schema.ts';

const tables = StatusTables.parse({
  order: { Canceled: { cancelled: true }, Done: { fulfillmentStatus: 'fulfilled', financialStatus: 'paid', storeStatus: 'Đã giao hàng' } },
  payment: { Success: 'paid', Pending: 'pending' },
  fulfillment: { Delivering: 'fulfilled' },
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
      customer: null,
      shippingAddress: null,
      lineItems: [],
      tags: [],
      test: false,
    });
    expect(built!.events).toEqual(['order.created']);
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
    expect(resolveStatuses(tables, { order: ' canceled ', payment: 'pending', fulfillment: null })).toEqual({ financialStatus: 'pending', fulfillmentStatus: 'unknown', cancelled: true, storeStatus: null });
    expect(resolveStatuses(tables, { order: 'Done', payment: null, fulfillment: null })).toEqual({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', cancelled: false, storeStatus: 'Đã giao hàng' });
    expect(resolveStatuses(tables, { order: 'Done', payment: 'Pending', fulfillment: 'Delivering' })).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled' });
    expect(resolveStatuses(tables, { order: null, payment: 'PAID', fulfillment: 'partial' })).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'partial' });
    expect(resolveStatuses(tables, { order: 'Mới', payment: 'Chờ', fulfillment: 'Đang' })).toMatchObject({ financialStatus: 'unknown', fulfillmentStatus: 'unknown', cancelled: false });
  });

  it('keeps the platform word, and dates the cancellation at the order version when the word says cancelled', () => {
    const { built } = buildOrder({ ...minimal, updatedAt: '2026-11-21T00:00:00.000Z', platformStatus: 'Canceled' }, ctx);
    expect(built!.order).toMatchObject({ platformStatus: 'Canceled', cancelledAt: '2026-11-21T00:00:00.000Z' });
    expect(built!.events).toEqual(['order.created', 'order.cancelled']);
  });
});

describe('events from the transition', () => {
  const order = (o: Partial<Order>): Order => ({ ...buildOrder(minimal, ctx).built!.order, ...o });
  it('is created the first time, updated afterwards, plus each state newly reached', () => {
    expect(deriveEvents(order({}), null)).toEqual(['order.created']);
    expect(deriveEvents(order({ financialStatus: 'paid' }), null)).toEqual(['order.created', 'order.paid']);
    expect(deriveEvents(order({ financialStatus: 'paid' }), order({ financialStatus: 'pending' }))).toEqual(['order.updated', 'order.paid']);
    expect(deriveEvents(order({ financialStatus: 'paid' }), order({ financialStatus: 'paid' }))).toEqual(['order.updated']);
    expect(deriveEvents(order({ cancelledAt: '2026-11-21T00:00:00.000Z' }), order({}))).toEqual(['order.updated', 'order.cancelled']);
    expect(deriveEvents(order({ cancelledAt: '2026-11-22T00:00:00.000Z' }), order({ cancelledAt: '2026-11-21T00:00:00.000Z' }))).toEqual(['order.updated']);
    expect(deriveEvents(order({ fulfillmentStatus: 'fulfilled' }), order({ fulfillmentStatus: 'partial' }))).toEqual(['order.updated', 'order.fulfilled']);
    expect(deriveEvents(order({ fulfillmentStatus: 'partial' }), order({ fulfillmentStatus: 'unfulfilled' }))).toEqual(['order.updated', 'order.partially_fulfilled']);
    expect(deriveEvents(order({ financialStatus: 'refunded' }), order({ financialStatus: 'paid' }))).toEqual(['order.updated', 'order.refunded']);
  });

  it('derives no transition from a delivery older than the stored order', () => {
    const stored = order({ updatedAt: '2026-11-20T05:00:00.000Z' });
    expect(deriveEvents(order({ updatedAt: '2026-11-20T04:00:00.000Z', cancelledAt: '2026-11-20T04:00:00.000Z', financialStatus: 'paid' }), stored)).toEqual(['order.updated']);
  });
});
