import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import { lookupStatus } from '../status-table.ts';

/** What one Nhanh.vn order status means in the canonical model. */
export const NhanhStatusMapping = z.object({
  /** `pending` is upgraded from the money fields (transfer + deposit) and from what was already received. */
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  /** Absent (settings saved before delivery was tracked): the built-in entry's, else `none`. */
  deliveryStatus: DeliveryStatus.optional(),
  /** Entering this status is a cancellation (sets cancelledAt, so order.cancelled fires). */
  cancelled: z.boolean().default(false),
});
export type NhanhStatusMapping = z.infer<typeof NhanhStatusMapping>;

/** A status's meaning once settings and built-ins are merged. */
export interface NhanhStatusMeaning {
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  deliveryStatus: DeliveryStatus;
  cancelled: boolean;
}

const m = (financialStatus: FinancialStatus, fulfillmentStatus: FulfillmentStatus, deliveryStatus: DeliveryStatus = 'none', cancelled = false): NhanhStatusMapping =>
  ({ financialStatus, fulfillmentStatus, deliveryStatus, cancelled });

/**
 * Nhanh's order status codes (reference §6.1, [COMMUNITY], assumed; the v1 glossary gives the
 * Vietnamese words quoted here). Most Nhanh orders are cash on delivery:
 * - the goods leave with the carrier at "Pickedup" (Đã lấy hàng) / "Shipping" (Đang giao hàng):
 *   fulfilled, in transit; the buyer has not paid yet unless transfer + deposit cover the order;
 * - "Success" (Thành công) is the carrier's delivery, where it collects the rest of a COD order
 *   (total − transfer − deposit) from the buyer: delivered and paid;
 * - "Failed" (Thất bại) and "Returning" (Đang chuyển hoàn, on its way back) are a failed
 *   delivery, "Returned" (Đã chuyển hoàn) is back with the seller: unfulfilled, nothing collected;
 * - customer, system and carrier cancellations and "SoldOut" cancel the order.
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
  Pickedup: m('pending', 'fulfilled', 'in_transit'),
  Shipping: m('pending', 'fulfilled', 'in_transit'),
  Success: m('paid', 'fulfilled', 'delivered'),
  Failed: m('pending', 'unfulfilled', 'delivery_failed'),
  Returning: m('pending', 'unfulfilled', 'delivery_failed'),
  Returned: m('pending', 'unfulfilled', 'returned'),
  Canceled: m('voided', 'unfulfilled', 'none', true),
  Aborted: m('voided', 'unfulfilled', 'none', true),
  CarrierCanceled: m('voided', 'unfulfilled', 'none', true),
  SoldOut: m('voided', 'unfulfilled', 'none', true),
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

export function nhanhStatus(status: string, settings: NhanhSettings): NhanhStatusMeaning | undefined {
  const entry = lookupStatus(settings.statusMap, defaultNhanhStatusMap, status);
  return entry && { financialStatus: entry.financialStatus, fulfillmentStatus: entry.fulfillmentStatus, deliveryStatus: entry.deliveryStatus, cancelled: entry.cancelled };
}

export function salesChannelName(code: string | null, settings: NhanhSettings): string {
  if (code === null) return 'Nhanh.vn';
  return settings.salesChannels[code] ?? defaultNhanhSalesChannels[code] ?? `Nhanh.vn channel ${code}`;
}
