import { signLazadaRequest } from '../../../platforms/lazada/lazada-api.ts';
import { LazadaEnvelope } from '../../../platforms/lazada/lazada-payload.ts';
import { backoffMs, callPlatform, finalHttpError, INLINE_TRIES, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';

/**
 * One signed Lazada Open Platform call (reference §5), sorted into the StoreApiError kinds of
 * §9.3. Lazada answers HTTP 200 with an error envelope (`code` ≠ "0", `type` ISV|ISP|SYSTEM),
 * so the envelope, not the status, says what happened.
 */
export interface LazadaSession {
  ctx: StoreApiContext;
  appKey: string;
  appSecret: string;
  accessToken: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The credentials the Lazada adapter already keeps (setting appKey, secrets appSecret and accessToken). */
export function lazadaSession(ctx: StoreApiContext): LazadaSession {
  const { settings, secrets } = ctx.connection;
  return { ctx, appKey: str(settings['appKey']), appSecret: secrets['appSecret'] ?? '', accessToken: secrets['accessToken'] ?? '' };
}

/** Lazada's own throttle ("… this ban will last 1 seconds"): at least a second (reference §5 Limits). */
export function lazadaThrottledFor(answer: PlatformAnswer): number | null {
  const env = LazadaEnvelope.safeParse(answer.json);
  if (!env.success || env.data.code !== 'ApiCallLimit') return null;
  const seconds = /last\s+(\d+(?:\.\d+)?)\s*second/i.exec(env.data.message ?? '')?.[1];
  return Math.max(1000, seconds ? Math.ceil(Number(seconds) * 1000) : 1000);
}

/** Backend trouble on Lazada's side: "try again after some time" (ISP/SYSTEM, 6 SYSTEM_ERROR, 40011 RPC_ERROR). */
const transientCodes = new Set(['6', '40011']);
const isTransient = (type: string | null | undefined, code: string) => type === 'ISP' || type === 'SYSTEM' || transientCodes.has(code);

export interface LazadaCall {
  method: 'GET' | 'POST';
  /** The API path, "/order/items/get". */
  path: string;
  /** Business parameters (JSON ones already stringified). */
  params: Record<string, string>;
  /** True for a call that changes the store (pack, RTS, cancel create — a GET too). */
  changes: boolean;
  /** What was asked, for messages: "pack order 123". */
  what: string;
}

function request(s: LazadaSession, call: LazadaCall): { url: string; body?: string; headers?: Record<string, string> } {
  const system: Record<string, string> = { app_key: s.appKey, timestamp: String(s.ctx.now()), sign_method: 'sha256', access_token: s.accessToken };
  const sign = signLazadaRequest(call.path, { ...call.params, ...system }, s.appSecret);
  const url = new URL(s.ctx.baseUrl.replace(/\/+$/, '') + call.path);
  // As the official lazop SDKs do: system parameters and the sign in the query; a POST's
  // business parameters in a form body, a GET's in the query.
  for (const [k, v] of Object.entries({ ...system, sign })) url.searchParams.set(k, v);
  if (call.method === 'GET') {
    for (const [k, v] of Object.entries(call.params)) url.searchParams.set(k, v);
    return { url: url.toString() };
  }
  return { url: url.toString(), body: new URLSearchParams(call.params).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' } };
}

function missingCredential(s: LazadaSession): string | null {
  if (!s.appKey) return 'the Lazada connection has no app key (setting "App key"): add it on the connection';
  if (!s.appSecret) return 'the Lazada connection has no app secret: add it on the connection';
  if (!s.accessToken) return 'the Lazada connection has no seller access token: add it on the connection';
  return null;
}

/**
 * Sends one call and returns the whole envelope of a `code: "0"` answer (pack and RTS put their
 * answer in `result`, the others in `data`). Reads are tried again here on Lazada's backend
 * errors; a change that met one may have happened (`maybe_applied`), so it is read before resending.
 */
export async function lazadaCall(s: LazadaSession, call: LazadaCall): Promise<Record<string, unknown>> {
  const missing = missingCredential(s);
  if (missing) throw new StoreApiError('final', missing);
  for (let attempt = 1; ; attempt++) {
    // Signed afresh on every try: the timestamp must stay within 7200 s of Lazada's clock.
    const { url, body, headers } = request(s, call);
    const answer = await callPlatform(s.ctx, {
      platform: 'Lazada',
      method: call.method,
      url,
      ...(headers ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
      changes: call.changes,
      secrets: [s.accessToken, s.appSecret],
      throttledFor: lazadaThrottledFor,
    });
    if (answer.status < 200 || answer.status >= 300) throw finalHttpError('Lazada', answer, answer.text.slice(0, 200) || null);
    const env = LazadaEnvelope.safeParse(answer.json);
    if (!env.success) {
      const words = `Lazada answered something unexpected to "${call.what}": ${answer.text.slice(0, 200)}`;
      throw new StoreApiError(call.changes ? 'maybe_applied' : 'final', words);
    }
    const { code, type, message } = env.data;
    if (code === '0') return answer.json as Record<string, unknown>;
    const said = message ? `${message} (${code})` : code;
    // Credential and request refusals first: Lazada has been seen typing IllegalAccessToken "ISP".
    const refused = credentialRefusal(call.what, code, said);
    if (refused) throw refused;
    if (isTransient(type, code)) {
      if (call.changes) throw new StoreApiError('maybe_applied', `Lazada had an internal error on "${call.what}" (${said}): the change may or may not have been made`, { platformCode: code });
      if (attempt < INLINE_TRIES) {
        await s.ctx.sleep(backoffMs(attempt));
        continue;
      }
      throw new StoreApiError('maybe_applied', `Lazada kept failing on "${call.what}" (${said}): try again later`, { platformCode: code });
    }
    throw lazadaRefusal(call.what, code, said);
  }
}

/** The connection's credentials or this computer's clock are wrong: nothing was applied, and retrying will not help. */
function credentialRefusal(what: string, code: string, said: string): StoreApiError | null {
  const opts = { platformCode: code };
  if (code === 'IllegalAccessToken') {
    return new StoreApiError('final', `Lazada refused "${what}": the seller's access token expired or is invalid: update it on the connection`, opts);
  }
  if (code === 'IncompleteSignature' || /app.?key/i.test(code)) {
    return new StoreApiError('final', `Lazada refused the request's signature (${said}): check the connection's app key and app secret`, opts);
  }
  if (/timestamp/i.test(code)) return new StoreApiError('final', `Lazada refused the request's time (${said}): check this computer's clock`, opts);
  return null;
}

/** ISV business errors (700000, 700021, E0102…): Lazada refused; nothing was applied. */
function lazadaRefusal(what: string, code: string, said: string): StoreApiError {
  return new StoreApiError('final', `Lazada refused "${what}": ${said}`, { platformCode: code });
}

/** Lazada ids are 15-digit numbers: sent as JSON numbers (as the docs' examples do) while exact, else as strings. */
export function jsonId(id: string): number | string {
  return /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}
