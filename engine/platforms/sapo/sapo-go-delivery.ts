import type { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import type { SapoGoFulfillment, SapoGoOrder } from './sapo-go-payload.ts';
import type { GoStatusMeaning, SapoSettings } from './sapo-settings.ts';
import { decimal, lookup } from './sapo-values.ts';

const notYetShipped: readonly FulfillmentStatus[] = ['unfulfilled', 'partial', 'unknown'];
const gaveUp = new Set<DeliveryStatus>(['delivery_failed', 'returned']);
const moving = new Set<DeliveryStatus>(['in_transit', 'delivered']);

/** What the order's `status` word means under this connection's settings (a word not listed is "open"). */
export function goMeaning(status: string | null | undefined, settings: SapoSettings): GoStatusMeaning {
  return lookup(settings.goStatuses, status) ?? 'open';
}

/**
 * `payment_status` when the order has one: it is Sapo's record of the money, so a completed order
 * still owing (a COD not yet settled, a sale on credit) stays unpaid. Only without it does the
 * status word decide: "paid", or the end of the order.
 */
export function goFinancial(o: SapoGoOrder, meaning: GoStatusMeaning, settings: SapoSettings): FinancialStatus {
  if (o.payment_status) return lookup(settings.goPaymentStatuses, o.payment_status) ?? 'unknown';
  return meaning === 'paid' || meaning === 'completed' ? 'paid' : 'pending';
}

/** A delivery word through the settings; undefined when the table does not know it. */
function word(w: string | null | undefined, settings: SapoSettings): DeliveryStatus | undefined {
  return lookup(settings.goDeliveryStatuses, w);
}

/** Where one shipment is: its composite status, else its own status ("cancelled" before shipping says nothing). */
function shipmentDelivery(f: SapoGoFulfillment, settings: SapoSettings): DeliveryStatus | undefined {
  return word(f.composite_fulfillment_status, settings) ?? word(f.status, settings);
}

/** The carrier collects the money on delivery: a shipment with a COD amount. */
export function goCashOnDelivery(o: SapoGoOrder): boolean {
  return (o.fulfillments ?? []).some((f) => Number(decimal(f.shipment?.cod_amount)) > 0);
}

/**
 * The order's fulfilment and delivery. A return received (`return_status`) comes first; then
 * the latest shipment that says anything (a new shipment after a failed one is a fresh attempt),
 * then the order's `received_status` and `fulfillment_status`. The end of the order
 * ("completed") means delivered unless the delivery failed or came back. A failed or returned
 * delivery is never a fulfilment: the order falls back to partial (another shipment still out)
 * or unfulfilled.
 */
export function goShipping(o: SapoGoOrder, meaning: GoStatusMeaning, settings: SapoSettings): { fulfillment: FulfillmentStatus; delivery: DeliveryStatus } {
  const mapped: FulfillmentStatus = o.fulfillment_status ? (lookup(settings.goFulfillmentStatuses, o.fulfillment_status) ?? 'unknown') : 'unfulfilled';
  const ends = meaning === 'delivered' || meaning === 'completed';
  const base = (meaning === 'fulfilled' || ends) && notYetShipped.includes(mapped) ? 'fulfilled' : mapped;

  const shipments = [...(o.fulfillments ?? [])]
    .sort((a, b) => Date.parse(a.created_on ?? '') - Date.parse(b.created_on ?? ''))
    .map((f) => shipmentDelivery(f, settings))
    .filter((d): d is DeliveryStatus => d !== undefined && d !== 'none');
  const returned = word(o.return_status, settings) === 'returned';
  const said = [shipments.at(-1), word(o.received_status, settings), word(o.fulfillment_status, settings)].find((d) => d !== undefined && d !== 'none');

  let delivery: DeliveryStatus = returned ? 'returned' : (said ?? 'none');
  if (ends && (delivery === 'none' || delivery === 'in_transit')) delivery = 'delivered';
  else if ((base === 'fulfilled' || base === 'partial') && delivery === 'none') delivery = 'in_transit';

  if (!gaveUp.has(delivery)) return { fulfillment: base, delivery };
  const stillOut = !returned && shipments.slice(0, -1).some((d) => moving.has(d));
  return { fulfillment: stillOut ? 'partial' : 'unfulfilled', delivery };
}
