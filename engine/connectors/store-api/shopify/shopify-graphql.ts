import { callPlatform, finalHttpError, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';

/**
 * Calls to Shopify's Admin API (reference/platform-apis.md §1): GraphQL for everything that
 * changes an order, REST for the reconciliation list. Every answer's `extensions.cost` keeps
 * the connection's bucket in step with Shopify's own; every failure is sorted into a
 * StoreApiError in words the merchant can act on.
 */
export const SHOPIFY = 'Shopify';

/**
 * What a call takes from the bucket before it is sent. The real cost is known only from the
 * answer (`requestedQueryCost`), so these are conservative estimates: Shopify charges 10 points
 * for a mutation, and the order read below asks for a few small lists.
 */
export const MUTATION_COST = 10;
export const ORDER_READ_COST = 50;
export const SMALL_READ_COST = 2;

export interface ShopifySession {
  ctx: StoreApiContext;
  /** `https://{shop}/admin/api/{version}`, no trailing slash. */
  baseUrl: string;
  token: string;
}

export interface GraphqlCall {
  query: string;
  variables?: Record<string, unknown>;
  /** A mutation: never retried blindly after it may have left (platform-http.ts). */
  changes: boolean;
  cost: number;
  /** The access scope the call needs, named when Shopify refuses it ("write_orders"). */
  scope: string;
  /** What the call does, for messages ("add tags to order #1001"). */
  what: string;
}

interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}
interface GraphqlError {
  message?: string;
  extensions?: { code?: string; requiredAccess?: string };
}
interface GraphqlBody {
  data?: Record<string, unknown> | null;
  /** An array of GraphQL errors, or (401, 404) Shopify's plain `"[API] …"` string. */
  errors?: GraphqlError[] | string;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

export const orderGid = (id: string): string => (id.startsWith('gid://') ? id : `gid://shopify/Order/${id}`);
export const customerGid = (id: string): string => (id.startsWith('gid://') ? id : `gid://shopify/Customer/${id}`);

const asBody = (json: unknown): GraphqlBody | null => (json && typeof json === 'object' ? (json as GraphqlBody) : null);

/** Shopify's `errors`, whatever their shape, as one line. */
export function errorWords(json: unknown): string | null {
  const errors = asBody(json)?.errors;
  if (typeof errors === 'string') return errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((e) => e.message ?? e.extensions?.code ?? 'unknown error').join('; ');
  if (errors && typeof errors === 'object') return JSON.stringify(errors);
  return null;
}

/**
 * Reads `throttleStatus` into the bucket (every answer carries it) and tells callPlatform how
 * long a THROTTLED answer asks to wait: the missing points at the restore rate. Shopify sends
 * THROTTLED with HTTP 200 or 429 (reference §1.2, unresolved), so both are read.
 */
function throttle(ctx: StoreApiContext, answer: PlatformAnswer): number | null {
  const body = asBody(answer.json);
  const cost = body?.extensions?.cost;
  const status = cost?.throttleStatus;
  if (status && typeof status.currentlyAvailable === 'number') {
    ctx.bucket.observe(status.currentlyAvailable, status.maximumAvailable, status.restoreRate);
  }
  const throttled = Array.isArray(body?.errors) && body.errors.some((e) => e.extensions?.code === 'THROTTLED');
  if (!throttled) return null;
  const requested = cost?.requestedQueryCost;
  const available = status?.currentlyAvailable;
  const rate = status?.restoreRate;
  if (typeof requested !== 'number' || typeof available !== 'number' || !rate) return 1000;
  return Math.max(0, Math.ceil(((requested - available) / rate) * 1000));
}

/** A refused call in plain words: 401 the token, 403 the scope, 404 the shop's address. */
function httpFailure(s: ShopifySession, answer: PlatformAnswer, scope: string, what: string): StoreApiError {
  const said = errorWords(answer.json) ?? (answer.text.slice(0, 200) || null);
  if (answer.status === 403) {
    return new StoreApiError(
      'final',
      `Shopify says the app may not ${what} (HTTP 403${said ? `: ${said}` : ''}): give the app the ${scope} access scope (Shopify admin → Settings → Apps and sales channels → Develop apps → your app → Configuration) and try again`,
    );
  }
  if (answer.status === 404) {
    return finalHttpError(SHOPIFY, answer, `${said ?? 'Not Found'}; check the shop domain and the API version in ${s.baseUrl}`);
  }
  return finalHttpError(SHOPIFY, answer, said);
}

/**
 * One GraphQL call; resolves with `data`. Top-level `errors` are final, except ACCESS_DENIED
 * (named as the missing scope) and an internal error (which may have applied a mutation).
 * `userErrors` are the caller's to read: each mutation has its own successes among them.
 */
export async function shopifyGraphql(s: ShopifySession, call: GraphqlCall): Promise<Record<string, unknown>> {
  const answer = await callPlatform(s.ctx, {
    platform: SHOPIFY,
    method: 'POST',
    url: `${s.baseUrl}/graphql.json`,
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': s.token },
    body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
    changes: call.changes,
    cost: call.cost,
    secrets: [s.token],
    throttledFor: (a) => throttle(s.ctx, a),
  });
  if (answer.status < 200 || answer.status > 299) throw httpFailure(s, answer, call.scope, call.what);
  const body = asBody(answer.json);
  if (!body) throw new StoreApiError('final', `Shopify answered something that is not JSON: ${answer.text.slice(0, 200)}`);
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const denied = errors.find((e) => e.extensions?.code === 'ACCESS_DENIED');
  if (denied) {
    const scope = /`(\w+)`/.exec(denied.extensions?.requiredAccess ?? denied.message ?? '')?.[1] ?? call.scope;
    throw new StoreApiError('final', `Shopify says the app may not ${call.what} (${denied.message ?? 'access denied'}): give the app the ${scope} access scope and try again`, { platformCode: 'ACCESS_DENIED' });
  }
  if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    const tail = call.changes ? '; the change may or may not have been made' : '';
    throw new StoreApiError('maybe_applied', `Shopify had an internal error while trying to ${call.what}${tail}`, { platformCode: 'INTERNAL_SERVER_ERROR' });
  }
  const words = errorWords(body);
  if (words || !body.data) {
    throw new StoreApiError('final', `Shopify refused to ${call.what}: ${words ?? 'no data in its answer'}`, { platformCode: errors[0]?.extensions?.code ?? null });
  }
  return body.data;
}

export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

/** The mutation's `userErrors` as a final error, in Shopify's own words. */
export function userErrorsFailure(what: string, errors: readonly UserError[]): StoreApiError {
  const words = errors.map((e) => e.message).join('; ');
  return new StoreApiError('final', `Shopify refused to ${what}: ${words}`, { platformCode: errors[0]?.code ?? null });
}

/** One REST GET (the reconciliation list); resolves with the answer for its Link header. */
export async function shopifyRestGet(s: ShopifySession, pathAndQuery: string, scope: string, what: string): Promise<PlatformAnswer> {
  const answer = await callPlatform(s.ctx, {
    platform: SHOPIFY,
    method: 'GET',
    url: `${s.baseUrl}/${pathAndQuery}`,
    headers: { 'x-shopify-access-token': s.token },
    changes: false,
    secrets: [s.token],
  });
  if (answer.status < 200 || answer.status > 299) throw httpFailure(s, answer, scope, what);
  return answer;
}
