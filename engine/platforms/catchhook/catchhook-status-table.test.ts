import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import type { MappedSettings } from '../field-mapping/mapped-settings.ts';
import { catchhookAdapter, catchhookSettings } from './catchhook-adapter.ts';
import { expectStatusRow } from '../../../test/harness/status-rows.ts';

/**
 * The catch hook has no status words of its own: the user's table is the platform's table. Here
 * the foreign source of test/fixtures/catchhook (its own words: `chua_thanh_toan`, `moi`, `huy`)
 * with the user's settings from foreign-mapping.json, extended as the setup steps describe with
 * the payment method and a shipment word mapped into fulfilment and delivery. Raw words →
 * canonical state (through `normalize`) → events (through the one domain module).
 */
const read = (name: string) => readFileSync(new URL(`../../../test/fixtures/catchhook/${name}`, import.meta.url), 'utf8');
const fixture = JSON.parse(read('foreign-order.json')) as { event: string; data: { order: Record<string, unknown>; buyer: Record<string, unknown> } };
const user = JSON.parse(read('foreign-mapping.json')) as { mapping: Record<string, unknown>[]; statuses: Record<string, Record<string, unknown>> };

const settings = catchhookSettings.parse({
  ...user,
  mapping: [
    ...user.mapping.filter((r) => r['target'] !== 'fulfillmentStatus'),
    { target: 'fulfillmentStatus', source: 'data.order.shipment', value: 'unfulfilled' },
    { target: 'deliveryStatus', source: 'data.order.shipment', optional: true },
    { target: 'paymentMethod', source: 'data.order.payment.method', optional: true },
  ],
  statuses: {
    ...user.statuses,
    fulfillment: { cho_lay_hang: 'unfulfilled', dang_giao: 'fulfilled', da_giao: 'fulfilled', giao_that_bai: 'unfulfilled', hoan_hang: 'unfulfilled' },
    delivery: { cho_lay_hang: 'none', dang_giao: 'in_transit', da_giao: 'delivered', giao_that_bai: 'delivery_failed', hoan_hang: 'returned' },
  },
}) as MappedSettings;

interface Raw {
  at: string;
  state?: string;
  payment?: string;
  method?: string;
  shipment?: string;
}

function payload(r: Raw): unknown {
  const p = structuredClone(fixture);
  p.data.order['modified_at'] = r.at;
  p.data.order['state'] = r.state ?? 'moi';
  p.data.order['payment'] = { state: r.payment ?? 'chua_thanh_toan', amount: 405000.5, method: r.method ?? 'Thanh toán khi nhận hàng' };
  p.data.order['shipment'] = r.shipment ?? 'cho_lay_hang';
  return p;
}

function normalize(r: Raw, previous: Order | null): Order {
  return catchhookAdapter.normalize(payload(r), { topic: 'order.placed', connectionId: 'c', storeId: 'tiki-export', settings: settings as unknown as Record<string, unknown>, previous }).order;
}

interface Row {
  name: string;
  before?: Raw;
  after: Raw;
  state: { financial: FinancialStatus; fulfillment: FulfillmentStatus; delivery: DeliveryStatus; cancelled?: boolean; cod?: boolean };
  events: CanonicalEventType[];
}

const T0 = '2026-11-20T09:15:02+07:00';
const T1 = '2026-11-21T09:00:00+07:00';
const T2 = '2026-11-22T09:00:00+07:00';
const cod = (shipment: string, at = T1, payment = 'chua_thanh_toan'): Raw => ({ at, shipment, payment });
const prepaid = (shipment: string, at = T1): Raw => ({ at, shipment, payment: 'da_thanh_toan', method: 'Chuyển khoản' });

const rows: Row[] = [
  { name: 'new prepaid order', after: prepaid('cho_lay_hang', T0),
    state: { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none', cod: false }, events: ['order.created', 'order.paid'] },
  { name: 'new COD order: NOT paid', after: cod('cho_lay_hang', T0),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cod: true }, events: ['order.created'] },
  { name: 'COD collected', before: cod('da_giao', T0), after: cod('da_giao', T1, 'da_thanh_toan'),
    state: { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered', cod: true }, events: ['order.updated', 'order.paid'] },
  { name: 'shipped: fulfilled and in transit', before: cod('cho_lay_hang', T0), after: cod('dang_giao'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: ['order.updated', 'order.fulfilled'] },
  { name: 'delivered, COD not yet collected', before: cod('dang_giao', T0), after: cod('da_giao'),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'delivered' }, events: ['order.updated', 'order.delivered'] },
  { name: 'delivery failed, first sight: no order.fulfilled', after: cod('giao_that_bai'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.created', 'order.delivery_failed'] },
  { name: 'shipped → delivery failed', before: cod('dang_giao', T0), after: cod('giao_that_bai'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, events: ['order.updated', 'order.delivery_failed'] },
  { name: 'returned', before: cod('giao_that_bai', T0), after: cod('hoan_hang'),
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'returned' }, events: ['order.updated', 'order.returned'] },
  { name: 'cancelled', before: cod('cho_lay_hang', T0), after: { ...cod('cho_lay_hang'), state: 'huy' },
    state: { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, events: ['order.updated', 'order.cancelled'] },
  { name: 'stale: an older delivery derives nothing', before: cod('da_giao', T2, 'da_thanh_toan'), after: cod('dang_giao', T1),
    state: { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, events: [] },
];

describe('catch hook status table (the user\'s): raw → canonical state → events', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const before = row.before ? normalize(row.before, null) : null;
    const after = normalize(row.after, before);
    expectStatusRow(before, after, row.state, row.events);
  });

  it('shows the number the user mapped (data.order.code), keeping the id internal', () => {
    expect(normalize(cod('cho_lay_hang', T0), null)).toMatchObject({ platformOrderId: 'F-55012', number: 'DH-55012', paymentMethod: 'Thanh toán khi nhận hàng' });
  });

  it('without a delivery rule (the catch hook default), nothing is known to have shipped: delivery none', () => {
    const minimal = catchhookSettings.parse({});
    const order = catchhookAdapter.normalize({ id: 7, created_at: '2026-11-20T02:15:02Z', total: 12.5 }, { topic: 'order', connectionId: 'c', storeId: 's', settings: minimal as unknown as Record<string, unknown>, previous: null }).order;
    expect(order).toMatchObject({ deliveryStatus: 'none', cashOnDelivery: false, financialStatus: 'unknown' });
  });
});
