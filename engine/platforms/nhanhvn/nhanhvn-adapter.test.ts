import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { nhanhvnAdapter } from './nhanhvn-adapter.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/nhanhvn/${name}`, import.meta.url), 'utf8');
const TOKEN = 'nhanh-verify-token-demo';
const SECRET_KEY = 'v1-secret-key';
const settings = nhanhvnAdapter.settings.parse({});
const conn = { id: 'c', platform: 'nhanhvn' as const, storeId: '10000', store: 'Demo', secrets: { verifyToken: TOKEN, secretKey: SECRET_KEY }, settings };
const json = (body: string, headers: Record<string, string> = {}, path = '/hooks/x') => ({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(body) });
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const checksum = (data: string, key = SECRET_KEY) => md5(md5(key + data) + data);
const boundary = '------------------------d74496d66958873e';
function v1(fields: Record<string, string>, kind: string | null = 'orderUpdate') {
  const body = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { method: 'POST', path: kind ? `/hooks/x?kind=${kind}` : '/hooks/x', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.from(body) };
}
const ctx = (topic: string, previous: Order | null = null) => ({ topic, connectionId: 'c', storeId: '10000', settings, previous });
const run = (body: string, topic: string, previous: Order | null = null, path?: string) =>
  nhanhvnAdapter.normalize(nhanhvnAdapter.parse(json(body, {}, path)), ctx(topic, previous));
const v1Data = fixture('v1-order-status-data.json').trim();

describe('the Nhanh.vn adapter: verification', () => {
  it('accepts the v2 body token, and the v3 verifyToken header', () => {
    expect(nhanhvnAdapter.verify(json(fixture('v2-order-add.json')), conn)).toEqual({ ok: true, detail: 'webhooksVerifyToken matches' });
    expect(nhanhvnAdapter.verify(json(fixture('v3-order-update.json'), { verifytoken: TOKEN }), conn)).toEqual({ ok: true, detail: 'verifyToken header matches' });
  });

  it('refuses a wrong or missing token, and says which', () => {
    const wrong = fixture('v2-order-add.json').replace(TOKEN, 'guess');
    expect(nhanhvnAdapter.verify(json(wrong), conn)).toEqual({ ok: false, reason: 'webhooksVerifyToken in the body does not match this connection\'s verify token' });
    expect(nhanhvnAdapter.verify(json(fixture('v2-order-add.json'), { verifytoken: 'guess' }), conn).ok).toBe(false);
    expect(nhanhvnAdapter.verify(json(fixture('v3-order-update.json')), conn)).toEqual({ ok: false, reason: 'missing webhooksVerifyToken (body) and verifyToken header' });
    expect(nhanhvnAdapter.verify(json(fixture('v2-order-add.json')), { ...conn, secrets: {} }).ok).toBe(false);
    expect(nhanhvnAdapter.verify(json('not json'), conn).ok).toBe(false);
  });

  it('checks the v1 checksum md5(md5(secretKey + data) + data) over the data field as sent', () => {
    expect(nhanhvnAdapter.verify(v1({ storeId: '77', data: v1Data, checksum: checksum(v1Data) }), conn)).toEqual({ ok: true, detail: 'checksum verified' });
    expect(nhanhvnAdapter.verify(v1({ data: v1Data, checksum: checksum(v1Data).toUpperCase() }), conn).ok).toBe(true);
    const tampered = v1Data.replace('"Success"', '"Returned"');
    expect(nhanhvnAdapter.verify(v1({ data: tampered, checksum: checksum(v1Data) }), conn)).toEqual({
      ok: false,
      reason: 'checksum does not match md5(md5(secretKey + data) + data) with this connection\'s secret key',
    });
    expect(nhanhvnAdapter.verify(v1({ data: v1Data, checksum: checksum(v1Data, 'other') }), conn).ok).toBe(false);
    expect(nhanhvnAdapter.verify(v1({ data: v1Data, checksum: 'zz' }), conn).ok).toBe(false);
    expect(nhanhvnAdapter.verify(v1({ data: v1Data }), conn)).toEqual({ ok: false, reason: 'missing checksum form field' });
    expect(nhanhvnAdapter.verify(v1({ data: v1Data, checksum: checksum(v1Data) }), { ...conn, secrets: { verifyToken: TOKEN } }).ok).toBe(false);
  });
});

