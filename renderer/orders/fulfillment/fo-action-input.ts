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
  };
}

/** An optional text: left out when blank, so the platform gets no empty message. */
const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * The action to send for a form's values, checked against the contract; `missing` names the
 * field the user still has to fill (a move's location, the fulfillment to revert).
 */
export function foActionFrom(kind: MerchantFoAction, v: FoFormValues): { action: FoAction } | { missing: 'locationId' | 'fulfillmentId' | 'invalid' } {
  let candidate: unknown;
  switch (kind) {
    case 'request_fulfillment':
      candidate = { kind, message: opt(v.message) };
      break;
    case 'request_cancellation':
      candidate = { kind, note: opt(v.note) };
      break;
    case 'move':
      if (!opt(v.locationId)) return { missing: 'locationId' };
      candidate = { kind, locationId: v.locationId.trim(), managedBy: v.managedBy, reason: opt(v.reason) };
      break;
    case 'hold':
      candidate = { kind, reason: v.holdReason, note: opt(v.note) };
      break;
    case 'fulfil':
      candidate = {
        kind,
        by: 'merchant',
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
