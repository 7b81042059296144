import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { Order } from '../../contract/index.ts';
import { defineAdapter } from '../adapter.ts';
import { base64DigestEquals, sha256Hex } from '../hmac.ts';
import { WooDeleted, WooOrder } from './woocommerce-payload.ts';
import { deletedWooOrder, normalizeWooOrder, wooOrderTopics } from './woocommerce-normalize.ts';
import { wooSettings } from './woocommerce-status.ts';
import { signWooCommerce } from './woocommerce-sign.ts';

/**
 * WooCommerce (reference/platform-webhooks.md §4; `class-wc-webhook.php`).
 *
 * - Signature: `X-WC-Webhook-Signature` = base64 HMAC-SHA256 of the JSON body exactly as
 *   sent, keyed with the webhook's secret after `wp_specialchars_decode` (so "a&amp;b"
 *   typed in WordPress signs as "a&b"; both spellings are tried).
 * - Ping: saving a webhook POSTs an unsigned form body `webhook_id=<n>` and wants a 200.
 * - Unknown topics (product.*, customer.*, coupon.*, action.*) are answered 200 and recorded
 *   as ignored: WooCommerce counts every answer outside 200–302 as a failure and sets the
 *   webhook to "disabled" after more than 5 in a row (`woocommerce_max_webhook_delivery_failures`),
 *   which would stop the order topics too.
 * - Duplicates: `X-WC-Webhook-Delivery-ID` is `wp_hash(webhook_id . time())`, the same for
 *   two deliveries of one webhook within a second (two different orders, say), so it cannot
 *   key duplicates alone. The key is the reference's: topic + order id + `date_modified_gmt`
 *   (the same order state delivered twice is one event). `order.deleted` carries only the
 *   id, so the delivery id stands in for the version there.
 * - WooCommerce never retries a failed delivery: what Flowdesk misses while it is down is
 *   only recovered by a reconciliation poll (`GET /wp-json/wc/v3/orders?modified_after=…`).
 */
export const woocommerceAdapter = defineAdapter({
  platform: 'woocommerce',
  storeIdLabel: 'Site URL (https://your-shop.example/)',
  secrets: [{ name: 'webhookSecret', label: 'Webhook secret (WooCommerce → Settings → Advanced → Webhooks → Secret)' }],
  settings: wooSettings,
  setup: [
    'WooCommerce delivers to public URLs only: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'In WooCommerce → Settings → Advanced → Webhooks, add one webhook per topic: Order created, Order updated and Order deleted (Order restored if you untrash orders), status Active, API version WP REST API Integration v3, delivery URL = this connection\'s webhook URL.',
    'Give each webhook the same secret, and use it as this connection\'s secret.',
    'WooCommerce never retries a failed delivery and disables a webhook after more than 5 failures in a row: keep Flowdesk running, and check the webhook\'s status in WooCommerce after an outage.',
    'An order counts as paid when WooCommerce records the payment (date_paid; a cash-on-delivery order gets it when marked Completed). If a shipping plugin adds order statuses (shipped, delivered, failed-delivery are known), map any other in this connection\'s statusMap setting, e.g. {"in-transit":{"fulfillmentStatus":"fulfilled","deliveryStatus":"in_transit"}}.',
  ],

  isPing(delivery) {
    if (delivery.headers['x-wc-webhook-signature'] || delivery.headers['x-wc-webhook-topic']) return false;
    return /^webhook_id=\d+$/.test(delivery.body.toString('latin1').trim());
  },

  sign: signWooCommerce,

  verify(delivery, { secrets, settings }) {
    const header = delivery.headers['x-wc-webhook-signature'];
    if (!header) return { ok: false, reason: 'missing X-WC-Webhook-Signature header' };
    const secret = secrets['webhookSecret'];
    if (!secret) return { ok: false, reason: 'the connection has no webhook secret' };
    const keys = new Set([secret, decodeEntities(secret)]);
    for (const key of keys) {
      const expected = createHmac(settings.hashAlgorithm, key).update(delivery.body).digest();
      if (base64DigestEquals(header, expected)) return { ok: true, detail: 'X-WC-Webhook-Signature verified' };
    }
    return { ok: false, reason: 'X-WC-Webhook-Signature does not match the body signed with this connection\'s secret' };
  },

  parse(delivery) {
    return JSON.parse(delivery.body.toString('utf8')) as unknown;
  },

  identify(delivery, payload) {
    const h = delivery.headers;
    const resource = h['x-wc-webhook-resource'];
    const event = h['x-wc-webhook-event'];
    const topic = h['x-wc-webhook-topic'] ?? (resource && event ? `${resource}.${event}` : null);
    const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
    const id = typeof body['id'] === 'number' || typeof body['id'] === 'string' ? String(body['id']) : null;
    const modified = typeof body['date_modified_gmt'] === 'string' ? body['date_modified_gmt'] : null;
    const deliveryId = h['x-wc-webhook-delivery-id'];
    const version = modified ?? (deliveryId ? `delivery-${deliveryId}` : null);
    return {
      topic,
      deliveryKey: topic && id && version ? `event:${topic}/${id}@${version}` : `sha256:${sha256Hex(delivery.body)}`,
      tenant: h['x-wc-webhook-source'] ?? null,
      handled: topic !== null && Object.hasOwn(wooOrderTopics, topic),
    };
  },

  normalize(payload, ctx) {
    const kind = wooOrderTopics[ctx.topic];
    if (!kind) throw new Error(`topic ${ctx.topic} is not an order topic`);
    if (kind === 'deleted') {
      const { id } = WooDeleted.parse(payload);
      return { order: Order.parse(deletedWooOrder(String(id), ctx.storeId, ctx.previous)) };
    }
    const parsed = WooOrder.safeParse(payload);
    if (!parsed.success) throw new Error(`not a WooCommerce order: ${z.prettifyError(parsed.error)}`);
    return { order: Order.parse(normalizeWooOrder(parsed.data, ctx.storeId, ctx.settings, ctx.previous)) };
  },
});

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', '#039': '\'', '#39': '\'' };

/** PHP's `wp_specialchars_decode($secret, ENT_QUOTES)` for the entities it knows. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#0?39);/g, (_m, e: string) => entities[e] ?? _m);
}
