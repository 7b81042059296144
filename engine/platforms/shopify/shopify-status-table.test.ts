import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { shopifyAdapter } from './shopify-adapter.ts';

/**
 * Shopify's raw state → canonical state → events, one row per case the issue names. Each row
 * builds a delivery from the real-format fixture, runs the adapter's normalize, then the one
 * event-derivation module against the order as stored before (null: first sight).
 */
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/shopify/orders-create.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const LATER = '2026-11-21T09:00:00-05:00';

const cod = { gateway: 'Cash on Delivery (COD)', payment_gateway_names: ['Cash on Delivery (COD)'] };
const shipment = (shipment_status: string | null, status = 'success') => ({ id: 255858046, status, shipment_status, created_at: '2026-11-20T11:00:00-05:00' });
const shipped = (...shipments: unknown[]) => ({ fulfillment_status: 'fulfilled', fulfillments: shipments });
const codShipped = { ...cod, ...shipped(shipment('in_transit')) };

function normalize(changes: Record<string, unknown>): Order {
  return shopifyAdapter.normalize({ ...fixture, ...changes }, { topic: 'orders/updated', connectionId: 'c', storeId: 'demo.myshopify.com', settings: {}, previous: null }).order;
}

interface Row {
  name: string;
  /** The raw state Flowdesk stored before this delivery; absent on first sight. */
  before?: Record<string, unknown>;
  raw: Record<string, unknown>;
  state: Pick<Order, 'financialStatus' | 'fulfillmentStatus' | 'deliveryStatus' | 'cashOnDelivery'> & { cancelled: boolean };
  events: CanonicalEventType[];
}

const rows: Row[] = [
  {
    name: 'new prepaid order (card captured)',
    raw: { financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.created', 'order.paid'],
  },
  {
    name: 'new prepaid order, card only authorized: not paid yet',
    raw: { financial_status: 'authorized' },
    state: { financialStatus: 'authorized', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.created'],
  },
  {
    name: 'new COD order: pending, not paid',
    raw: { ...cod, financial_status: 'pending' },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.created'],
  },
  {
    name: 'COD collected: the merchant marks it paid',
    before: { ...cod, ...shipped(shipment('delivered')) },
    raw: { ...cod, ...shipped(shipment('delivered')), financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid'],
  },
  {
    name: 'shipped with tracking: fulfilled and in transit, COD still unpaid',
    before: cod,
    raw: codShipped,
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'shipped without tracking (label printed, or none at all) is in transit',
    before: cod,
    raw: { ...cod, ...shipped(shipment('label_printed'), shipment(null)) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'out for delivery, a delivery attempted: still in transit, nothing fires',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('attempted_delivery')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'delivered: COD not yet marked paid',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivered'],
  },
  {
    name: 'delivered and the COD collection recorded in the same update',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered')), financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid', 'order.delivered'],
  },
  {
    name: 'delivery failed, first sight: never order.fulfilled',
    raw: { ...cod, ...shipped(shipment('failure')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.created', 'order.delivery_failed'],
  },
  {
    name: 'shipped → delivery failed: only order.delivery_failed',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('failure')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivery_failed'],
  },
  {
    name: 'returning to sender: returned, nothing restocked',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('returning_to_sender')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 'one of two parcels failed: the other is still out, so partial',
    raw: { ...shipped(shipment('delivered'), shipment('failure')), financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'partial', deliveryStatus: 'delivery_failed', cashOnDelivery: false, cancelled: false },
    events: ['order.created', 'order.paid', 'order.partially_fulfilled', 'order.delivery_failed'],
  },
  {
    name: 'partially shipped, that parcel delivered: partial and in transit (the order is not delivered)',
    before: { financial_status: 'paid' },
    raw: { financial_status: 'paid', fulfillment_status: 'partial', fulfillments: [shipment('delivered')] },
    state: { financialStatus: 'paid', fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', cashOnDelivery: false, cancelled: false },
    events: ['order.updated', 'order.partially_fulfilled'],
  },
  {
    name: 'a reverted fulfillment (cancelled) is no shipment',
    before: codShipped,
    raw: { ...cod, fulfillment_status: null, fulfillments: [shipment('in_transit', 'cancelled')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'cancelled',
    before: cod,
    raw: { ...cod, financial_status: 'voided', cancelled_at: '2026-11-21T08:00:00-05:00', cancel_reason: 'customer' },
    state: { financialStatus: 'voided', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: true },
    events: ['order.updated', 'order.cancelled'],
  },
  {
    name: 'refunded after payment',
    before: { financial_status: 'paid' },
    raw: { financial_status: 'refunded' },
    state: { financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.updated', 'order.refunded'],
  },
];

describe('Shopify status table: raw → canonical → events', () => {
  it.each(rows)('$name', ({ before, raw, state, events }) => {
    const stored = before ? normalize(before) : null;
    const order = normalize(before ? { ...raw, updated_at: LATER } : raw);
    const { financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery } = order;
    expect({ financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery, cancelled: Boolean(order.cancelledAt) }).toEqual(state);
    expect(deriveOrderEvents(stored, order)).toEqual(events);
  });

  it('a stale delivery (older updated_at) derives nothing', () => {
    const stored = normalize({ ...codShipped, financial_status: 'paid', updated_at: LATER });
    const older = normalize({ ...cod, ...shipped(shipment('failure')), financial_status: 'voided', cancelled_at: '2026-11-20T11:00:00-05:00' });
    expect(deriveOrderEvents(stored, older)).toEqual([]);
  });

  it('shows the number as Shopify shows it: `name`, prefix and suffix included', () => {
    expect(normalize({}).number).toBe('#9999');
    expect(normalize({ name: 'VN-1001-HCM', order_number: 1001 }).number).toBe('VN-1001-HCM');
    expect(normalize({ name: null, order_number: 1001 }).number).toBe('#1001');
  });

  it('reads the payment method from every gateway used', () => {
    expect(normalize({ payment_gateway_names: ['gift_card', 'Cash on Delivery (COD)'] })).toMatchObject({ cashOnDelivery: true, paymentMethod: 'gift_card, Cash on Delivery (COD)' });
    expect(normalize({ payment_gateway_names: [], gateway: 'manual' })).toMatchObject({ cashOnDelivery: false, paymentMethod: 'manual' });
  });
});
