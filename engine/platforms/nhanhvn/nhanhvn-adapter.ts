import { createHash } from 'node:crypto';
import { Order } from '../../contract/index.ts';
import { defineAdapter } from '../adapter.ts';
import { sha256Hex } from '../hmac.ts';
import { isFormBody } from './nhanhvn-form.ts';
import { orderIdsOf, readNhanhDelivery, v1Kinds, type NhanhPayload } from './nhanhvn-payload.ts';
import { buildNhanhOrder, deletedNhanhOrder, nhanhFields, nhanhOrderEvents } from './nhanhvn-normalize.ts';
import { nhanhSettings } from './nhanhvn-status.ts';
import { verifyNhanhChecksum, verifyNhanhToken } from './nhanhvn-verify.ts';
import { signNhanh, signNhanhRequest } from './nhanhvn-sign.ts';

/**
 * Nhanh.vn (reference/platform-webhooks.md §6).
 *
 * - API v2/v3: JSON `{event, businessId, webhooksVerifyToken?, data}`; the shared token is
 *   checked in constant time, from the body or the `verifyToken` header. Tenant: `businessId`.
 * - API v1 (legacy): a multipart (or urlencoded) form `data` + `checksum` + `storeId`, with
 *   `checksum = md5(md5(secretKey + data) + data)`. v1 has one URL per kind and says nothing
 *   of the kind in the request, so each v1 URL is this connection's webhook URL with
 *   `?kind=orderAdd`, `?kind=orderUpdate` (uriListenOrderStatus; `orderStatus` is accepted too)
 *   or `?kind=orderDelete`. The query string, not a connection setting, so one connection takes
 *   all three URLs. A v1 delivery without a known kind is recorded as ignored, with that advice.
 * - Events other than orderAdd/orderUpdate/orderDelete (products, inventory, bills…) are answered
 *   200 and recorded as ignored: Nhanh retries any other answer 3 times (after 5, 10, 30 min) and
 *   acts against webhooks whose success rate is low, which would stop the order events too.
 * - No delivery id: duplicates share event + order id + a hash of `data` (reference §9).
 * - No version either, except v3's `info.updatedAt`: v2/v1 deliveries keep the stored order's
 *   time, so the last one processed wins (reference §9: "ordering: none").
 */
export const nhanhvnAdapter = defineAdapter({
  platform: 'nhanhvn',
  storeIdLabel: 'Business ID (businessId on Nhanh.vn)',
  secrets: [
    { name: 'verifyToken', label: 'Webhooks verify token (the verifyToken typed in your Nhanh.vn app\'s webhook settings)', optional: true },
    { name: 'secretKey', label: 'API v1 secret key (legacy v1 webhooks only)', optional: true },
  ],
  settings: nhanhSettings,
  setup: [
    'Nhanh.vn delivers to public URLs only: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'API v2/v3: in your Nhanh.vn app, tick "Bật webhooks", set the webhooks URL to this connection\'s webhook URL, type a verifyToken (the same as this connection\'s verify token), and choose the events orderAdd, orderUpdate and orderDelete.',
    'API v1 (legacy): register this connection\'s webhook URL with ?kind=orderAdd, ?kind=orderUpdate (order status) and ?kind=orderDelete appended, one per kind, and set this connection\'s API v1 secret key.',
  ],

  sign: signNhanh, signRequest: signNhanhRequest,

  verify(delivery, { secrets }) {
    return isFormBody(delivery.headers['content-type'])
      ? verifyNhanhChecksum(delivery, secrets['secretKey'])
      : verifyNhanhToken(delivery, secrets['verifyToken']);
  },

  parse(delivery) {
    return readNhanhDelivery(delivery);
  },

  identify(delivery, payload) {
    const p = payload as NhanhPayload | undefined;
    if (!p) return { topic: null, deliveryKey: `sha256:${sha256Hex(delivery.body)}`, tenant: null, handled: false };
    const topic = p.format === 'json' ? p.event : p.kind;
    const tenant = p.format === 'json' ? p.businessId : p.storeId;
    // The data, not the envelope, is hashed (a redelivery whose token field moved is the same
    // delivery). Data nested too deep to serialize throws; ingest records that as unreadable.
    const data = p.format === 'json' ? JSON.stringify(p.data ?? null) : p.rawData;
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
    const ids = orderIdsOf(p.data).join(',') || '-';
    const handled = topic !== null && Object.hasOwn(nhanhOrderEvents, topic);
    const note = p.format === 'v1' && !handled
      ? `Nhanh.vn v1 delivery ${p.kind ? `with unknown ?kind=${p.kind}` : 'without ?kind='}: register each v1 URL with ?kind=${Object.keys(v1Kinds).join(', ?kind=')}`
      : undefined;
    return {
      topic,
      deliveryKey: `event:${p.format === 'v1' ? 'v1/' : ''}${topic ?? '-'}/${tenant ?? '-'}/${ids}#${hash}`,
      tenant,
      handled,
      ...(note ? { note } : {}),
    };
  },

  // A v3 orderDelete may name several orders: each is its own part, deleted together.
  split(payload) {
    const p = payload as NhanhPayload;
    if (p.format !== 'json' || p.event !== 'orderDelete') return [payload];
    const ids = orderIdsOf(p.data);
    return ids.length > 1 ? ids.map((id) => ({ ...p, data: [Number(id)] })) : [payload];
  },

  normalize(payload, ctx) {
    const kind = nhanhOrderEvents[ctx.topic];
    if (!kind) throw new Error(`${ctx.topic} is not an order event`);
    const p = payload as NhanhPayload;
    const order = Order.parse(
      kind === 'deleted'
        ? deletedNhanhOrder(p, ctx.storeId, ctx.settings, ctx.previous)
        : buildNhanhOrder(nhanhFields(p, ctx.settings), ctx.storeId, ctx.settings, ctx.previous),
    );
    return { order };
  },
});
