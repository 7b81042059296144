import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalEventType, DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { kiotVietAdapter } from './kiotviet-adapter.ts';
import { KiotVietSettings } from './kiotviet-settings.ts';

/**
 * KiotViet's table (issue #10): an order's (đặt hàng) or invoice's (hóa đơn) `Status`, its
 * waybill's `InvoiceDelivery.Status`, `UsingCod` and what was paid → canonical state → the events
 * the engine derives. Each row changes the real-format webhook fixtures, runs the adapter, then
 * `deriveOrderEvents`.
 */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/kiotviet/${name}`, import.meta.url), 'utf8'));
const settings = KiotVietSettings.parse({});

interface Raw {
  kind: 'order' | 'invoice';
  Status: number;
  /** The waybill's status (invoices only). */
  delivery?: number;
  /** "Khách đã trả"; undefined leaves the fixture's (order 0, invoice 420000), null removes it. */
  paid?: number | null;
  cod?: boolean;
  /** Hours after the fixture's time at which KiotViet modified the document. */
  at?: number;
}

function payload({ kind, Status, delivery, paid, cod, at = 0 }: Raw) {
  const body = fixture(kind === 'order' ? 'order-update.json' : 'invoice-update.json');
  const doc = body.Notifications[0].Data[0];
  const base = Date.parse(`${doc.ModifiedDate.slice(0, 19)}Z`) + at * 3_600_000;
  Object.assign(doc, { Status, StatusValue: undefined, ModifiedDate: new Date(base).toISOString().slice(0, 19) });
  if (paid === null) delete doc.TotalPayment;
  else if (paid !== undefined) doc.TotalPayment = paid;
  if (cod !== undefined) doc.UsingCod = cod;
  // A COD invoice has no payment until the collection is recorded.
  if (kind === 'invoice' && cod) doc.Payments = paid ? doc.Payments : [];
  if (kind === 'invoice' && delivery !== undefined) doc.InvoiceDelivery = { ...doc.InvoiceDelivery, Status: delivery, StatusValue: undefined };
  return { kind: 'document', topic: kind === 'order' ? 'order.update' : 'invoice.update', document: doc, customer: null };
}

const normalize = (raw: Raw, previous: Order | null) =>
  kiotVietAdapter.normalize(payload(raw), { topic: `${raw.kind}.update`, connectionId: 'c', storeId: 'flowdeskdemo', settings, previous }).order;

interface Expected {
  financial: FinancialStatus;
  fulfillment: FulfillmentStatus;
  delivery: DeliveryStatus;
  cancelled?: boolean;
}
type Row = [name: string, before: Raw | null, after: Raw, state: Expected | null, events: CanonicalEventType[]];

const TOTAL_ORDER = 450000;
const TOTAL_INVOICE = 420000;
const codInvoice = (Status: number, delivery: number | undefined, at: number, paid = 0): Raw => ({ kind: 'invoice', Status, delivery, cod: true, paid, at });

const rows: Row[] = [
  ['new prepaid order (paid in full when ordered)', null, { kind: 'order', Status: 1, paid: TOTAL_ORDER }, { financial: 'paid', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.created', 'order.paid']],
  ['new COD order: not paid', null, { kind: 'order', Status: 1, cod: true }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.created']],
  ['COD order confirmed: still unpaid', { kind: 'order', Status: 1, cod: true }, { kind: 'order', Status: 5, cod: true, at: 1 }, { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.updated']],
  ['order 2 "Đang giao hàng": fulfilled, in transit', { kind: 'order', Status: 5, cod: true }, { kind: 'order', Status: 2, cod: true, at: 1 }, { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, ['order.updated', 'order.fulfilled']],
  ['order 3 "Hoàn thành" with the payment: paid, delivered', { kind: 'order', Status: 2, cod: true }, { kind: 'order', Status: 3, cod: true, paid: TOTAL_ORDER, at: 1 }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.paid', 'order.delivered']],
  ['order cancelled', { kind: 'order', Status: 5 }, { kind: 'order', Status: 4, at: 1 }, { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, ['order.updated', 'order.cancelled']],
  ['POS sale: invoice completed and paid at once', null, { kind: 'invoice', Status: 1 }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']],
  ['paid read from the Payments list without TotalPayment', null, { kind: 'invoice', Status: 1, paid: null }, { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']],
  ['COD invoice waiting for the carrier', null, codInvoice(3, 1, 0), { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'none' }, ['order.created']],
  ['COD invoice picked up: shipped', codInvoice(3, 1, 0), codInvoice(3, 2, 1), { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, ['order.updated', 'order.fulfilled']],
  ['COD delivered, collection not yet recorded: delivered, unpaid', codInvoice(3, 2, 0), codInvoice(3, 3, 1), { financial: 'pending', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.delivered']],
  ['COD invoice completed with its payment: collected, paid', codInvoice(3, 3, 0), codInvoice(1, 3, 1, TOTAL_INVOICE), { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.paid']],
  ['COD in transit → completed with payment in one step', codInvoice(3, 2, 0), codInvoice(1, 3, 1, TOTAL_INVOICE), { financial: 'paid', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.updated', 'order.paid', 'order.delivered']],
  ['COD invoice completed, no payment: not paid', null, codInvoice(1, undefined, 0), { financial: 'pending', fulfillment: 'fulfilled', delivery: 'delivered' }, ['order.created', 'order.fulfilled', 'order.delivered']],
  ['first seen "Không giao được": never fulfilled', null, codInvoice(5, undefined, 0), { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.created', 'order.delivery_failed']],
  ['shipped → carrier returning it: the failure only', codInvoice(3, 2, 0), codInvoice(3, 4, 1), { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.updated', 'order.delivery_failed']],
  ['shipped → "Không giao được"', codInvoice(3, 2, 0), codInvoice(5, 2, 1), { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'delivery_failed' }, ['order.updated', 'order.delivery_failed']],
  ['waiting for a re-delivery is still in transit', codInvoice(3, 2, 0), codInvoice(3, 10, 1), { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, ['order.updated']],
  ['failed → back at the shop: returned', codInvoice(5, 4, 0), codInvoice(5, 5, 1), { financial: 'pending', fulfillment: 'unfulfilled', delivery: 'returned' }, ['order.updated', 'order.returned']],
  ['returned, then the invoice cancelled', codInvoice(5, 5, 0), codInvoice(2, 5, 1), { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'returned', cancelled: true }, ['order.updated', 'order.cancelled']],
  ['invoice cancelled before shipping', codInvoice(3, 1, 0), codInvoice(2, 6, 1), { financial: 'voided', fulfillment: 'unfulfilled', delivery: 'none', cancelled: true }, ['order.updated', 'order.cancelled']],
  ['the same update again: nothing', codInvoice(3, 2, 1), codInvoice(3, 2, 1), { financial: 'pending', fulfillment: 'fulfilled', delivery: 'in_transit' }, []],
  ['stale: an older update after a newer one', codInvoice(3, 3, 2), codInvoice(3, 2, 1), null, []],
];

describe('KiotViet status table: raw status → canonical state → events', () => {
  it.each(rows)('%s', (_name, beforeRaw, afterRaw, state, events) => {
    const before = beforeRaw ? normalize(beforeRaw, null) : null;
    const after = normalize(afterRaw, before);
    if (state) {
      expect({ financial: after.financialStatus, fulfillment: after.fulfillmentStatus, delivery: after.deliveryStatus, cancelled: Boolean(after.cancelledAt) })
        .toEqual({ cancelled: false, ...state });
    }
    expect(deriveOrderEvents(before, after, { marketplace: kiotVietAdapter.marketplace === true })).toEqual(events);
  });

  it('shows the document code as the number, and says COD and the payment method as KiotViet does', () => {
    expect(normalize({ kind: 'order', Status: 1 }, null)).toMatchObject({ number: 'DH000123', platformOrderId: 'order/10234567', cashOnDelivery: false, paymentMethod: null });
    expect(normalize({ kind: 'order', Status: 1, cod: true }, null)).toMatchObject({ cashOnDelivery: true, paymentMethod: 'COD' });
    expect(normalize({ kind: 'invoice', Status: 1 }, null)).toMatchObject({ number: 'HD000789', platformOrderId: 'invoice/20456789', cashOnDelivery: false, paymentMethod: 'Cash' });
    expect(normalize(codInvoice(1, 3, 0, TOTAL_INVOICE), null)).toMatchObject({ cashOnDelivery: true, paymentMethod: 'Cash' });
  });
});
