import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { nhanhvnAdapter } from './nhanhvn-adapter.ts';
import { expectStatusRow } from '../../../test/harness/status-rows.ts';

/**
 * One table for Nhanh.vn: raw status and money fields → canonical state → events, through the
 * adapter's `normalize` and the one event-deriving module, on the real-format v3 order of
 * test/fixtures/nhanhvn/v3-order-update.json (order 123456789, 550,000đ, carrier GHN).
 */
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/nhanhvn/v3-order-update.json', import.meta.url), 'utf8')) as {
  event: string;
  businessId: number;
  data: { info: Record<string, unknown>; payment: Record<string, unknown> };
};
const settings = nhanhvnAdapter.settings.parse({});
const TOTAL = 550000;

/** One state of the order as Nhanh sends it: status, time (unix seconds), money received ahead. */
interface Raw {
  status: string;
  at: number;
  transfer?: number;
  deposit?: number;
}

/** The fixture's body with this state, read by the adapter as the listener's bytes. */
function payload(r: Raw): unknown {
  const data = {
    ...fixture.data,
    info: { ...fixture.data.info, status: r.status, updatedAt: r.at },
    payment: { depositAmount: r.deposit ?? 0, transferAmount: r.transfer ?? 0 },
  };
  const body = Buffer.from(JSON.stringify({ ...fixture, data }));
  return nhanhvnAdapter.parse({ method: 'POST', path: '/hooks/x', headers: { 'content-type': 'application/json' }, body });
}

function normalize(r: Raw, previous: Order | null): Order {
  return nhanhvnAdapter.normalize(payload(r), { topic: 'orderUpdate', connectionId: 'c', storeId: '10000', settings, previous }).order;
}

interface Row {
  name: string;
  before?: Raw;
  after: Raw;
  state: { financial: FinancialStatus; fulfillment: FulfillmentStatus; delivery: DeliveryStatus; cancelled?: boolean; cod?: boolean };
  events: CanonicalEventType[];
}

const T0 = 1795158309;
const T1 = 1795228200;
const T2 = 1795300000;
const cod = (status: string, at = T1): Raw => ({ status, at });
const prepaid = (status: string, at = T1): Raw => ({ status, at, transfer: TOTAL });

const rows: Row[] = [
  { name: 'new prepaid order (transfer covers the total)', after: prepaid('New', T0),
    state: { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none', cod: false }, events: ['order.created', 'order.paid'] },
  { name: 'new COD order: NOT paid', after: cod('New', T0),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cod: true }, events: ['order.created'] },
  { name: 'new COD order with a deposit: partially paid', after: { status: 'Confirmed', at: T0, deposit: 50000 },
    state: { financial: 'partially_paid', fulfillment: 'unfulfilled', delivery: 'none', cod: true }, events: ['order.created'] },
  { name: 'confirmed COD order is still not paid', before: cod('New', T0), after: cod('Confirmed'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, events: ['order.updated'] },
  { name: 'shipped: fulfilled and in transit, COD unpaid', before: cod('Packed', T0), after: cod('Shipping'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'picked up by the carrier counts as shipped', before: cod('Pickingup', T0), after: cod('Pickedup'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'COD delivered ("Success"): the carrier collected, so paid', before: cod('Shipping', T0), after: cod('Success'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered', cod: true }, events: ['order.updated', 'order.paid', 'order.delivered'] },
  { name: 'prepaid order delivered: paid already, only delivered', before: prepaid('Shipping', T0), after: prepaid('Success'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered', cod: false }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivery failed, first sight: no order.fulfilled', after: cod('Failed'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.created', 'order.delivery_failed'] },
  { name: 'shipped → delivery failed', before: cod('Shipping', T0), after: cod('Failed'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.updated', 'order.delivery_failed'] },
  { name: 'shipped → being returned: a failed delivery', before: cod('Shipping', T0), after: cod('Returning'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.updated', 'order.delivery_failed'] },
  { name: 'returned to the seller', before: cod('Returning', T0), after: cod('Returned'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'returned' }, events: ['order.updated', 'order.returned'] },
  { name: 'returned after a collected delivery: the money stays received (a return is not a refund)', before: cod('Success', T0), after: cod('Returned'),
    state: { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'returned' }, events: ['order.updated', 'order.returned'] },
  { name: 'cancelled by the customer', before: cod('Confirmed', T0), after: cod('Canceled'),
    state: { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: ['order.updated', 'order.cancelled'] },
  { name: 'cancelled by the system', before: cod('New', T0), after: cod('Aborted'),
    state: { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: ['order.updated', 'order.cancelled'] },
  { name: 'stale: an older delivery derives nothing', before: cod('Success', T2), after: cod('Shipping', T1),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: [] },
];

describe('Nhanh.vn status table: raw → canonical state → events', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const before = row.before ? normalize(row.before, null) : null;
    const after = normalize(row.after, before);
    expectStatusRow(before, after, row.state, row.events);
  });

  it('an order that ships and then fails fires order.fulfilled once, then order.delivery_failed', () => {
    const placed = normalize(cod('New', T0), null);
    const shipped = normalize(cod('Shipping', T1), placed);
    const failed = normalize(cod('Failed', T2), shipped);
    expect([deriveOrderEvents(null, placed), deriveOrderEvents(placed, shipped), deriveOrderEvents(shipped, failed)]).toEqual([
      ['order.created'],
      ['order.updated', 'order.fulfilled'],
      ['order.updated', 'order.delivery_failed'],
    ]);
  });

  it('cancellation time is the first delivery that shows the order cancelled', () => {
    const cancelled = normalize(cod('Canceled', T1), normalize(cod('New', T0), null));
    expect(cancelled.cancelledAt).toBe(new Date(T1 * 1000).toISOString());
    expect(normalize(cod('Canceled', T2), cancelled).cancelledAt).toBe(cancelled.cancelledAt);
  });

  it('shows the order number as Nhanh.vn does: "123456789", never "#123456789"', () => {
    expect(normalize(cod('New', T0), null)).toMatchObject({ platformOrderId: '123456789', number: '123456789', paymentMethod: 'cod' });
    expect(normalize(prepaid('New', T0), null).paymentMethod).toBe('transfer');
  });
});
