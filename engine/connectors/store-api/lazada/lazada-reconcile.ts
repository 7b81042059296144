import { z } from 'zod';
import { lazadaTime } from '../../../platforms/lazada/lazada-normalize.ts';
import { orderStatusOf } from '../../../platforms/lazada/lazada-status.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage } from '../store-client.ts';
import { lazadaCall, type LazadaSession } from './lazada-call.ts';

/**
 * Reconciliation (reference §5 Reconcile): /orders/get by `update_after`, oldest first, 100 a
 * page. Lazada refuses an `offset` past 5000 (E014), so at the cap the window moves to the last
 * order's `updated_at` and the offset restarts at 0 (articleId 121327). `update_after` is
 * "after or on", so the order at the edge is listed twice: harmless, it is already up to date.
 *
 * Each order becomes the trade-order push Lazada would have sent (message_type 0, ids only),
 * which the adapter enriches through /order/get and /order/items/get like any push.
 */
export const PAGE_SIZE = 100;
export const MAX_OFFSET = 5000;

const Id = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
const ListedOrder = z.looseObject({
  order_id: Id,
  updated_at: z.string(),
  statuses: z.array(z.string()).default([]),
});
const OrdersData = z.looseObject({ orders: z.array(ListedOrder).default([]) });
const Cursor = z.object({ after: z.string(), offset: z.number().int().min(0) });
type Cursor = z.infer<typeof Cursor>;

/** Lazada's filter format, YYYY-MM-DDTHH:mm:ss±HH:MM (it refuses "Z" and fractions: E017). */
export function lazadaFilterTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new StoreApiError('final', `Flowdesk asked Lazada for orders changed since "${iso}", which is not a time`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The push's `site` ("lazada_vn"), from the gateway's country domain, so normalize knows the country. */
export function siteOf(baseUrl: string): string | null {
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return null;
  }
  const m = /lazada\.(?:com\.|co\.)?(vn|sg|my|th|ph|id)$/.exec(host);
  return m ? `lazada_${m[1]}` : null;
}

function readCursor(since: string, cursor: string | null): Cursor {
  if (!cursor) return { after: lazadaFilterTime(since), offset: 0 };
  try {
    return Cursor.parse(JSON.parse(cursor));
  } catch {
    throw new StoreApiError('final', 'the Lazada reconciliation cursor is unreadable: start the reconciliation again');
  }
}

export async function listChangedLazada(s: LazadaSession, since: string, cursor: string | null): Promise<ChangedPage> {
  const at = readCursor(since, cursor);
  const params = { update_after: at.after, sort_by: 'updated_at', sort_direction: 'ASC', limit: String(PAGE_SIZE), offset: String(at.offset) };
  const env = await lazadaCall(s, { method: 'GET', path: '/orders/get', params, changes: false, what: 'list the orders changed since ' + at.after });
  const parsed = OrdersData.safeParse(env['data'] ?? {});
  if (!parsed.success) throw new StoreApiError('final', `Lazada answered /orders/get with something that is not a list of orders: ${z.prettifyError(parsed.error)}`);
  const listed = parsed.data.orders;

  const site = siteOf(s.ctx.baseUrl);
  const orders: ChangedOrder[] = [];
  for (const o of listed) {
    const updated = lazadaTime(o.updated_at);
    if (!updated) throw new StoreApiError('final', `Lazada gave order ${o.order_id} an unreadable updated_at "${o.updated_at}"`);
    const ms = Date.parse(updated);
    const push = {
      seller_id: s.ctx.connection.storeId,
      message_type: 0,
      timestamp: s.ctx.now(),
      ...(site ? { site } : {}),
      data: {
        order_status: orderStatusOf(o.statuses) ?? 'pending',
        trade_order_id: o.order_id,
        // Seconds, as Lazada's pushes carry it: the version enrich compares with the API's updated_at.
        status_update_time: Math.floor(ms / 1000),
      },
    };
    orders.push({
      platformOrderId: o.order_id,
      // The spelling normalize gives the same instant, so equal versions compare equal.
      updatedAt: new Date(ms).toISOString(),
      topic: 'message_type 0',
      body: Buffer.from(JSON.stringify(push), 'utf8'),
      headers: { 'content-type': 'application/json' },
    });
  }
  return { orders, next: nextCursor(at, listed) };
}

function nextCursor(at: Cursor, listed: readonly z.infer<typeof ListedOrder>[]): string | null {
  if (listed.length < PAGE_SIZE) return null;
  const offset = at.offset + PAGE_SIZE;
  if (offset <= MAX_OFFSET) return JSON.stringify({ after: at.after, offset });
  const last = lazadaTime(listed[listed.length - 1]!.updated_at)!;
  // More than 5,100 orders changed within one second would never move the window: step past it.
  const after = Date.parse(last) > Date.parse(at.after) ? last : lazadaFilterTime(new Date(Date.parse(at.after) + 1000).toISOString());
  return JSON.stringify({ after, offset: 0 });
}
