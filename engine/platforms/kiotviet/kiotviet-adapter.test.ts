import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { kiotVietAdapter } from './kiotviet-adapter.ts';
import { kiotVietTime } from './kiotviet-normalize.ts';
import { KiotVietSettings } from './kiotviet-settings.ts';

const raw = (name: string) => readFileSync(new URL(`../../../test/fixtures/kiotviet/${name}`, import.meta.url));
const json = (name: string) => JSON.parse(raw(name).toString());
const settings = KiotVietSettings.parse({});
const d = (body: Buffer) => ({ method: 'POST', path: '/hooks/c?noecho', headers: {}, body });
const identify = (payload: unknown, body = Buffer.from(JSON.stringify(payload))) => kiotVietAdapter.identify(d(body), payload);

/** An order.update/invoice.update document as enrich hands it over, optionally changed. */
function doc(name: 'order-update.json' | 'invoice-update.json', change: Record<string, unknown> = {}, customer: unknown = null) {
  const body = json(name);
  const document = { ...body.Notifications[0].Data[0], ...change };
  return { kind: 'document', topic: name === 'order-update.json' ? 'order.update' : 'invoice.update', document, customer };
}
const normalize = (payload: unknown, previous: Order | null = null) =>
  kiotVietAdapter.normalize(payload, { topic: 'order.update', connectionId: 'c', storeId: 'flowdeskdemo', settings, previous });
/** The events the engine derives for this change. */
const eventsOf = (before: Order | null, after: Order) => deriveOrderEvents(before, after, { marketplace: kiotVietAdapter.marketplace === true });

describe('KiotViet identity', () => {
  it('processes order.update and invoice.update, keyed by the body Id, tenant from the Action', () => {
    expect(identify(json('order-update.json'))).toEqual({
      topic: 'order.update', deliveryKey: 'event:5f0c8a3e-2b1d-4c6e-9f7a-1d2e3c4b5a60', tenant: '500123456', handled: true,
    });
    expect(identify(json('invoice-update.json'))).toMatchObject({ topic: 'invoice.update', handled: true });
  });

  it('falls back to the document id + ModifiedDate without a body Id', () => {
    const body = json('order-update.json');
    delete body.Id;
    expect(identify(body).deliveryKey).toBe('event:order.update/10234567@2026-11-20T09:15:30.4570000');
  });

  it('answers other types without processing them', () => {
    expect(identify(json('product-update.json'))).toMatchObject({ topic: 'product.update', handled: false, note: 'KiotViet product.update: not an order or invoice event' });
    expect(identify({ hello: 1 })).toMatchObject({ topic: null, handled: false });
  });

  it('splits a delivery that carries several documents into one payload per document', () => {
    const body = json('order-update.json');
    body.Notifications[0].Data.push({ ...body.Notifications[0].Data[0], Id: 10234568, Code: 'DH000124' });
    expect(identify(body)).toMatchObject({ handled: true, topic: 'order.update' });
    const parts = kiotVietAdapter.split!(body) as { Notifications: { Data: { Code: string }[] }[] }[];
    expect(parts.map((p) => p.Notifications[0]!.Data.map((d) => d.Code))).toEqual([['DH000123'], ['DH000124']]);
  });

  it('processes a RemoveId of one id as an order deletion', () => {
    expect(identify(json('remove.json'))).toEqual({ topic: 'RemoveId', deliveryKey: 'event:RemoveId/10234567', tenant: null, handled: true });
    expect(identify({ RemoveId: [1, 2] })).toMatchObject({ handled: true });
    expect(kiotVietAdapter.split!({ RemoveId: [1, 2] })).toEqual([{ RemoveId: ['1'] }, { RemoveId: ['2'] }]);
  });
});

