import type { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import { asDecimal, decimalSum } from './kiotviet-decimal.ts';
import type { KiotVietDocument } from './kiotviet-payload.ts';

/**
 * KiotViet status codes and what they mean canonically (the table of issue #10: fulfilled = every
 * item handed over for shipping; delivery a later, separate fact; a failed delivery is never a
 * fulfilment). `StatusValue` is what the merchant sees and is kept as the platform status.
 */
interface Canonical {
  fulfillment: FulfillmentStatus;
  delivery: DeliveryStatus;
  cancelled?: true;
}
interface StatusInfo extends Canonical {
  label: string;
}

/**
 * Orders (đặt hàng), reference §7.2 [COMMUNITY]. A confirmed order is still in the shop; one
 * "Đang giao hàng" has left it; a completed one ("Hoàn thành": its invoice is done) has reached
 * the buyer.
 */
export const orderStatuses: Record<number, StatusInfo> = {
  1: { label: 'Phiếu tạm', fulfillment: 'unfulfilled', delivery: 'none' },
  2: { label: 'Đang giao hàng', fulfillment: 'fulfilled', delivery: 'in_transit' },
  3: { label: 'Hoàn thành', fulfillment: 'fulfilled', delivery: 'delivered' },
  4: { label: 'Đã hủy', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true },
  5: { label: 'Đã xác nhận', fulfillment: 'unfulfilled', delivery: 'none' },
};

/**
 * Invoices (hóa đơn): the Public API guide v1.4 §2.11.7, the source of reference §7.2, lists
 * `Status` 1 hoàn thành, 2 đã hủy, 3 đang xử lý, 5 không giao được. An invoice with a delivery
 * stays "Đang xử lý" while the carrier has it; its `InvoiceDelivery.Status` says where it is.
 */
export const invoiceStatuses: Record<number, StatusInfo> = {
  1: { label: 'Hoàn thành', fulfillment: 'fulfilled', delivery: 'delivered' },
  2: { label: 'Đã hủy', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true },
  3: { label: 'Đang xử lý', fulfillment: 'unfulfilled', delivery: 'none' },
  5: { label: 'Không giao được', fulfillment: 'unfulfilled', delivery: 'delivery_failed' },
};

/**
 * `InvoiceDelivery.Status` (the waybill): 1–6 from the guide's invoice.update webhook (§2.11.7),
 * 7–12 from its GET /invoices answer (§2.12.1). Waiting for a re-delivery is still in transit
 * (the carrier has not given up); returning is a failed delivery; returned is back to the seller.
 */
export const deliveryStatuses: Record<number, { label: string; delivery: DeliveryStatus }> = {
  1: { label: 'Chờ xử lý', delivery: 'none' },
  2: { label: 'Đang giao hàng', delivery: 'in_transit' },
  3: { label: 'Giao thành công', delivery: 'delivered' },
  4: { label: 'Đang chuyển hoàn', delivery: 'delivery_failed' },
  5: { label: 'Đã chuyển hoàn', delivery: 'returned' },
  6: { label: 'Đã hủy', delivery: 'none' },
  7: { label: 'Đang lấy hàng', delivery: 'none' },
  8: { label: 'Chờ lấy lại', delivery: 'none' },
  9: { label: 'Đã lấy hàng', delivery: 'in_transit' },
  10: { label: 'Chờ giao lại', delivery: 'in_transit' },
  11: { label: 'Chờ chuyển hàng', delivery: 'in_transit' },
  12: { label: 'Chờ chuyển hoàn lại', delivery: 'delivery_failed' },
};

const carrierGaveUp = (d: DeliveryStatus | undefined) => d === 'delivery_failed' || d === 'returned';
const handedOver = (d: DeliveryStatus) => d === 'in_transit' || d === 'delivered';

/**
 * An invoice's state from its own status and its waybill's. The invoice status decides what it
 * settles (completed → delivered; "Không giao được" → failed; cancelled); the carrier's later
 * word wins when it says the parcel failed or came back; while the invoice is in progress, the
 * waybill says it all.
 */
function invoiceState(doc: KiotVietDocument): Canonical | null {
  const info = invoiceStatuses[doc.Status];
  const waybill = doc.InvoiceDelivery?.Status;
  const carrier = waybill === null || waybill === undefined ? undefined : deliveryStatuses[waybill]?.delivery;
  if (!info) return carrier ? { fulfillment: handedOver(carrier) ? 'fulfilled' : 'unfulfilled', delivery: carrier } : null;
  if (info.cancelled) return { fulfillment: 'unfulfilled', delivery: carrierGaveUp(carrier) ? carrier! : 'none', cancelled: true };
  if (carrierGaveUp(carrier)) return { fulfillment: 'unfulfilled', delivery: carrier! };
  if (doc.Status !== 3 || !carrier) return { fulfillment: info.fulfillment, delivery: info.delivery };
  return { fulfillment: handedOver(carrier) ? 'fulfilled' : 'unfulfilled', delivery: carrier };
}

export function canonicalState(kind: 'order' | 'invoice', doc: KiotVietDocument): Canonical {
  const state = kind === 'invoice' ? invoiceState(doc) : orderStatuses[doc.Status];
  return state ?? { fulfillment: 'unknown', delivery: 'none' };
}

export function statusLabel(kind: 'order' | 'invoice', doc: KiotVietDocument): string {
  return doc.StatusValue || (kind === 'invoice' ? invoiceStatuses : orderStatuses)[doc.Status]?.label || `Status ${doc.Status}`;
}

const isZero = (d: string) => /^-?0+(\.0+)?$/.test(d);
/** A payment KiotViet shows as cancelled ("Đã hủy") is no money received. */
const voidedPayment = (p: { StatusValue?: string | null }) => /hủy/i.test((p.StatusValue ?? '').normalize('NFC'));

/**
 * Paid only as far as KiotViet records the money: `TotalPayment` ("Khách đã trả"), else the sum of
 * the `Payments` list. A COD invoice has no payment until the collection is recorded, so it stays
 * pending while it is processed, shipped and even delivered, whatever its status says.
 */
export function financialOf(doc: KiotVietDocument, cancelled: boolean): FinancialStatus {
  const total = asDecimal(doc.Total) ?? '0';
  const listed = (doc.Payments ?? []).filter((p) => !voidedPayment(p)).map((p) => asDecimal(p.Amount)).filter((a): a is string => a !== null);
  const paid = asDecimal(doc.TotalPayment) ?? (listed.length > 0 ? decimalSum(listed) : '0');
  if (isZero(paid) || paid.startsWith('-')) return cancelled ? 'voided' : isZero(total) ? 'paid' : 'pending';
  return decimalSum([paid], [total]).startsWith('-') ? 'partially_paid' : 'paid';
}

/** COD when KiotViet says so (`UsingCod`, the waybill's `UsingPriceCod`) or a payment's method does. */
export function paymentOf(doc: KiotVietDocument): { cashOnDelivery: boolean; paymentMethod: string | null } {
  const methods = [...new Set((doc.Payments ?? []).map((p) => p.Method?.trim()).filter((m): m is string => !!m))];
  const cashOnDelivery = doc.UsingCod === true || doc.InvoiceDelivery?.UsingPriceCod === true || methods.some(isCashOnDelivery);
  return { cashOnDelivery, paymentMethod: methods.length > 0 ? methods.join(', ') : cashOnDelivery ? 'COD' : null };
}
