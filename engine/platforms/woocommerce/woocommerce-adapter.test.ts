import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
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
  it('maps order.created to the canonical order', () => {
    const out = woocommerceAdapter.normalize(base(), ctx('order.created'));
    expect(out.events).toEqual(['order.created']);
    expect(out.order).toMatchObject({
      platform: 'woocommerce',
      platformOrderId: '727',
      number: '#727',
      createdAt: '2026-11-20T16:28:02Z',
      updatedAt: '2026-11-20T16:28:08Z',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      platformStatus: 'pending',
      subtotalPrice: '18.00',
      totalPrice: '29.35',
      totalTax: '1.35',
      totalDiscounts: '0.00',
      currency: 'USD',
      salesChannel: 'Online Store',
      note: 'Leave at the door',
      customer: { email: 'John.Doe@Example.com', name: 'John Doe', phone: '(555) 555-5555', emailVerified: false, platformCustomerId: null },
      shippingAddress: { address1: '969 Market', city: 'San Francisco', provinceCode: 'CA', countryCode: 'US', zip: '94103' },
    });
    expect(out.order.lineItems[0]).toMatchObject({ id: '315', productId: '93', variantId: null, price: '3', quantity: 2 });
    expect(out.order.lineItems[1]).toMatchObject({ sku: 'Bar3', variantId: '23', price: '12', properties: [{ name: 'Color', value: 'Black' }, { name: 'Size', value: 'M Test' }] });
  });

  it('counts an order created already paid as paid', () => {
    const paid = at(base(), '2026-11-20T16:28:08', { status: 'processing', date_paid_gmt: '2026-11-20T16:28:08' });
    expect(woocommerceAdapter.normalize(paid, ctx('order.created')).events).toEqual(['order.created', 'order.paid']);
  });

  const stored = (status: string, modified = '2026-11-20T16:28:08', extra: Record<string, unknown> = {}) =>
    woocommerceAdapter.normalize(at(base(), modified, { status, ...extra }), ctx('order.updated', null)).order;

  it.each([
    ['pending', 'processing', ['order.updated', 'order.paid'], 'paid', 'unfulfilled'],
    ['on-hold', 'processing', ['order.updated', 'order.paid'], 'paid', 'unfulfilled'],
    ['processing', 'completed', ['order.updated', 'order.fulfilled'], 'paid', 'fulfilled'],
    ['pending', 'completed', ['order.updated', 'order.paid', 'order.fulfilled'], 'paid', 'fulfilled'],
    ['pending', 'cancelled', ['order.updated', 'order.cancelled'], 'voided', 'unfulfilled'],
    ['processing', 'refunded', ['order.updated', 'order.refunded'], 'refunded', 'unfulfilled'],
    ['pending', 'failed', ['order.updated', 'order.payment_failed'], 'pending', 'unfulfilled'],
    ['processing', 'processing', ['order.updated'], 'paid', 'unfulfilled'],
    ['completed', 'processing', ['order.updated'], 'paid', 'unfulfilled'],
  ])('%s → %s derives %j', (from, to, events, financial, fulfillment) => {
    const previous = stored(from);
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: to }), ctx('order.updated', previous));
    expect(out.events).toEqual(events);
    expect(out.order).toMatchObject({ financialStatus: financial, fulfillmentStatus: fulfillment, platformStatus: to });
  });

  it('keeps the first cancellation time and marks partial refunds', () => {
    const cancelled = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'cancelled' }), ctx('order.updated', stored('pending'))).order;
    expect(cancelled.cancelledAt).toBe('2026-11-20T17:00:00Z');
    const again = woocommerceAdapter.normalize(at(base(), '2026-11-20T18:00:00', { status: 'cancelled' }), ctx('order.updated', cancelled));
    expect(again.order.cancelledAt).toBe('2026-11-20T17:00:00Z');
    expect(again.events).toEqual(['order.updated']);
    const partial = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'processing', refunds: [{ id: 9, total: '-5.00' }] }), ctx('order.updated', stored('processing')));
    expect(partial.order.financialStatus).toBe('partially_refunded');
    expect(partial.events).toEqual(['order.updated', 'order.refunded']);
  });

  it('derives nothing from a delivery older than the stored order', () => {
    const previous = stored('pending', '2026-11-20T18:00:00');
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'processing' }), ctx('order.updated', previous));
    expect(out.events).toEqual(['order.updated']);
  });

  it('for an order never seen, an update says "paid" only when date_paid_gmt is this very change', () => {
    const justPaid = at(base(), '2026-11-20T17:00:05', { status: 'processing', date_paid_gmt: '2026-11-20T17:00:04' });
    expect(woocommerceAdapter.normalize(justPaid, ctx('order.updated')).events).toEqual(['order.updated', 'order.paid']);
    const paidLongAgo = at(base(), '2026-11-20T17:00:05', { status: 'processing', date_paid_gmt: '2026-10-01T10:00:00' });
    expect(woocommerceAdapter.normalize(paidLongAgo, ctx('order.updated')).events).toEqual(['order.updated']);
  });

  it('maps custom statuses through the settings', () => {
    const s = woocommerceAdapter.settings.parse({ statusMap: { shipped: { financialStatus: 'paid', fulfillmentStatus: 'fulfilled' } } });
    const previous = stored('processing');
    const out = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'shipped' }), { ...ctx('order.updated', previous), settings: s });
    expect(out.events).toEqual(['order.updated', 'order.fulfilled']);
    const unknown = woocommerceAdapter.normalize(at(base(), '2026-11-20T17:00:00', { status: 'wc-custom' }), ctx('order.updated', previous)).order;
    expect(unknown).toMatchObject({ financialStatus: 'unknown', fulfillmentStatus: 'unknown', platformStatus: 'wc-custom' });
  });

  it('order.deleted marks the stored order trashed, or records the bare id', () => {
    const previous = stored('processing');
    const out = woocommerceAdapter.normalize({ id: 727 }, ctx('order.deleted', previous));
    expect(out.events).toEqual(['order.deleted']);
    expect(out.order).toEqual({ ...previous, platformStatus: 'trash' });
    const bare = woocommerceAdapter.normalize({ id: 728 }, ctx('order.deleted'));
    expect(bare.order).toMatchObject({ platformOrderId: '728', number: '#728', platformStatus: 'trash', customer: null, lineItems: [] });
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
