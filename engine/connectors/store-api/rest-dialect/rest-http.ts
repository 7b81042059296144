import { callPlatform, finalHttpError, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';
import type { RestDialect, RestRecord } from './rest-dialect.ts';

/** One connection's way to call its dialect's API: the context, with auth and the bucket's mirror set up. */
export interface RestConnection {
  dialect: RestDialect;
  ctx: StoreApiContext;
  auth: { headers: Record<string, string>; secrets: string[] };
}

export interface RestCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the base URL: "/orders/123.json". */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** True for a write: never retried after it may have left (platform-http.ts). */
  changes: boolean;
  /** The scope a 403 names. */
  scope: string;
}

/**
 * Every answer (429s included) says how full the platform's bucket is ("n/80"): the local
 * bucket follows it, so Flowdesk slows down before the platform has to say so. Done on the
 * transport, because callPlatform hands back only the last answer of its tries.
 */
export function observingFetch(dialect: RestDialect, ctx: StoreApiContext): typeof fetch {
  return async (input, init) => {
    const res = await ctx.fetch(input, init);
    const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/.exec(res.headers.get(dialect.callLimitHeader) ?? '');
    if (m) {
      const used = Number(m[1]);
      const capacity = Number(m[2]);
      if (capacity > 0) ctx.bucket.observe(capacity - used, capacity);
    }
    return res;
  };
}

/** The platform's own words from a Shopify-like error body: `{"errors":"…"}`, `{"errors":{"field":["…"]}}`, `{"error":"…"}`. */
export function errorWords(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const e = o['errors'] ?? o['error'] ?? o['message'];
  if (typeof e === 'string') return e;
  if (Array.isArray(e)) return e.map(String).join('; ');
  if (typeof e === 'object' && e !== null) {
    return Object.entries(e as Record<string, unknown>)
      .map(([k, v]) => `${k === 'base' ? '' : `${k}: `}${Array.isArray(v) ? v.map(String).join(', ') : String(v)}`)
      .join('; ');
  }
  return null;
}

function refused(c: RestConnection, call: RestCall, answer: PlatformAnswer): StoreApiError {
  const { name } = c.dialect;
  const detail = errorWords(answer.json) ?? (answer.text && !answer.text.trimStart().startsWith('<') ? answer.text.slice(0, 200) : null);
  const said = detail ? `: ${detail}` : '';
  if (answer.status === 401) return new StoreApiError('final', `${name} refused the API credentials (HTTP 401)${said}: ${c.dialect.credentialsHint}`);
  if (answer.status === 403) {
    return new StoreApiError('final', `${name} says the app may not do this (HTTP 403)${said}: give the app the "${call.scope}" permission (scope) and try again`);
  }
  return finalHttpError(name, answer, detail);
}

/**
 * One call: JSON in and out, through callPlatform (bucket, 429 + Retry-After, 5xx). A 2xx is
 * returned; 4xx (and anything else left) is a final StoreApiError in plain words (§9.3: 400,
 * 401, 403, 404 and 422 are final on Haravan and Sapo).
 */
export async function restCall(c: RestConnection, call: RestCall): Promise<PlatformAnswer> {
  const url = new URL(`${c.ctx.baseUrl.replace(/\/+$/, '')}${call.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const answer = await callPlatform(c.ctx, {
    platform: c.dialect.name,
    method: call.method,
    url: url.toString(),
    headers: { ...c.auth.headers, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    changes: call.changes,
    secrets: c.auth.secrets,
  });
  if (answer.status < 200 || answer.status >= 300) throw refused(c, call, answer);
  return answer;
}

/** `json[key]` as a record, or null (a 2xx with an unexpected body). */
export function field(json: unknown, key: string): RestRecord | null {
  if (typeof json !== 'object' || json === null) return null;
  const v = (json as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RestRecord) : null;
}

/** Reads one resource (`GET /orders/{id}.json` → `{"order":{…}}`); a 2xx without it is final. */
export async function readOne(c: RestConnection, path: string, key: 'order' | 'customer', scope: string): Promise<RestRecord> {
  const answer = await restCall(c, { method: 'GET', path, changes: false, scope });
  const record = field(answer.json, key);
  if (!record) throw new StoreApiError('final', `${c.dialect.name} answered GET ${path} without the ${key}: ${answer.text.slice(0, 200)}`);
  return record;
}
