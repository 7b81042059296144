import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { sapoAdapter } from './sapo-adapter.ts';
import { SapoSettings } from './sapo-settings.ts';

/**
 * Sapo GO's raw state (status, payment_status, fulfillment_status, received_status,
 * return_status, each shipment's composite_fulfillment_status and COD amount) → canonical state
 * → events, built from the captured-shape fixture, through the adapter (with the default status
 * tables of the connection settings) and the one derivation module.
 */
const base = JSON.parse(readFileSync(new URL('../../../test/fixtures/sapo/go-orders-update.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const settings = SapoSettings.parse({});
const headers = { 'x-sapo-topic': 'orders/update', 'x-sapo-tenant-domain': 'flowdesk-demo.mysapogo.com', 'x-event-version': '1377039309' };
const LATER = '2026-11-21T02:00:00Z';

/** A shipment ("gói hàng") as Sapo GO's order API shows it, with the COD amount the carrier collects. */
const pkg = (composite: string | null, status = 'packed', cod = 875000, created_on = '2026-11-20T03:00:00Z') => ({
  id: 34120348, code: 'FUN00421', created_on, status, composite_fulfillment_status: composite, delivery_type: 'courier',
  shipment: { delivery_service_provider_id: 10355, cod_amount: cod, tracking_code: 'GHN421' },
});
const packed = { fulfillments: [pkg('packed')], packed_status: 'packed' };
const shipped = { fulfillment_status: 'shipped', fulfillments: [pkg('fulfilled', 'shipped')] };

function normalize(changes: Record<string, unknown>): Order {
  const body = Buffer.from(JSON.stringify({ ...base, ...changes }));
  const payload = sapoAdapter.parse({ method: 'POST', path: '/hooks/x', headers, body });
  return sapoAdapter.normalize(payload, { topic: 'orders/update', connectionId: 'c', storeId: 'flowdesk-demo.mysapogo.com', settings, previous: null }).order;
}

interface Row {
  name: string;
  before?: Record<string, unknown>;
  raw: Record<string, unknown>;
  state: Pick<Order, 'financialStatus' | 'fulfillmentStatus' | 'deliveryStatus' | 'cashOnDelivery'> & { cancelled: boolean };
  events: CanonicalEventType[];
}

const rows: Row[] = [
  {
    name: 'new prepaid order (payment_status paid)',
    raw: { payment_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.created', 'order.paid'],
  },
  {
    name: 'new COD order (packed, COD amount on the shipment): not paid',
    raw: packed,
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.created'],
  },
  {
    name: 'shipped (handed to the carrier): fulfilled and in transit, COD unpaid',
    before: packed,
    raw: shipped,
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'waiting to deliver again (retry_delivery): still in transit',
    before: shipped,
    raw: { ...shipped, fulfillments: [pkg('retry_delivery', 'shipped')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'delivered (received), COD not yet settled',
    before: shipped,
    raw: { ...shipped, received_status: 'received', fulfillments: [pkg('received', 'received')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivered'],
  },
  {
    name: 'COD collected after delivery (payment_status paid)',
    before: { ...shipped, received_status: 'received', fulfillments: [pkg('received', 'received')] },
    raw: { ...shipped, received_status: 'received', fulfillments: [pkg('received', 'received')], payment_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid'],
  },
  {
    name: 'completed: delivered and paid in the same update',
    before: shipped,
    raw: { ...shipped, status: 'completed', payment_status: 'paid', received_status: 'received', fulfillments: [pkg('received', 'received')] },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid', 'order.delivered'],
  },
  {
    name: 'delivery failed first sight ("Hủy giao - chờ nhận"): never order.fulfilled',
    raw: { ...shipped, fulfillments: [pkg('fulfilled_cancelling', 'shipped')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.created', 'order.delivery_failed'],
  },
  {
    name: 'shipped → delivery failed: only order.delivery_failed',
    before: shipped,
    raw: { ...shipped, fulfillments: [pkg('fulfilled_cancelling', 'shipped')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivery_failed'],
  },
  {
    name: 'the parcel received back at the store ("Hủy giao - đã nhận"): returned',
    before: { ...shipped, fulfillments: [pkg('fulfilled_cancelling', 'shipped')] },
    raw: { fulfillment_status: 'unshipped', fulfillments: [pkg('fulfilled_cancelled', 'cancelled')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 'a return received after delivery (return_status returned): returned, not undone by completed',
    before: { ...shipped, status: 'completed', payment_status: 'paid', received_status: 'received', fulfillments: [pkg('received', 'received')] },
    raw: { ...shipped, status: 'completed', payment_status: 'paid', received_status: 'received', return_status: 'returned', fulfillments: [pkg('received', 'received')] },
    state: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 'a shipment cancelled before it left ("cancelled", never shipped) says nothing',
    before: packed,
    raw: { fulfillments: [pkg(null, 'cancelled')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'cancelled (status cancelled, cancelled_on)',
    before: packed,
    raw: { ...packed, status: 'cancelled', cancelled_on: LATER },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: true },
    events: ['order.updated', 'order.cancelled'],
  },
];

describe('Sapo GO status table: raw → canonical → events', () => {
  it.each(rows)('$name', ({ before, raw, state, events }) => {
    const stored = before ? normalize(before) : null;
    const order = normalize(before ? { ...raw, modified_on: LATER } : raw);
    const { financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery } = order;
    expect({ financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery, cancelled: Boolean(order.cancelledAt) }).toEqual(state);
    expect(deriveOrderEvents(stored, order)).toEqual(events);
  });

  it('cancelled by the status word alone: as of modified_on', () => {
    expect(normalize({ status: 'cancelled' }).cancelledAt).toBe('2026-11-20T02:00:05Z');
  });

  it('a stale delivery (older modified_on) derives nothing', () => {
    const stored = normalize({ ...shipped, modified_on: LATER });
    const older = normalize({ ...shipped, fulfillments: [pkg('fulfilled_cancelling', 'shipped')], status: 'cancelled', cancelled_on: '2026-11-20T04:00:00Z' });
    expect(deriveOrderEvents(stored, older)).toEqual([]);
  });

  it('shows the number as Sapo GO shows it: `code`', () => {
    expect(normalize({}).number).toBe('SON00421');
  });
});
