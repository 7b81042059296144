import { z } from 'zod';
import { Order } from '../../contract/index.ts';
import { defineAdapter } from '../adapter.ts';
import { base64DigestEquals, hmacSha256, sha256Hex } from '../hmac.ts';
import { envelope, openEnvelope, sapoDomain, type SapoDialect } from './sapo-envelope.ts';
import { SapoGoOrder } from './sapo-go-payload.ts';
import { normalizeSapoGoOrder } from './sapo-go-normalize.ts';
import { SapoSettings } from './sapo-settings.ts';
import { sapoGoOrderTopics, sapoWebOrderTopics } from './sapo-topics.ts';
import { SapoWebOrder } from './sapo-web-payload.ts';
import { normalizeSapoWebOrder } from './sapo-web-normalize.ts';
import { signSapo } from './sapo-sign.ts';

/**
 * Sapo (reference/platform-webhooks.md §3): one adapter for both of Sapo's platforms.
 * - Sapo Web (`{store}.mysapo.net`, §3.1): `X-Sapo-Topic`, `X-Sapo-Hmac-Sha256`,
 *   `X-Sapo-Shop-Domain`; one topic per event; a Shopify-like order with `*_on` times.
 * - Sapo GO/Omni (`{tenant}.mysapogo.com`, §3.2): lowercase `x-sapo-*` headers,
 *   `x-sapo-tenant-domain`, `x-sapo-object-id`, `x-event-version`; `orders/update` with status
 *   fields, read into the canonical state (the events come from its change, as everywhere).
 * Both sign the same way: base64 HMAC-SHA256 of the raw body with the app (or private-app)
 * secret; the captured GO deliveries matched with `enc=base64`. Neither sends a delivery id:
 * duplicates share topic + order id + `x-event-version` (GO) or + `modified_on`.
 *
 * Unknown topics are answered 200 and recorded as ignored. Sapo documents no retry policy; the
 * GO summary's "19 retries in 48 h" [UNVERIFIED] is Shopify's old policy, under which a
 * webhook that keeps failing is removed. A 200 keeps the store's subscription (and its order
 * webhooks on the same URL) alive, and the raw request stays in the inbox.
 */

const header = (h: Record<string, string>, name: string) => h[`x-sapo-${name}`] ?? h[`x-shopify-${name}`];

const orderTopics = new Set([...sapoWebOrderTopics, ...sapoGoOrderTopics]);

/**
 * orders/delete carries the order but no deletion time: the deletion is the order's latest fact,
 * dated at the later of the body's `modified_on` and the stored one (never stale against an
 * update that raced it).
 */
function deleted(order: Order, previous: Order | null): Order {
  const updatedAt = previous && Date.parse(previous.updatedAt) > Date.parse(order.updatedAt) ? previous.updatedAt : order.updatedAt;
  return { ...order, updatedAt, deletedAt: updatedAt };
}

function versionKey(topic: string, dialect: SapoDialect, order: unknown, eventVersion: string | null, objectId: string | null): string | null {
  if (typeof order !== 'object' || order === null) return null;
  const o = order as Record<string, unknown>;
  const id = objectId ?? (typeof o['id'] === 'number' || typeof o['id'] === 'string' ? String(o['id']) : null);
  if (!id) return null;
  if (dialect === 'go' && eventVersion) return `version:${topic}:${id}#${eventVersion}`;
  const modified = o['modified_on'] ?? o['updated_at'];
  return typeof modified === 'string' ? `version:${topic}:${id}@${modified}` : null;
}

