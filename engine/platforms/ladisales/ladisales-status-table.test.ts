import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { ladisalesAdapter, ladisalesSettings } from './ladisales-adapter.ts';
import { expectStatusRow } from '../../../test/harness/status-rows.ts';

/**
 * One table for LadiSales: raw `status`, `payment_status`, `payment_method` and
 * `shipping_status` → canonical state → events, through the adapter's `normalize` (the default
 * mapping and status table) and the one event-deriving module, on the order of
 * test/fixtures/ladisales/order.json. LadiSales documents no webhook, so the words are the
 * assumed ones of ladisales-mapping.ts (editable per connection).
 */
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/ladisales/order.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const defaults = ladisalesSettings.parse({});

/** What LadiSales sends for one state of the order. */
interface Raw {
  at: string;
  status?: string;
  payment?: string;
  method?: string;
  shipping?: string;
}

function payload(r: Raw): Record<string, unknown> {
  return {
    ...fixture,
    status: r.status ?? 'Open',
    payment_status: r.payment ?? 'Pending',
    payment_method: r.method ?? 'COD',
    shipping_status: r.shipping ?? 'Pending',
    updated_at: r.at,
  };
}

function normalize(r: Raw, previous: Order | null, settings = defaults): Order {
  const ctx = { topic: 'order', connectionId: 'c', storeId: 'shop-ladi', settings: settings as unknown as Record<string, unknown>, previous };
  return ladisalesAdapter.normalize(payload(r), ctx).order;
}

interface Row {
  name: string;
  before?: Raw;
  after: Raw;
  state: { financial: FinancialStatus; fulfillment: FulfillmentStatus; delivery: DeliveryStatus; cancelled?: boolean; cod?: boolean };
  events: CanonicalEventType[];
}

const T0 = '2026-11-20T02:15:02.000Z';
const T1 = '2026-11-21T09:00:00.000Z';
const T2 = '2026-11-22T09:00:00.000Z';
const cod = (shipping: string, at = T1, payment = 'Pending'): Raw => ({ at, shipping, payment, method: 'COD' });
const prepaid = (shipping: string, at = T1): Raw => ({ at, shipping, payment: 'Success', method: 'BANK_TRANSFER' });

const rows: Row[] = [
  { name: 'new prepaid order (payment_status Success)', after: prepaid('Pending', T0),
    state: { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none', cod: false }, events: ['order.created', 'order.paid'] },
  { name: 'new COD order: NOT paid', after: cod('Pending', T0),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cod: true }, events: ['order.created'] },
  { name: 'COD order collected: payment_status Success', before: cod('Delivered', T0), after: cod('Delivered', T1, 'Success'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered', cod: true }, events: ['order.updated', 'order.paid'] },
  { name: 'shipped (Delivering): fulfilled and in transit, COD still unpaid', before: cod('Pending', T0), after: cod('Delivering'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'delivered, COD not yet marked paid', before: cod('Delivering', T0), after: cod('Delivered'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivered and collected in one update', before: cod('Delivering', T0), after: cod('Delivered', T1, 'Success'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.paid', 'order.delivered'] },
  { name: 'prepaid order delivered', before: prepaid('Delivering', T0), after: prepaid('Delivered'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivery failed, first sight: no order.fulfilled', after: cod('DeliveryFailed'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.created', 'order.delivery_failed'] },
  { name: 'shipped → delivery failed', before: cod('Delivering', T0), after: cod('DeliveryFailed'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.updated', 'order.delivery_failed'] },
  { name: 'returned to the seller', before: cod('DeliveryFailed', T0), after: cod('Returned'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'returned' }, events: ['order.updated', 'order.returned'] },
  { name: 'cancelled', before: cod('Pending', T0), after: { ...cod('Canceled'), status: 'Canceled' },
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: ['order.updated', 'order.cancelled'] },
  { name: 'refunded', before: prepaid('Delivered', T0), after: { ...prepaid('Delivered'), payment: 'Refunded' },
    state: { financial: 'refunded', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.refunded'] },
  { name: 'stale: an older delivery derives nothing', before: cod('Delivered', T2, 'Success'), after: { ...cod('Pending', T1), status: 'Canceled' },
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: [] },
];

describe('LadiSales status table: raw → canonical state → events', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const before = row.before ? normalize(row.before, null) : null;
    const after = normalize(row.after, before);
    expectStatusRow(before, after, row.state, row.events);
  });

  it('an order that ships and then fails fires order.fulfilled once, then order.delivery_failed', () => {
    const placed = normalize(cod('Pending', T0), null);
    const shipped = normalize(cod('Delivering', T1), placed);
    const failed = normalize(cod('DeliveryFailed', T2), shipped);
    expect([deriveOrderEvents(null, placed), deriveOrderEvents(placed, shipped), deriveOrderEvents(shipped, failed)]).toEqual([
      ['order.created'],
      ['order.updated', 'order.fulfilled'],
      ['order.updated', 'order.delivery_failed'],
    ]);
  });

  it('a status word edited in the connection settings changes the state (the table is the setting)', () => {
    const settings = ladisalesSettings.parse({ statuses: { ...defaults.statuses, fulfillment: { ...defaults.statuses.fulfillment, 'Giao thất bại': 'unfulfilled' }, delivery: { ...defaults.statuses.delivery, 'Giao thất bại': 'delivery_failed' } } });
    expect(normalize(cod('giao thất bại'), null, settings)).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
  });

  it('dates a cancellation at the update that cancelled the order (LadiSales sends no cancel time)', () => {
    expect(normalize({ ...cod('Pending', T1), status: 'Canceled' }, null).cancelledAt).toBe(T1);
  });

  it('shows the order number as LadiSales does (reference_no "10452"), keeping order_id internal', () => {
    expect(normalize(cod('Pending', T0), null)).toMatchObject({ platformOrderId: '38291045', number: '10452', paymentMethod: 'COD' });
  });
});