describe('KiotViet normalization', () => {
  it('maps an order (đặt hàng) with the customer read from the Public API', () => {
    const customer = json('customer-get.json');
    const { order } = normalize(doc('order-update.json', {}, customer));
    expect(eventsOf(null, order)).toEqual(['order.created']);
    expect(order).toMatchObject({
      platform: 'kiotviet',
      platformOrderId: 'order/10234567',
      number: 'DH000123',
      createdAt: '2026-11-20T09:15:30.457+07:00',
      updatedAt: '2026-11-20T09:15:30.457+07:00',
      platformStatus: 'Phiếu tạm',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: false,
      paymentMethod: null,
      totalPrice: '450000',
      totalDiscounts: '50000',
      subtotalPrice: '500000',
      currency: 'VND',
      salesChannel: 'KiotViet',
      note: 'Khách hẹn lấy chiều thứ Bảy',
      customer: { platformCustomerId: '3101234', name: 'Lê Minh Châu', email: 'Chau.Le@Example.vn', phone: '0912345678', emailVerified: false },
      shippingAddress: null,
      billingAddress: { address1: '45 Nguyễn Huệ', province: 'Hồ Chí Minh', district: 'Quận 1', ward: 'Phường Bến Nghé' },
    });
    expect(order.lineItems.map((li) => [li.sku, li.quantity, li.price])).toEqual([['SP000101', 2, '200000'], ['SP000102', 1, '100000']]);
  });

  it.each([
    [1, 0, 'pending', 'unfulfilled', 'none', null],
    [5, 0, 'pending', 'unfulfilled', 'none', null],
    [2, 0, 'pending', 'fulfilled', 'in_transit', null],
    [3, 450000, 'paid', 'fulfilled', 'delivered', null],
    // Completed without the payment recorded: delivered, not paid.
    [3, 0, 'pending', 'fulfilled', 'delivered', null],
    [3, 200000, 'partially_paid', 'fulfilled', 'delivered', null],
    [4, 0, 'voided', 'unfulfilled', 'none', '2026-11-20T09:15:30.457+07:00'],
  ])('order Status %i with %i paid → %s, %s, delivery %s', (status, totalPayment, financial, fulfillment, delivery, cancelledAt) => {
    const { order } = normalize(doc('order-update.json', { Status: status, StatusValue: undefined, TotalPayment: totalPayment }));
    expect(order).toMatchObject({ financialStatus: financial, fulfillmentStatus: fulfillment, deliveryStatus: delivery, cancelledAt });
    expect(order.platformStatus).toBe({ 1: 'Phiếu tạm', 2: 'Đang giao hàng', 3: 'Hoàn thành', 4: 'Đã hủy', 5: 'Đã xác nhận' }[status]);
  });

  it('maps an invoice (hóa đơn) as its own order, with the delivery as shipping address', () => {
    const { order } = normalize(doc('invoice-update.json'));
    expect(eventsOf(null, order)).toEqual(['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']);
    expect(order).toMatchObject({
      platformOrderId: 'invoice/20456789',
      number: 'HD000789',
      platformStatus: 'Hoàn thành',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      deliveryStatus: 'delivered',
      cashOnDelivery: false,
      paymentMethod: 'Cash',
      // No API credentials: the phone comes from the delivery, no email.
      customer: { name: 'Lê Minh Châu', phone: '0912345678', email: null },
      shippingAddress: { name: 'Lê Minh Châu', phone: '0912345678', address1: '45 Nguyễn Huệ', province: 'Hồ Chí Minh', district: 'Quận 1' },
    });
    expect(normalize(doc('invoice-update.json', { Status: 2, StatusValue: 'Đã hủy', TotalPayment: 0 })).order).toMatchObject({ financialStatus: 'voided', cancelledAt: expect.any(String) });
    expect(normalize(doc('invoice-update.json', { TotalPayment: 100000 })).order.financialStatus).toBe('partially_paid');
  });

  it('gives the engine the state each transition is derived from, and nothing new for a stale or repeated update', () => {
    const first = normalize(doc('order-update.json')).order;
    const confirmed = normalize(doc('order-update.json', { Status: 5, StatusValue: 'Đã xác nhận', ModifiedDate: '2026-11-20T10:00:00.0000000' }), first).order;
    expect(eventsOf(first, confirmed)).toEqual(['order.updated']);
    const done = normalize(doc('order-update.json', { Status: 3, StatusValue: 'Hoàn thành', TotalPayment: 450000, ModifiedDate: '2026-11-20T11:00:00.0000000' }), confirmed).order;
    expect(eventsOf(confirmed, done)).toEqual(['order.updated', 'order.paid', 'order.fulfilled', 'order.delivered']);
    const cancelled = normalize(doc('order-update.json', { Status: 4, StatusValue: 'Đã hủy', ModifiedDate: '2026-11-20T12:00:00.0000000' }), confirmed).order;
    expect(eventsOf(confirmed, cancelled)).toEqual(['order.updated', 'order.cancelled']);
    expect(eventsOf(done, normalize(doc('order-update.json'), done).order)).toEqual([]);
    const again = normalize(doc('order-update.json', { ModifiedDate: '2026-11-20T11:00:00.0000000', Status: 3, StatusValue: 'Hoàn thành', TotalPayment: 450000 }), done).order;
    expect(eventsOf(done, again)).toEqual([]);
  });

  it('marks a known order deleted on RemoveId, keeping its content, and makes an inert placeholder otherwise', () => {
    const stored = normalize(doc('order-update.json')).order;
    const removal = { kind: 'removal', id: '10234567', observedAt: '2026-11-22T00:00:00.000Z' };
    const deleted = normalize(removal, stored).order;
    expect(eventsOf(stored, deleted)).toEqual(['order.deleted']);
    expect(deleted).toMatchObject({
      platformOrderId: 'order/10234567', number: 'DH000123', platformStatus: 'Phiếu tạm', totalPrice: '450000',
      updatedAt: '2026-11-22T00:00:00.000Z', deletedAt: '2026-11-22T00:00:00.000Z',
    });
    expect(eventsOf(deleted, normalize(removal, deleted).order)).toEqual([]);
    // A late update of the removed order does not bring it back.
    expect(normalize(doc('order-update.json', { ModifiedDate: '2026-11-23T00:00:00.0000000' }), deleted).order.deletedAt).toBe('2026-11-22T00:00:00.000Z');
    const unknown = normalize(removal).order;
    expect(unknown).toMatchObject({ platformOrderId: 'order/10234567', number: '10234567' });
    expect(unknown.note).toContain('KiotViet also sends RemoveId for deleted products and customers');
    expect(kiotVietAdapter.skip!(removal, { topic: 'RemoveId', connectionId: 'c', storeId: 'flowdeskdemo', settings, previous: null })).toContain('Flowdesk has no order with this id');
  });

  it('reads KiotViet times in the shop\'s offset', () => {
    expect(kiotVietTime('2026-11-20T09:15:30.4570000', '+07:00')).toBe('2026-11-20T09:15:30.457+07:00');
    expect(kiotVietTime('2026-11-20T09:15:30+07:00', '+08:00')).toBe('2026-11-20T09:15:30+07:00');
    expect(kiotVietTime('2026-11-20 09:15', '+07:00')).toBe('2026-11-20T09:15:00+07:00');
    expect(kiotVietTime('20/11/2026', '+07:00')).toBeNull();
  });

  it('refuses what enrich did not produce', () => {
    expect(() => normalize(json('order-update.json'))).toThrow(/not an enriched KiotViet document/);
  });
});
