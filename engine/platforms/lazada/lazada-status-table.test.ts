import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { lazadaAdapter } from './lazada-adapter.ts';
import { LazadaSettings } from './lazada-settings.ts';

/**
 * Lazada's table (issue #10): raw item status and payment method → canonical state → the events
 * the engine derives. Each row builds real-format payloads from the fixtures (the LPM push plus
 * the /order/get and /order/items/get answers), runs the adapter, then `deriveOrderEvents`.
 */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/lazada/${name}`, import.meta.url), 'utf8'));
const settings = LazadaSettings.parse({ appKey: '112233' });
const T0 = 1603698638;
const COD = 'COD';
const CARD = 'MIXEDCARD';

interface Raw {
  status: string;
  /** Seconds after T0 at which Lazada says the status changed. */
  at?: number;
  payment?: string;
}

/** The push of one item's status, with the API answering every item in that status. */
function payload({ status, at = 0, payment = COD }: Raw) {
  const push = fixture('push-trade-order.json');
  Object.assign(push.data, { order_status: status, status_update_time: T0 + at });
  const order = { ...fixture('order-get.json').data, payment_method: payment, statuses: [status] };
  const items = fixture('order-items-get.json').data.map((i: Record<string, unknown>) => ({ ...i, status }));
  return { push, order, items };
}

const normalize = (raw: Raw, previous: Order | null) =>
  lazadaAdapter.normalize(payload(raw), { topic: 'message_type 0', connectionId: 'c', storeId: '1234567', settings, previous }).order;

interface Expected {
  financial: FinancialStatus;
  fulfillment: FulfillmentStatus;
  delivery: DeliveryStatus;
  cancelled?: boolean;
}
type Row = [name: string, before: Raw | null, after: Raw, state: Expected | null, events: CanonicalEventType[]];

const rows: Row[] = [
  ['new prepaid order: paid from the start', null, { status: 'pending', payment: CARD }, { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.created', 'order.paid', 'marketplace.status_changed']],
  ['new COD order: not paid', null, { status: 'pending' }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.created', 'marketplace.status_changed']],
  ['COD order ready to ship: still unpaid', { status: 'pending' }, { status: 'ready_to_ship', at: 60 }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.updated', 'marketplace.status_changed']],
  ['shipped: fulfilled, in transit', { status: 'ready_to_ship' }, { status: 'shipped', at: 60 }, { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, ['order.updated', 'order.fulfilled', 'marketplace.status_changed']],
  ['COD delivered: collected, so paid', { status: 'shipped' }, { status: 'delivered', at: 60 }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.paid', 'order.delivered', 'marketplace.status_changed']],
  ['prepaid delivered', { status: 'shipped', payment: CARD }, { status: 'delivered', at: 60, payment: CARD }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.delivered', 'marketplace.status_changed']],
  ['first seen delivered (confirmed)', null, { status: 'confirmed' }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.created', 'order.paid', 'order.fulfilled', 'order.delivered', 'marketplace.status_changed']],
  ['first seen with a failed delivery: never fulfilled', null, { status: 'failed_delivery' }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.created', 'order.delivery_failed', 'marketplace.status_changed']],
  ['shipped → failed: the failure only', { status: 'shipped' }, { status: 'failed_delivery', at: 60 }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.updated', 'order.delivery_failed', 'marketplace.status_changed']],
  ['shipped → lost by the carrier', { status: 'shipped' }, { status: 'lost_by_3pl', at: 60 }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.updated', 'order.delivery_failed', 'marketplace.status_changed']],
  ['COD failed → returned: no money', { status: 'failed_delivery' }, { status: 'shipped_back_success', at: 60 }, { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'returned' }, ['order.updated', 'order.returned', 'marketplace.status_changed']],
  ['prepaid delivered → returned: refunded', { status: 'delivered', payment: CARD }, { status: 'returned', at: 60, payment: CARD }, { financial: 'refunded', fulfillment: 'unfulfilled', delivery: 'returned' }, ['order.updated', 'order.refunded', 'order.returned', 'marketplace.status_changed']],
  ['COD cancelled before shipping', { status: 'pending' }, { status: 'canceled', at: 60 }, { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, ['order.updated', 'order.cancelled', 'marketplace.status_changed']],
  ['prepaid cancelled: refunded', { status: 'pending', payment: CARD }, { status: 'canceled', at: 60, payment: CARD }, { financial: 'refunded', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, ['order.updated', 'order.refunded', 'order.cancelled', 'marketplace.status_changed']],
  ['the same push again: nothing', { status: 'shipped', at: 60 }, { status: 'shipped', at: 60 }, { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, []],
  ['stale: an older push after a newer one', { status: 'shipped', at: 600 }, { status: 'pending', at: 0 }, null, []],
];

describe('Lazada status table: raw status → canonical state → events', () => {
  it.each(rows)('%s', (_name, beforeRaw, afterRaw, state, events) => {
    const before = beforeRaw ? normalize(beforeRaw, null) : null;
    const after = normalize(afterRaw, before);
    if (state) {
      expect({ financial: after.financialStatus, fulfillment: after.fulfillmentStatus, delivery: after.deliveryStatus, cancelled: Boolean(after.cancelledAt) })
        .toEqual({ cancelled: false, ...state });
    }
    expect(deriveOrderEvents(before, after, { marketplace: lazadaAdapter.marketplace === true })).toEqual(events);
  });

  it('says COD from the payment method, and shows Lazada\'s order number', () => {
    const cod = normalize({ status: 'pending' }, null);
    expect(cod).toMatchObject({ cashOnDelivery: true, paymentMethod: 'COD', number: '260422900198363', platformOrderId: '260422900198363' });
    expect(normalize({ status: 'pending', payment: CARD }, null)).toMatchObject({ cashOnDelivery: false, paymentMethod: CARD });
  });
});
