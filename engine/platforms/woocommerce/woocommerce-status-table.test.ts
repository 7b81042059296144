import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { woocommerceAdapter } from './woocommerce-adapter.ts';
import { expectStatusRow } from '../../../test/harness/status-rows.ts';

/**
 * One table for WooCommerce: raw status, payment method and payment date → canonical state →
 * events, through the adapter's `normalize` and the one event-deriving module, on the real-format
 * order of test/fixtures/woocommerce/order-created.json (order 727).
 */
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/woocommerce/order-created.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const defaults = woocommerceAdapter.settings.parse({});

/** What WooCommerce sends for one state of the order: its status, gateway, dates. */
interface Raw {
  status: string;
  at: string;
  method?: 'cod' | 'bacs';
  paid?: string;
}

const METHOD_TITLE = { cod: 'Cash on delivery', bacs: 'Direct bank transfer' } as const;

function payload(r: Raw): Record<string, unknown> {
  const method = r.method ?? 'cod';
  return { ...fixture, status: r.status, date_modified_gmt: r.at, payment_method: method, payment_method_title: METHOD_TITLE[method], date_paid_gmt: r.paid ?? null, date_paid: r.paid ?? null };
}

function normalize(r: Raw, previous: Order | null, settings = defaults): Order {
  const ctx = { topic: previous ? 'order.updated' : 'order.created', connectionId: 'c', storeId: 'https://shop.example/', settings, previous };
  return woocommerceAdapter.normalize(payload(r), ctx).order;
}

interface Row {
  name: string;
  before?: Raw;
  after: Raw;
  settings?: Record<string, unknown>;
  state: { financial: FinancialStatus; fulfillment: FulfillmentStatus; delivery: DeliveryStatus; cancelled?: boolean; cod?: boolean };
  events: CanonicalEventType[];
}

const T0 = '2026-11-20T16:28:08';
const T1 = '2026-11-21T09:00:00';
const T2 = '2026-11-22T09:00:00';
const cod = (status: string, at = T1, paid?: string): Raw => ({ status, at, method: 'cod', ...(paid ? { paid } : {}) });
const prepaid = (status: string, at = T1): Raw => ({ status, at, method: 'bacs', paid: T0 });

const rows: Row[] = [
  { name: 'new prepaid order (bank transfer received)', after: prepaid('processing', T0),
    state: { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none', cod: false }, events: ['order.created', 'order.paid'] },
  { name: 'new COD order: processing without date_paid is NOT paid', after: cod('processing', T0),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cod: true }, events: ['order.created'] },
  { name: 'new order awaiting payment', after: { status: 'pending', at: T0, method: 'bacs' },
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cod: false }, events: ['order.created'] },
  { name: 'COD order completed: WooCommerce stamps date_paid, the collection', before: cod('processing', T0), after: cod('completed', T1, T1),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'none', cod: true }, events: ['order.updated', 'order.paid', 'order.fulfilled'] },
  { name: 'prepaid order completed', before: prepaid('processing', T0), after: prepaid('completed'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'none' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'shipped (plugin status): fulfilled and in transit, COD still unpaid', before: cod('processing', T0), after: cod('shipped'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'partially shipped (plugin status)', before: cod('processing', T0), after: cod('partial-shipped'),
    state: { financial: 'pending', fulfillment: 'partial', delivery: 'in_transit' }, events: ['order.updated', 'order.partially_fulfilled'] },
  { name: 'delivered, COD not yet marked paid', before: cod('shipped', T0), after: cod('delivered'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivered, COD collected (date_paid set)', before: cod('shipped', T0), after: cod('delivered', T1, T1),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.paid', 'order.delivered'] },
  { name: 'prepaid order delivered', before: prepaid('shipped', T0), after: prepaid('delivered'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivery failed, first sight: no order.fulfilled', after: cod('failed-delivery'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.created', 'order.delivery_failed'] },
  { name: 'shipped → delivery failed', before: cod('shipped', T0), after: cod('failed-delivery'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.updated', 'order.delivery_failed'] },
  { name: 'returned (a status the merchant mapped in the settings)', before: cod('failed-delivery', T0), after: cod('returned'),
    settings: { statusMap: { returned: { fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned' } } },
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'returned' }, events: ['order.updated', 'order.returned'] },
  { name: 'cancelled', before: cod('processing', T0), after: cod('cancelled'),
    state: { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: ['order.updated', 'order.cancelled'] },
  { name: 'payment failed', before: { status: 'pending', at: T0, method: 'bacs' }, after: { status: 'failed', at: T1, method: 'bacs' },
    state: { financial: 'failed', fulfillment: 'unfulfilled', delivery: 'none' }, events: ['order.updated', 'order.payment_failed'] },
  { name: 'refunded', before: prepaid('completed', T0), after: prepaid('refunded'),
    state: { financial: 'refunded', fulfillment: 'unfulfilled', delivery: 'none' }, events: ['order.updated', 'order.refunded'] },
  { name: 'stale: an older delivery derives nothing', before: cod('completed', T2, T2), after: cod('processing', T1),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, events: [] },
];

describe('WooCommerce status table: raw → canonical state → events', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const settings = row.settings ? woocommerceAdapter.settings.parse(row.settings) : defaults;
    const before = row.before ? normalize(row.before, null, settings) : null;
    const after = normalize(row.after, before, settings);
    expectStatusRow(before, after, row.state, row.events);
  });

  it('an order that ships and then fails fires order.fulfilled once, then order.delivery_failed', () => {
    const placed = normalize(cod('processing', T0), null);
    const shipped = normalize(cod('shipped', T1), placed);
    const failed = normalize(cod('failed-delivery', T2), shipped);
    expect([deriveOrderEvents(null, placed), deriveOrderEvents(placed, shipped), deriveOrderEvents(shipped, failed)]).toEqual([
      ['order.created'],
      ['order.updated', 'order.fulfilled'],
      ['order.updated', 'order.delivery_failed'],
    ]);
  });

  it('cancellation time is the modification that cancelled the order', () => {
    expect(normalize(cod('cancelled', T1), null).cancelledAt).toBe(`${T1}Z`);
  });

  it('shows the order number as WooCommerce does: "727", never "#727"', () => {
    expect(normalize(cod('processing', T0), null)).toMatchObject({ platformOrderId: '727', number: '727', paymentMethod: 'cod' });
  });
});
