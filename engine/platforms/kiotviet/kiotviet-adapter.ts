import { z } from 'zod';
import { defineAdapter } from '../adapter.ts';
import { sha256Hex } from '../hmac.ts';
import { fetchKiotVietCustomer } from './kiotviet-api.ts';
import { normalizeKiotViet } from './kiotviet-normalize.ts';
import { KiotVietDocument, KiotVietEnriched, KiotVietWebhook, splitAction } from './kiotviet-payload.ts';
import { KiotVietSettings } from './kiotviet-settings.ts';
import { verifyHubSignature } from './kiotviet-signature.ts';
import { signKiotViet } from './kiotviet-sign.ts';

/**
 * KiotViet webhooks (reference/platform-webhooks.md §7).
 *
 * - `X-Hub-Signature`, algorithm undocumented: a tolerant verifier (kiotviet-signature.ts) in
 *   observe mode by default, or locked to one variant by the `lockedVariant` setting.
 * - `order.update` (đặt hàng) and `invoice.update` (hóa đơn) are processed; both become a
 *   canonical order (kiotviet-normalize.ts says how; kiotviet-status.ts maps the statuses). A
 *   `RemoveId` body marks an order Flowdesk has as deleted (`order.deleted`). Every other type (customer.*, product.*, stock.*, pricebook.*…)
 *   is answered 200 and recorded as ignored: KiotViet expects a 200 within a few seconds, and
 *   one integration reports that 4xx answers get a webhook disabled, so only a bad signature
 *   gets a non-2xx (401).
 * - Duplicates share the body `Id` (`Attempt` counts the retries); without one, the document
 *   id + `ModifiedDate`, which is also the version for last-write-wins.
 * - Order and invoice bodies never carry the customer's email (nor always a phone): `enrich`
 *   reads the customer from the Public API when the connection has API credentials.
 */
const processed = new Set(['order.update', 'invoice.update']);

/** process-delivery treats a ZodError as permanent: a body that will never read does not retry. */
function unreadable(message: string): Error {
  return Object.assign(new Error(message), { name: 'ZodError' });
}

