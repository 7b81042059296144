import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { haravanAdapter } from './haravan-adapter.ts';
import { HaravanSettings } from './haravan-settings.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/haravan/${name}`, import.meta.url));
const created = fixture('orders-create.json');
const appSecret = 'haravan_app_secret_unit';
const webhookSecret = 'haravan_store_webhook_secret_unit';
const sign = (body: Buffer, key: string) => createHmac('sha256', key).update(body).digest('base64');
const settings = HaravanSettings.parse({});
const conn = (secrets: Record<string, string>) => ({ id: 'c', platform: 'haravan' as const, storeId: '1000114691', store: 'Demo', secrets, settings });
const delivery = (body: Buffer, headers: Record<string, string>) => ({ method: 'POST', path: '/hooks/x', headers, body });
const ctx = (topic: string) => ({ topic, connectionId: 'c', storeId: '1000114691', settings, previous: null });
const json = (b: Buffer) => JSON.parse(b.toString()) as Record<string, unknown>;

describe('the Haravan adapter: verify', () => {
  it('accepts the base64 HMAC-SHA256 of the raw bytes with the webhook secret or the app secret', () => {
    const both = conn({ webhookSecret, appSecret });
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmacsha256': sign(created, webhookSecret) }), both))
      .toEqual({ ok: true, detail: 'X-Haravan-HmacSha256 verified with the webhook secret' });
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmacsha256': sign(created, appSecret) }), both))
      .toEqual({ ok: true, detail: 'X-Haravan-HmacSha256 verified with the app secret' });
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmacsha256': sign(created, appSecret) }), conn({ appSecret })).ok).toBe(true);
  });

  it('accepts the legacy x-haravan-hmac-sha256 header name, but only with SHA-256/base64', () => {
    const c = conn({ appSecret });
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmac-sha256': sign(created, appSecret) }), c).ok).toBe(true);
    const sha1Hex = createHmac('sha1', appSecret).update(created).digest('hex');
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmac-sha256': sha1Hex }), c).ok).toBe(false);
  });

  it('refuses a tampered or re-serialized body, a wrong key, garbage and a missing header, with reasons', () => {
    const c = conn({ webhookSecret, appSecret });
    const header = { 'x-haravan-hmacsha256': sign(created, webhookSecret) };
    // JSON.stringify drops ".0000": the bytes differ, so the signature does.
    const reserialized = Buffer.from(JSON.stringify(json(created)));
    const tampered = Buffer.from(created.toString().replace('13200000.0000', '13200.0000'));
    for (const body of [reserialized, tampered]) {
      expect(haravanAdapter.verify(delivery(body, header), c)).toEqual({
        ok: false,
        reason: "X-Haravan-HmacSha256 does not match the body signed with this connection's webhook secret or the app secret",
      });
    }
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmacsha256': sign(created, 'other') }), conn({ appSecret })))
      .toEqual({ ok: false, reason: "X-Haravan-HmacSha256 does not match the body signed with this connection's app secret" });
    expect(haravanAdapter.verify(delivery(created, { 'x-haravan-hmacsha256': '%%%not base64' }), c).ok).toBe(false);
    expect(haravanAdapter.verify(delivery(created, {}), c)).toEqual({ ok: false, reason: 'missing X-Haravan-HmacSha256 header' });
    expect(haravanAdapter.verify(delivery(created, header), conn({})).ok).toBe(false);
    expect(haravanAdapter.verify(delivery(Buffer.alloc(0), header), c).ok).toBe(false);
  });
});

describe('the Haravan adapter: identify', () => {
  const headers = (topic: string) => ({ 'x-haravan-topic': topic, 'x-haravan-org-id': '1000114691' });

  it('keys duplicates on topic + order id + updated_at, and names the org as tenant', () => {
    const id = haravanAdapter.identify(delivery(created, headers('orders/create')), json(created));
    expect(id).toEqual({ topic: 'orders/create', deliveryKey: 'version:orders/create:1138637099@2020-09-18T04:12:21.837Z', tenant: '1000114691', handled: true });
    const paid = haravanAdapter.identify(delivery(created, headers('orders/paid')), json(created));
    expect(paid.deliveryKey).not.toBe(id.deliveryKey);
  });

  it('ignores topics it does not process, and an id-only orders/delete', () => {
    expect(haravanAdapter.identify(delivery(created, headers('products/update')), json(created)).handled).toBe(false);
    expect(haravanAdapter.identify(delivery(created, headers('app_subscriptions/update')), {}).handled).toBe(false);
    const del = haravanAdapter.identify(delivery(Buffer.from('{"id":1}'), headers('orders/delete')), { id: 1 });
    expect(del).toMatchObject({ handled: false, deliveryKey: expect.stringMatching(/^sha256:/) });
    expect(haravanAdapter.identify(delivery(created, headers('orders/delete')), json(created)).handled).toBe(true);
  });
});

