import { callPlatform, finalHttpError, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';

/**
 * One Nhanh.vn Open API v3 call (reference/platform-apis.md §6): `POST {base}/v3.0/{path}?appId&businessId`,
 * `Authorization: {accessToken}` (no "Bearer"), a JSON body. Nhanh answers HTTP 200 for nearly
 * everything: `{code: 1, data}` is success, `{code: 0, errorCode, messages}` a failure.
 */
export const NHANH = 'Nhanh.vn';

export interface NhanhEnvelope {
  code: number;
  data?: unknown;
  paginator?: { next?: unknown } | null;
  errorCode?: string;
  messages?: unknown;
  message?: unknown;
}

const asEnvelope = (json: unknown): NhanhEnvelope | null =>
  json && typeof json === 'object' && !Array.isArray(json) && 'code' in json ? (json as NhanhEnvelope) : null;

/** `messages` is a string, an array, or an object of field → message (the v3 docs show all three). */
export function nhanhWords(e: NhanhEnvelope): string {
  const parts: string[] = [];
  const add = (v: unknown, field?: string) => {
    if (typeof v === 'string' && v) parts.push(field && !/^\d+$/.test(field) ? `${field}: ${v}` : v);
    else if (Array.isArray(v)) v.forEach((x) => add(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) add(x, k);
  };
  add(e.messages);
  add(e.message);
  return parts.join('; ');
}

const RATE_LIMIT = /exceeded the API Rate Limit/i;

/**
 * Nhanh's rate limit is an ordinary HTTP 200 answer: `errorCode` ERR_429 (or the older
 * ERR_EXCEEDED_RATE_LIMIT, or only the message "Your app exceeded the API Rate Limit"), with
 * `data.lockedSeconds` / `data.unlockedAt` saying when the URL opens again. Calls made while
 * locked lengthen the lock, so the wait is the one Nhanh gives.
 */
export function nhanhThrottle(now: () => number) {
  return (answer: PlatformAnswer): number | null => {
    const e = asEnvelope(answer.json);
    if (!e || e.code !== 0) return null;
    if (e.errorCode !== 'ERR_429' && e.errorCode !== 'ERR_EXCEEDED_RATE_LIMIT' && !RATE_LIMIT.test(nhanhWords(e))) return null;
    const data = (e.data ?? {}) as { lockedSeconds?: unknown; unlockedAt?: unknown };
    // lockedSeconds first: it is relative, so a skewed local clock does not shorten the wait.
    if (typeof data.lockedSeconds === 'number') return Math.max(1000, data.lockedSeconds * 1000);
    if (typeof data.unlockedAt === 'number') return Math.max(1000, data.unlockedAt * 1000 - now());
    return 1000;
  };
}

/** What the merchant can do about each of Nhanh's common error codes (apidocs.nhanh.vn/v3 "Error codes"). */
const advice: Record<string, string> = {
  ERR_INVALID_ACCESS_TOKEN: 'check the connection\'s access token (Nhanh tokens last a year: authorize the app again for a new one)',
  ERR_INVALID_VERSION: 'the access token is not a v3 token: authorize the app again with API v3 and save the new token',
  ERR_INVALID_APP_ID: 'check the connection\'s appId option (your Nhanh.vn app\'s ID)',
  ERR_INVALID_BUSINESS_ID: 'check the connection\'s store id (the Nhanh.vn businessId)',
  ERR_403: 'the access token lacks this permission: authorize the app again and tick the orders permission',
  ERR_BUSINESS_NOT_ENABLE_API: 'turn on API access in the business\'s Nhanh.vn settings',
};

export interface NhanhCall {
  path: string;
  body: unknown;
  /** A write: after a lost answer it is reported maybe_applied, never resent here. */
  changes: boolean;
}

/** The envelope of a `code: 1` answer; a StoreApiError otherwise. */
export async function callNhanh(ctx: StoreApiContext, call: NhanhCall): Promise<NhanhEnvelope> {
  const token = ctx.connection.secrets['accessToken'] ?? '';
  const appId = (ctx.api.options['appId'] ?? '').trim();
  if (!token) throw new StoreApiError('final', `${NHANH} has no access token on this connection: check the connection's API token`);
  if (!appId) throw new StoreApiError('final', `${NHANH} needs the app's appId: set the connection's appId option (your Nhanh.vn app's ID)`);
  const url = new URL(`${ctx.baseUrl.replace(/\/+$/, '')}/v3.0/${call.path}`);
  url.searchParams.set('appId', appId);
  url.searchParams.set('businessId', ctx.connection.storeId);
  const answer = await callPlatform(ctx, {
    platform: NHANH,
    method: 'POST',
    url: url.toString(),
    headers: { authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify(call.body),
    changes: call.changes,
    secrets: [token],
    throttledFor: nhanhThrottle(ctx.now),
  });
  if (answer.status !== 200) throw finalHttpError(NHANH, answer, answer.text.slice(0, 200) || null);
  const e = asEnvelope(answer.json);
  if (!e) {
    const what = `${NHANH} ${call.path} answered something that is not its usual {code} envelope: ${answer.text.slice(0, 200)}`;
    throw new StoreApiError(call.changes ? 'maybe_applied' : 'final', call.changes ? `${what}; the change may or may not have been made` : what);
  }
  if (e.code === 1) return e;
  const code = typeof e.errorCode === 'string' ? e.errorCode : null;
  const said = nhanhWords(e);
  const tip = code ? advice[code] : undefined;
  const message = `${NHANH} refused ${call.path}${code ? ` (${code})` : ''}${said ? `: ${said}` : ''}${tip ? `; ${tip}` : ''}`;
  throw new StoreApiError('final', message, { platformCode: code });
}
