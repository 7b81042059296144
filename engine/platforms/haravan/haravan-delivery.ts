import type { DeliveryStatus, FulfillmentStatus } from '../../contract/index.ts';
import type { HaravanFulfillment } from './haravan-payload.ts';
import type { HaravanSettings } from './haravan-settings.ts';

/**
 * A shipment's lifecycle dates, latest step first (reference §2.5): for a carrier code the
 * settings do not list, the furthest step the shipment reached says where the parcel is.
 */
const steps: readonly [keyof HaravanFulfillment, DeliveryStatus][] = [
  ['return_date', 'returned'],
  ['waiting_for_return_date', 'delivery_failed'],
  ['cancel_date', 'delivery_failed'],
  ['delivered_date', 'delivered'],
];

const gaveUp = new Set<DeliveryStatus>(['delivery_failed', 'returned']);

/** Where one shipment's parcel is: its carrier code through the settings, else its dates; a shipment that exists has left. */
export function shipmentDelivery(s: HaravanFulfillment, settings: HaravanSettings): DeliveryStatus {
  const code = s.carrier_status_code?.trim();
  if (code) {
    for (const key of [code, code.toLowerCase()]) {
      if (Object.hasOwn(settings.carrierStatuses, key)) return settings.carrierStatuses[key]!;
    }
  }
  for (const [field, status] of steps) if (s[field]) return status;
  return 'in_transit';
}

/**
 * The order's fulfilment and delivery. Haravan calls an order `fulfilled` as soon as a shipment
 * exists (Errata 2), which is when its items are handed over for shipping: that stays the
 * fulfilment. Delivery comes from the shipments: the latest one failing or coming back decides
 * (a new shipment after a failed one is a fresh attempt), otherwise the order is delivered when
 * every item shipped and every live shipment is delivered. A failed or returned shipment's items
 * no longer count as handed over, so such an order is partial (another shipment still out) or
 * unfulfilled: a failed delivery is never a fulfilment.
 */
export function haravanShipping(base: FulfillmentStatus, shipments: readonly HaravanFulfillment[], settings: HaravanSettings): { fulfillment: FulfillmentStatus; delivery: DeliveryStatus } {
  const sorted = [...shipments].sort((a, b) => Date.parse(a.created_at ?? '') - Date.parse(b.created_at ?? ''));
  const states = sorted.map((s) => shipmentDelivery(s, settings));
  const shipped = base === 'fulfilled' || base === 'partial';
  const latest = states.at(-1);
  const live = states.filter((d) => !gaveUp.has(d) && d !== 'none');

  let delivery: DeliveryStatus;
  if (latest && gaveUp.has(latest)) delivery = latest;
  else if (live.length > 0 && live.every((d) => d === 'delivered') && base === 'fulfilled') delivery = 'delivered';
  else if (live.length > 0 || shipped) delivery = 'in_transit';
  else delivery = 'none';

  if (!gaveUp.has(delivery) || !shipped) return { fulfillment: base, delivery };
  return { fulfillment: live.length > 0 ? 'partial' : 'unfulfilled', delivery };
}
