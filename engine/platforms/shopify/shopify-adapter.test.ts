import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import { shopifyAdapter } from './shopify-adapter.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/shopify/orders-create.json', import.meta.url));
const secret = 'shpss_unit';
const sign = (body: Buffer) => createHmac('sha256', secret).update(body).digest('base64');
const conn = { id: 'c', platform: 'shopify' as const, storeId: 'demo.myshopify.com', store: 'Demo', secrets: { webhookSecret: secret }, settings: {} };
const delivery = (body: Buffer, headers: Record<string, string>) => ({ method: 'POST', path: '/hooks/x', headers, body });
const ctx = (topic: string) => ({ topic, connectionId: 'c', storeId: 'demo.myshopify.com', settings: {}, previous: null });

describe('the Shopify adapter', () => {
  it('verifies the base64 HMAC of the raw bytes, and nothing else', () => {
    const ok = shopifyAdapter.verify(delivery(fixture, { 'x-shopify-hmac-sha256': sign(fixture) }), conn);
    expect(ok).toEqual({ ok: true, detail: 'X-Shopify-Hmac-Sha256 verified' });
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(fixture.toString())));
    const bad = shopifyAdapter.verify(delivery(reformatted, { 'x-shopify-hmac-sha256': sign(fixture) }), conn);
    expect(bad.ok).toBe(false);
    const garbage = shopifyAdapter.verify(delivery(fixture, { 'x-shopify-hmac-sha256': '%%%not base64' }), conn);
    expect(garbage.ok).toBe(false);
  });

  it('accepts the un-prefixed header names of the Events delivery type', () => {
    const d = delivery(fixture, { 'shopify-hmac-sha256': sign(fixture), 'shopify-topic': 'orders/paid', 'shopify-event-id': 'e9' });
    expect(shopifyAdapter.verify(d, conn).ok).toBe(true);
    expect(shopifyAdapter.identify(d, undefined)).toMatchObject({ topic: 'orders/paid', deliveryKey: 'event:e9', handled: true });
  });

  it.each(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled'])(
    '%s carries the canonical order; first sight of it is order.created, whatever the topic',
    (topic) => {
      const out = shopifyAdapter.normalize(JSON.parse(fixture.toString()), ctx(topic));
      expect(deriveOrderEvents(null, out.order)).toEqual(['order.created']);
      expect(out.order).toMatchObject({
        platform: 'shopify',
        platformOrderId: '820982911946154508',
        number: '#9999',
        financialStatus: 'pending',
        fulfillmentStatus: 'unfulfilled',
        deliveryStatus: 'none',
        cashOnDelivery: false,
        paymentMethod: 'visa, bogus',
        totalPrice: '403.00',
        tags: ['tag1', 'tag2'],
        salesChannel: 'Online Store',
        customer: { email: 'jon@example.com', name: 'John Smith', emailVerified: true },
      });
      expect(out.order.lineItems[1]).toMatchObject({ id: '141249953214522974', sku: 'IPOD2008BLACK', properties: [{ name: 'engraving', value: 'For Jon' }] });
    },
  );

  it.each([
    ['orders/paid', { financial_status: 'paid' }, ['order.updated', 'order.paid']],
    ['orders/cancelled', { cancelled_at: '2026-11-20T12:00:00-05:00', financial_status: 'voided' }, ['order.updated', 'order.cancelled']],
    ['orders/fulfilled', { fulfillment_status: 'fulfilled' }, ['order.updated', 'order.fulfilled']],
    ['orders/partially_fulfilled', { fulfillment_status: 'partial' }, ['order.updated', 'order.partially_fulfilled']],
  ])('%s fires its event from the state it carries, against the stored order', (topic, changes, events) => {
    const stored = shopifyAdapter.normalize(JSON.parse(fixture.toString()), ctx('orders/create')).order;
    const body = { ...JSON.parse(fixture.toString()), ...changes, updated_at: '2026-11-20T12:00:00-05:00' };
    const { order } = shopifyAdapter.normalize(body, { ...ctx(topic), previous: stored });
    expect(deriveOrderEvents(stored, order)).toEqual(events);
    // The same state arriving again under another topic says nothing new.
    expect(deriveOrderEvents(order, shopifyAdapter.normalize(body, ctx('orders/updated')).order)).toEqual([]);
  });

  it('maps cancelled and fulfilled states', () => {
    const payload = { ...JSON.parse(fixture.toString()), cancelled_at: '2026-11-21T00:00:00Z', financial_status: 'voided', fulfillment_status: 'partial' };
    const { order } = shopifyAdapter.normalize(payload, ctx('orders/cancelled'));
    expect(order).toMatchObject({ financialStatus: 'voided', fulfillmentStatus: 'partial', deliveryStatus: 'in_transit', platformStatus: 'cancelled', cancelledAt: '2026-11-21T00:00:00Z' });
    expect(() => shopifyAdapter.normalize(payload, ctx('products/update'))).toThrow(/not an order topic/);
  });

  it('ignores topics it does not process and keys duplicates by event id, then webhook id, then bytes', () => {
    expect(shopifyAdapter.identify(delivery(fixture, { 'x-shopify-topic': 'products/update' }), undefined).handled).toBe(false);
    expect(shopifyAdapter.identify(delivery(fixture, { 'x-shopify-webhook-id': 'w1' }), undefined).deliveryKey).toBe('webhook:w1');
    expect(shopifyAdapter.identify(delivery(fixture, {}), undefined).deliveryKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
