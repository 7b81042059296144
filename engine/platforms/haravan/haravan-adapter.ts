import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Order } from '../../contract/index.ts';
import { defineAdapter, type RawDelivery } from '../adapter.ts';
import { base64DigestEquals, hmacSha256, sha256Hex } from '../hmac.ts';
import { HaravanOrder } from './haravan-payload.ts';
import { haravanOrderTopics, normalizeHaravanOrder } from './haravan-normalize.ts';
import { HaravanSettings } from './haravan-settings.ts';
import { signHaravan } from './haravan-sign.ts';

/**
 * Haravan (reference/platform-webhooks.md §2). `X-Haravan-HmacSha256` (also written
 * `X-Haravan-Hmacsha256`; the listener lowercases header names, so both arrive as
 * `x-haravan-hmacsha256`) is the base64 HMAC-SHA256 of the raw body, keyed with the app's
 * client secret for app (Connect) webhooks or with the "webhook authentication secret" shown in
 * Settings → Notifications for webhooks made in the store admin. A connection may hold either
 * or both; each is tried. The old hara.vn sample's `x-haravan-hmac-sha256` header name is
 * accepted too, but only with SHA-256/base64 (its HMAC-SHA1 hex is treated as a bug, §2.3).
 *
 * Haravan sends no delivery id, so duplicates share order id + `updated_at` + topic (§2.5, §9).
 *
 * Unknown topics are answered 200 and recorded as ignored: Haravan documents no retry or
 * removal policy (§2.5), and it follows Shopify's model, where only a 2xx counts as delivered
 * and repeated failures get a subscription removed. A 200 for a topic Flowdesk does not
 * process keeps the store's other webhooks alive and leaves the raw request in the inbox.
 */

const headerNames = ['x-haravan-hmacsha256', 'x-haravan-hmac-sha256'] as const;
const secretLabels = { webhookSecret: 'webhook secret', appSecret: 'app secret' } as const;

function signatureHeader(d: RawDelivery): string | undefined {
  for (const name of headerNames) {
    const value = d.headers[name];
    if (value) return value;
  }
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function orderOf(payload: unknown): HaravanOrder | null {
  const parsed = HaravanOrder.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/**
 * orders/delete carries the order but no deletion time: the deletion is the order's latest fact,
 * so it is dated at the later of the body's `updated_at` and the stored one (a delete never reads
 * as stale against an update that raced it).
 */
function deleted(order: Order, previous: Order | null): Order {
  const updatedAt = previous && Date.parse(previous.updatedAt) > Date.parse(order.updatedAt) ? previous.updatedAt : order.updatedAt;
  return { ...order, updatedAt, deletedAt: updatedAt };
}

export const haravanAdapter = defineAdapter<HaravanSettings>({
  platform: 'haravan',
  storeIdLabel: 'Haravan org id (X-Haravan-Org-Id, e.g. 1000114691)',
  secrets: [
    { name: 'webhookSecret', label: 'Webhook authentication secret (Settings → Notifications, for webhooks added in the store admin)', optional: true },
    { name: 'appSecret', label: 'App client secret (for webhooks subscribed by your Haravan app)', optional: true },
    { name: 'verifyToken', label: 'Verify token registered with the app\'s callback URL (Haravan checks the URL with it)', optional: true },
  ],
  settings: HaravanSettings,
  setup: [
    'Haravan delivers only to public HTTPS URLs: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'In Haravan admin → Settings → Notifications → "Add webhook", add orders/create, orders/updated, orders/paid, orders/cancelled and orders/fulfilled with this connection\'s webhook URL.',
    'Copy the "webhook authentication secret" shown on that page into this connection (or, for an app\'s webhooks, its client secret; a connection can hold both).',
    'Use your org id (the X-Haravan-Org-Id of the deliveries) as the store id.',
  ],

  // App (Connect) webhooks: Haravan first GETs the callback with hub.mode=subscribe,
  // hub.verify_token and hub.challenge, and expects the challenge back (§2.1).
  challenge(query, { secrets }) {
    const token = query.get('hub.verify_token');
    const challenge = query.get('hub.challenge');
    if (query.get('hub.mode') !== 'subscribe' || challenge === null) return { ok: false, reason: 'not a hub.mode=subscribe check with a hub.challenge' };
    if (!secrets['verifyToken']) return { ok: false, reason: 'the connection has no verify token to check hub.verify_token against' };
    if (!token || !safeEqual(token, secrets['verifyToken'])) return { ok: false, reason: 'hub.verify_token does not match this connection\'s verify token' };
    return { ok: true, answer: challenge };
  },

  sign: signHaravan,

  verify(delivery, { secrets }) {
    const header = signatureHeader(delivery);
    if (!header) return { ok: false, reason: 'missing X-Haravan-HmacSha256 header' };
    const keys = (['webhookSecret', 'appSecret'] as const).filter((k) => secrets[k]);
    if (keys.length === 0) return { ok: false, reason: 'the connection has neither a webhook secret nor an app secret: add the one Haravan signs with' };
    if (delivery.body.length === 0) return { ok: false, reason: 'empty body (Haravan always signs a body)' };
    // Every key is tried (no early exit), each comparison in constant time.
    let matched: (typeof keys)[number] | null = null;
    for (const k of keys) {
      if (base64DigestEquals(header, hmacSha256(secrets[k]!, delivery.body)) && matched === null) matched = k;
    }
    if (!matched) {
      const which = keys.map((k) => secretLabels[k]).join(' or the ');
      return { ok: false, reason: `X-Haravan-HmacSha256 does not match the body signed with this connection's ${which}` };
    }
    return { ok: true, detail: `X-Haravan-HmacSha256 verified with the ${secretLabels[matched]}` };
  },

  parse(delivery) {
    return JSON.parse(delivery.body.toString('utf8')) as unknown;
  },

  identify(delivery, payload) {
    const h = delivery.headers;
    const topic = h['x-haravan-topic'] ?? null;
    const tenant = h['x-haravan-org-id'] ?? null;
    const order = orderOf(payload);
    const deliveryKey = order && topic
      ? `version:${topic}:${String(order.id)}@${order.updated_at}`
      : `sha256:${sha256Hex(delivery.body)}`;
    const known = topic !== null && haravanOrderTopics.has(topic);
    // A deletion may carry the id only: there is no order to apply, so it is recorded, not processed.
    // Other order topics with a body that is not an order go on and fail visibly in processing.
    if (topic === 'orders/delete' && !order) {
      return { topic, deliveryKey, tenant, handled: false, note: 'orders/delete without the order\'s fields: recorded, not processed' };
    }
    return { topic, deliveryKey, tenant, handled: known };
  },

  normalize(payload, ctx) {
    if (!haravanOrderTopics.has(ctx.topic)) throw new Error(`topic ${ctx.topic} is not a Haravan order topic`);
    const parsed = HaravanOrder.safeParse(payload);
    if (!parsed.success) throw new Error(`not a Haravan order: ${z.prettifyError(parsed.error)}`);
    const order = Order.parse(normalizeHaravanOrder(parsed.data, ctx.storeId, ctx.settings));
    return { order: ctx.topic === 'orders/delete' ? deleted(order, ctx.previous) : order };
  },
});
