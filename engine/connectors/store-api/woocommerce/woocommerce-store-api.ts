import { z } from 'zod';
import type { ConnectionView } from '../../../platforms/adapter.ts';
import { callPlatform } from '../platform-http.ts';
import type { StoreApiDefinition, StoreClient } from '../store-client.ts';
import { KEYS_WHERE, WOO, wooRest, type WooAuthMode } from './woocommerce-rest.ts';
import { listChangedOrders, siteOf } from './woocommerce-reconcile.ts';
import { naturallyIdempotent, wooWrites } from './woocommerce-writes.ts';

/** `{site}/wp-json/wc/v3` from the connection's site URL (a pasted `/wp-json/…` tail is dropped). */
export function wooBaseUrl(connection: ConnectionView): string {
  let site = connection.storeId.trim().replace(/\/wp-json(\/.*)?$/i, '').replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(site)) site = `https://${site}`;
  return `${site}/wp-json/wc/v3`;
}

const SiteIndex = z.looseObject({ name: z.string() });

/**
 * WooCommerce REST v3 (reference/platform-apis.md §4). WooCommerce has no tags, no shipments and
 * keeps notes as a list; the workarounds (writeBackWorkarounds) are in woocommerce-writes.ts.
 * Reconciliation matters more here than anywhere: WooCommerce never retries a failed webhook.
 */
export const woocommerceStoreApi: StoreApiDefinition = {
  platform: 'woocommerce',
  secrets: [
    { name: 'consumerKey', label: `Consumer key, ck_… (${KEYS_WHERE} → Add key, permission Read/Write)` },
    { name: 'consumerSecret', label: `Consumer secret, cs_… (shown once, with the consumer key, in ${KEYS_WHERE})` },
  ],
  options: [
    {
      name: 'auth',
      label: 'How the keys are sent: "basic" (the Authorization header) or "query" (consumer_key/consumer_secret in the URL, for hosts that drop the Authorization header; HTTPS only)',
      default: 'basic',
    },
  ],
  defaultBaseUrl: wooBaseUrl,
  // No documented limit in core (reference §4): a modest pace that shared hosts and their WAFs accept.
  bucket: { capacity: 10, perSecond: 5 },
  create(ctx): StoreClient {
    const auth: WooAuthMode = ctx.api.options['auth'] === 'query' ? 'query' : 'basic';
    const rest = wooRest(ctx, auth);
    const { write, check } = wooWrites(rest);
    return {
      platform: 'woocommerce',
      write,
      check,
      naturallyIdempotent,
      listChanged: (since, cursor) => listChangedOrders(rest, ctx.connection.storeId, since, cursor),
      async probe() {
        // One order read proves the keys and their Read permission.
        await rest.call({ method: 'GET', path: '/orders', query: { per_page: '1' }, what: 'order list' });
        // The site's name is WordPress's (the public REST index); the site URL stands in without it.
        const fallback = siteOf(ctx.connection.storeId).replace(/^https?:\/\//, '').replace(/\/$/, '');
        if (!rest.root) return fallback;
        try {
          const index = await callPlatform(ctx, { platform: WOO, method: 'GET', url: `${rest.root}/`, changes: false });
          return SiteIndex.safeParse(index.json).data?.name || fallback;
        } catch {
          return fallback;
        }
      },
    };
  },
};
