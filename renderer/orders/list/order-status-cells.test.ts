import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/orders.json' with { type: 'json' };
import vi from '../../i18n/locales/vi/orders.json' with { type: 'json' };
import { FinancialStatus, FulfillmentStatus, DeliveryStatus } from '../../../engine/contract/index.ts';
import { statusCells, storeStatusCell } from './order-status-cells.ts';

/** The words a row shows, in one language, as the user reads them. */
/** The list's words of one language (vi has no _one plural forms, so the two files differ in shape). */
type Words = { list: typeof en.list };

function read(words: Words, row: Parameters<typeof statusCells>[0]): string[] {
  const c = statusCells(row);
  const say = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], words) as string;
  return [c.payment, c.paymentBeside, c.fulfillment, c.delivery].map((w) => (w ? say(w.key) : '—'));
}

describe('the status cells of the orders list', () => {
  it('a live order reads its payment, fulfilment and delivery', () => {
    const row = { cancelledAt: null, financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none' } as const;
    expect(read(en, row)).toEqual(['Pending', '—', 'Unfulfilled', 'Not shipped']);
    expect(read(vi, row)).toEqual(['Chưa thanh toán', '—', 'Chưa xử lý', 'Chưa giao']);
    expect(read(vi, { ...row, financialStatus: 'paid', fulfillmentStatus: 'partial', deliveryStatus: 'delivery_failed' })).toEqual(['Đã thanh toán', '—', 'Đã xử lý một phần', 'Giao thất bại']);
  });

  it('a cancelled order reads Cancelled with the payment beside, never Pending, Unfulfilled or Not shipped', () => {
    const refunded = { cancelledAt: '2026-03-03T10:00:00Z', financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none' } as const;
    expect(read(en, refunded)).toEqual(['Cancelled', 'Refunded', '—', '—']);
    expect(read(vi, refunded)).toEqual(['Đã hủy', 'Đã hoàn tiền', '—', '—']);
    expect(read(vi, { ...refunded, financialStatus: 'voided' })).toEqual(['Đã hủy', 'Đã hủy thanh toán', '—', '—']);
    // A parcel already on its way back is still worth reading.
    expect(read(en, { ...refunded, fulfillmentStatus: 'fulfilled', deliveryStatus: 'returned' })).toEqual(['Cancelled', 'Refunded', 'Fulfilled', 'Returned']);
    const alive = new Set(['Pending', 'Unpaid', 'Unfulfilled', 'Not shipped', 'Chưa thanh toán', 'Chưa xử lý', 'Chưa giao']);
    for (const financialStatus of FinancialStatus.options) {
      for (const fulfillmentStatus of FulfillmentStatus.options) {
        for (const deliveryStatus of DeliveryStatus.options) {
          const row = { cancelledAt: '2026-03-03T10:00:00Z', financialStatus, fulfillmentStatus, deliveryStatus };
          for (const word of [...read(en, row), ...read(vi, row)]) expect(alive.has(word), `${word} on ${JSON.stringify(row)}`).toBe(false);
        }
      }
    }
  });

  it('has a word in both languages for every status', () => {
    for (const words of [en, vi]) {
      for (const s of FinancialStatus.options) expect(words.list.status.payment[s]).toBeTruthy();
      for (const s of FulfillmentStatus.options) expect(words.list.status.fulfillment[s]).toBeTruthy();
      for (const s of DeliveryStatus.options) expect(words.list.status.delivery[s]).toBeTruthy();
    }
  });
});

describe('the store status cell', () => {
  it("shows a marketplace's mapped word as it is, and a platform's payment word in the user's words", () => {
    expect(storeStatusCell({ cancelledAt: null, storeStatus: 'Chờ giao hàng' })).toEqual({ text: 'Chờ giao hàng' });
    expect(storeStatusCell({ cancelledAt: null, storeStatus: 'pending' })).toEqual({ key: 'list.status.payment.pending' });
    expect(storeStatusCell({ cancelledAt: null, storeStatus: 'processing' })).toEqual({ text: 'processing' });
    expect(storeStatusCell({ cancelledAt: null, storeStatus: null })).toBeNull();
  });

  it('never reads pending on a cancelled order', () => {
    expect(storeStatusCell({ cancelledAt: '2026-03-03T10:00:00Z', storeStatus: 'pending' })).toEqual({ key: 'list.status.cancelled' });
    expect(storeStatusCell({ cancelledAt: '2026-03-03T10:00:00Z', storeStatus: 'Cancelled' })).toEqual({ key: 'list.status.cancelled' });
  });
});
