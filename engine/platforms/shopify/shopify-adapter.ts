import { z } from 'zod';
import { Order } from '../../contract/index.ts';
import { defineAdapter } from '../adapter.ts';
import { base64DigestEquals, hmacSha256, sha256Hex } from '../hmac.ts';
import { ShopifyOrder } from './shopify-payload.ts';
import { normalizeShopifyOrder, shopifyOrderTopics } from './shopify-normalize.ts';
import { signShopify } from './shopify-sign.ts';
import { readShopifyFulfillment, shopifyFulfillmentTopics } from './shopify-fulfillment.ts';

/**
 * Shopify (reference/platform-webhooks.md §1): `X-Shopify-Hmac-Sha256` is the base64
 * HMAC-SHA256 of the raw body with the app's client secret (or, for webhooks made in the
 * store admin, the key shown there). Duplicates share `X-Shopify-Event-Id`; older deliveries
 * without it fall back to `X-Shopify-Webhook-Id`.
 */
export const shopifyAdapter = defineAdapter({
  platform: 'shopify',
  storeIdLabel: 'Shop domain (your-shop.myshopify.com)',
  secrets: [{ name: 'webhookSecret', label: 'Client secret (or the key shown under Settings → Notifications → Webhooks)' }],
  settings: z.object({}),
  setup: [
    'Shopify delivers only to public HTTPS URLs: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'In Shopify admin → Settings → Notifications → Webhooks (or your app), create webhooks for orders/create, orders/updated, orders/paid, orders/cancelled, orders/fulfilled and orders/partially_fulfilled, format JSON, URL = this connection\'s webhook URL.',
    'For fulfillment orders (a fulfillment service\'s accept, reject and messages on the order\'s timeline), also create webhooks for fulfillments/create, fulfillments/update and every fulfillment_orders/* topic: ' +
      Object.keys(shopifyFulfillmentTopics).filter((t) => t.startsWith('fulfillment_orders/')).map((t) => t.slice('fulfillment_orders/'.length)).join(', ') +
      '. Turn on API access (read orders) so Flowdesk can find the order a fulfillment order belongs to.',
    'Use the signing key shown on that page (or your app\'s client secret) as this connection\'s secret.',
  ],

  sign: signShopify,

  verify(delivery, { secrets }) {
    const header = delivery.headers['x-shopify-hmac-sha256'] ?? delivery.headers['shopify-hmac-sha256'];
    if (!header) return { ok: false, reason: 'missing X-Shopify-Hmac-Sha256 header' };
    const secret = secrets['webhookSecret'];
    if (!secret) return { ok: false, reason: 'the connection has no webhook secret' };
    if (delivery.body.length === 0) return { ok: false, reason: 'empty body (Shopify always signs a body)' };
    const expected = hmacSha256(secret, delivery.body);
    if (!base64DigestEquals(header, expected)) {
      return { ok: false, reason: 'X-Shopify-Hmac-Sha256 does not match the body signed with this connection\'s secret' };
    }
    return { ok: true, detail: 'X-Shopify-Hmac-Sha256 verified' };
  },

  // Topic, event id and shop all come in headers; without an event id, the body's hash.
  identifiesByHeaders: true,

  parse(delivery) {
    return JSON.parse(delivery.body.toString('utf8')) as unknown;
  },

  identify(delivery) {
    const h = delivery.headers;
    const topic = h['x-shopify-topic'] ?? h['shopify-topic'] ?? null;
    const eventId = h['x-shopify-event-id'] ?? h['shopify-event-id'];
    const webhookId = h['x-shopify-webhook-id'];
    return {
      topic,
      deliveryKey: eventId ? `event:${eventId}` : webhookId ? `webhook:${webhookId}` : `sha256:${sha256Hex(delivery.body)}`,
      tenant: h['x-shopify-shop-domain'] ?? h['shopify-shop-domain'] ?? null,
      handled: topic !== null && (shopifyOrderTopics.has(topic) || Object.hasOwn(shopifyFulfillmentTopics, topic)),
    };
  },

  readFulfillment: readShopifyFulfillment,
  fulfillmentTopic: (topic) => Object.hasOwn(shopifyFulfillmentTopics, topic),

  normalize(payload, ctx) {
    if (!shopifyOrderTopics.has(ctx.topic)) throw new Error(`topic ${ctx.topic} is not an order topic`);
    const parsed = ShopifyOrder.safeParse(payload);
    if (!parsed.success) throw new Error(`not a Shopify order: ${z.prettifyError(parsed.error)}`);
    return { order: Order.parse(normalizeShopifyOrder(parsed.data, ctx.storeId)) };
  },
});
