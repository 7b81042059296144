import type { Platform } from '../../../contract/index.ts';
import type { ConnectionSecrets, ConnectionView } from '../../../platforms/adapter.ts';
import type { ChangedOrder } from '../store-client.ts';

/** An order or customer as the API gives it (the webhook's shape: Shopify-like JSON). */
export type RestRecord = Record<string, unknown>;

/**
 * One Shopify-REST-like dialect (Haravan's /com API, Sapo Web's /admin API; reference §2, §3.1):
 * the same resources and bodies, told apart by the values below. The clients share every call;
 * only what differs is said here.
 */
export interface RestDialect {
  platform: Extract<Platform, 'haravan' | 'sapo'>;
  /** The platform's name as messages say it. */
  name: string;
  /** The lowercased header that says how full the platform's bucket is ("n/80"). */
  callLimitHeader: string;
  /** The request headers that authenticate, from the connection's secrets (throws a final StoreApiError when they are missing). */
  auth(secrets: ConnectionSecrets): { headers: Record<string, string>; secrets: string[] };
  /** What to check when the platform refuses the credentials (HTTP 401). */
  credentialsHint: string;
  /** The scopes a 403 names: the permission the merchant gives the app. */
  scopes: { readShop: string; readOrders: string; writeOrders: string; readCustomers: string; writeCustomers: string };
  /**
   * How order tags change: Haravan has `POST/DELETE orders/{id}/tags.json` (a merge, idempotent);
   * Sapo only takes the whole `tags` string in `PUT orders/{id}.json` (read, merge, write).
   */
  tagsBy: 'endpoint' | 'rewrite';
  /** How the dialect joins a tag list into its `tags` string. */
  tagSeparator: string;
  /** The timestamp field names: Haravan's Shopify `*_at`, Sapo's `*_on` (reference Errata 1). */
  times: { updated: string; cancelled: string; closed: string };
  /** `kind` of the transaction that marks an order paid ("Capture" on Haravan). */
  captureKind(options: Record<string, string>): string;
  /** The list call of reconciliation (reference "Reconcile"). */
  list: {
    /** The query parameter for "changed since". */
    sinceParam: string;
    /** One list per status; Sapo answers `status=any` with an empty list, so it lists each status. */
    statuses: readonly string[];
    /** The page size the platform allows at most. */
    limit: number;
    /** The sort, where the platform documents one. */
    order: string | null;
  };
  /** The order's version (`updatedAt`), as the platform's webhook adapter reads it. */
  updatedAtOf(order: RestRecord): string;
  /** A listed order as a webhook delivery the adapter reads: topic, headers, body. */
  asDelivery(order: RestRecord, connection: ConnectionView, updatedAt: string): ChangedOrder;
}

/** Tags from the dialect's comma-separated string (or a list), trimmed, blanks dropped. */
export function tagsOf(value: unknown): string[] {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : [];
  return parts.map((t) => t.trim()).filter((t) => t.length > 0);
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The tags after adding `extra` (the platforms treat tags case-insensitively, as Shopify does). */
export function withTags(tags: readonly string[], extra: readonly string[]): string[] {
  const out = [...tags];
  for (const t of extra) if (!out.some((o) => sameTag(o, t))) out.push(t);
  return out;
}

export function withoutTags(tags: readonly string[], gone: readonly string[]): string[] {
  return tags.filter((t) => !gone.some((g) => sameTag(g, t)));
}

/** A numeric id as the platform's JSON has it (a number), anything else as sent. */
export function jsonId(id: string): number | string {
  const n = Number(id);
  return /^\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

export const list = (tags: readonly string[]): string => (tags.length > 0 ? tags.join(', ') : 'no tags');
