import type { WriteAction, WriteRequest } from '../../../contract/index.ts';
import type { KiotVietSettings } from '../../../platforms/kiotviet/kiotviet-settings.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, StoreApiContext, StoreApiDefinition, StoreClient, WriteTarget } from '../store-client.ts';
import { callKiotViet, KIOTVIET } from './kiotviet-call.ts';
import { fulfil, fulfilApplied } from './kiotviet-fulfil.ts';
import { listKiotVietChanged } from './kiotviet-reconcile.ts';
import { addCustomerGroups, cancel, cancelApplied, customerGroupsApplied, isPaid, markPaid, noteApplied, readDoc, docOf, setNote } from './kiotviet-writes.ts';

/**
 * KiotViet's Public API (reference/platform-apis.md §7): the order note, customer groups for
 * customer tags, the order's payment, cancelling, and the invoice's delivery for fulfilment.
 * Credentials are the adapter's (clientId, tokenUrl and apiBaseUrl settings; clientSecret secret).
 */
const cannot: Partial<Record<WriteAction, string>> = {
  'order.tags.add': 'tag orders (it has no order tags)',
  'order.tags.remove': 'remove order tags (it has no order tags)',
  'order.attribute.set': 'set order attributes',
  'order.close': 'close an order',
  'marketplace.ready_to_ship': 'set a package ready to ship',
  'marketplace.cancel': 'cancel marketplace items',
};

function createKiotVietClient(ctx: StoreApiContext): StoreClient {
  const applied = (yes: boolean, what: string, target: WriteTarget): CheckAnswer =>
    yes ? { applied: true, answer: `${KIOTVIET} ${target.orderNumber}: ${what}` } : { applied: false };
  return {
    platform: 'kiotviet',
    async write(req: WriteRequest, target: WriteTarget) {
      switch (req.action) {
        case 'order.note.set':
          return setNote(ctx, req, target);
        case 'customer.tags.add':
          return addCustomerGroups(ctx, req, target);
        case 'order.mark_paid':
          return markPaid(ctx, target);
        case 'order.cancel':
          return cancel(ctx, target);
        case 'order.fulfil':
          return fulfil(ctx, req, target);
        default:
          throw new StoreApiError('final', `${KIOTVIET} cannot ${cannot[req.action] ?? req.action} through its API`);
      }
    },
    // PUTs that set a value (the note, the groups with the customer's own, the invoice's
    // tracking code) land once however often they are sent; a payment, a delete and an
    // appended line do not.
    naturallyIdempotent: (req) =>
      (req.action === 'order.note.set' && req.mode === 'replace') || req.action === 'customer.tags.add' || req.action === 'order.fulfil',
    async check(req, target): Promise<CheckAnswer> {
      switch (req.action) {
        case 'order.note.set':
          return applied(await noteApplied(ctx, req, target), 'the note is already there', target);
        case 'customer.tags.add':
          return applied(await customerGroupsApplied(ctx, req, target), `the customer is already in ${req.tags.join(', ')}`, target);
        case 'order.mark_paid': {
          const doc = await readDoc(ctx, docOf(target));
          return applied(doc !== null && isPaid(doc), 'already paid', target);
        }
        case 'order.cancel':
          return applied(await cancelApplied(ctx, target), 'already cancelled', target);
        case 'order.fulfil':
          return applied(await fulfilApplied(ctx, req, target), `the invoice already has tracking code ${req.trackingNumber.trim()}`, target);
        default:
          return { applied: false };
      }
    },
    listChanged: (since, cursor) => listKiotVietChanged(ctx, since, cursor),
    async probe() {
      // KiotViet has no "shop" call: the retailer name is the shop, and its branches prove the credentials.
      const answer = (await callKiotViet(ctx, { method: 'GET', path: '/branches', query: { pageSize: '100' }, changes: false })) as { data?: { branchName?: string }[] } | null;
      const branches = (answer?.data ?? []).map((b) => b.branchName).filter(Boolean);
      return `${ctx.connection.storeId}${branches.length ? ` (${branches.join(', ')})` : ''}`;
    },
  };
}

export const kiotvietStoreApi: StoreApiDefinition = {
  platform: 'kiotviet',
  // The adapter already declares clientSecret (and clientId, apiBaseUrl, tokenUrl as settings).
  secrets: [],
  options: [{ name: 'orderBy', label: 'Field the order and invoice lists are sorted by when reconciling (the modified date)', default: 'modifiedDate' }],
  defaultBaseUrl: (connection) => (connection.settings as KiotVietSettings).apiBaseUrl || 'https://public.kiotapi.com',
  // "GET calls are limited to 5000 requests/1h" [DOC]: a bucket of 100 refilling 5000 an hour
  // (≈1.39/s) spreads them; writes have no documented limit and take nothing from it (cost 0).
  bucket: { capacity: 100, perSecond: 5000 / 3600 },
  create: createKiotVietClient,
};
