import { kiotVietToken, type KiotVietApi } from '../../../platforms/kiotviet/kiotviet-api.ts';
import type { KiotVietSettings } from '../../../platforms/kiotviet/kiotviet-settings.ts';
import { callPlatform, finalHttpError, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';

/**
 * One KiotViet Public API call (reference/platform-apis.md §7): `Retailer: {shop}` and
 * `Authorization: Bearer {token}`, the token from the adapter's client-credentials helper (the
 * connection's clientId/tokenUrl settings and clientSecret secret, shared with `enrich`). A 401
 * gets one fresh token and one more try: tokens last a day and KiotViet may drop one earlier.
 */
export const KIOTVIET = 'KiotViet';

export interface KiotVietCall {
  method: 'GET' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A write: after a lost answer it is reported maybe_applied, never resent here. */
  changes: boolean;
  /** Resolve with null on a 404 instead of failing (a read that asks whether something exists). */
  notFoundOk?: boolean;
}

function apiOf(ctx: StoreApiContext): KiotVietApi {
  const settings = ctx.connection.settings as KiotVietSettings;
  const clientSecret = ctx.connection.secrets['clientSecret'] ?? '';
  if (!settings.clientId || !clientSecret) {
    throw new StoreApiError('final', `${KIOTVIET} needs the API client ID (in the connection's settings) and client secret (in its secrets): KiotViet → Thiết lập cửa hàng → Thiết lập kết nối API`);
  }
  return { apiBaseUrl: ctx.baseUrl, tokenUrl: settings.tokenUrl, clientId: settings.clientId, clientSecret, retailer: ctx.connection.storeId, fetch: ctx.fetch, now: ctx.now };
}

async function tokenFor(api: KiotVietApi, fresh: boolean): Promise<string> {
  try {
    return await kiotVietToken(api, fresh);
  } catch (error) {
    const message = (error as Error).message;
    // The helper words a refusal itself ("… check the client ID and secret"); anything else is the way there.
    if (/refused the client credentials/.test(message)) throw new StoreApiError('final', message);
    throw new StoreApiError('unreachable', `could not get a ${KIOTVIET} API token from ${api.tokenUrl}: ${message}`);
  }
}

/** `{responseStatus: {errorCode, message}}`, KiotViet's error body. */
function errorOf(answer: PlatformAnswer): { code: string | null; message: string | null } {
  const status = (answer.json as { responseStatus?: { errorCode?: unknown; message?: unknown } } | null)?.responseStatus;
  const message = typeof status?.message === 'string' ? status.message : (answer.json as { message?: unknown } | null)?.message;
  return {
    code: typeof status?.errorCode === 'string' ? status.errorCode : null,
    message: typeof message === 'string' && message ? message : answer.json === null && answer.text ? answer.text.slice(0, 200) : null,
  };
}

export async function callKiotViet(ctx: StoreApiContext, call: KiotVietCall): Promise<unknown> {
  const api = apiOf(ctx);
  const url = new URL(`${ctx.baseUrl.replace(/\/+$/, '')}${call.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  let answer: PlatformAnswer | null = null;
  for (const fresh of [false, true]) {
    const token = await tokenFor(api, fresh);
    answer = await callPlatform(ctx, {
      platform: KIOTVIET,
      method: call.method,
      url: url.toString(),
      headers: { retailer: api.retailer, authorization: `Bearer ${token}`, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      changes: call.changes,
      // Only GETs count against KiotViet's 5000 an hour; writes have no documented limit.
      cost: call.method === 'GET' ? 1 : 0,
      secrets: [token, api.clientSecret],
    });
    // A 401 applied nothing: trying again with a fresh token is safe for writes too.
    if (answer.status !== 401) break;
  }
  const a = answer!;
  if (a.status >= 200 && a.status < 300) return a.json;
  if (a.status === 404 && call.notFoundOk) return null;
  const { code, message } = errorOf(a);
  if (a.status === 401) {
    throw new StoreApiError('final', `${KIOTVIET} refused a fresh API token for retailer "${api.retailer}" (HTTP 401${message ? `: ${message}` : ''}): check the connection's store id (the retailer name), client ID and client secret`, { platformCode: code });
  }
  throw finalHttpError(KIOTVIET, a, message, code);
}