describe('the Haravan adapter: normalize', () => {
  it.each(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled'])('%s carries the canonical order; its events come from its state', (topic) => {
    const out = haravanAdapter.normalize(json(created), ctx(topic));
    // The docs' example is a COD order whose collection Haravan recorded (financial_status paid).
    expect(deriveOrderEvents(null, out.order)).toEqual(['order.created', 'order.paid']);
    expect(out.order).toMatchObject({
      platform: 'haravan',
      storeId: '1000114691',
      platformOrderId: '1138637099',
      number: '#100020',
      createdAt: '2020-09-19T01:12:10.062Z',
      updatedAt: '2020-09-18T04:12:21.837Z',
      financialStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: true,
      paymentMethod: 'COD',
      cancelledAt: null,
      platformStatus: 'unconfirmed',
      storeStatus: 'Not shipped',
      totalPrice: '13200000',
      subtotalPrice: '13200000',
      totalTax: '0',
      totalDiscounts: '0',
      currency: 'VND',
      tags: [],
      salesChannel: 'Online Store',
      customer: { platformCustomerId: '1036847352', email: 'hello@haravan.com', name: 'Haravan Demo', firstName: 'Haravan Demo', emailVerified: false },
    });
    expect(out.order.shippingAddress).toMatchObject({ name: 'Haravan Demo', address1: '182 Lê Đại Hành', ward: 'Phường 15', district: 'Quận 11', province: 'Hồ Chí Minh', provinceCode: 'HC', countryCode: 'VN' });
    expect(out.order.lineItems).toEqual([{
      id: '1160828322', productId: '1028183659', variantId: '1061514693', sku: null, title: 'Đầm babydoll tay lỡ khoét lỗ',
      variantTitle: 'Default Title', quantity: 22, price: '600000', tags: [], properties: [],
    }]);
  });

  it('maps a cancelled order: the cancelled flag, the reason, the time', () => {
    const body = json(fixture('orders-cancelled.json'));
    const { order } = haravanAdapter.normalize(body, ctx('orders/cancelled'));
    expect(order).toMatchObject({
      number: '#100538', platformStatus: 'cancelled', cancelledAt: '2021-09-08T19:53:04.345Z', cancelReason: 'customer',
      financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', salesChannel: null,
      cashOnDelivery: true, paymentMethod: 'COD',
      customer: { email: 'foo@example.com', name: null },
    });
    expect(deriveOrderEvents(null, order)).toEqual(['order.created', 'order.cancelled']);
    // The doc's blank address (" ") is no name at all.
    expect(order.shippingAddress?.name).toBeNull();
    // Only the flag set: cancelled as of the order's last update.
    const flagOnly = haravanAdapter.normalize({ ...body, cancelled_at: null }, ctx('orders/cancelled')).order;
    expect(flagOnly.cancelledAt).toBe('2021-09-08T19:53:04.347Z');
  });

  it('orders/delete marks the order deleted, dated no earlier than what is stored', () => {
    const stored = haravanAdapter.normalize(json(fixture('orders-fulfilled.json')), ctx('orders/fulfilled')).order;
    const first = haravanAdapter.normalize(json(created), ctx('orders/delete')).order;
    expect(first.deletedAt).toBe('2020-09-18T04:12:21.837Z');
    expect(deriveOrderEvents(null, first)).toEqual(['order.deleted']);
    const late = haravanAdapter.normalize(json(created), { ...ctx('orders/delete'), previous: stored }).order;
    expect(late).toMatchObject({ updatedAt: stored.updatedAt, deletedAt: stored.updatedAt });
    expect(deriveOrderEvents(stored, late)).toEqual(['order.deleted']);
  });

  it('reads delivery progress from the latest shipment into the store status', () => {
    const body = json(fixture('orders-fulfilled.json'));
    const { order } = haravanAdapter.normalize(body, ctx('orders/fulfilled'));
    expect(order).toMatchObject({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', storeStatus: 'Awaiting shipment' });
    const shipments = body['fulfillments'] as Record<string, unknown>[];
    const delivered = { ...body, fulfillments: [...shipments, { ...shipments[0], id: 2, created_at: '2021-10-21T00:00:00Z', carrier_status_code: 'delivered' }] };
    // The latest shipment names the store status; the order is delivered only once every live shipment is.
    expect(haravanAdapter.normalize(delivered, ctx('orders/updated')).order).toMatchObject({ storeStatus: 'Delivered', deliveryStatus: 'in_transit' });
    const allDelivered = { ...body, fulfillments: [{ ...shipments[0], carrier_status_code: 'delivered' }] };
    expect(haravanAdapter.normalize(allDelivered, ctx('orders/updated')).order.deliveryStatus).toBe('delivered');
    const odd = { ...body, fulfillments: [{ ...shipments[0], carrier_status_code: 'lost', carrier_status_name: 'Thất lạc' }] };
    expect(haravanAdapter.normalize(odd, ctx('orders/updated')).order.storeStatus).toBe('Thất lạc');
  });

  it('follows the connection settings for channels and delivery words', () => {
    const custom = HaravanSettings.parse({ salesChannels: { web: 'Website' }, deliveryStatuses: { readytopick: 'Chờ lấy hàng' }, notShipped: 'Chưa giao hàng' });
    const c = { ...ctx('orders/updated'), settings: custom };
    expect(haravanAdapter.normalize(json(created), c).order).toMatchObject({ salesChannel: 'Website', storeStatus: 'Chưa giao hàng' });
    expect(haravanAdapter.normalize(json(fixture('orders-fulfilled.json')), c).order.storeStatus).toBe('Chờ lấy hàng');
  });

  it('reads money sent as strings and times without an offset; refuses a body that is not an order', () => {
    const body = { ...json(created), total_price: '865000.0000', updated_at: '2021-05-13T07:29:20.1234567', financial_status: 'partially_refunded' };
    const { order } = haravanAdapter.normalize(body, ctx('orders/updated'));
    expect(order).toMatchObject({ totalPrice: '865000.0000', updatedAt: '2021-05-13T07:29:20.123Z', financialStatus: 'partially_refunded' });
    expect(() => haravanAdapter.normalize({ id: 1 }, ctx('orders/updated'))).toThrow(/not a Haravan order/);
    expect(() => haravanAdapter.normalize(json(created), ctx('products/update'))).toThrow(/not a Haravan order topic/);
  });
});