describe('the Nhanh.vn adapter: identify', () => {
  it('names the event, the business and a key from the order id and the data', () => {
    const d = json(fixture('v2-order-add.json'));
    const id = nhanhvnAdapter.identify(d, nhanhvnAdapter.parse(d));
    expect(id).toMatchObject({ topic: 'orderAdd', tenant: '10000', handled: true });
    expect(id.deliveryKey).toMatch(/^event:orderAdd\/10000\/123456789#[0-9a-f]{32}$/);
    const same = json(fixture('v2-order-add.json').replace(`"${TOKEN}"`, '"x"'));
    expect(nhanhvnAdapter.identify(same, nhanhvnAdapter.parse(same)).deliveryKey).toBe(id.deliveryKey);
    const del = json(fixture('v3-order-delete.json'));
    expect(nhanhvnAdapter.identify(del, nhanhvnAdapter.parse(del)).deliveryKey).toMatch(/^event:orderDelete\/10000\/123456789,123456790#/);
  });

  it('ignores events that are not order events', () => {
    const d = json('{"event":"productUpdate","businessId":10000,"data":{"productId":1}}');
    expect(nhanhvnAdapter.identify(d, nhanhvnAdapter.parse(d))).toMatchObject({ topic: 'productUpdate', handled: false });
  });

  it('reads the kind of a v1 delivery from ?kind= and asks for it when missing', () => {
    const d = v1({ storeId: '77', data: v1Data, checksum: checksum(v1Data) }, 'orderStatus');
    expect(nhanhvnAdapter.identify(d, nhanhvnAdapter.parse(d))).toMatchObject({ topic: 'orderUpdate', tenant: '77', handled: true });
    const bare = v1({ data: v1Data, checksum: checksum(v1Data) }, null);
    const id = nhanhvnAdapter.identify(bare, nhanhvnAdapter.parse(bare));
    expect(id).toMatchObject({ topic: null, tenant: null, handled: false });
    expect(id.note).toContain('?kind=orderAdd');
  });
});

describe('the Nhanh.vn adapter: normalize', () => {
  it('orderAdd (v2) becomes the canonical order: a COD order, unpaid, numbered as Nhanh shows it', () => {
    const out = run(fixture('v2-order-add.json'), 'orderAdd');
    expect(deriveOrderEvents(null, out.order)).toEqual(['order.created']);
    expect(out.order).toMatchObject({
      platform: 'nhanhvn',
      storeId: '10000',
      platformOrderId: '123456789',
      number: '123456789',
      createdAt: '2026-11-20T14:05:09+07:00',
      updatedAt: '2026-11-20T14:05:09+07:00',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: true,
      paymentMethod: 'cod',
      platformStatus: 'New',
      subtotalPrice: '550000',
      totalPrice: '510000',
      totalDiscounts: '20000',
      currency: 'VND',
      salesChannel: 'Website',
      note: 'Giao giờ hành chính',
      customer: { platformCustomerId: '5551234', name: 'Nguyễn Văn An', phone: '0912345678', email: 'An.Nguyen@Example.vn', emailVerified: false },
      shippingAddress: { address1: '170 La Thành', ward: 'Phường Ô Chợ Dừa', district: 'Quận Đống Đa', city: 'Hà Nội', countryCode: 'VN' },
    });
    expect(out.order.lineItems[0]).toMatchObject({ productId: '1231264453', sku: 'AT-TRANG-M', title: 'Áo thun trắng M', quantity: 2, price: '189000', properties: [{ name: 'discount', value: '9000' }] });
  });

  const added = () => run(fixture('v2-order-add.json'), 'orderAdd').order;
  const update = (status: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ event: 'orderUpdate', businessId: 10000, webhooksVerifyToken: TOKEN, data: { orderId: 123456789, status, ...extra } });

  it('a bare v2 status change keeps everything else from the stored order', () => {
    const previous = added();
    const out = run(fixture('v2-order-update.json'), 'orderUpdate', previous);
    expect(deriveOrderEvents(previous, out.order)).toEqual(['order.updated']);
    expect(out.order).toMatchObject({ platformStatus: 'Confirmed', totalPrice: '510000', cashOnDelivery: true, customer: { email: 'An.Nguyen@Example.vn' }, lineItems: [{}, {}] });
  });

  it.each([
    ['Shipping', ['order.updated', 'order.fulfilled'], 'pending', 'fulfilled', 'in_transit'],
    ['Pickedup', ['order.updated', 'order.fulfilled'], 'pending', 'fulfilled', 'in_transit'],
    ['Success', ['order.updated', 'order.paid', 'order.fulfilled', 'order.delivered'], 'paid', 'fulfilled', 'delivered'],
    ['Failed', ['order.updated', 'order.delivery_failed'], 'pending', 'unfulfilled', 'delivery_failed'],
    ['Returning', ['order.updated', 'order.delivery_failed'], 'pending', 'unfulfilled', 'delivery_failed'],
    ['Returned', ['order.updated', 'order.returned'], 'pending', 'unfulfilled', 'returned'],
    ['Canceled', ['order.updated', 'order.cancelled'], 'voided', 'unfulfilled', 'none'],
    ['Aborted', ['order.updated', 'order.cancelled'], 'voided', 'unfulfilled', 'none'],
    ['Packing', ['order.updated'], 'pending', 'unfulfilled', 'none'],
  ])('New → %s derives %j', (status, events, financial, fulfillment, delivery) => {
    const previous = added();
    const out = run(update(status, status === 'Canceled' ? { reason: 'NotBuy' } : {}), 'orderUpdate', previous);
    expect(deriveOrderEvents(previous, out.order)).toEqual(events);
    expect(out.order).toMatchObject({ financialStatus: financial, fulfillmentStatus: fulfillment, deliveryStatus: delivery, platformStatus: status });
    if (status === 'Canceled') expect(out.order).toMatchObject({ cancelReason: 'NotBuy', cancelledAt: '2026-11-20T14:05:09+07:00' });
  });

  it('counts transfers and deposits: covered orders are paid before delivery, and are not COD', () => {
    const previous = added();
    const transferred = run(update('Confirmed', { moneyTransfer: 510000 }), 'orderUpdate', previous).order;
    expect(transferred).toMatchObject({ financialStatus: 'paid', cashOnDelivery: false, paymentMethod: 'transfer' });
    expect(deriveOrderEvents(previous, transferred)).toEqual(['order.updated', 'order.paid']);
    const partly = run(update('Confirmed', { moneyDeposit: 100000 }), 'orderUpdate', previous).order;
    expect(partly).toMatchObject({ financialStatus: 'partially_paid', cashOnDelivery: true, paymentMethod: 'cod' });
    // A later bare status change does not forget what was paid.
    expect(run(update('Packing'), 'orderUpdate', partly).order).toMatchObject({ financialStatus: 'partially_paid', cashOnDelivery: true });
    // Nor does a failed delivery forget money already received.
    expect(run(update('Failed'), 'orderUpdate', transferred).order.financialStatus).toBe('paid');
  });

  it('a counter sale ("Shopping") is not cash on delivery', () => {
    const body = JSON.parse(fixture('v2-order-add.json')) as { data: Record<string, unknown> };
    const counter = JSON.stringify({ ...body, data: { ...body.data, type: 'Shopping', typeId: 2, status: 'Success' } });
    expect(run(counter, 'orderAdd').order).toMatchObject({ cashOnDelivery: false, paymentMethod: null, financialStatus: 'paid' });
  });

  it('v3: nested order, unix times, marketplace channel, and no events from an older delivery', () => {
    const previous = added();
    const out = run(fixture('v3-order-update.json'), 'orderUpdate', previous);
    expect(deriveOrderEvents(previous, out.order)).toEqual(['order.updated', 'order.fulfilled']);
    expect(out.order).toMatchObject({
      updatedAt: '2026-11-21T02:30:00.000Z',
      createdAt: '2026-11-20T07:05:09.000Z',
      platformStatus: 'Shipping',
      financialStatus: 'partially_paid',
      deliveryStatus: 'in_transit',
      cashOnDelivery: true,
      salesChannel: 'Shopee',
      totalPrice: '550000',
      customer: { name: 'Nguyễn Văn An', email: 'An.Nguyen@Example.vn' },
    });
    const newer = { ...out.order, updatedAt: '2026-11-22T00:00:00.000Z', platformStatus: 'New', fulfillmentStatus: 'unfulfilled' as const, deliveryStatus: 'none' as const };
    expect(deriveOrderEvents(newer, run(fixture('v3-order-update.json'), 'orderUpdate', newer).order)).toEqual([]);
  });

  it('a status change for an order never seen counts from nothing', () => {
    const out = run(update('Success'), 'orderUpdate');
    expect(deriveOrderEvents(null, out.order)).toEqual(['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']);
    expect(out.order).toMatchObject({ platformOrderId: '123456789', number: '123456789', totalPrice: '0', customer: null, createdAt: '1970-01-01T00:00:00.000Z' });
  });

  it('orderDelete, as an array (v3) or an object (older v2), marks the stored order deleted', () => {
    const previous = added();
    const v3 = run(fixture('v3-order-delete.json'), 'orderDelete', previous);
    expect(v3.order).toEqual({ ...previous, platformStatus: 'Deleted', deletedAt: previous.updatedAt });
    expect(deriveOrderEvents(previous, v3.order)).toEqual(['order.deleted']);
    const v2 = run(fixture('v2-order-delete.json'), 'orderDelete');
    expect(v2.order).toMatchObject({ platformOrderId: '123456789', number: '123456789', platformStatus: 'Deleted', customer: null });
    expect(deriveOrderEvents(null, v2.order)).toEqual(['order.deleted']);
  });

  it('v1 order status (form) maps like v2', () => {
    const d = v1({ storeId: '77', data: v1Data, checksum: checksum(v1Data) });
    const out = nhanhvnAdapter.normalize(nhanhvnAdapter.parse(d), ctx('orderUpdate'));
    expect(deriveOrderEvents(null, out.order)).toEqual(['order.created', 'order.paid', 'order.fulfilled', 'order.delivered']);
    expect(out.order).toMatchObject({ platformOrderId: 'WEB-1001', number: 'WEB-1001', platformStatus: 'Success', totalPrice: '550000', totalDiscounts: '20000', cashOnDelivery: true });
  });

  it('maps statuses the settings name, and keeps unknown ones as unknown', () => {
    const s = nhanhvnAdapter.settings.parse({ statusMap: { '42': { financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' } }, salesChannels: { '2': 'Web shop' } });
    const body = update('42', { saleChannel: 2 });
    const out = nhanhvnAdapter.normalize(nhanhvnAdapter.parse(json(body)), { ...ctx('orderUpdate', added()), settings: s });
    expect(out.order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered', salesChannel: 'Web shop' });
    expect(run(update('Weird'), 'orderUpdate', added()).order).toMatchObject({ financialStatus: 'unknown', fulfillmentStatus: 'unknown', deliveryStatus: 'none', platformStatus: 'Weird' });
  });

  it('settings saved before delivery tracking still parse, and keep the built-in delivery meaning', () => {
    const legacy = nhanhvnAdapter.settings.parse({ statusMap: { Success: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled' } } });
    const out = nhanhvnAdapter.normalize(nhanhvnAdapter.parse(json(update('Success'))), { ...ctx('orderUpdate', added()), settings: legacy });
    expect(out.order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deliveryStatus: 'delivered' });
  });

  it('refuses data without an order id', () => {
    expect(() => run('{"event":"orderUpdate","businessId":1,"data":{"status":"New"}}', 'orderUpdate')).toThrow(/no orderId/);
  });
});
