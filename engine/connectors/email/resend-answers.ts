import type { ErrorClass } from '../../shared/errors.ts';

/** Resend's error body (connectors.md §3.3; resend.com/docs/api-reference/errors). */
export interface ResendError {
  statusCode?: unknown;
  name?: unknown;
  message?: unknown;
}

/** An answer from Resend's API, read in full. */
export interface ResendAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * The verdict on one POST /emails answer: sent (with Resend's id); wait (a 429 rate limit, with
 * its Retry-After); or a class of failure in words that keep Resend's own.
 */
export type ResendVerdict =
  | { kind: 'sent'; id: string | null }
  | { kind: 'wait'; retryAfter: string | null; answer: string }
  | { kind: ErrorClass; reason: string };

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** "422 validation_error: Invalid `to` field…": Resend's words, for the step's reason and the Test. */
export function resendAnswerWords(a: ResendAnswer): string {
  const e = (a.json ?? {}) as ResendError;
  const name = typeof e.name === 'string' ? e.name : null;
  const message = typeof e.message === 'string' ? e.message : null;
  if (name || message) return `${a.status} ${[name, message].filter(Boolean).join(': ')}`;
  return `HTTP ${a.status}${a.text ? `: ${excerpt(a.text)}` : ''}`;
}

export const resendErrorName = (a: ResendAnswer): string => {
  const name = (a.json as ResendError | null)?.name;
  return typeof name === 'string' ? name : '';
};

/** The names Resend gives a key it will not take (401/403); a 403 `validation_error` is about the sender instead. */
const keyRefused = new Set(['missing_api_key', 'invalid_api_key', 'invalid_api_Key', 'restricted_api_key', 'suspended_api_key', 'invalid_permission', 'authentication_error']);

export function resendVerdict(a: ResendAnswer): ResendVerdict {
  if (a.status >= 200 && a.status < 300) {
    const id = (a.json as { id?: unknown } | null)?.id;
    return { kind: 'sent', id: typeof id === 'string' ? id : null };
  }
  const answer = `Resend: ${resendAnswerWords(a)}`;
  const name = resendErrorName(a);
  if (a.status === 429) {
    // Quotas are not a rate: the day's comes back within 24 hours; the month's only with a bigger plan.
    if (name === 'daily_quota_exceeded') return { kind: 'defer', reason: `the Resend account reached its daily sending quota; the email waits and is tried again later (${answer})` };
    if (name === 'monthly_quota_exceeded') return { kind: 'fail', reason: `the Resend account reached its monthly sending quota: upgrade the plan at resend.com (${answer})` };
    return { kind: 'wait', retryAfter: a.headers.get('retry-after'), answer };
  }
  if (a.status === 409) {
    // The same key still being sent by an earlier attempt: safe to ask again later (resend.com/docs idempotency-keys).
    if (name === 'concurrent_idempotent_requests') return { kind: 'retry', reason: `Resend is still sending this step's email from an earlier attempt; asked again later with the same Idempotency-Key (${answer})` };
    if (name === 'invalid_idempotent_request') {
      return { kind: 'fail', reason: `Resend already took a different email under this step's Idempotency-Key in the last 24 hours (the email changed between attempts); the first may have gone out, so this one is not sent (${answer})` };
    }
    return { kind: 'fail', reason: `Resend refused the email (${answer})` };
  }
  if (a.status >= 500) return { kind: 'retry', reason: `Resend is having trouble; tried again with the same Idempotency-Key (${answer})` };
  if (a.status === 403 && name === 'validation_error') return { kind: 'fail', reason: `Resend refused the sender: verify its domain at resend.com/domains, or send from an address on a verified domain (${answer})` };
  if (a.status === 401 || a.status === 403 || keyRefused.has(name)) return { kind: 'fail', reason: `Resend refused the API key: check the API key in the account (${answer})` };
  if (a.status === 400 || a.status === 422) return { kind: 'fail', reason: `Resend refused the email (${answer})` };
  if (a.json === null) return { kind: 'fail', reason: `Resend answered something else than its API (${answer})` };
  return { kind: 'fail', reason: `Resend refused the email (${answer})` };
}

/** A domain as GET /domains lists it. */
export interface ResendDomain {
  name: string;
  status: string;
}

export function domainsOf(json: unknown): ResendDomain[] | null {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  return data
    .map((d) => d as { name?: unknown; status?: unknown })
    .filter((d) => typeof d.name === 'string')
    .map((d) => ({ name: String(d.name).toLowerCase(), status: typeof d.status === 'string' ? d.status : 'unknown' }));
}

/** Statuses that send (resend.com/docs manage-domains): verified, or verified with one of two sending records. */
export const sendsFrom = (d: ResendDomain): boolean => d.status === 'verified' || d.status === 'partially_verified';
