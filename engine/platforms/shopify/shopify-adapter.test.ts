import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shopifyAdapter } from './shopify-adapter.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/shopify/orders-create.json', import.meta.url));
const secret = 'shpss_unit';
const sign = (body: Buffer) => createHmac('sha256', secret).update(body).digest('base64');
const conn = { id: 'c', platform: 'shopify' as const, storeId: 'demo.myshopify.com', store: 'Demo', secrets: { webhookSecret: secret }, settings: {} };
const delivery = (body: Buffer, headers: Record<string, string>) => ({ method: 'POST', path: '/hooks/x', headers, body });

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

  it.each([
    ['orders/create', 'order.created'],
    ['orders/updated', 'order.updated'],
    ['orders/paid', 'order.paid'],
    ['orders/cancelled', 'order.cancelled'],
    ['orders/fulfilled', 'order.fulfilled'],
    ['orders/partially_fulfilled', 'order.partially_fulfilled'],
  ])('%s becomes %s with the canonical order', (topic, event) => {
    const payload = JSON.parse(fixture.toString());
    const out = shopifyAdapter.normalize(payload, { topic, connectionId: 'c', storeId: 'demo.myshopify.com', settings: {}, previous: null });
    expect(out.events).toEqual([event]);
    expect(out.order).toMatchObject({
      platform: 'shopify',
      platformOrderId: '820982911946154508',
      number: '#9999',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      totalPrice: '403.00',
      tags: ['tag1', 'tag2'],
      salesChannel: 'Online Store',
      customer: { email: 'jon@example.com', name: 'John Smith', emailVerified: true },
    });
    expect(out.order.lineItems[1]).toMatchObject({ id: '141249953214522974', sku: 'IPOD2008BLACK', properties: [{ name: 'engraving', value: 'For Jon' }] });
  });

  it('maps cancelled and fulfilled states', () => {
    const payload = { ...JSON.parse(fixture.toString()), cancelled_at: '2026-11-21T00:00:00Z', financial_status: 'voided', fulfillment_status: 'partial' };
    const { order } = shopifyAdapter.normalize(payload, { topic: 'orders/cancelled', connectionId: 'c', storeId: 's', settings: {}, previous: null });
    expect(order).toMatchObject({ financialStatus: 'voided', fulfillmentStatus: 'partial', platformStatus: 'cancelled', cancelledAt: '2026-11-21T00:00:00Z' });
  });

  it('ignores topics it does not process and keys duplicates by event id, then webhook id, then bytes', () => {
    expect(shopifyAdapter.identify(delivery(fixture, { 'x-shopify-topic': 'products/update' }), undefined).handled).toBe(false);
    expect(shopifyAdapter.identify(delivery(fixture, { 'x-shopify-webhook-id': 'w1' }), undefined).deliveryKey).toBe('webhook:w1');
    expect(shopifyAdapter.identify(delivery(fixture, {}), undefined).deliveryKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
