import type { WriteRequest } from '../../../contract/index.ts';
import type { ConnectionView } from '../../../platforms/adapter.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext, StoreApiDefinition, StoreClient } from '../store-client.ts';
import { shopifyCheck } from './shopify-check.ts';
import { forOrder, getFo, locationsForMove } from './shopify-fulfillment-orders.ts';
import { SMALL_READ_COST, shopifyGraphql, type ShopifySession } from './shopify-graphql.ts';
import { shopifyListChanged } from './shopify-reconcile.ts';
import { shopifyWrite, type ShopifyOptions } from './shopify-writes.ts';

/** The Admin API version Flowdesk's queries are written against (reference §1: pages span 2024-04 to 2026-10). */
export const SHOPIFY_API_VERSION = '2025-10';

/** "your-shop.myshopify.com" from whatever the merchant typed as the store id (a URL, a bare handle). */
export function shopDomain(storeId: string): string {
  const host = storeId.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return host.includes('.') ? host : `${host}.myshopify.com`;
}

/**
 * Actions a resend can never apply twice: tags are sets; a replaced note and an attribute set
 * by key overwrite with the same value; orderMarkAsPaid refuses a paid order with "Order cannot
 * be marked as paid.", read as done. Appending to the note, cancelling (a job, irreversible),
 * creating a fulfilment (a second shipment) and closing (what Shopify says to a second close
 * is unknown) are read first (`check`). A fulfillment-order hold carries the step's handle, and
 * Shopify refuses a second hold with it (reference §1.5): sent again, it is found already done.
 */
const idempotent = new Set<WriteRequest['action']>(['order.tags.add', 'order.tags.remove', 'customer.tags.add', 'order.attribute.set', 'order.mark_paid']);

function options(ctx: StoreApiContext): ShopifyOptions {
  return { cancelRefund: ctx.api.options['cancelRefund'] === 'none' ? 'none' : 'original' };
}

/**
 * The API version is an option: when the base URL is Shopify's own (no `api.baseUrl`), its
 * version segment follows `apiVersion`.
 */
function baseUrlOf(ctx: StoreApiContext): string {
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const version = ctx.api.options['apiVersion']?.trim();
  if (ctx.api.baseUrl || !version || !/^\d{4}-\d{2}$/.test(version)) return base;
  return base.replace(/\/admin\/api\/\d{4}-\d{2}$/, `/admin/api/${version}`);
}

export const shopifyStoreApi: StoreApiDefinition = {
  platform: 'shopify',
  secrets: [
    {
      name: 'adminToken',
      label: 'Admin API access token (starts with shpat_): Shopify admin → Settings → Apps and sales channels → Develop apps → your app → API credentials. Give the app the scopes read_orders, write_orders, write_customers, read_merchant_managed_fulfillment_orders and write_merchant_managed_fulfillment_orders, and, to request fulfillment from a fulfillment service (3PL), read_third_party_fulfillment_orders and write_third_party_fulfillment_orders.',
    },
  ],
  options: [
    { name: 'apiVersion', label: 'Admin API version (YYYY-MM)', default: SHOPIFY_API_VERSION },
    { name: 'cancelRefund', label: 'When a paid order is cancelled: "original" refunds it to the original payment methods, "none" does not refund', default: 'original' },
    { name: 'legacyFulfillmentServices', label: 'Fulfillment services on the legacy workflow (their name or handle, comma separated): once requested, their fulfillment cannot be cancelled from Flowdesk (contact the service). Shopify\'s order page says which workflow a service uses.', default: '' },
  ],
  defaultBaseUrl: (connection: ConnectionView) => `https://${shopDomain(connection.storeId)}/admin/api/${SHOPIFY_API_VERSION}`,
  // Shopify's GraphQL bucket: the sample throttleStatus shows 1000 points restoring 50/s (the
  // docs give 100/s and up by plan); every answer's throttleStatus corrects it (reference §1.2).
  bucket: { capacity: 1000, perSecond: 50 },
  create(ctx: StoreApiContext): StoreClient {
    const token = ctx.connection.secrets['adminToken'] ?? '';
    const s: ShopifySession = { ctx, baseUrl: baseUrlOf(ctx), token };
    const needToken = () => {
      if (!token) throw new StoreApiError('final', 'the connection has no Shopify Admin API access token: add it on the connection (adminToken)');
    };
    return {
      platform: 'shopify',
      async write(req, target) {
        needToken();
        return shopifyWrite(s, req, target, options(ctx));
      },
      naturallyIdempotent: (req) =>
        idempotent.has(req.action) || (req.action === 'order.note.set' && req.mode === 'replace') || (req.action === 'fulfillment_order.act' && req.fo.kind === 'hold'),
      async check(req, target) {
        needToken();
        return shopifyCheck(s, req, target);
      },
      async listChanged(since, cursor) {
        needToken();
        return shopifyListChanged(s, shopDomain(ctx.connection.storeId), since, cursor);
      },
      async probe() {
        needToken();
        const data = await shopifyGraphql(s, { query: 'query FlowdeskProbe { shop { name } }', changes: false, cost: SMALL_READ_COST, scope: 'read_orders', what: 'read the shop\'s name' });
        const shop = data['shop'] as { name?: string } | null;
        return shop?.name ?? shopDomain(ctx.connection.storeId);
      },
      fulfillmentOrders: {
        async forOrder(platformOrderId) {
          needToken();
          return forOrder(s, platformOrderId);
        },
        async get(foId) {
          needToken();
          return getFo(s, foId);
        },
        async locationsForMove(foId) {
          needToken();
          return locationsForMove(s, foId);
        },
      },
    };
  },
};
