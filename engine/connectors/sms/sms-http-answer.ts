import { OutcomeUnknownError, RetryableError } from '../../shared/errors.ts';
import { rateLimited, retryAfterMs, type ProviderAnswer } from '../provider-call.ts';

export const excerpt = (text: string): string => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** `Authorization: Basic …` for a user and password (SpeedSMS: token and "x"; Twilio: SID and token). */
export const basicAuth = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/**
 * What an HTTP status says before the body is read, for providers that cannot recognise a
 * resend (SpeedSMS, Twilio): 429 waits as long as the provider asks (`Retry-After`, SpeedSMS's
 * `X-Rate-Limit-Reset`, seconds) or backs off; a gateway timeout (504) leaves the outcome
 * unknown, the request having reached the provider's side; other 5xx are passing (§9.1).
 * Null: the body decides.
 */
export function httpTrouble(provider: string, a: ProviderAnswer, answeredAtMs: number): Error | null {
  const said = `HTTP ${a.status}${a.text ? `: ${excerpt(a.text)}` : ''}`;
  if (a.status === 429) {
    const wait = retryAfterMs(a.headers.get('retry-after') ?? a.headers.get('x-rate-limit-reset'), answeredAtMs);
    return rateLimited(provider, wait, answeredAtMs, said);
  }
  if (a.status === 504) return new OutcomeUnknownError(`${provider}'s gateway timed out (${said}); the message may or may not have been sent, so it is not sent again`);
  if (a.status >= 500) return new RetryableError(`${provider} answered ${said}`);
  return null;
}
