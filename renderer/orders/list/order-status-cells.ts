import { FinancialStatus, type DeliveryStatus, type FulfillmentStatus, type OrderSummaryDto } from '../../../engine/contract/index.ts';
import type { BadgeTone } from '../../components/Badge.tsx';
import { deliveryTone, fulfillmentTone, paymentTone } from '../order-tones.ts';

/** One status word of a row: its key under the orders namespace and its badge colour. */
export interface StatusWord {
  key: string;
  tone: BadgeTone;
}

/** The statuses a shop owner reads on one row of the list; null cells show a dash. */
export interface StatusCells {
  payment: StatusWord;
  /** The payment beside "Cancelled" on a cancelled order (refunded, voided…); null otherwise. */
  paymentBeside: StatusWord | null;
  fulfillment: StatusWord | null;
  delivery: StatusWord | null;
}

/** Payments worth reading beside "Cancelled": money was taken, given back or released. "Pending" is not. */
const AFTER_CANCEL = new Set<FinancialStatus>(['paid', 'partially_paid', 'authorized', 'refunded', 'partially_refunded', 'voided']);

const pay = (s: FinancialStatus): StatusWord => ({ key: `list.status.payment.${s}`, tone: paymentTone[s] });
const ful = (s: FulfillmentStatus): StatusWord => ({ key: `list.status.fulfillment.${s}`, tone: fulfillmentTone[s] });
const del = (s: DeliveryStatus): StatusWord => ({ key: `list.status.delivery.${s}`, tone: deliveryTone[s] });

/**
 * What a row says. A cancelled order never reads as if it were alive: its payment cell says
 * Cancelled (with the payment beside when money moved), and "unfulfilled" / "not shipped"
 * become a dash, since nothing is waiting to be done.
 */
export function statusCells(row: Pick<OrderSummaryDto, 'cancelledAt' | 'financialStatus' | 'fulfillmentStatus' | 'deliveryStatus'>): StatusCells {
  if (row.cancelledAt) {
    return {
      payment: { key: 'list.status.cancelled', tone: 'bad' },
      paymentBeside: AFTER_CANCEL.has(row.financialStatus) ? pay(row.financialStatus) : null,
      fulfillment: row.fulfillmentStatus === 'unfulfilled' || row.fulfillmentStatus === 'unknown' ? null : ful(row.fulfillmentStatus),
      delivery: row.deliveryStatus === 'none' ? null : del(row.deliveryStatus),
    };
  }
  return { payment: pay(row.financialStatus), paymentBeside: null, fulfillment: ful(row.fulfillmentStatus), delivery: del(row.deliveryStatus) };
}

/** The store status cell: a word Flowdesk knows in both languages, or the store's own word as it is. */
export type StoreStatusCell = { key: string } | { text: string } | null;

const CANCELLED_WORDS = new Set(['cancelled', 'canceled', 'cancel']);

/**
 * What the store status column says. Marketplace orders carry seed 002's mapped word ("Chờ giao
 * hàng"), shown as it is; other platforms' own word is often a payment status ("pending", "paid"),
 * shown in the user's language, and on a cancelled order as Cancelled, never as "Pending".
 */
export function storeStatusCell(row: Pick<OrderSummaryDto, 'cancelledAt' | 'storeStatus'>): StoreStatusCell {
  const word = row.storeStatus?.trim();
  if (!word) return null;
  const lower = word.toLowerCase();
  if (CANCELLED_WORDS.has(lower)) return { key: 'list.status.cancelled' };
  const payment = FinancialStatus.safeParse(lower);
  if (payment.success) return row.cancelledAt ? { key: 'list.status.cancelled' } : { key: `list.status.payment.${payment.data}` };
  return { text: word };
}
