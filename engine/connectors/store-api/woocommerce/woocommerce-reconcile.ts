import { z } from 'zod';
import { wooTime } from '../../../platforms/woocommerce/woocommerce-normalize.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage } from '../store-client.ts';
import { WOO, type WooRest } from './woocommerce-rest.ts';

/** WooCommerce's most per page (`per_page` is capped at 100). */
export const PAGE_SIZE = 100;

const ListedOrder = z.looseObject({
  id: z.union([z.number(), z.string()]),
  date_modified_gmt: z.string().nullish(),
  date_modified: z.string().nullish(),
  date_created_gmt: z.string().nullish(),
  date_created: z.string().nullish(),
});

/**
 * `modified_after` as WooCommerce reads it with `dates_are_gmt=true`: UTC without an offset,
 * whole seconds. It is strict ("after") and WooCommerce keeps seconds only, so an order changed
 * in the same second as `since` (but after it) would be stored at that second and left out:
 * asking from one second earlier keeps it. Orders listed twice are "up to date" for the caller.
 */
export function modifiedAfter(since: string): string {
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) throw new StoreApiError('final', `not a time to list ${WOO} orders from: ${since}`);
  return new Date(Math.floor(ms / 1000) * 1000 - 1000).toISOString().slice(0, 19);
}

/** The cursor is the next page number, and `:date` when the site refused `orderby=modified`. */
function readCursor(cursor: string | null): { page: number; orderby: 'modified' | 'date' } {
  const m = /^(\d+)(:date)?$/.exec(cursor ?? '');
  return m ? { page: Math.max(1, Number(m[1])), orderby: m[2] ? 'date' : 'modified' } : { page: 1, orderby: 'modified' };
}

/** The site as its webhooks name it (`X-WC-Webhook-Source` is `home_url('/')`). */
export const siteOf = (storeId: string) => `${storeId.trim().replace(/\/+$/, '')}/`;

/**
 * One page of the orders changed since `since`, oldest change first: `GET /orders?
 * modified_after=…&dates_are_gmt=true&orderby=modified&order=asc&per_page=100&page=N` (reference
 * §4; `modified` is among the collection's orderby values in current WooCommerce). A site that
 * refuses it (an old version) is asked by `date` instead, and each page sorted here. The REST order
 * is what an `order.updated` webhook carries, so each becomes that delivery for the adapter.
 */
export async function listChangedOrders(rest: WooRest, storeId: string, since: string, cursor: string | null): Promise<ChangedPage> {
  const { page, orderby: first } = readCursor(cursor);
  const ask = (orderby: string) =>
    rest.call({
      method: 'GET',
      path: '/orders',
      query: { modified_after: modifiedAfter(since), dates_are_gmt: 'true', orderby, order: 'asc', per_page: String(PAGE_SIZE), page: String(page) },
      what: 'order list',
    });
  let orderby = first;
  let answer;
  try {
    answer = await ask(orderby);
  } catch (error) {
    if (!(error instanceof StoreApiError) || error.platformCode !== 'rest_invalid_param' || !error.message.includes('orderby') || orderby === 'date') throw error;
    orderby = 'date';
    answer = await ask(orderby);
  }
  const list = z.array(ListedOrder).safeParse(answer.json);
  if (!list.success) throw new StoreApiError('final', `${WOO} answered something that is not a list of orders: ${answer.text.slice(0, 200)}`);
  const source = siteOf(storeId);
  const orders: ChangedOrder[] = list.data.map((o) => ({
    platformOrderId: String(o.id),
    // The adapter's own reading of the time (UTC, "Z" added), so both compare equal.
    updatedAt: wooTime(o.date_modified_gmt, o.date_modified) ?? wooTime(o.date_created_gmt, o.date_created) ?? new Date(0).toISOString(),
    topic: 'order.updated',
    // The order as listed, every field kept (the schema above is loose): the adapter reads it as a webhook body.
    body: Buffer.from(JSON.stringify(o)),
    headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.updated', 'x-wc-webhook-resource': 'order', 'x-wc-webhook-event': 'updated', 'x-wc-webhook-source': source },
  }));
  orders.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || Number(a.platformOrderId) - Number(b.platformOrderId));
  // X-WP-TotalPages says when to stop; without it (a proxy stripped it), a short page is the last.
  const total = Number(answer.headers.get('x-wp-totalpages'));
  const more = Number.isFinite(total) && answer.headers.has('x-wp-totalpages') ? page < total : list.data.length === PAGE_SIZE;
  return { orders, next: more ? `${page + 1}${orderby === 'date' ? ':date' : ''}` : null };
}
