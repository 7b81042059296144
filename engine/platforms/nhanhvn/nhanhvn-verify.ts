import { createHash, timingSafeEqual } from 'node:crypto';
import type { RawDelivery, Verification } from '../adapter.ts';
import { readForm } from './nhanhvn-form.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const md5Hex = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** Equal in constant time whatever the lengths: compares the SHA-256 of both. */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * API v2/v3: no HMAC, a shared token. The order docs put it in the body as
 * `webhooksVerifyToken`; the intro page says Nhanh sends a `verifyToken` header (errata 4:
 * the v3 samples have no body token). Whichever is present must match.
 */
export function verifyNhanhToken(delivery: RawDelivery, token: string | undefined): Verification {
  const header = delivery.headers['verifytoken'] ?? delivery.headers['webhooksverifytoken'];
  let bodyToken: string | undefined;
  try {
    const body = JSON.parse(delivery.body.toString('utf8')) as unknown;
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>)['webhooksVerifyToken'] : undefined;
    if (typeof value === 'string' && value !== '') bodyToken = value;
  } catch {
    if (header === undefined) return { ok: false, reason: 'the body is not JSON and there is no verifyToken header: the token cannot be checked' };
  }
  if (bodyToken === undefined && header === undefined) {
    return { ok: false, reason: 'missing webhooksVerifyToken (body) and verifyToken header' };
  }
  if (!token) return { ok: false, reason: 'the connection has no webhooks verify token' };
  if (bodyToken !== undefined && !sameToken(bodyToken, token)) {
    return { ok: false, reason: 'webhooksVerifyToken in the body does not match this connection\'s verify token' };
  }
  if (header !== undefined && !sameToken(header, token)) {
    return { ok: false, reason: 'verifyToken header does not match this connection\'s verify token' };
  }
  return { ok: true, detail: bodyToken !== undefined ? 'webhooksVerifyToken matches' : 'verifyToken header matches' };
}

/** API v1: `checksum = md5(md5(secretKey + data) + data)`, hex, over the `data` field as sent. */
export function verifyNhanhChecksum(delivery: RawDelivery, secretKey: string | undefined): Verification {
  let fields;
  try {
    fields = readForm(delivery.body, delivery.headers['content-type']);
  } catch (error) {
    return { ok: false, reason: `could not read the form to check its checksum: ${(error as Error).message}` };
  }
  const checksum = fields.get('checksum');
  const data = fields.get('data');
  if (!checksum) return { ok: false, reason: 'missing checksum form field' };
  if (data === undefined) return { ok: false, reason: 'missing data form field' };
  if (!secretKey) return { ok: false, reason: 'the connection has no API secret key (needed for Nhanh.vn v1 webhooks)' };
  const given = checksum.trim();
  const expected = Buffer.from(md5Hex(md5Hex(secretKey + data) + data), 'hex');
  if (!/^[0-9a-f]{32}$/i.test(given) || !timingSafeEqual(Buffer.from(given, 'hex'), expected)) {
    return { ok: false, reason: 'checksum does not match md5(md5(secretKey + data) + data) with this connection\'s secret key' };
  }
  return { ok: true, detail: 'checksum verified' };
}
