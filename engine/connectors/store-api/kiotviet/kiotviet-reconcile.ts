import { kiotVietTime } from '../../../platforms/kiotviet/kiotviet-normalize.ts';
import type { KiotVietSettings } from '../../../platforms/kiotviet/kiotviet-settings.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { ChangedOrder, ChangedPage, StoreApiContext } from '../store-client.ts';
import { callKiotViet, KIOTVIET } from './kiotviet-call.ts';

/**
 * Reconciliation (reference §7 "Reconcile"): `GET /orders` and then `GET /invoices` (POS sales
 * are invoices, and the adapter processes both), each with `lastModifiedFrom`, oldest first
 * (`orderBy=modifiedDate` [UNVERIFIED: the field name], the `orderBy` option), 100 a page,
 * `currentItem` as the offset. A document changed while the pages are read moves to the end
 * and may push one past a page boundary; its new ModifiedDate is after this run's start, so
 * the next reconciliation, which starts there, lists it.
 */
export const PAGE_SIZE = 100;
const kinds = ['order', 'invoice'] as const;
type Kind = (typeof kinds)[number];

interface Cursor {
  kind: Kind;
  item: number;
}

const encode = (c: Cursor) => `${c.kind}:${c.item}`;
function decode(cursor: string): Cursor {
  const m = /^(order|invoice):(\d+)$/.exec(cursor);
  if (!m) throw new StoreApiError('final', `${KIOTVIET}: the reconciliation cursor is not one this client made`);
  return { kind: m[1] as Kind, item: Number(m[2]) };
}

/** KiotViet takes and gives local times without an offset: `since` in the shop's zone. */
export function localTime(ms: number, utcOffset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
}

/** The Public API's camelCase, as the webhooks' PascalCase (`modifiedDate` → `ModifiedDate`), all the way down. */
export function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]));
}

/**
 * One document as the webhook that would have announced it: `{Id, Attempt, Notifications:
 * [{Action: "order.update" | "invoice.update", Data: [doc]}]}`. The Id names the version, so
 * the same version reconciled twice is one delivery.
 */
export function kiotVietChangedOrder(kind: Kind, doc: Record<string, unknown>, settings: KiotVietSettings): ChangedOrder | null {
  const id = doc['id'];
  const modified = typeof doc['modifiedDate'] === 'string' ? doc['modifiedDate'] : typeof doc['purchaseDate'] === 'string' ? doc['purchaseDate'] : null;
  const updatedAt = kiotVietTime(modified, settings.utcOffset);
  if ((typeof id !== 'number' && typeof id !== 'string') || !updatedAt) return null;
  const topic = `${kind}.update`;
  const body = { Id: `reconcile:${kind}/${String(id)}@${modified}`, Attempt: 1, Notifications: [{ Action: topic, Data: [pascal(doc)] }] };
  return { platformOrderId: `${kind}/${String(id)}`, updatedAt, topic, body: Buffer.from(JSON.stringify(body), 'utf8'), headers: { 'content-type': 'application/json' } };
}

export async function listKiotVietChanged(ctx: StoreApiContext, since: string, cursor: string | null): Promise<ChangedPage> {
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) throw new StoreApiError('final', `${KIOTVIET}: "${since}" is not a time to reconcile from`);
  const settings = ctx.connection.settings as KiotVietSettings;
  const c = cursor ? decode(cursor) : { kind: 'order' as Kind, item: 0 };
  const include: Record<string, string> = c.kind === 'order' ? { includePayment: 'true', includeOrderDelivery: 'true' } : { includePayment: 'true', includeInvoiceDelivery: 'true' };
  const answer = (await callKiotViet(ctx, {
    method: 'GET',
    path: `/${c.kind}s`,
    query: {
      lastModifiedFrom: localTime(sinceMs, settings.utcOffset),
      orderBy: ctx.api.options['orderBy'] || 'modifiedDate',
      orderDirection: 'Asc',
      pageSize: String(PAGE_SIZE),
      currentItem: String(c.item),
      ...include,
    },
    changes: false,
  })) as { total?: number; data?: Record<string, unknown>[] } | null;
  const data = answer?.data ?? [];
  const orders = data
    .map((doc) => kiotVietChangedOrder(c.kind, doc, settings))
    .filter((o): o is ChangedOrder => o !== null && Date.parse(o.updatedAt) >= sinceMs);
  const seen = c.item + data.length;
  const more = data.length > 0 && seen < (answer?.total ?? 0);
  const nextKind = kinds[kinds.indexOf(c.kind) + 1];
  const next = more ? { kind: c.kind, item: seen } : nextKind ? { kind: nextKind, item: 0 } : null;
  return { orders, next: next && encode(next) };
}
