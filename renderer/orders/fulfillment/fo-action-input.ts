import { FoAction, type FulfillmentOrder } from '../../../engine/contract/index.ts';
import type { MerchantFoAction } from './fo-panel-view.ts';

/** Shopify's FulfillmentHoldReason values (reference/platform-apis.md §1.5, fulfillmentOrderHold). */
export const holdReasons = [
  'AWAITING_PAYMENT',
  'HIGH_RISK_OF_FRAUD',
  'INCORRECT_ADDRESS',
  'INVENTORY_OUT_OF_STOCK',
  'AWAITING_RETURN_ITEMS',
  'UNKNOWN_DELIVERY_DATE',
  'OTHER',
] as const;

/** What the inline forms hold, whatever the action (each reads only its own fields). */
export interface FoFormValues {
  message: string;
  note: string;
  locationId: string;
  managedBy: 'merchant' | 'service';
  reason: string;
  holdReason: (typeof holdReasons)[number];
  trackingNumber: string;
  carrier: string;
  trackingUrl: string;
  notifyCustomer: boolean;
  fulfillmentId: string;
  /** The move's destination as the platform listed it (its name for the FO and the timeline). */
  locationName: string;
  /** How many of each line to request or mark as fulfilled (default: all that is left). */
  quantities: Record<string, number>;
  /** What is left to ship of each line, when the form opened. */
  remaining: Record<string, number>;
}

/** What is left to ship of each of the FO's lines that has anything left. */
export function remainingOf(fo: FulfillmentOrder): Record<string, number> {
  return Object.fromEntries(fo.lines.filter((l) => l.quantity > l.fulfilled).map((l) => [l.id, l.quantity - l.fulfilled]));
}

/**
 * The lines to send for the chosen quantities: none (everything that is left, the platform's
 * default) when every line is chosen whole; `none` when nothing is chosen, `invalid` when a
 * quantity is not a whole number between 0 and what is left.
 */
export function chosenLines(v: Pick<FoFormValues, 'quantities' | 'remaining'>): { lineId: string; quantity: number }[] | undefined | 'none' | 'invalid' {
  const entries = Object.entries(v.remaining);
  const picked: { lineId: string; quantity: number }[] = [];
  for (const [lineId, left] of entries) {
    const q = v.quantities[lineId] ?? left;
    if (!Number.isInteger(q) || q < 0 || q > left) return 'invalid';
    if (q > 0) picked.push({ lineId, quantity: q });
  }
  if (picked.length === 0) return 'none';
  return picked.every((p) => p.quantity === v.remaining[p.lineId]) && picked.length === entries.length ? undefined : picked;
}

export function emptyFoForm(fo: FulfillmentOrder): FoFormValues {
  const standing = fo.fulfillments.filter((f) => f.status === 'success');
  return {
    message: '',
    note: '',
    locationId: '',
    managedBy: 'merchant',
    reason: '',
    holdReason: 'OTHER',
    trackingNumber: '',
    carrier: '',
    trackingUrl: '',
    notifyCustomer: false,
    fulfillmentId: standing.at(-1)?.id ?? '',
    locationName: '',
    quantities: remainingOf(fo),
    remaining: remainingOf(fo),
  };
}

/** An optional text: left out when blank, so the platform gets no empty message. */
const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * The action to send for a form's values, checked against the contract; `missing` names the
 * field the user still has to fill (a move's location, the fulfillment to revert).
 */
export function foActionFrom(kind: MerchantFoAction, v: FoFormValues): { action: FoAction } | { missing: 'locationId' | 'fulfillmentId' | 'lines' | 'invalid' } {
  let candidate: unknown;
  const lines = kind === 'request_fulfillment' || kind === 'fulfil' ? chosenLines(v) : undefined;
  if (lines === 'none') return { missing: 'lines' };
  if (lines === 'invalid') return { missing: 'invalid' };
  switch (kind) {
    case 'request_fulfillment':
      candidate = { kind, message: opt(v.message), lines };
      break;
    case 'request_cancellation':
      candidate = { kind, note: opt(v.note) };
      break;
    case 'move':
      if (!opt(v.locationId)) return { missing: 'locationId' };
      candidate = { kind, locationId: v.locationId.trim(), locationName: opt(v.locationName), managedBy: v.managedBy, reason: opt(v.reason) };
      break;
    case 'hold':
      candidate = { kind, reason: v.holdReason, note: opt(v.note) };
      break;
    case 'fulfil':
      candidate = {
        kind,
        by: 'merchant',
        lines,
        trackingNumber: opt(v.trackingNumber),
        carrier: opt(v.carrier),
        trackingUrl: opt(v.trackingUrl),
        notifyCustomer: v.notifyCustomer,
      };
      break;
    case 'revert_fulfillment':
      if (!opt(v.fulfillmentId)) return { missing: 'fulfillmentId' };
      candidate = { kind, fulfillmentId: v.fulfillmentId };
      break;
    case 'cancel_request':
    case 'release_hold':
    case 'open_scheduled':
      candidate = { kind };
      break;
  }
  const parsed = FoAction.safeParse(candidate);
  return parsed.success ? { action: parsed.data } : { missing: 'invalid' };
}
