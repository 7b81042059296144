import { createHash, timingSafeEqual } from 'node:crypto';
import type { RawDelivery, Verification } from '../adapter.ts';

/** The secret names a token-in-URL connection holds. */
export const URL_TOKEN = 'urlToken';
export const HEADER_SECRET = 'headerSecret';

/**
 * Compares two secrets in constant time: both are hashed to 32 bytes first, so neither the
 * content nor the length of the expected secret leaks through timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `token` query parameter of the requested URL, if there is one. */
export function tokenOf(path: string): string | null {
  const q = path.indexOf('?');
  if (q < 0) return null;
  const value = new URLSearchParams(path.slice(q + 1)).get('token');
  return value === null || value === '' ? null : value;
}

/**
 * For sources that sign nothing (LadiSales, any catch hook): the connection's secret token
 * must be in the webhook URL (`/hooks/<connectionId>?token=<secret>`), and, when the connection
 * has a header secret, the header named in its settings must carry it too. Only the URL and
 * the headers are read; the body is not looked at.
 */
export function verifyUrlToken(delivery: RawDelivery, secrets: Record<string, string>, headerName: string): Verification {
  const expected = secrets[URL_TOKEN];
  if (!expected) return { ok: false, reason: 'the connection has no secret token; set one, then use its webhook URL with ?token=<that token>' };
  const given = tokenOf(delivery.path);
  if (given === null) return { ok: false, reason: 'missing ?token= in the webhook URL: use this connection\'s webhook URL followed by ?token=<its secret token>' };
  if (!sameSecret(given, expected)) return { ok: false, reason: '?token= in the webhook URL does not match this connection\'s secret token' };

  const headerSecret = secrets[HEADER_SECRET];
  if (!headerSecret) return { ok: true, detail: 'secret token in the URL verified' };
  const header = delivery.headers[headerName.toLowerCase()];
  if (header === undefined || header === '') {
    return { ok: false, reason: `missing ${headerName} header: this connection has a header secret, so the sender must add the header ${headerName} with that value` };
  }
  if (!sameSecret(header.trim(), headerSecret)) return { ok: false, reason: `${headerName} does not match this connection's header secret` };
  return { ok: true, detail: `secret token in the URL and ${headerName} header verified` };
}
