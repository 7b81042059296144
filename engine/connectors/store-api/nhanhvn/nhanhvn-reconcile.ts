import { nhanhTime } from '../../../platforms/nhanhvn/nhanhvn-fields.ts';
import type { NhanhSettings } from '../../../platforms/nhanhvn/nhanhvn-status.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage, StoreApiContext } from '../store-client.ts';
import { callNhanh, NHANH } from './nhanhvn-call.ts';

/**
 * Reconciliation through `POST /v3.0/order/list` (reference §6 "Reconcile"): filters
 * `updatedAtFrom`/`updatedAtTo` in unix seconds, at most 31 days apart (one integration enforces
 * it, so longer ranges are walked window by window), `paginator.next` echoed exactly as Nhanh
 * gave it (an object or a string: the docs warn against reshaping it) until it is null.
 */
export const WINDOW_SECONDS = 31 * 86_400;
export const PAGE_SIZE = 100;
/** Windows walked in one call when they hold nothing, before handing back an empty page. */
const EMPTY_WINDOWS_PER_CALL = 24;

interface Cursor {
  /** The current window, unix seconds, both inclusive. */
  from: number;
  to: number;
  /** Where the whole range ends (the time of the first call). */
  end: number;
  /** Nhanh's `paginator.next` inside the window; null at its first page. */
  next: unknown;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.from === 'number' && typeof c.to === 'number' && typeof c.end === 'number') return c;
  } catch {
    // Falls through to the error below.
  }
  throw new StoreApiError('final', `${NHANH}: the reconciliation cursor is not one this client made`);
}

const windowAt = (from: number, end: number): Cursor => ({ from, to: Math.min(from + WINDOW_SECONDS - 1, end), end, next: null });

/** The orders of one `order/list` answer: an array, or (some v3 answers) an object keyed by id. */
function itemsOf(data: unknown): Record<string, unknown>[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? Object.values(data) : [];
  return list.filter((o): o is Record<string, unknown> => !!o && typeof o === 'object' && !!(o as { info?: unknown }).info);
}

/**
 * An order of the list, as the v3 `orderUpdate` webhook carries it: `{event, businessId, data}`
 * with `data` the order in the list's own shape (info, channel, shippingAddress…), which is what
 * the adapter's v3 reader (`fieldsFromV3`) takes. No verify token: reconciled deliveries are
 * not webhooks and are not verified.
 */
export function nhanhChangedOrder(order: Record<string, unknown>, storeId: string, settings: NhanhSettings): ChangedOrder | null {
  const info = order['info'] as { id?: unknown; updatedAt?: unknown; createdAt?: unknown };
  const id = typeof info.id === 'number' || typeof info.id === 'string' ? String(info.id) : null;
  if (!id) return null;
  const updatedAt = nhanhTime(info.updatedAt as number | string | null, settings.utcOffset) ?? nhanhTime(info.createdAt as number | string | null, settings.utcOffset);
  if (!updatedAt) return null;
  const businessId = /^\d+$/.test(storeId) ? Number(storeId) : storeId;
  return {
    platformOrderId: id,
    updatedAt,
    topic: 'orderUpdate',
    body: Buffer.from(JSON.stringify({ event: 'orderUpdate', businessId, data: order }), 'utf8'),
    headers: { 'content-type': 'application/json' },
  };
}

export async function listNhanhChanged(ctx: StoreApiContext, since: string, cursor: string | null): Promise<ChangedPage> {
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) throw new StoreApiError('final', `${NHANH}: "${since}" is not a time to reconcile from`);
  let c = cursor ? decode(cursor) : windowAt(Math.floor(sinceMs / 1000), Math.floor(ctx.now() / 1000));
  const settings = ctx.connection.settings as NhanhSettings;
  const sortField = ctx.api.options['listSortField'] || 'updatedAt';
  for (let empty = 0; ; empty++) {
    const paginator: Record<string, unknown> = { size: PAGE_SIZE, sort: { [sortField]: 'asc' } };
    if (c.next !== null && c.next !== undefined && c.next !== '') paginator['next'] = c.next;
    const answer = await callNhanh(ctx, { path: 'order/list', body: { filters: { updatedAtFrom: c.from, updatedAtTo: c.to }, paginator }, changes: false });
    const orders = itemsOf(answer.data)
      .map((o) => nhanhChangedOrder(o, ctx.connection.storeId, settings))
      .filter((o): o is ChangedOrder => o !== null && Date.parse(o.updatedAt) >= Math.floor(sinceMs / 1000) * 1000);
    const next = answer.paginator?.next ?? null;
    let following: Cursor | null;
    if (next !== null && next !== '') following = { ...c, next };
    else following = c.to < c.end ? windowAt(c.to + 1, c.end) : null;
    // Nhanh sorts within the window; windows come in time order, so the whole walk is oldest first.
    orders.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
    if (orders.length > 0 || following === null || empty >= EMPTY_WINDOWS_PER_CALL) return { orders, next: following && encode(following) };
    c = following;
  }
}
