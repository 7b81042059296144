import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { sapoAdapter } from './sapo-adapter.ts';
import { SapoSettings } from './sapo-settings.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/sapo/${name}`, import.meta.url));
const web = fixture('web-orders-create.json');
const go = fixture('go-orders-update.json');
const secret = 'sapo_app_secret_unit';
const sign = (body: Buffer, key = secret) => createHmac('sha256', key).update(body).digest('base64');
const settings = SapoSettings.parse({});
const conn = { id: 'c', platform: 'sapo' as const, storeId: 'flowdesk-demo.mysapo.net', store: 'Demo', secrets: { webhookSecret: secret }, settings };
const delivery = (body: Buffer, headers: Record<string, string>) => ({ method: 'POST', path: '/hooks/x', headers, body });
const webHeaders = (topic = 'orders/create') => ({ 'x-sapo-topic': topic, 'x-sapo-shop-domain': 'flowdesk-demo.mysapo.net' });
const goHeaders = (version = '1377039309') => ({
  'x-sapo-topic': 'orders/update', 'x-sapo-tenant-domain': 'flowdesk-demo.mysapogo.com', 'x-sapo-object-id': '501234567',
  'x-sapo-order-id': '501234567', 'x-sapo-test': 'false', 'x-event-version': version,
});
const parsed = (body: Buffer, headers: Record<string, string>) => sapoAdapter.parse(delivery(body, headers));
const ctx = (topic: string, s = settings) => ({ topic, connectionId: 'c', storeId: 'flowdesk-demo.mysapo.net', settings: s, previous: null });

describe('the Sapo adapter: verify (both dialects sign alike)', () => {
  it('accepts the base64 HMAC-SHA256 of the raw bytes', () => {
    expect(sapoAdapter.verify(delivery(web, { ...webHeaders(), 'x-sapo-hmac-sha256': sign(web) }), conn)).toEqual({ ok: true, detail: 'X-Sapo-Hmac-Sha256 verified' });
    expect(sapoAdapter.verify(delivery(go, { ...goHeaders(), 'x-sapo-hmac-sha256': sign(go) }), conn).ok).toBe(true);
  });

  it('refuses a tampered or re-serialized body, another key, garbage and a missing header', () => {
    const h = { 'x-sapo-hmac-sha256': sign(web) };
    const reason = "X-Sapo-Hmac-Sha256 does not match the body signed with this connection's secret";
    expect(sapoAdapter.verify(delivery(Buffer.from(JSON.stringify(JSON.parse(web.toString()))), h), conn)).toEqual({ ok: false, reason });
    expect(sapoAdapter.verify(delivery(Buffer.from(web.toString().replace('1010000.0', '10.0')), h), conn)).toEqual({ ok: false, reason });
    expect(sapoAdapter.verify(delivery(web, { 'x-sapo-hmac-sha256': sign(web, 'other') }), conn).ok).toBe(false);
    expect(sapoAdapter.verify(delivery(web, { 'x-sapo-hmac-sha256': 'not base64 at all' }), conn).ok).toBe(false);
    expect(sapoAdapter.verify(delivery(web, {}), conn)).toEqual({ ok: false, reason: 'missing X-Sapo-Hmac-Sha256 header' });
    expect(sapoAdapter.verify(delivery(Buffer.alloc(0), h), conn).ok).toBe(false);
  });
});

describe('the Sapo adapter: parse and identify', () => {
  it('tells the dialects apart by their headers, and by the body when headers say nothing', () => {
    expect(parsed(web, webHeaders())).toMatchObject({ sapo: { dialect: 'web', test: false, eventVersion: null } });
    expect(parsed(go, goHeaders())).toMatchObject({ sapo: { dialect: 'go', eventVersion: '1377039309', objectId: '501234567' } });
    expect(parsed(go, { 'x-sapo-topic': 'orders/update' })).toMatchObject({ sapo: { dialect: 'go' } });
    expect(parsed(web, { 'x-sapo-topic': 'orders/create' })).toMatchObject({ sapo: { dialect: 'web' } });
    expect(parsed(go, { ...goHeaders(), 'x-sapo-test': 'true' })).toMatchObject({ sapo: { test: true } });
  });

  it('keys Sapo Web duplicates on topic + id + modified_on, GO on topic + object id + x-event-version', () => {
    expect(sapoAdapter.identify(delivery(web, webHeaders()), parsed(web, webHeaders()))).toEqual({
      topic: 'orders/create', deliveryKey: 'version:orders/create:43219876@2026-11-20T03:15:02Z', tenant: 'flowdesk-demo.mysapo.net', handled: true,
    });
    expect(sapoAdapter.identify(delivery(go, goHeaders()), parsed(go, goHeaders()))).toEqual({
      topic: 'orders/update', deliveryKey: 'version:orders/update:501234567#1377039309', tenant: 'flowdesk-demo.mysapogo.com', handled: true,
    });
    const noVersion = { ...goHeaders(), 'x-event-version': '' };
    expect(sapoAdapter.identify(delivery(go, noVersion), parsed(go, noVersion)).deliveryKey).toBe('version:orders/update:501234567@2026-11-20T02:00:05Z');
  });

  it('ignores topics it does not process and bodies without an order version', () => {
    expect(sapoAdapter.identify(delivery(web, webHeaders('products/update')), parsed(web, webHeaders())).handled).toBe(false);
    expect(sapoAdapter.identify(delivery(web, webHeaders('refunds/create')), parsed(web, webHeaders())).handled).toBe(false);
    const del = Buffer.from('{"id":43219876}');
    expect(sapoAdapter.identify(delivery(del, webHeaders('orders/delete')), parsed(del, webHeaders()))).toMatchObject({ handled: false, deliveryKey: expect.stringMatching(/^sha256:/) });
    expect(sapoAdapter.identify(delivery(web, webHeaders()), undefined).deliveryKey).toMatch(/^sha256:/);
  });
});

