import type { WriteAction, WriteRequest } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext, StoreApiDefinition, StoreClient } from '../store-client.ts';
import { lazadaCall, lazadaSession } from './lazada-call.ts';
import { checkMarketplaceCancel, orderCancelAsMarketplace, writeMarketplaceCancel } from './lazada-cancel.ts';
import { listChangedLazada } from './lazada-reconcile.ts';
import { checkReadyToShip, writeReadyToShip } from './lazada-ship.ts';

/**
 * Lazada Open Platform write-back and reconciliation (reference/platform-apis.md §5). The
 * credentials are the adapter's own (setting appKey and apiBaseUrl; secrets appSecret and
 * accessToken), so the API declares no secrets of its own.
 */
const OUT_OF_STOCK_OPTION = 'outOfStockReasonId';
/** Lazada's "Out of Stock" seller-cancel reason; the ids vary by country [UNVERIFIED], hence an option. */
const OUT_OF_STOCK_DEFAULT = '10000021';

const cannot: Partial<Record<WriteAction, string>> = {
  'order.tags.add': 'tag orders: it has no order tags',
  'order.tags.remove': 'remove order tags: it has no order tags',
  'order.note.set': 'write an order note: sellers cannot edit an order\'s notes through its API',
  'order.attribute.set': 'set an order attribute: it has no order attributes',
  'customer.tags.add': 'tag customers: sellers see no customer records',
  'order.mark_paid': 'mark an order paid: Lazada collects the payment itself',
  'order.close': 'close an order: Lazada closes orders itself',
  'order.fulfil': 'fulfil an order with a tracking number of your own: use "Ready to ship on Lazada", which asks Lazada for the tracking number',
};

function createLazadaClient(ctx: StoreApiContext): StoreClient {
  const s = lazadaSession(ctx);
  const outOfStock = ctx.api.options[OUT_OF_STOCK_OPTION] || OUT_OF_STOCK_DEFAULT;
  return {
    platform: 'lazada',
    async write(req: WriteRequest, target) {
      switch (req.action) {
        case 'marketplace.ready_to_ship':
          return writeReadyToShip(s, req, target);
        case 'marketplace.cancel':
          return writeMarketplaceCancel(s, req, target);
        case 'order.cancel':
          return writeMarketplaceCancel(s, orderCancelAsMarketplace(req, outOfStock), target);
        default:
          throw new StoreApiError('final', `Lazada cannot ${cannot[req.action] ?? `do "${req.action}"`}`);
      }
    },
    // Pack, RTS and cancel are state-guarded, not idempotent (reference §9.2): the items are read first.
    naturallyIdempotent: () => false,
    async check(req, target) {
      switch (req.action) {
        case 'marketplace.ready_to_ship':
          return checkReadyToShip(s, target);
        case 'marketplace.cancel':
        case 'order.cancel':
          return checkMarketplaceCancel(s, target);
        default:
          return { applied: false };
      }
    },
    listChanged: (since, cursor) => listChangedLazada(s, since, cursor),
    async probe() {
      const env = await lazadaCall(s, { method: 'GET', path: '/seller/get', params: {}, changes: false, what: 'read the seller' });
      const data = (env['data'] ?? {}) as Record<string, unknown>;
      const name = data['name'] ?? data['name_company'];
      return typeof name === 'string' && name ? name : ctx.connection.store;
    },
  };
}

export const lazadaStoreApi: StoreApiDefinition = {
  platform: 'lazada',
  secrets: [],
  options: [{ name: OUT_OF_STOCK_OPTION, label: 'Lazada\'s "Out of Stock" cancel reason id, used when a flow cancels for lack of inventory (it may differ by country)', default: OUT_OF_STOCK_DEFAULT }],
  defaultBaseUrl: (connection) => {
    const url = connection.settings['apiBaseUrl'];
    return typeof url === 'string' && url ? url : 'https://api.lazada.vn/rest';
  },
  // Lazada limits each API to about one call a second (reference §9.3); one bucket per store keeps every API under it.
  bucket: { capacity: 3, perSecond: 1 },
  create: createLazadaClient,
};
