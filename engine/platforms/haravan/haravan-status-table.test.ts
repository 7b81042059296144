import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { haravanAdapter } from './haravan-adapter.ts';
import { HaravanSettings } from './haravan-settings.ts';

/**
 * Haravan's raw state (financial_status, gateway, fulfillment_status, the shipment's
 * carrier_status_code and dates) → canonical state → events, built from the docs' example order
 * and its shipment (test/fixtures/haravan), through the adapter and the one derivation module.
 */
const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/haravan/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const base = read('orders-create.json');
const docShipment = (read('orders-fulfilled.json')['fulfillments'] as Record<string, unknown>[])[0]!;
const settings = HaravanSettings.parse({});
const LATER = '2020-09-20T08:00:00.000Z';

const cod = { gateway: 'Thanh toán khi giao hàng (COD)', gateway_code: 'COD', financial_status: 'pending' };
const prepaid = { gateway: 'Chuyển khoản qua ngân hàng', gateway_code: null };
/** The docs' shipment with another carrier status (and the date Haravan stamps with it). */
const shipment = (code: string | null, dates: Record<string, string> = {}, created_at = '2021-10-20T15:41:28.577Z') => ({ ...docShipment, created_at, carrier_status_code: code, ...dates });
const shipped = (...fulfillments: unknown[]) => ({ fulfillment_status: 'fulfilled', fulfillments });
const codShipped = { ...cod, ...shipped(shipment('readytopick')) };

function normalize(changes: Record<string, unknown>): Order {
  return haravanAdapter.normalize({ ...base, ...changes }, { topic: 'orders/updated', connectionId: 'c', storeId: '1000114691', settings, previous: null }).order;
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
    name: 'new prepaid order (bank transfer received)',
    raw: { ...prepaid, financial_status: 'paid' },
    state: { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.created', 'order.paid'],
  },
  {
    name: 'new COD order (gateway_code COD, financial_status pending): not paid',
    raw: cod,
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.created'],
  },
  {
    name: 'a confirmed COD order is still not paid',
    before: cod,
    raw: { ...cod, confirmed_status: 'confirmed', confirmed_at: LATER },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'shipped (shipment created, readytopick): fulfilled and in transit, COD unpaid',
    before: cod,
    raw: codShipped,
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'delivering, the carrier missed the customer: in transit, nothing fires',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('notmeetcustomer', { delivering_date: LATER, not_meet_customer_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated'],
  },
  {
    name: 'delivered, COD collection not yet recorded',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered', { delivered_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivered'],
  },
  {
    name: 'delivered and the COD recorded paid in the same update',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('delivered', { delivered_date: LATER, cod_paid_date: LATER })), financial_status: 'paid' },
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
    name: 'delivery failed first sight ("cancel": Hủy giao hàng): never order.fulfilled',
    raw: { ...cod, ...shipped(shipment('cancel', { cancel_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.created', 'order.delivery_failed'],
  },
  {
    name: 'shipped → carrier gave up (waitingforreturn): only order.delivery_failed',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('waitingforreturn', { waiting_for_return_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.delivery_failed'],
  },
  {
    name: 'returned to the shop ("return"): order.returned, nothing restocked',
    before: { ...cod, ...shipped(shipment('waitingforreturn')) },
    raw: { ...cod, ...shipped(shipment('return', { return_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 'a carrier code the settings do not list is read from the shipment dates',
    before: codShipped,
    raw: { ...cod, ...shipped(shipment('lost', { delivering_date: LATER, return_date: LATER })) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'returned', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.returned'],
  },
  {
    name: 're-shipped after a failed delivery: the new shipment decides, handed over again',
    before: { ...cod, ...shipped(shipment('cancel')) },
    raw: { ...cod, ...shipped(shipment('cancel'), shipment('delivering', {}, '2021-10-22T09:00:00Z')) },
    state: { financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', cashOnDelivery: true, cancelled: false },
    events: ['order.updated', 'order.fulfilled'],
  },
  {
    name: 'cancelled (cancelled_status, cancelled_at)',
    before: cod,
    raw: { ...cod, cancelled_status: 'cancelled', cancelled_at: LATER, cancel_reason: 'customer' },
    state: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true, cancelled: true },
    events: ['order.updated', 'order.cancelled'],
  },
  {
    name: 'refunded',
    before: { ...prepaid, financial_status: 'paid' },
    raw: { ...prepaid, financial_status: 'refunded' },
    state: { financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: false, cancelled: false },
    events: ['order.updated', 'order.refunded'],
  },
];

describe('Haravan status table: raw → canonical → events', () => {
  it.each(rows)('$name', ({ before, raw, state, events }) => {
    const stored = before ? normalize(before) : null;
    const order = normalize(before ? { ...raw, updated_at: LATER } : raw);
    const { financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery } = order;
    expect({ financialStatus, fulfillmentStatus, deliveryStatus, cashOnDelivery, cancelled: Boolean(order.cancelledAt) }).toEqual(state);
    expect(deriveOrderEvents(stored, order)).toEqual(events);
  });

  it('a stale delivery (older updated_at) derives nothing', () => {
    const stored = normalize({ ...codShipped, updated_at: LATER });
    const older = normalize({ ...cod, ...shipped(shipment('cancel')), cancelled_status: 'cancelled', cancelled_at: '2020-09-19T00:00:00.000Z' });
    expect(deriveOrderEvents(stored, older)).toEqual([]);
  });

  it('follows the connection\'s carrier status table', () => {
    const custom = HaravanSettings.parse({ carrierStatuses: { giaothatbai: 'delivery_failed' } });
    const body = { ...base, ...cod, ...shipped(shipment('giaothatbai')) };
    const { order } = haravanAdapter.normalize(body, { topic: 'orders/updated', connectionId: 'c', storeId: '1', settings: custom, previous: null });
    expect(order).toMatchObject({ fulfillmentStatus: 'unfulfilled', deliveryStatus: 'delivery_failed' });
    // Settings saved before the table existed still parse, with the defaults.
    expect(HaravanSettings.parse({ deliveryStatuses: { delivered: 'Đã giao' } }).carrierStatuses['cancel']).toBe('delivery_failed');
  });

  it('shows the number as Haravan shows it: `name`', () => {
    expect(normalize({}).number).toBe('#100020');
    expect(normalize({ name: 'HRV-100020' }).number).toBe('HRV-100020');
    expect(normalize({ name: null, order_number: '#100020' }).number).toBe('#100020');
  });
});