describe('the Sapo adapter: Sapo Web orders', () => {
  it.each([
    ['orders/create', ['order.created']],
    ['orders/updated', ['order.created']],
    ['orders/paid', ['order.created']],
    ['orders/cancelled', ['order.created']],
    ['orders/fulfilled', ['order.created']],
    ['orders/partially_fulfilled', ['order.created']],
    ['orders/delete', ['order.deleted']],
  ])('%s carries the canonical order; first sight derives %s from its state', (topic, events) => {
    const out = sapoAdapter.normalize(parsed(web, webHeaders(topic)), ctx(topic));
    expect(deriveOrderEvents(null, out.order)).toEqual(events);
    expect(out.order).toMatchObject({
      platform: 'sapo', platformOrderId: '43219876', number: '#1043',
      createdAt: '2026-11-20T03:15:00Z', updatedAt: '2026-11-20T03:15:02Z',
      financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', platformStatus: 'open',
      cashOnDelivery: true, paymentMethod: 'Thanh toán khi giao hàng (COD)',
      subtotalPrice: '980000', totalPrice: '1010000', totalTax: '0', totalDiscounts: '0', currency: 'VND',
      tags: ['facebook', 'khách quen'], salesChannel: 'Online Store', note: 'Giao giờ hành chính', test: false,
      customer: { platformCustomerId: '27654321', email: 'lan.nguyen@example.com', name: 'Lan Nguyễn', phone: '0901234567', emailVerified: true },
    });
    expect(out.order.shippingAddress).toMatchObject({ name: 'Nguyễn Lan', ward: 'Phường Bến Nghé', district: 'Quận 1', provinceCode: 'HC' });
    expect(out.order.lineItems[1]).toEqual({
      id: '87651235', productId: '11223345', variantId: '55667789', sku: 'QJ-XANH-30', title: 'Quần jean xanh', variantTitle: '30',
      quantity: 1, price: '480000', tags: [], properties: [{ name: 'Ghi chú', value: 'Gói quà' }],
    });
  });

  it('maps paid, fulfilled and cancelled states; reads Shopify-style *_at times as a fallback', () => {
    const body = { ...JSON.parse(web.toString()), financial_status: 'paid', fulfillment_status: 'partial', cancelled_on: '2026-11-21T01:00:00Z', cancel_reason: 'customer' };
    const { order } = sapoAdapter.normalize(body, ctx('orders/cancelled'));
    expect(order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', platformStatus: 'cancelled', cancelledAt: '2026-11-21T01:00:00Z', cancelReason: 'customer' });
    const stored = sapoAdapter.normalize(parsed(web, webHeaders()), ctx('orders/create')).order;
    expect(deriveOrderEvents(stored, order)).toEqual(['order.updated', 'order.paid', 'order.partially_fulfilled', 'order.cancelled']);
    // Cancelled by the status alone: as of the order's last change.
    const statusOnly = sapoAdapter.normalize({ ...JSON.parse(web.toString()), status: 'cancelled' }, ctx('orders/cancelled')).order;
    expect(statusOnly.cancelledAt).toBe('2026-11-20T03:15:02Z');
    const { modified_on: _m, created_on: _c, ...rest } = JSON.parse(web.toString());
    const shopifyTimes = { ...rest, created_at: '2026-11-20T10:15:00+07:00', updated_at: '2026-11-20T10:16:00+07:00' };
    expect(sapoAdapter.normalize(shopifyTimes, ctx('orders/updated')).order.updatedAt).toBe('2026-11-20T10:16:00+07:00');
    expect(() => sapoAdapter.normalize(rest, ctx('orders/updated'))).toThrow(/modified_on/);
  });

  it('follows a locked dialect and refuses topics that are not order topics', () => {
    const locked = SapoSettings.parse({ dialect: 'go' });
    expect(() => sapoAdapter.normalize(parsed(web, webHeaders()), ctx('orders/create', locked))).toThrow(/not a Sapo GO order/);
    expect(() => sapoAdapter.normalize(parsed(web, webHeaders()), ctx('products/create'))).toThrow(/not a Sapo Web order topic/);
  });
});
