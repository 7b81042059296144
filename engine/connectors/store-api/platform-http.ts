import { causeCodes, describeError, notConnected, redact, retryAfterMs } from '../provider-call.ts';
import { StoreApiError } from './store-api-error.ts';
import type { StoreApiContext } from './store-client.ts';

/** A platform's answer, read in full. */
export interface PlatformAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; null when it was not JSON. */
  json: unknown;
}

export interface PlatformRequest {
  /** The platform's name as messages say it: "Shopify", "Haravan". */
  platform: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * True for a call that changes something: after it may have left (a timeout, a reset, a 5xx)
   * it is never retried here but reported `maybe_applied`, so the caller reads before resending.
   * Reads (false) are retried here on those.
   */
  changes: boolean;
  /** What the call takes from the store's bucket (Shopify: the query's cost); default 1. */
  cost?: number;
  /** Strings never to repeat in a message (tokens in a URL). */
  secrets?: readonly string[];
  /**
   * The platform's own "too many calls" inside an otherwise normal answer (Shopify's THROTTLED
   * body, Lazada's ApiCallLimit, Nhanh's rate-limit message): how long to wait, or null.
   */
  throttledFor?: (answer: PlatformAnswer) => number | null;
  timeoutMs?: number;
}

/** 429 and 5xx-gateway answers are tried again; other 5xx too for reads (reference §9.3). */
const retryStatuses = new Set([429, 500, 502, 503, 504]);

/** Tries in one call before handing over to the queue; waits longer than this are the queue's (a deferred step). */
export const INLINE_TRIES = 4;
export const INLINE_WAIT_BUDGET_MS = 30_000;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 60 s, each between half and all of it (reference §9.3). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * One call to a store's API, through its bucket, with the platform's passing failures tried
 * again here (429 and its Retry-After, the platform's own throttle answer, and for reads 5xx
 * and broken connections), with backoff and jitter, within a small budget. What is left is
 * thrown as a StoreApiError the caller sorts. Any other answer (2xx, 4xx) is returned for the
 * platform's client to read.
 */
export async function callPlatform(ctx: Pick<StoreApiContext, 'fetch' | 'sleep' | 'now' | 'bucket'>, req: PlatformRequest): Promise<PlatformAnswer> {
  let waited = 0;
  const where = `${req.platform} ${req.method} ${redact(new URL(req.url).pathname, req.secrets)}`;
  for (let attempt = 1; ; attempt++) {
    await ctx.bucket.take(req.cost ?? 1);
    let answer: PlatformAnswer;
    try {
      const res = await ctx.fetch(req.url, {
        method: req.method,
        headers: { 'user-agent': 'Flowdesk', accept: 'application/json', ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: AbortSignal.timeout(req.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: the client says it as it came.
      }
      answer = { status: res.status, headers: res.headers, text, json };
    } catch (error) {
      const words = redact(describeError(error), req.secrets);
      if (causeCodes(error).some((c) => notConnected.has(c))) {
        throw new StoreApiError('unreachable', `could not reach ${req.platform}: ${words}`);
      }
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      const what = timedOut ? `${req.platform} did not answer in time` : `the connection to ${req.platform} broke before its answer (${words})`;
      if (req.changes) throw new StoreApiError('maybe_applied', `${what}: the change may or may not have been made`);
      const wait = backoffMs(attempt);
      if (attempt >= INLINE_TRIES || waited + wait > INLINE_WAIT_BUDGET_MS) throw new StoreApiError('maybe_applied', `${where}: ${what}`);
      waited += wait;
      await ctx.sleep(wait);
      continue;
    }

    // A 429's Retry-After first, then the platform's own words for it (Shopify's THROTTLED body, sent as 429 or 200).
    const own = req.throttledFor?.(answer) ?? null;
    const throttled = answer.status === 429 ? (retryAfterMs(answer.headers.get('retry-after'), ctx.now()) ?? own ?? backoffMs(attempt)) : own;
    if (throttled !== null) {
      ctx.bucket.drain();
      const wait = Math.max(throttled, 250) + Math.round(Math.random() * 250);
      if (attempt >= INLINE_TRIES || waited + wait > INLINE_WAIT_BUDGET_MS) {
        throw new StoreApiError('throttled', `${req.platform} asked Flowdesk to slow down (${answer.status === 429 ? 'HTTP 429' : 'rate limit'})`, { retryAfterMs: throttled });
      }
      waited += wait;
      await ctx.sleep(wait);
      continue;
    }
    if (retryStatuses.has(answer.status)) {
      const words = `${where} answered HTTP ${answer.status}${answer.text ? `: ${redact(answer.text.slice(0, 200), req.secrets)}` : ''}`;
      if (req.changes) throw new StoreApiError('maybe_applied', `${words}; the change may or may not have been made`);
      const wait = backoffMs(attempt);
      if (attempt >= INLINE_TRIES || waited + wait > INLINE_WAIT_BUDGET_MS) throw new StoreApiError('maybe_applied', words);
      waited += wait;
      await ctx.sleep(wait);
      continue;
    }
    return answer;
  }
}

/**
 * A 4xx the client has no better words for, in plain words: what the merchant can do about it.
 * `detail` is the platform's own message, kept.
 */
export function finalHttpError(platform: string, answer: PlatformAnswer, detail: string | null, code: string | null = null): StoreApiError {
  const said = detail ? `: ${detail}` : '';
  const words: Record<number, string> = {
    400: `${platform} refused the request as malformed${said}`,
    401: `${platform} refused the API credentials (HTTP 401)${said}: check the connection's API token`,
    403: `${platform} says the app may not do this (HTTP 403)${said}: give the app the missing permission (scope) and try again`,
    404: `${platform} has no such order or resource (HTTP 404)${said}`,
    406: `${platform} refused the request (HTTP 406)${said}`,
    422: `${platform} refused the change (HTTP 422)${said}`,
  };
  return new StoreApiError('final', words[answer.status] ?? `${platform} answered HTTP ${answer.status}${said}`, { platformCode: code });
}

/** The marker written with free text (a note) so that a later read can tell the action already happened. */
export const actionMarker = (key: string): string => `[fd:${key}]`;
