import { z } from 'zod';
import { retryAfterMs } from '../../provider-call.ts';
import { callPlatform, finalHttpError, type PlatformAnswer } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext } from '../store-client.ts';

/**
 * WooCommerce REST v3 calls (reference/platform-apis.md §4): `{site}/wp-json/wc/v3/…` with the
 * consumer key and secret, sent as HTTP Basic (HTTPS) or, for hosts whose web server drops the
 * Authorization header (Apache + CGI/FastCGI, a classic WooCommerce support case), as the
 * `consumer_key`/`consumer_secret` query parameters the docs also allow.
 */
export const WOO = 'WooCommerce';

/** Where the merchant finds the keys, for every message that asks to check them. */
export const KEYS_WHERE = 'WooCommerce → Settings → Advanced → REST API';

/** `{"code":"woocommerce_rest_…","message":"…","data":{"status":404,"params":{…}}}` (WP_Error as REST gives it). */
const WooErrorBody = z.looseObject({
  code: z.string(),
  message: z.string().nullish(),
  data: z.looseObject({ status: z.number().nullish(), params: z.unknown().optional() }).nullish(),
});

export type WooAuthMode = 'basic' | 'query';

export interface WooCall {
  method: 'GET' | 'POST' | 'PUT';
  /** After the base: `/orders/727`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** What the path names, for a 404's words: "order #1001". */
  what: string;
}

export interface WooRest {
  call(c: WooCall): Promise<PlatformAnswer>;
  /** The REST root above `wc/v3` (`{site}/wp-json`), for the site's name; null when the base URL is not the usual one. */
  root: string | null;
}

/** WordPress error messages may carry HTML (`<strong>`); the timeline shows text. */
const plain = (s: string) => s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** `data.params` of rest_invalid_param: `{"status":"status is not one of …"}` or `["note"]`. */
function paramWords(params: unknown): string {
  if (Array.isArray(params)) return params.filter((p) => typeof p === 'string').join(', ');
  if (params && typeof params === 'object') return Object.values(params).filter((v) => typeof v === 'string').map(plain).join('; ');
  return '';
}

/** A WooCommerce (or its host's) refusal in words the merchant can act on. */
export function wooRefusal(answer: PlatformAnswer, what: string): StoreApiError {
  const parsed = WooErrorBody.safeParse(answer.json);
  const code = parsed.success ? parsed.data.code : null;
  const message = parsed.success && parsed.data.message ? plain(parsed.data.message) : null;
  const said = `HTTP ${answer.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
  const final = (words: string) => new StoreApiError('final', words, { platformCode: code });
  if (answer.status === 401 || (answer.status === 403 && code)) {
    return final(`${WOO} refused the API keys (${said}): check the connection's consumer key and secret (${KEYS_WHERE}), that the key's permission is Read/Write, and if they are right, set the connection's API option "auth" to "query" (some hosts drop the Authorization header)`);
  }
  // No WordPress error body: a firewall or security plugin answered before WooCommerce did.
  if (answer.status === 403) return final(`the site refused the request before ${WOO} saw it (HTTP 403): a firewall or security plugin may be blocking the REST API (/wp-json/)`);
  if (answer.status === 404 && (code === 'rest_no_route' || !code)) {
    return final(`${WOO}'s REST API was not found at this address (${said}): check the site URL, that WooCommerce is active, and that WordPress permalinks are not set to "Plain"`);
  }
  if (answer.status === 404) return final(`${WOO} has no ${what} (${said})`);
  if (answer.status === 400 && parsed.success) {
    const params = paramWords(parsed.data.data?.params);
    return final(`${WOO} refused the request (${said}${params ? ` — ${params}` : ''})`);
  }
  return finalHttpError(WOO, answer, message ? `${message}${code ? ` (${code})` : ''}` : null, code);
}

export function wooRest(ctx: StoreApiContext, auth: WooAuthMode): WooRest {
  const key = ctx.connection.secrets['consumerKey'] ?? '';
  const secret = ctx.connection.secrets['consumerSecret'] ?? '';
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const basic = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  return {
    root: /\/wc\/v3$/.test(base) ? base.replace(/\/wc\/v3$/, '') : null,
    async call(c) {
      if (!key || !secret) throw new StoreApiError('final', `the connection has no ${WOO} API keys: add the consumer key and secret (${KEYS_WHERE}, permission Read/Write)`);
      const url = new URL(`${base}${c.path}`);
      for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
      if (auth === 'query') {
        url.searchParams.set('consumer_key', key);
        url.searchParams.set('consumer_secret', secret);
      }
      const answer = await callPlatform(ctx, {
        platform: WOO,
        method: c.method,
        url: url.toString(),
        headers: { ...(auth === 'basic' ? { authorization: basic } : {}), ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
        changes: c.method !== 'GET',
        secrets: [key, secret, basic],
        // WooCommerce core has no rate limit; hosts and WAFs answer 429 (handled by callPlatform) or
        // 503 with Retry-After (WordPress's maintenance mode does too), before WordPress ran the
        // request: nothing was applied, so it is waited out like a 429. [UNVERIFIED] host behaviour.
        throttledFor: (a) => (a.status === 503 ? retryAfterMs(a.headers.get('retry-after'), ctx.now()) : null),
      });
      if (answer.status >= 200 && answer.status < 300) {
        if (answer.json !== null) return answer;
        // A 200 that is not JSON is a login page, a cache or a security plugin's page, not WooCommerce.
        const words = `${WOO} answered something that is not JSON (HTTP ${answer.status}): check the site URL, and that no security or cache plugin answers /wp-json/ in WooCommerce's place`;
        throw new StoreApiError(c.method === 'GET' ? 'final' : 'maybe_applied', words);
      }
      throw wooRefusal(answer, c.what);
    },
  };
}
