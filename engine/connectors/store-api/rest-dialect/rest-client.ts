import { writeBackSupport, type WriteAction, type WriteRequest } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext, StoreClient } from '../store-client.ts';
import { str, type RestDialect } from './rest-dialect.ts';
import { field, observingFetch, restCall, type RestConnection } from './rest-http.ts';
import { checkOrderFields, customerTags, orderAttribute, orderNote, orderTags } from './rest-orders.ts';
import { listChangedOrders } from './rest-reconcile.ts';
import { cancelOrder, checkStatus, closeOrder, fulfilOrder, markPaid } from './rest-status.ts';

const cannot: Record<WriteAction, string> = {
  'order.tags.add': 'add tags to an order',
  'order.tags.remove': 'remove tags from an order',
  'order.note.set': 'set an order\'s note',
  'order.attribute.set': 'set an order attribute',
  'customer.tags.add': 'tag a customer',
  'order.mark_paid': 'mark an order paid',
  'order.cancel': 'cancel an order through its API (no documented call): cancel it in the store\'s admin',
  'order.close': 'close an order through its API (no documented call): close it in the store\'s admin',
  'order.fulfil': 'fulfil an order',
  'marketplace.ready_to_ship': 'set an order ready to ship: that is a Lazada action',
  'fulfillment_order.act': 'act on fulfillment orders: those are Shopify\'s',
  'marketplace.cancel': 'cancel marketplace items: that is a Lazada action',
};

/** The matrix (contract/store-api.ts) decides; an action it says `no` to is refused before any call. */
function refuseUnsupported(dialect: RestDialect, action: WriteAction): void {
  if (writeBackSupport[dialect.platform][action] === 'no') throw new StoreApiError('final', `${dialect.name} cannot ${cannot[action]}`);
}

/**
 * The StoreClient of a Shopify-REST-like dialect (Haravan, Sapo Web): the actions of the
 * reference, `check` by reading the order (§9.2), reconciliation by the list call, and the
 * shop's name for the Test button.
 */
export function createRestClient(dialect: RestDialect, ctx: StoreApiContext): StoreClient {
  const auth = dialect.auth(ctx.connection.secrets);
  const c: RestConnection = { dialect, auth, ctx: { ...ctx, fetch: observingFetch(dialect, ctx) } };
  return {
    platform: dialect.platform,

    async write(req, target) {
      refuseUnsupported(dialect, req.action);
      switch (req.action) {
        case 'order.tags.add':
        case 'order.tags.remove':
          return orderTags(c, req, target);
        case 'order.note.set':
          return orderNote(c, req, target);
        case 'order.attribute.set':
          return orderAttribute(c, req, target);
        case 'customer.tags.add':
          return customerTags(c, req, target);
        case 'order.mark_paid':
          return markPaid(c, target);
        case 'order.cancel':
          return cancelOrder(c, req, target);
        case 'order.close':
          return closeOrder(c, target);
        case 'order.fulfil':
          return fulfilOrder(c, req, target);
        case 'marketplace.ready_to_ship':
        case 'marketplace.cancel':
        case 'fulfillment_order.act':
          throw new StoreApiError('final', `${dialect.name} cannot ${cannot[req.action]}`);
      }
    },

    naturallyIdempotent(req: WriteRequest) {
      switch (req.action) {
        // Set semantics: Haravan's tags.json merges; Sapo's rewrite reads and merges first, so a resend finds them there.
        case 'order.tags.add':
        case 'order.tags.remove':
        case 'customer.tags.add':
        case 'order.attribute.set':
          return true;
        case 'order.note.set':
          return req.mode === 'replace';
        default:
          // A capture or a fulfillment sent twice is two; a second cancel or close is refused.
          return writeBackSupport[dialect.platform][req.action] === 'no';
      }
    },

    async check(req, target) {
      if (writeBackSupport[dialect.platform][req.action] === 'no') return { applied: false };
      switch (req.action) {
        case 'order.mark_paid':
        case 'order.cancel':
        case 'order.close':
        case 'order.fulfil':
          return checkStatus(c, req, target);
        case 'marketplace.ready_to_ship':
        case 'marketplace.cancel':
        case 'fulfillment_order.act':
          return { applied: false };
        default:
          return checkOrderFields(c, req, target);
      }
    },

    listChanged: (since, cursor) => listChangedOrders(c, since, cursor),

    async probe() {
      const answer = await restCall(c, { method: 'GET', path: '/shop.json', changes: false, scope: dialect.scopes.readShop });
      const shop = field(answer.json, 'shop');
      const name = shop ? (str(shop['name']) ?? str(shop['domain'])) : null;
      if (!name) throw new StoreApiError('final', `${dialect.name} answered GET /shop.json without the shop's name: ${answer.text.slice(0, 200)}`);
      return name;
    },
  };
}
