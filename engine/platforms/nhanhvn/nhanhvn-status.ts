import { z } from 'zod';
import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';

/** What one Nhanh.vn order status means in the canonical model. */
export const NhanhStatusMapping = z.object({
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  /** Entering this status is a cancellation (fires order.cancelled). */
  cancelled: z.boolean().default(false),
});
export type NhanhStatusMapping = z.infer<typeof NhanhStatusMapping>;

const m = (financialStatus: FinancialStatus, fulfillmentStatus: FulfillmentStatus, cancelled = false): NhanhStatusMapping => ({ financialStatus, fulfillmentStatus, cancelled });

/**
 * Nhanh's order status codes (reference §6.1, [COMMUNITY]; the v1 glossary lists the same).
 * Most Nhanh orders are cash on delivery: the money is in at "Success", and "pending" is
 * upgraded to paid / partially paid when the transfer + deposit already cover the order.
 * The goods leave with the carrier at "Pickedup"/"Shipping": that is "fulfilled".
 */
export const defaultNhanhStatusMap: Record<string, NhanhStatusMapping> = {
  New: m('pending', 'unfulfilled'),
  Confirming: m('pending', 'unfulfilled'),
  CustomerConfirming: m('pending', 'unfulfilled'),
  Confirmed: m('pending', 'unfulfilled'),
  Packing: m('pending', 'unfulfilled'),
  Packed: m('pending', 'unfulfilled'),
  ChangeDepot: m('pending', 'unfulfilled'),
  Pickup: m('pending', 'unfulfilled'),
  Pickingup: m('pending', 'unfulfilled'),
  InProduction: m('pending', 'unfulfilled'),
  FinishedProduction: m('pending', 'unfulfilled'),
  Pickedup: m('pending', 'fulfilled'),
  Shipping: m('pending', 'fulfilled'),
  Success: m('paid', 'fulfilled'),
  Failed: m('pending', 'unfulfilled'),
  Canceled: m('voided', 'unfulfilled', true),
  Aborted: m('voided', 'unfulfilled', true),
  CarrierCanceled: m('voided', 'unfulfilled', true),
  SoldOut: m('voided', 'unfulfilled', true),
  Returning: m('pending', 'fulfilled'),
  Returned: m('voided', 'restocked'),
};

/** Nhanh `saleChannel` codes [COMMUNITY]: where the order came from; marketplaces by name (seed 002). */
export const defaultNhanhSalesChannels: Record<string, string> = {
  '1': 'Admin',
  '2': 'Website',
  '10': 'API',
  '20': 'Facebook',
  '21': 'Instagram',
  '41': 'Lazada',
  '42': 'Shopee',
  '43': 'Sendo',
  '45': 'Tiki',
  '48': 'TikTok Shop',
};

export const nhanhSettings = z.object({
  /** Nhanh status → canonical statuses; entries here override the defaults above (v3 numeric codes go here too). */
  statusMap: z.record(z.string(), NhanhStatusMapping).default({}),
  /** `saleChannel` code → sales channel name; entries here override the defaults above. */
  salesChannels: z.record(z.string(), z.string()).default({}),
  /** Nhanh amounts carry no currency. */
  currency: z.string().min(1).default('VND'),
  /** v1/v2 times ("2026-11-20 14:05:09") carry no offset: Vietnam time unless said otherwise. */
  utcOffset: z.string().regex(/^[+-]\d\d:\d\d$/, 'an offset such as "+07:00"').default('+07:00'),
});
export type NhanhSettings = z.infer<typeof nhanhSettings>;

export function nhanhStatus(status: string, settings: NhanhSettings): NhanhStatusMapping | undefined {
  return settings.statusMap[status] ?? defaultNhanhStatusMap[status];
}

export function salesChannelName(code: string | null, settings: NhanhSettings): string {
  if (code === null) return 'Nhanh.vn';
  return settings.salesChannels[code] ?? defaultNhanhSalesChannels[code] ?? `Nhanh.vn channel ${code}`;
}

const paidLike = new Set(['paid', 'partially_refunded', 'refunded']);

/** The canonical events a status change stands for (reference §9: "derive from orderUpdate status"). */
export function nhanhTransitionEvents(before: Order | null, after: Order, settings: NhanhSettings): CanonicalEventType[] {
  const cancelled = (o: Order) => (o.platformStatus ? (nhanhStatus(o.platformStatus, settings)?.cancelled ?? false) : false);
  const out: CanonicalEventType[] = [];
  if (after.financialStatus === 'paid' && !(before && paidLike.has(before.financialStatus))) out.push('order.paid');
  if (after.fulfillmentStatus === 'fulfilled' && before?.fulfillmentStatus !== 'fulfilled') out.push('order.fulfilled');
  if (cancelled(after) && !(before && cancelled(before))) out.push('order.cancelled');
  const refund = after.financialStatus === 'refunded' || after.financialStatus === 'partially_refunded';
  // "Refunded or returned" (the trigger's words): goods back in stock count as a return.
  const returned = after.fulfillmentStatus === 'restocked' && before?.fulfillmentStatus !== 'restocked';
  if ((refund && before?.financialStatus !== after.financialStatus) || returned) out.push('order.refunded');
  return out;
}