export const kiotVietAdapter = defineAdapter<KiotVietSettings>({
  platform: 'kiotviet',
  storeIdLabel: 'Retailer (the shop name, as in {name}.kiotviet.vn)',
  secrets: [
    { name: 'webhookSecret', label: 'Webhook secret (the Secret sent when registering the webhook)' },
    { name: 'clientSecret', label: 'API client secret (Thiết lập kết nối API), to read customers\' email and phone', optional: true },
  ],
  settings: KiotVietSettings,
  setup: [
    'KiotViet delivers only to public URLs: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'Register one webhook per type (POST https://public.kiotapi.com/webhooks with your API token and Retailer header): "order.update" and "invoice.update", Url = this connection\'s webhook URL followed by ?noecho, IsActive true, Secret = this connection\'s webhook secret.',
    'To get customers\' email and phone, enter the API client ID in the settings and the client secret as a secret (KiotViet → Thiết lập cửa hàng → Thiết lập kết nối API).',
    'The first signed delivery shows which X-Hub-Signature variant KiotViet uses for you; set lockedVariant to it to accept only that one.',
  ],

  sign: signKiotViet,

  verify(delivery, { secrets, settings }) {
    return verifyHubSignature(delivery.headers['x-hub-signature'], delivery.body, secrets['webhookSecret'], settings.lockedVariant);
  },

  parse(delivery) {
    return JSON.parse(delivery.body.toString('utf8')) as unknown;
  },

  identify(delivery, payload) {
    const bytesKey = `sha256:${sha256Hex(delivery.body)}`;
    const body = KiotVietWebhook.safeParse(payload);
    if (!body.success) return { topic: null, deliveryKey: bytesKey, tenant: null, handled: false, note: 'not a KiotViet webhook body (no Notifications, no RemoveId)' };
    const w = body.data;
    const ids = w.RemoveId ?? [];
    if (ids.length > 0) {
      const deliveryKey = w.Id ? `event:${w.Id}` : `event:RemoveId/${ids.join(',')}`;
      return { topic: 'RemoveId', deliveryKey, tenant: null, handled: true };
    }
    const notifications = w.Notifications ?? [];
    const first = notifications.find((n) => processed.has(splitAction(n.Action).type)) ?? notifications[0];
    if (!first) return { topic: null, deliveryKey: bytesKey, tenant: null, handled: false, note: 'KiotViet body without notifications' };
    const { type, retailerId } = splitAction(first.Action);
    const docs = notifications.flatMap((n) => n.Data);
    const doc = (docs[0] ?? {}) as Record<string, unknown>;
    const deliveryKey = w.Id ? `event:${w.Id}` : doc['Id'] !== undefined ? `event:${type}/${String(doc['Id'])}@${String(doc['ModifiedDate'] ?? '')}` : bytesKey;
    const base = { topic: type, deliveryKey, tenant: retailerId };
    if (!processed.has(type)) return { ...base, handled: false, note: `KiotViet ${type}: not an order or invoice event` };
    return { ...base, handled: true };
  },

  // One delivery may carry several documents (Notifications[].Data[]) or several RemoveIds:
  // each becomes its own payload, applied together in one transaction.
  split(payload) {
    const w = KiotVietWebhook.safeParse(payload);
    if (!w.success) return [payload];
    const ids = w.data.RemoveId ?? [];
    if (ids.length > 0) return ids.map((id) => ({ ...w.data, RemoveId: [id] }));
    const parts = (w.data.Notifications ?? [])
      .filter((n) => processed.has(splitAction(n.Action).type))
      .flatMap((n) => n.Data.map((doc) => ({ ...w.data, Notifications: [{ ...n, Data: [doc] }] })));
    return parts.length > 0 ? parts : [payload];
  },

  // KiotViet sends RemoveId for deleted products and customers too (errata 6): an id that was
  // never an order here is nothing to apply.
  skip(payload, ctx) {
    const e = KiotVietEnriched.safeParse(payload);
    if (!e.success || e.data.kind !== 'removal' || ctx.previous) return null;
    return `KiotViet RemoveId ${e.data.id}: Flowdesk has no order with this id (KiotViet also sends RemoveId for deleted products and customers)`;
  },

  async enrich(payload, ctx) {
    const w = KiotVietWebhook.safeParse(payload);
    if (!w.success) throw unreadable(`not a KiotViet webhook body: ${z.prettifyError(w.error)}`);
    const removed = w.data.RemoveId?.[0];
    if (removed !== undefined) return { kind: 'removal', id: removed, observedAt: new Date(ctx.clock.now()).toISOString() } satisfies KiotVietEnriched;
    const notification = w.data.Notifications?.[0];
    const topic = notification ? splitAction(notification.Action).type : '';
    if (topic !== 'order.update' && topic !== 'invoice.update') throw unreadable(`KiotViet ${topic || '(no notification)'} is not an order or invoice event`);
    const doc = KiotVietDocument.safeParse(notification?.Data[0]);
    if (!doc.success) throw unreadable(`not a KiotViet ${topic === 'order.update' ? 'order' : 'invoice'}: ${z.prettifyError(doc.error)}`);

    const { settings, secrets, storeId } = ctx.connection;
    const clientSecret = secrets['clientSecret'];
    // The body never has the customer's email: ask the Public API whenever there is a customer to ask about.
    const customer =
      doc.data.CustomerId && settings.clientId && clientSecret
        ? await fetchKiotVietCustomer(
            { apiBaseUrl: settings.apiBaseUrl, tokenUrl: settings.tokenUrl, clientId: settings.clientId, clientSecret, retailer: storeId, fetch: ctx.fetch, now: () => ctx.clock.now() },
            doc.data.CustomerId,
          )
        : null;
    return { kind: 'document', topic, document: doc.data, customer } satisfies KiotVietEnriched;
  },

  normalize(payload, ctx) {
    const parsed = KiotVietEnriched.safeParse(payload);
    if (!parsed.success) throw unreadable(`not an enriched KiotViet document: ${z.prettifyError(parsed.error)}`);
    return normalizeKiotViet(parsed.data, ctx.settings, ctx.storeId, ctx.previous);
  },
});
