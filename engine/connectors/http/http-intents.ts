import { RetryableError } from '../../shared/errors.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    'http.request': { method: string; url: string; headers: Record<string, string>; body: string | null; timeoutMs: number };
  }
}

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);
/** Header values that carry credentials: kept out of run logs and dry-run records. */
const secretHeader = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key/i;

/**
 * Sends HTTP requests. External effects cannot share the step's transaction, so they are at
 * least once: every attempt carries the step's Idempotency-Key, which the receiver uses to
 * apply it once. 5xx, 429 and network errors are retried; other 4xx fail the step.
 */
export function httpIntentHandlers(transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'http.request',
      mode: 'external',
      describe: (i) => ({
        method: i.method,
        url: i.url,
        headers: Object.fromEntries(Object.entries(i.headers).map(([k, v]) => [k, secretHeader.test(k) ? '••••' : v])),
        body: i.body,
      }),
      async perform(i, ctx) {
        const headers = new Headers({ 'Idempotency-Key': ctx.idempotencyKey, 'User-Agent': 'Flowdesk', ...i.headers });
        let res: Response;
        try {
          res = await transport(i.url, { method: i.method, headers, ...(i.body !== null ? { body: i.body } : {}), signal: AbortSignal.timeout(i.timeoutMs) });
        } catch (error) {
          throw new RetryableError(`${i.method} ${i.url} failed: ${(error as Error).message}`);
        }
        const text = excerpt(await res.text().catch(() => ''));
        if (res.status >= 500 || res.status === 429) throw new RetryableError(`${i.method} ${i.url} answered ${res.status}: ${text}`);
        if (res.status >= 400) throw new Error(`${i.method} ${i.url} answered ${res.status}: ${text}`);
        return { status: res.status, body: text };
      },
    }),
  ];
}
