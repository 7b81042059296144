import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { defineAdapter } from '../adapter.ts';
import { hmacSha256, sha256Hex } from '../hmac.ts';
import { fetchLazadaOrder } from './lazada-api.ts';
import { normalizeLazada } from './lazada-normalize.ts';
import { LazadaEnriched, LazadaPush, messageTypeOf } from './lazada-payload.ts';
import { LazadaSettings } from './lazada-settings.ts';
import { signLazada } from './lazada-sign.ts';

/**
 * Lazada Open Platform push, LPM (reference/platform-webhooks.md §5).
 *
 * - `Authorization` is the lowercase hex HMAC-SHA256 of `app_key + raw body`, keyed with the
 *   app secret (§5.2); no URL, no timestamp.
 * - Only `message_type` 0 (trade order status, forward and reverse) is processed. Every other
 *   message type (product QC, token expiry, seller status, fulfilment and purchase orders…) is
 *   answered 200 and recorded as ignored: Lazada retries anything but a 200 twelve times,
 *   30 minutes apart, and a push URL that keeps failing is what gets a subscription looked at,
 *   so a 200 for what Flowdesk does not process keeps the order pushes flowing.
 * - The push carries ids only: `enrich` reads the order and its items from /order/get and
 *   /order/items/get, signed with the app secret and the seller's access token.
 * - No delivery id: duplicates share seller + trade order + status + status_update_time, and
 *   `status_update_time` (or the API's newer `updated_at`) is the version for last-write-wins.
 * - Item statuses map to canonical state in lazada-status.ts (paid, fulfilled, delivery); the
 *   store status through the connection's editable seed-002 table (lazada-settings.ts).
 */
const notProcessed: Record<number, string> = {
  1: 'product quality-control status',
  8: 'Lazada says this seller\'s access token expires within 48 hours: update the connection\'s access token, or order pushes can no longer be enriched',
  10: 'reverse-order status (returns and refunds also arrive as trade-order pushes, which Flowdesk processes)',
  13: 'seller status',
  14: 'fulfillment order update',
  35: 'purchase (inbound) order status',
};

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** process-delivery treats a ZodError as permanent: what will never read (or is not configured) does not retry. */
function permanent(message: string): Error {
  return Object.assign(new Error(message), { name: 'ZodError' });
}

export const lazadaAdapter = defineAdapter<LazadaSettings>({
  platform: 'lazada',
  // Seed 002: a change of the Lazada status (and the store status it maps to) is an event of its own.
  marketplace: true,
  storeIdLabel: 'Seller ID (seller_id in Lazada\'s pushes)',
  secrets: [
    { name: 'appSecret', label: 'App secret (Lazada Open Platform → App Console)' },
    { name: 'accessToken', label: 'Seller access token (from authorizing your app for this seller), for reading orders' },
  ],
  settings: LazadaSettings,
  setup: [
    'Lazada pushes only to public HTTPS URLs with a CA-issued OV or EV certificate: put the webhook listener behind a reverse proxy that has one, and start Flowdesk with --public-url.',
    'In the Lazada Open Platform App Console → Push Mechanism, set the callback URL to this connection\'s webhook URL, verify it, and subscribe to "Trade order" messages (message type 0).',
    'Enter the app key in this connection\'s settings, the app secret and the seller\'s access token as its secrets, and the API base URL of the seller\'s country (default: Vietnam).',
  ],

  sign: signLazada,

  verify(delivery, { secrets, settings }) {
    const header = delivery.headers['authorization'];
    if (!header) return { ok: false, reason: 'missing Authorization header (Lazada signs every push in it)' };
    const secret = secrets['appSecret'];
    if (!secret) return { ok: false, reason: 'the connection has no app secret' };
    if (!settings.appKey) return { ok: false, reason: 'the connection has no app key (setting "appKey"): Lazada signs app_key + body' };
    const given = header.trim();
    if (!HEX_SHA256.test(given)) return { ok: false, reason: 'Authorization is not a 64-character hex HMAC-SHA256 signature' };
    const expected = hmacSha256(secret, Buffer.concat([Buffer.from(settings.appKey, 'utf8'), delivery.body]));
    const givenBytes = Buffer.from(given.toLowerCase(), 'hex');
    if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) {
      return { ok: false, reason: 'Authorization does not match app_key + body signed with this connection\'s app secret' };
    }
    return { ok: true, detail: 'Authorization verified (HMAC-SHA256 of app_key + body)' };
  },

  parse(delivery) {
    return JSON.parse(delivery.body.toString('utf8')) as unknown;
  },

  identify(delivery, payload) {
    const type = messageTypeOf(payload);
    const body = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
    const seller = body['seller_id'];
    const tenant = typeof seller === 'string' || typeof seller === 'number' ? String(seller) : null;
    const topic = type === null ? null : `message_type ${type}`;
    const push = type === 0 ? LazadaPush.safeParse(payload) : null;
    if (!push?.success) {
      const why = type === 0 ? 'a trade-order push without seller_id, trade_order_id, order_status or status_update_time' : type === null ? 'no message_type' : notProcessed[type] ?? 'a message type Flowdesk does not process';
      return { topic, deliveryKey: `sha256:${sha256Hex(delivery.body)}`, tenant, handled: false, note: `Lazada ${topic ?? 'push'}: ${why}` };
    }
    const d = push.data.data;
    const reverse = d.reverse_order_id ? `/reverse ${d.reverse_order_id}` : '';
    return {
      topic: 'message_type 0',
      deliveryKey: `event:lazada/${push.data.seller_id}/${d.trade_order_id}${reverse}/${d.order_status}@${d.status_update_time}`,
      tenant: push.data.seller_id,
      handled: true,
    };
  },

  async enrich(payload, ctx) {
    const push = LazadaPush.safeParse(payload);
    if (!push.success) throw permanent(`not a Lazada trade-order push: ${z.prettifyError(push.error)}`);
    const { settings, secrets } = ctx.connection;
    const accessToken = secrets['accessToken'];
    if (!accessToken) throw permanent('the connection has no Lazada access token, so the order cannot be read from Lazada: add it, then retry the delivery');
    const client = {
      baseUrl: settings.apiBaseUrl,
      appKey: settings.appKey,
      appSecret: secrets['appSecret'] ?? '',
      accessToken,
      fetch: ctx.fetch,
      now: () => ctx.clock.now(),
    };
    const { order, items } = await fetchLazadaOrder(client, push.data.data.trade_order_id);
    return { push: push.data, order, items } satisfies LazadaEnriched;
  },

  normalize(payload, ctx) {
    const parsed = LazadaEnriched.safeParse(payload);
    if (!parsed.success) throw permanent(`not an enriched Lazada order (the push plus /order/get and /order/items/get): ${z.prettifyError(parsed.error)}`);
    return normalizeLazada(parsed.data, ctx.settings, ctx.storeId, ctx.previous);
  },
});
