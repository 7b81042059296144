import { httpAuthConnectorSpec, httpAuthCovers, type HttpAuthCredentials } from '../../contract/index.ts';
import { RetryableError } from '../../shared/errors.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import type { AccountStore, ConnectorRuntime, TestAnswer } from '../account-store.ts';
import { rateLimited, retryAfterMs } from '../provider-call.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** `account`: an HTTP credentials account whose secret is added when the request is sent (never stored with the step). */
    'http.request': { method: string; url: string; headers: Record<string, string>; body: string | null; timeoutMs: number; account?: string };
  }
}

/** The header an HTTP credentials account adds. */
export function authHeader(c: HttpAuthCredentials): [string, string] {
  if (c.scheme === 'basic') return ['authorization', `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`];
  if (c.scheme === 'header') return [c.headerName.toLowerCase(), c.headerValue];
  return ['authorization', `Bearer ${c.token}`];
}

/** The account's Test: nothing is sent (a request to the merchant's server could change something); its parts are checked. */
export function httpAuthRuntime(): ConnectorRuntime {
  return {
    spec: httpAuthConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const prefix = String(account.settings['urlPrefix'] ?? '');
      const scheme = String(account.credentials['scheme'] ?? 'bearer');
      if (prefix === '') return { ok: false, code: 'refused', message: 'set the address the credentials may be sent to ("Only for addresses starting with")', answer: null, facts: { scheme } };
      return { ok: true, code: 'unchecked', message: `complete: ${scheme} credentials, sent only to ${prefix}…`, answer: null, facts: { scheme, urlPrefix: prefix } };
    },
  };
}

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);
/**
 * Answers that say "not done, try again" (connectors.md §8): request timeout, too early,
 * too many requests, and the server's own trouble. Every other 4xx is the request's fault.
 */
const retryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** Header values that carry credentials: kept out of run logs and dry-run records. */
const secretHeader = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key/i;

/**
 * Sends HTTP requests. External effects cannot share the step's transaction, so they are at
 * least once: every attempt carries the step's Idempotency-Key, which the receiver uses to
 * apply it once (which is why a POST may be retried at all). 408, 425, 429, 5xx and network
 * errors are retried with the queue's backoff, or after the answer's Retry-After when it
 * gives one; other 4xx fail the step with the answer shown.
 */
export function httpIntentHandlers(transport: typeof fetch, accounts: AccountStore): IntentHandler[] {
  /** The account's header for this URL, or a failure in words: an address it does not cover gets nothing. */
  const credentialsFor = (i: { url: string; account?: string }): [string, string] | null => {
    if (!i.account) return null;
    const a = accounts.resolve(i.account, httpAuthConnectorSpec);
    if (a.settings.urlPrefix === '') throw new Error(`the HTTP credentials "${a.name}" name no address to be sent to: set "Only for addresses starting with" in the account`);
    if (!httpAuthCovers(a.settings.urlPrefix, i.url)) throw new Error(`the HTTP credentials "${a.name}" are only sent to ${a.settings.urlPrefix}…, not to ${i.url}`);
    return authHeader(a.credentials);
  };
  return [
    defineIntentHandler({
      kind: 'http.request',
      mode: 'external',
      describe: (i) => ({
        method: i.method,
        url: i.url,
        headers: Object.fromEntries(Object.entries(i.headers).map(([k, v]) => [k, secretHeader.test(k) ? '••••' : v])),
        ...(i.account ? { credentials: accounts.nameOf(i.account) ?? i.account } : {}),
        body: i.body,
      }),
      async perform(i, ctx) {
        const auth = credentialsFor(i);
        const headers = new Headers({ 'Idempotency-Key': ctx.idempotencyKey, 'User-Agent': 'Flowdesk', ...i.headers, ...(auth ? { [auth[0]]: auth[1] } : {}) });
        let res: Response;
        try {
          res = await transport(i.url, { method: i.method, headers, ...(i.body !== null ? { body: i.body } : {}), signal: AbortSignal.timeout(i.timeoutMs) });
        } catch (error) {
          throw new RetryableError(`${i.method} ${i.url} failed: ${(error as Error).message}`);
        }
        const text = excerpt(await res.text().catch(() => ''));
        if (retryableStatus(res.status)) {
          const answer = `${i.method} ${i.url} answered ${res.status}: ${text}`;
          const waitMs = retryAfterMs(res.headers.get('retry-after'), ctx.atMs);
          throw waitMs === null ? new RetryableError(answer) : rateLimited(new URL(i.url).host, waitMs, ctx.atMs, answer);
        }
        if (res.status >= 400) throw new Error(`${i.method} ${i.url} answered ${res.status}: ${text}`);
        return { status: res.status, body: text };
      },
    }),
  ];
}
