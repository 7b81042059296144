import { DeferStepError, OutcomeUnknownError, RetryableError } from '../shared/errors.ts';
import type { TestAnswer } from './account-store.ts';

/** A provider's answer, read in full. */
export interface ProviderAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; null when it was not JSON (Slack webhooks answer plain text). */
  json: unknown;
}

export interface ProviderCall {
  /** The provider's name as messages say it: "Telegram", "Slack". */
  provider: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Strings never to repeat in a message (a token in the URL's path). */
  secrets?: readonly string[];
  /** What the call sends, as "outcome unknown" says it: "the message" (default), "the row", "the card". */
  what?: string;
}

/** Error codes undici reports when no connection was made: the request never left, so trying again cannot send twice. */
export const notConnected: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Every error code in an error's chain of causes (undici wraps the socket's). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let e = error as { code?: unknown; cause?: unknown; errors?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    // Happy eyeballs tries several addresses: an AggregateError holds each one's failure.
    if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...causeCodes(inner));
    e = e.cause as typeof e;
  }
  return codes;
}

/** An error in one line, with its cause when that says more. */
export function describeError(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  const cause = e.cause?.message;
  return cause && cause !== e.message ? `${e.message ?? String(error)} (${cause})` : (e.message ?? String(error));
}

export const redact = (text: string, secrets: readonly string[] = []) => secrets.reduce((t, s) => (s ? t.replaceAll(s, '••••') : t), text);

type Sent = { answer: ProviderAnswer } | { failure: { connected: boolean; timedOut: boolean; words: string } };

async function request(transport: typeof fetch, c: ProviderCall): Promise<Sent> {
  let res: Response;
  let text: string;
  try {
    res = await transport(c.url, {
      method: c.method,
      headers: { 'user-agent': 'Flowdesk', ...c.headers },
      ...(c.body !== undefined ? { body: c.body } : {}),
      signal: AbortSignal.timeout(c.timeoutMs),
    });
    text = await res.text();
  } catch (error) {
    return {
      failure: {
        connected: !causeCodes(error).some((code) => notConnected.has(code)),
        timedOut: (error as { name?: string }).name === 'TimeoutError',
        words: redact(describeError(error), c.secrets),
      },
    };
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the caller says it as it came.
  }
  return { answer: { status: res.status, headers: res.headers, text, json } };
}

/**
 * One request to a provider that cannot recognise a resend (Telegram, Slack: connectors.md
 * §9.1). No connection at all is a passing failure (RetryableError: nothing was sent). Any
 * failure after the request may have left (a timeout waiting for the answer, a connection
 * reset or closed mid-answer) leaves the outcome unknown: the message may have gone out, and
 * sending again could send it twice (OutcomeUnknownError, not retried).
 */
export async function callProvider(transport: typeof fetch, c: ProviderCall): Promise<ProviderAnswer> {
  const sent = await request(transport, c);
  if ('answer' in sent) return sent.answer;
  const f = sent.failure;
  if (!f.connected) throw new RetryableError(`could not reach ${c.provider}: ${f.words}`);
  throw new OutcomeUnknownError(
    `${f.timedOut ? `${c.provider} did not answer within ${Math.round(c.timeoutMs / 1000)} s` : `the connection to ${c.provider} broke before its answer (${f.words})`}; ${c.what ?? 'the message'} may or may not have been sent, so it is not sent again`,
  );
}

/** A harmless call for a Test button: the answer, or why there was none in the Test's words. */
export async function probeProvider(transport: typeof fetch, c: ProviderCall): Promise<ProviderAnswer | TestAnswer> {
  const sent = await request(transport, c);
  if ('answer' in sent) return sent.answer;
  const f = sent.failure;
  return f.timedOut
    ? { ok: false, code: 'timeout', message: `${c.provider} did not answer within ${Math.round(c.timeoutMs / 1000)} s`, answer: null, facts: {} }
    : { ok: false, code: 'unreachable', message: `could not reach ${c.provider}: ${f.words}`, answer: null, facts: {} };
}

export const isTestAnswer = (x: ProviderAnswer | TestAnswer): x is TestAnswer => 'ok' in x && 'code' in x;

/** Longest wait a step takes on a provider's "retry after"; longer, the step fails saying until when. */
export const MAX_RATE_LIMIT_WAIT_MS = 10 * 60_000;

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `nowMs`; null when absent or unreadable. */
export function retryAfterMs(value: string | number | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value === '') return null;
  const seconds = typeof value === 'number' ? value : Number(value.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : null;
  const at = Date.parse(String(value));
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * The provider said "too many requests, come back in `waitMs`": the run parks and the step is
 * tried again then (the wait mechanism, so nothing is held meanwhile). Without a wait it is
 * retried with the queue's backoff; a wait past the cap fails the step saying until when.
 */
export function rateLimited(provider: string, waitMs: number | null, answeredAtMs: number, answer: string): Error {
  if (waitMs === null) return new RetryableError(`${provider} is limiting the rate of messages (${answer})`);
  const until = answeredAtMs + waitMs;
  if (waitMs > MAX_RATE_LIMIT_WAIT_MS) return new Error(`${provider} is limiting the rate of messages until ${new Date(until).toISOString()} (${answer})`);
  const seconds = String(Math.ceil(waitMs / 1000));
  return new DeferStepError(`${provider} asked to wait ${seconds} s before the next message (${answer})`, until, { code: 'rate_limited', args: { provider, seconds } });
}
