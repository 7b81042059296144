import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { woocommerceAdapter } from './woocommerce-adapter.ts';
import { sumDecimals } from './woocommerce-normalize.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/woocommerce/order-created.json', import.meta.url));
const secret = 'wc_secret_unit';
const settings = woocommerceAdapter.settings.parse({});
const sign = (body: Buffer | string, key = secret, alg = 'sha256') => createHmac(alg, key).update(body).digest('base64');
const conn = { id: 'c', platform: 'woocommerce' as const, storeId: 'https://shop.example/', store: 'Demo', secrets: { webhookSecret: secret }, settings };
const delivery = (body: Buffer | string, headers: Record<string, string>) => ({ method: 'POST', path: '/hooks/x', headers, body: Buffer.from(body) });
const base = (): Record<string, unknown> => JSON.parse(fixture.toString()) as Record<string, unknown>;
const ctx = (topic: string, previous: Order | null = null) => ({ topic, connectionId: 'c', storeId: 'https://shop.example/', settings, previous });
const at = (o: Record<string, unknown>, modified: string, extra: Record<string, unknown> = {}) => ({ ...o, date_modified_gmt: modified, ...extra });

describe('the WooCommerce adapter: signature', () => {
  it('verifies the base64 HMAC-SHA256 of the bytes as sent', () => {
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': sign(fixture) }), conn)).toEqual({ ok: true, detail: 'X-WC-Webhook-Signature verified' });
  });

  it('refuses a tampered or re-serialized body, a wrong secret and garbage', () => {
    const reserialized = JSON.stringify(JSON.parse(fixture.toString())); // drops PHP's "\/" escapes
    expect(woocommerceAdapter.verify(delivery(reserialized, { 'x-wc-webhook-signature': sign(fixture) }), conn)).toEqual({
      ok: false,
      reason: 'X-WC-Webhook-Signature does not match the body signed with this connection\'s secret',
    });
    const tampered = fixture.toString().replace('"total":"29.35"', '"total":"0.01"');
    expect(woocommerceAdapter.verify(delivery(tampered, { 'x-wc-webhook-signature': sign(fixture) }), conn).ok).toBe(false);
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': sign(fixture, 'other') }), conn).ok).toBe(false);
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': '%%%' }), conn).ok).toBe(false);
  });

  it('says which header is missing', () => {
    expect(woocommerceAdapter.verify(delivery(fixture, {}), conn)).toEqual({ ok: false, reason: 'missing X-WC-Webhook-Signature header' });
  });

  it('signs with the secret HTML-decoded, as wp_specialchars_decode does, and honours another hash algorithm', () => {
    const typed = 'a&amp;b&quot;c';
    const c2 = { ...conn, secrets: { webhookSecret: typed } };
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': sign(fixture, 'a&b"c') }), c2).ok).toBe(true);
    const c3 = { ...conn, settings: woocommerceAdapter.settings.parse({ hashAlgorithm: 'sha512' }) };
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': sign(fixture, secret, 'sha512') }), c3).ok).toBe(true);
    expect(woocommerceAdapter.verify(delivery(fixture, { 'x-wc-webhook-signature': sign(fixture) }), c3).ok).toBe(false);
  });

  it('knows the unsigned ping sent when a webhook is saved, and nothing else', () => {
    expect(woocommerceAdapter.isPing!(delivery('webhook_id=12', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(true);
    expect(woocommerceAdapter.isPing!(delivery('webhook_id=12', { 'x-wc-webhook-signature': 'x' }))).toBe(false);
    expect(woocommerceAdapter.isPing!(delivery(fixture, {}))).toBe(false);
    expect(woocommerceAdapter.isPing!(delivery('webhook_id=12&x=1', {}))).toBe(false);
  });
});

describe('the WooCommerce adapter: identify', () => {
  const headers = { 'x-wc-webhook-topic': 'order.updated', 'x-wc-webhook-source': 'https://shop.example/', 'x-wc-webhook-delivery-id': 'd1' };

  it('keys an order state by topic, id and date_modified_gmt, and names the site', () => {
    expect(woocommerceAdapter.identify(delivery(fixture, headers), base())).toEqual({
      topic: 'order.updated',
      deliveryKey: 'event:order.updated/727@2026-11-20T16:28:08',
      tenant: 'https://shop.example/',
      handled: true,
    });
  });

  it('keys a deletion by its delivery id, reads the topic from resource + event, ignores other topics', () => {
    const del = delivery('{"id":727}', { 'x-wc-webhook-resource': 'order', 'x-wc-webhook-event': 'deleted', 'x-wc-webhook-delivery-id': 'abc' });
    expect(woocommerceAdapter.identify(del, { id: 727 })).toMatchObject({ topic: 'order.deleted', deliveryKey: 'event:order.deleted/727@delivery-abc', handled: true });
    expect(woocommerceAdapter.identify(delivery(fixture, { 'x-wc-webhook-topic': 'product.updated' }), base()).handled).toBe(false);
    expect(woocommerceAdapter.identify(delivery('{}', {}), undefined)).toMatchObject({ topic: null, handled: false });
    expect(woocommerceAdapter.identify(delivery('{"action":"x"}', { 'x-wc-webhook-topic': 'action.woocommerce_x' }), { action: 'x' }).deliveryKey).toMatch(/^sha256:/);
  });
});

describe('the WooCommerce adapter: normalize', () => {
  it('maps order.created to the canonical order, numbered as WooCommerce shows it', () => {
    const out = woocommerceAdapter.normalize(base(), ctx('order.created'));
    expect(deriveOrderEvents(null, out.order)).toEqual(['order.created']);
    expect(out.order).toMatchObject({
      platform: 'woocommerce',
      platformOrderId: '727',
      number: '727',
      createdAt: '2026-11-20T16:28:02Z',
      updatedAt: '2026-11-20T16:28:08Z',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: false,
      paymentMethod: 'bacs',
      platformStatus: 'pending',
      subtotalPrice: '18.00',
      totalPrice: '29.35',
      totalTax: '1.35',
      totalDiscounts: '0.00',
      currency: 'USD',
      salesChannel: 'Online Store',
      note: 'Leave at the door',
      deletedAt: null,
      customer: { email: 'John.Doe@Example.com', name: 'John Doe', phone: '(555) 555-5555', emailVerified: false, platformCustomerId: null },
      shippingAddress: { address1: '969 Market', city: 'San Francisco', provinceCode: 'CA', countryCode: 'US', zip: '94103' },
    });
    expect(out.order.lineItems[0]).toMatchObject({ id: '315', productId: '93', variantId: null, price: '3', quantity: 2 });
    expect(out.order.lineItems[1]).toMatchObject({ sku: 'Bar3', variantId: '23', price: '12', properties: [{ name: 'Color', value: 'Black' }, { name: 'Size', value: 'M Test' }] });
    const renumbered = woocommerceAdapter.normalize({ ...base(), number: 'WC-2041' }, ctx('order.created')).order;
    expect(renumbered).toMatchObject({ platformOrderId: '727', number: 'WC-2041' });
  });

  it('counts an order created with a payment date as paid', () => {
    const paid = at(base(), '2026-11-20T16:28:08', { status: 'processing', date_paid_gmt: '2026-11-20T16:28:08' });
    expect(deriveOrderEvents(null, woocommerceAdapter.normalize(paid, ctx('order.created')).order)).toEqual(['order.created', 'order.paid']);
  });

  it('never counts a processing order as paid without a payment date (cash on delivery)', () => {
    const cod = at(base(), '2026-11-20T16:28:08', { status: 'processing', payment_method: 'cod', payment_method_title: 'Cash on delivery' });
    const order = woocommerceAdapter.normalize(cod, ctx('order.created')).order;
    expect(order).toMatchObject({ financialStatus: 'pending', cashOnDelivery: true, paymentMethod: 'cod', fulfillmentStatus: 'unfulfilled' });
    expect(deriveOrderEvents(null, order)).toEqual(['order.created']);
    // The Vietnamese title of WooCommerce's COD gateway, under another gateway id.
    const titled = at(base(), '2026-11-20T16:28:08', { payment_method: 'cod_vn', payment_method_title: 'Thanh toán khi nhận hàng' });
    expect(woocommerceAdapter.normalize(titled, ctx('order.created')).order.cashOnDelivery).toBe(true);
  });

  const stored = (status: string, modified = '2026-11-20T16:28:08', extra: Record<string, unknown> = {}) =>
    woocommerceAdapter.normalize(at(base(), modified, { status, ...extra }), ctx('order.updated', null)).order;
  const PAID = { date_paid_gmt: '2026-11-20T16:30:00' };

  it.each([
    ['pending', {}, 'processing', PAID, ['order.updated', 'order.paid'], 'paid', 'unfulfilled'],
    ['on-hold', {}, 'processing', PAID, ['order.updated', 'order.paid'], 'paid', 'unfulfilled'],
    ['pending', {}, 'processing', {}, ['order.updated'], 'pending', 'unfulfilled'],
    ['processing', PAID, 'completed', PAID, ['order.updated', 'order.fulfilled'], 'paid', 'fulfilled'],
    ['pending', {}, 'completed', PAID, ['order.updated', 'order.paid', 'order.fulfilled'], 'paid', 'fulfilled'],
    ['pending', {}, 'cancelled', {}, ['order.updated', 'order.cancelled'], 'voided', 'unfulfilled'],
    ['processing', PAID, 'refunded', PAID, ['order.updated', 'order.refunded'], 'refunded', 'unfulfilled'],
    ['pending', {}, 'failed', {}, ['order.updated', 'order.payment_failed'], 'failed', 'unfulfilled'],
    ['processing', PAID, 'processing', PAID, ['order.updated'], 'paid', 'unfulfilled'],
    ['completed', PAID, 'processing', PAID, ['order.updated'], 'paid', 'unfulfilled'],
  ] as const)('%s → %s derives %j', (from, fromExtra, to, toExtra, events, financial, fulfillment) => {
    const previous = stored(from, undefined, fromExtra);
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: to, ...toExtra }), ctx('order.updated', previous));
    expect(deriveOrderEvents(previous, out.order)).toEqual(events);
    expect(out.order).toMatchObject({ financialStatus: financial, fulfillmentStatus: fulfillment, platformStatus: to });
  });

  it('keeps the first cancellation time and marks partial refunds', () => {
    const cancelled = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'cancelled' }), ctx('order.updated', stored('pending'))).order;
    expect(cancelled.cancelledAt).toBe('2026-11-20T17:00:00Z');
    const again = woocommerceAdapter.normalize(at(base(), '2026-11-20T18:00:00', { status: 'cancelled' }), ctx('order.updated', cancelled));
    expect(again.order.cancelledAt).toBe('2026-11-20T17:00:00Z');
    expect(deriveOrderEvents(cancelled, again.order)).toEqual(['order.updated']);
    const paid = stored('processing', undefined, PAID);
    const partial = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'processing', ...PAID, refunds: [{ id: 9, total: '-5.00' }] }), ctx('order.updated', paid));
    expect(partial.order.financialStatus).toBe('partially_refunded');
    expect(deriveOrderEvents(paid, partial.order)).toEqual(['order.updated', 'order.refunded']);
  });

  it('derives nothing from a delivery older than the stored order', () => {
    const previous = stored('pending', '2026-11-20T18:00:00');
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'processing', ...PAID }), ctx('order.updated', previous));
    expect(deriveOrderEvents(previous, out.order)).toEqual([]);
  });

  it('maps plugin statuses through the settings, and settings saved before delivery tracking still parse', () => {
    const s = woocommerceAdapter.settings.parse({ statusMap: { 'in-transit': { fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' } } });
    const previous = stored('processing');
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'in-transit' }), { ...ctx('order.updated', previous), settings: s });
    expect(out.order).toMatchObject({ fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit', financialStatus: 'pending' });
    expect(deriveOrderEvents(previous, out.order)).toEqual(['order.updated', 'order.fulfilled']);
    // A mapping saved before: financialStatus was required, deliveryStatus unknown. "paid" there
    // does not make an unpaid order paid, and "shipped" keeps the built-in in_transit.
    const legacy = woocommerceAdapter.settings.parse({ statusMap: { shipped: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled' } } });
    const shipped = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'shipped' }), { ...ctx('order.updated', previous), settings: legacy }).order;
    expect(shipped).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    const unknown = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'wc-custom' }), ctx('order.updated', previous)).order;
    expect(unknown).toMatchObject({ financialStatus: 'unknown', fulfillmentStatus: 'unknown', deliveryStatus: 'none', platformStatus: 'wc-custom' });
  });

  it('order.deleted marks the stored order deleted, or records the bare id', () => {
    const previous = stored('processing');
    const out = woocommerceAdapter.normalize({ id: 727 }, ctx('order.deleted', previous));
    expect(out.order).toEqual({ ...previous, platformStatus: 'trash', deletedAt: previous.updatedAt });
    expect(deriveOrderEvents(previous, out.order)).toEqual(['order.deleted']);
    const bare = woocommerceAdapter.normalize({ id: 728 }, ctx('order.deleted'));
    expect(bare.order).toMatchObject({ platformOrderId: '728', number: '728', platformStatus: 'trash', customer: null, lineItems: [] });
    expect(deriveOrderEvents(null, bare.order)).toEqual(['order.deleted']);
  });

  it('a whole order in the trash is deleted with its last state; restoring it undeletes it', () => {
    const previous = stored('completed', undefined, PAID);
    const trashed = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'trash' }), ctx('order.updated', previous)).order;
    expect(trashed).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled', deletedAt: '2026-11-20T17:00:00Z' });
    expect(deriveOrderEvents(previous, trashed)).toEqual(['order.deleted']);
    const restored = woocommerceAdapter.normalize(at(base(), '2026-11-20T18:00:00', { status: 'completed', ...PAID }), ctx('order.restored', trashed)).order;
    expect(restored.deletedAt).toBeNull();
    expect(deriveOrderEvents(trashed, restored)).toEqual(['order.updated']);
  });

  it('refuses a body that is not an order', () => {
    expect(() => woocommerceAdapter.normalize({ id: 1 }, ctx('order.updated'))).toThrow(/not a WooCommerce order/);
  });

  it('adds decimal strings exactly', () => {
    expect(sumDecimals(['6.00', '12.5', '-0.25'])).toBe('18.25');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['-3', '1'])).toBe('-2');
  });
});
