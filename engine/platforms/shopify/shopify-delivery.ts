import type { DeliveryStatus, FulfillmentStatus } from '../../contract/index.ts';

/**
 * Shopify's `fulfillments[].shipment_status` (the REST spelling of `FulfillmentEventStatus`,
 * reference §1.7) → where the parcel is. Every word short of the end of the trip is in transit:
 * a label printed or a delivery attempted still means the items left the shop. A word not listed
 * (Shopify adds some from time to time) is read as in transit too.
 */
export const shopifyShipmentStatuses: Readonly<Record<string, DeliveryStatus>> = {
  confirmed: 'in_transit',
  label_purchased: 'in_transit',
  label_printed: 'in_transit',
  carrier_picked_up: 'in_transit',
  in_transit: 'in_transit',
  delayed: 'in_transit',
  out_for_delivery: 'in_transit',
  attempted_delivery: 'in_transit',
  buyer_action_required: 'in_transit',
  ready_for_pickup: 'in_transit',
  ready_for_recipient_pickup: 'in_transit',
  delivered: 'delivered',
  // "The fulfillment was successfully picked up" by the buyer: the trip is over.
  picked_up: 'delivered',
  failure: 'delivery_failed',
  // Shopify has no later "back at the shop" word: the parcel is on its way back, not to the buyer.
  returning_to_sender: 'returned',
};

/** The parts of a shipment (Shopify's Fulfillment, and Sapo Web's copy of it) read here. */
export interface Shipment {
  /** The fulfillment's own status: pending, open, success, cancelled, error, failure. */
  status?: string | null;
  shipment_status?: string | null;
}

/** Fulfillments that never shipped or were reverted ("Revert to unfulfilled", §1.8) are not shipments. */
const voided = new Set(['cancelled', 'error', 'failure']);
const gaveUp = new Set<DeliveryStatus>(['delivery_failed', 'returned']);

function lookup(table: Readonly<Record<string, DeliveryStatus>>, word: string): DeliveryStatus {
  const key = word.toLowerCase();
  return Object.hasOwn(table, key) ? table[key]! : 'in_transit';
}

/**
 * The order's fulfilment and delivery from its own `fulfillment_status` (`base`) and its
 * shipments' tracking. Delivered needs every item shipped and every tracked shipment delivered
 * (a delivered first parcel of a partial order is not the order delivered). A failed or returned
 * shipment wins over the others (the merchant has something to do), and its items no longer
 * count as handed over: the order falls back to partial (other shipments still out) or
 * unfulfilled, so a failed delivery is never a fulfilment. Untracked shipments are in transit.
 */
export function shipmentState(
  base: FulfillmentStatus,
  shipments: readonly Shipment[],
  table: Readonly<Record<string, DeliveryStatus>>,
): { fulfillment: FulfillmentStatus; delivery: DeliveryStatus } {
  const live = shipments.filter((s) => !voided.has((s.status ?? '').toLowerCase()));
  const tracked = live.map((s) => (s.shipment_status ? lookup(table, s.shipment_status) : null));
  const known = tracked.filter((d): d is DeliveryStatus => d !== null && d !== 'none');
  const shipped = base === 'fulfilled' || base === 'partial';

  let delivery: DeliveryStatus;
  if (known.includes('returned')) delivery = 'returned';
  else if (known.includes('delivery_failed')) delivery = 'delivery_failed';
  else if (known.length > 0 && known.every((d) => d === 'delivered') && base === 'fulfilled') delivery = 'delivered';
  else if (known.length > 0 || shipped) delivery = 'in_transit';
  else delivery = 'none';

  if (!gaveUp.has(delivery) || !shipped) return { fulfillment: base, delivery };
  const stillOut = tracked.some((d) => d === null || !gaveUp.has(d));
  return { fulfillment: stillOut ? 'partial' : 'unfulfilled', delivery };
}
