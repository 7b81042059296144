import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { sapoAdapter } from './sapo-adapter.ts';
import { SapoSettings } from './sapo-settings.ts';

/**
 * Sapo Web's raw state (financial_status, gateway, fulfillment_status, fulfillments'
 * shipment_status) → canonical state → events, built from the Sapo Web fixture, through the
 * adapter and the one derivation module. Sapo GO has its own table (sapo-go-status-table.test.ts).
 */
const base = JSON.parse(readFileSync(new URL('../../../test/fixtures/sapo/web-orders-create.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const settings = SapoSettings.parse({});
const LATER = '2026-11-21T02:00:00Z';

const cod = { gateway: 'Thanh toán khi giao hàng (COD)', financial_status: 'pending' };
const prepaid = { gateway: 'Chuyển khoản qua ngân hàng' };
const shipment = (shipment_status: string | null, status = 'success') => ({ id: 5500123, status, shipment_status, tracking_company: 'Giao Hàng Nhanh' });
const shipped = (...fulfillments: unknown[]) => ({ fulfillment_status: 'fulfilled', fulfillments });
const codShipped = { ...cod, ...shipped(shipment('in_transit')) };

function normalize(changes: Record<string, unknown>, topic = 'orders/updated'): Order {
  return sapoAdapter.normalize({ ...base, ...changes }, { topic, connectionId: 'c', storeId: 'flowdesk-demo.mysapo.net', settings, previous: null }).order;
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
    name: 'new prepaid order (transfer received)',
    raw: { ...prepaid, financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.created', 'order.paid'],
  },
  {
    name: 'new COD order: pending, not paid',
    raw: cod,
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.created'],
  },
  {
    name: 'shipped: fulfilled and in transit, COD unpaid',
    before: cod,
    raw: codShipped,
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'shipped without tracking: in transit',
    before: cod,
    raw: { ...cod, ...shipped(shipment(null)) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'delivered, COD not yet recorded paid',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivered'],
  },
  {
    name: 'delivered and recorded paid together',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered')), financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid', 'order.delivered'],
  },
  {
    name: 'COD collected after delivery',
    before: { ...cod, ...shipped(shipment('delivered')) },
    raw: { ...cod, ...shipped(shipment('delivered')), financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.paid'],
  },
  {
    name: 'delivery failed first sight: never order.fulfilled',
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
    name: 'returning to sender: returned',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('returning_to_sender')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 'partially shipped',
    before: cod,
    raw: { ...cod, fulfillment_status: 'partial', fulfillments: [shipment('in_transit')] },
    state: { financialStatus: 'pending', fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.partially_fulfilled'],
  },
  {
    name: 'cancelled (cancelled_on)',
    before: cod,
    raw: { ...cod, status: 'cancelled', cancelled_on: LATER, cancel_reason: 'customer' },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: true },
    events: ['order.updated', 'order.cancelled'],
  },
];

describe('Sapo Web status table: raw → canonical → events', () => {
  it.each(rows)('$name', ({ before, raw, state, events }) => {
    const stored = before ? normalize(before) : null;
    const order = normalize(before ? { ...raw, modified_on: LATER } : raw);
    const { financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery } = order;
    expect({ financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery, cancelled: Boolean(order.cancelledAt) }).toEqual(state);
    expect(deriveOrderEvents(stored, order)).toEqual(events);
  });

  it('a stale delivery (older modified_on) derives nothing', () => {
    const stored = normalize({ ...codShipped, modified_on: LATER });
    const older = normalize({ ...cod, ...shipped(shipment('failure')), status: 'cancelled', cancelled_on: '2026-11-20T04:00:00Z' });
    expect(deriveOrderEvents(stored, older)).toEqual([]);
  });

  it('orders/delete: order.deleted', () => {
    const stored = normalize(codShipped);
    const gone = normalize(codShipped, 'orders/delete');
    expect(gone.deletedAt).toBe('2026-11-20T03:15:02Z');
    expect(deriveOrderEvents(null, gone)).toEqual(['order.deleted']);
    expect(deriveOrderEvents(stored, gone)).toEqual(['order.deleted']);
  });

  it('follows the connection\'s shipment words', () => {
    const custom = SapoSettings.parse({ webShipmentStatuses: { giao_that_bai: 'delivery_failed' } });
    const body = { ...base, ...cod, ...shipped(shipment('giao_that_bai')) };
    const { order } = sapoAdapter.normalize(body, { topic: 'orders/updated', connectionId: 'c', storeId: 's', settings: custom, previous: null });
    expect(order).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
  });

  it('shows the number as Sapo Web shows it: `name`', () => {
    expect(normalize({}).number).toBe('#1043');
    expect(normalize({ name: null }).number).toBe('#1043');
  });
});
