import { exactId } from '../../../platforms/shopify/shopify-normalize.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage } from '../store-client.ts';
import { shopifyRestGet, type ShopifySession } from './shopify-graphql.ts';

/**
 * DECISION: reconciliation lists orders with REST `GET orders.json`, not GraphQL `orders(query:
 * "updated_at:>…")` (reference §1.7). A REST order is exactly the body of an orders/* webhook,
 * which the Shopify adapter already reads; a GraphQL order would need a second mapping into
 * that shape (and one more place for the two to drift). REST is "legacy" but still served for
 * custom apps; if it goes, this file is the one to change.
 *
 * Pagination is cursor-based: the next page is the `page_info` of the `Link: <…>; rel="next"`
 * header, and only `limit` (and `fields`) may go with `page_info` (reference §1.7).
 */
const PAGE_SIZE = 250;
export const RECONCILE_TOPIC = 'orders/updated';

interface RestOrder {
  id?: number | string;
  admin_graphql_api_id?: string | null;
  updated_at?: string;
}

/** The `page_info` of the Link header's rel="next" URL, or null on the last page. */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m?.[1]) return new URL(m[1]).searchParams.get('page_info');
  }
  return null;
}

export async function shopifyListChanged(s: ShopifySession, shop: string, since: string, cursor: string | null): Promise<ChangedPage> {
  const query = cursor
    ? new URLSearchParams({ limit: String(PAGE_SIZE), page_info: cursor })
    : new URLSearchParams({ status: 'any', updated_at_min: since, limit: String(PAGE_SIZE), order: 'updated_at asc' });
  const answer = await shopifyRestGet(s, `orders.json?${query.toString()}`, 'read_orders (and read_all_orders for orders older than 60 days)', 'list the orders changed');
  const body = answer.json as { orders?: unknown } | null;
  if (!body || !Array.isArray(body.orders)) throw new StoreApiError('final', `Shopify answered the order list with an unexpected shape: ${answer.text.slice(0, 200)}`);
  const orders: ChangedOrder[] = (body.orders as RestOrder[]).map((o) => {
    const platformOrderId = exactId(o.id, o.admin_graphql_api_id);
    if (!platformOrderId || !o.updated_at) throw new StoreApiError('final', 'Shopify listed an order without an id or updated_at');
    return {
      platformOrderId,
      updatedAt: o.updated_at,
      topic: RECONCILE_TOPIC,
      // Re-serialised: ids past 2^53 lose digits in `id`, but the adapter reads admin_graphql_api_id first.
      body: Buffer.from(JSON.stringify(o)),
      headers: { 'content-type': 'application/json', 'x-shopify-topic': RECONCILE_TOPIC, 'x-shopify-shop-domain': shop },
    };
  });
  return { orders, next: nextPageInfo(answer.headers.get('link')) };
}
