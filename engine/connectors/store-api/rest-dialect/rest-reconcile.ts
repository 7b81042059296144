import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage } from '../store-client.ts';
import type { RestRecord } from './rest-dialect.ts';
import { restCall, type RestConnection } from './rest-http.ts';

/**
 * The cursor: the next page number and the statuses that still have pages ("2:open,closed").
 * Haravan lists every status at once (`status=any`); Sapo answers `status=any` with an empty
 * list (reference §3.1, live-verified), so each of its statuses is listed, page N of each per
 * call, and merged.
 */
function readCursor(cursor: string | null, statuses: readonly string[]): { page: number; statuses: string[] } {
  const m = cursor ? /^(\d+):([a-z_,]+)$/.exec(cursor) : null;
  if (!m) return { page: 1, statuses: [...statuses] };
  return { page: Number(m[1]), statuses: m[2]!.split(',').filter((s) => statuses.includes(s)) };
}

/**
 * One page of the orders changed since `since`, oldest first, each as the webhook delivery
 * its platform's adapter reads. Page numbers, as both platforms paginate (`page=N`): an order
 * changed while the pages are read moves to the end and may shift one order past a page
 * boundary, so a reconciliation's next `since` should overlap this one's start (as §1.7 advises).
 */
export async function listChangedOrders(c: RestConnection, since: string, cursor: string | null): Promise<ChangedPage> {
  const { list, name } = c.dialect;
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) throw new StoreApiError('final', `"${since}" is not a date and time to list ${name} orders from`);
  const at = readCursor(cursor, list.statuses);
  const more: string[] = [];
  const orders: { order: RestRecord; updatedAt: string }[] = [];
  for (const status of at.statuses) {
    const query: Record<string, string> = { [list.sinceParam]: since, status, limit: String(list.limit), page: String(at.page) };
    if (list.order) query['order'] = list.order;
    const answer = await restCall(c, { method: 'GET', path: '/orders.json', query, changes: false, scope: c.dialect.scopes.readOrders });
    const page = (answer.json as { orders?: unknown } | null)?.orders;
    if (!Array.isArray(page)) throw new StoreApiError('final', `${name} answered the order list without "orders": ${answer.text.slice(0, 200)}`);
    if (page.length >= list.limit) more.push(status);
    for (const order of page as RestRecord[]) {
      const updatedAt = c.dialect.updatedAtOf(order);
      // The platform filters by `since` too; this keeps a page right if it ever ignores the parameter (as Sapo does others).
      if (Date.parse(updatedAt) >= sinceMs) orders.push({ order, updatedAt });
    }
  }
  orders.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || String(a.order['id']).localeCompare(String(b.order['id'])));
  const changed: ChangedOrder[] = orders.map(({ order, updatedAt }) => c.dialect.asDelivery(order, c.ctx.connection, updatedAt));
  return { orders: changed, next: more.length > 0 ? `${at.page + 1}:${more.join(',')}` : null };
}