export const sapoAdapter = defineAdapter<SapoSettings>({
  platform: 'sapo',
  storeIdLabel: 'Store domain (your-store.mysapo.net for Sapo Web, your-store.mysapogo.com for Sapo GO/Omni)',
  secrets: [{ name: 'webhookSecret', label: 'Secret key of your Sapo app or private app (the key Sapo signs webhooks with)' }],
  settings: SapoSettings,
  setup: [
    'Sapo delivers only to public HTTPS URLs: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'Sapo Web (*.mysapo.net): register orders/create, orders/updated, orders/paid, orders/cancelled, orders/fulfilled and orders/partially_fulfilled (POST /admin/webhooks.json, format json) with this connection\'s webhook URL.',
    'Sapo GO/Omni (*.mysapogo.com): subscribe your app to orders/update (and orders/create if offered) with this connection\'s webhook URL; paid, fulfilled and cancelled are read from the order\'s status.',
    'Use the secret key of the app (or private app) that registered the webhooks as this connection\'s secret, and the store domain as its store id.',
  ],

  sign: signSapo,

  verify(delivery, { secrets }) {
    const signature = header(delivery.headers, 'hmac-sha256');
    if (!signature) return { ok: false, reason: 'missing X-Sapo-Hmac-Sha256 header' };
    const secret = secrets['webhookSecret'];
    if (!secret) return { ok: false, reason: 'the connection has no Sapo secret key' };
    if (delivery.body.length === 0) return { ok: false, reason: 'empty body (Sapo always signs a body)' };
    if (!base64DigestEquals(signature, hmacSha256(secret, delivery.body))) {
      return { ok: false, reason: 'X-Sapo-Hmac-Sha256 does not match the body signed with this connection\'s secret' };
    }
    return { ok: true, detail: 'X-Sapo-Hmac-Sha256 verified' };
  },

  parse(delivery) {
    return envelope(delivery, JSON.parse(delivery.body.toString('utf8')) as unknown);
  },

  identify(delivery, payload) {
    const topic = header(delivery.headers, 'topic') ?? null;
    const tenant = sapoDomain(delivery.headers);
    const env = payload === undefined ? null : openEnvelope(payload);
    const key = env && topic ? versionKey(topic, env.sapo.dialect, env.order, env.sapo.eventVersion, env.sapo.objectId) : null;
    const deliveryKey = key ?? `sha256:${sha256Hex(delivery.body)}`;
    if (topic === null || !orderTopics.has(topic)) return { topic, deliveryKey, tenant, handled: false };
    // An order topic whose body has no id and version (an id-only orders/delete) has nothing to apply.
    if (!key) return { topic, deliveryKey, tenant, handled: false, note: `${topic} body has no order id and modified_on: recorded, not processed` };
    return { topic, deliveryKey, tenant, handled: true };
  },

  normalize(payload, ctx) {
    const env = openEnvelope(payload);
    const dialect = ctx.settings.dialect === 'auto' ? env.sapo.dialect : ctx.settings.dialect;
    if (dialect === 'go') {
      if (!sapoGoOrderTopics.has(ctx.topic)) throw new Error(`topic ${ctx.topic} is not a Sapo GO order topic`);
      const parsed = SapoGoOrder.safeParse(env.order);
      if (!parsed.success) throw new Error(`not a Sapo GO order: ${z.prettifyError(parsed.error)}`);
      return { order: Order.parse(normalizeSapoGoOrder(parsed.data, ctx.storeId, ctx.settings, env.sapo.test)) };
    }
    // GO's singular `orders/update` is read as Sapo Web's `orders/updated`.
    if (!sapoWebOrderTopics.has(ctx.topic === 'orders/update' ? 'orders/updated' : ctx.topic)) throw new Error(`topic ${ctx.topic} is not a Sapo Web order topic`);
    const parsed = SapoWebOrder.safeParse(env.order);
    if (!parsed.success) throw new Error(`not a Sapo Web order: ${z.prettifyError(parsed.error)}`);
    const order = Order.parse({ ...normalizeSapoWebOrder(parsed.data, ctx.storeId, ctx.settings), test: parsed.data.test ?? env.sapo.test });
    return { order: ctx.topic === 'orders/delete' ? deleted(order, ctx.previous) : order };
  },
});
