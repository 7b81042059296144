import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Verification } from '../adapter.ts';

/**
 * KiotViet's `X-Hub-Signature` algorithm is not documented and public integrations disagree
 * (reference §7.3): HMAC-SHA1 or HMAC-SHA256, keyed with the secret as typed or with its
 * base64 decoding, printed as hex or base64, with or without a `sha1=`/`sha256=` prefix (which
 * does not name the hash reliably: one integration sends `sha1=` + an SHA-256 hex). So the
 * verifier tries every candidate ("observe" mode, the default) and says which one matched; once
 * the merchant locks a variant, only that one is accepted.
 */
export const kiotVietVariants = [
  'sha256/raw-secret/hex',
  'sha256/raw-secret/base64',
  'sha256/base64-decoded-secret/hex',
  'sha256/base64-decoded-secret/base64',
  'sha1/raw-secret/hex',
  'sha1/raw-secret/base64',
  'sha1/base64-decoded-secret/hex',
  'sha1/base64-decoded-secret/base64',
] as const;
export type KiotVietVariant = (typeof kiotVietVariants)[number];

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEX = /^[0-9a-fA-F]+$/;

/** The secret's base64 decoding, when the secret is base64 at all (some integrations register it encoded). */
export function base64DecodedSecret(secret: string): Buffer | null {
  const s = secret.trim();
  const standard = BASE64.test(s) && s.length % 4 === 0;
  if (!standard && !BASE64URL.test(s)) return null;
  const bytes = Buffer.from(s, standard ? 'base64' : 'base64url');
  return bytes.length > 0 ? bytes : null;
}

function headerBytes(value: string, encoding: 'hex' | 'base64'): Buffer | null {
  if (encoding === 'hex') return HEX.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : null;
  return BASE64.test(value) && value.length % 4 === 0 ? Buffer.from(value, 'base64') : null;
}

function matches(variant: KiotVietVariant, signature: string, body: Buffer, secret: string): boolean {
  const [hash, keyKind, encoding] = variant.split('/') as ['sha1' | 'sha256', string, 'hex' | 'base64'];
  const key = keyKind === 'raw-secret' ? Buffer.from(secret, 'utf8') : base64DecodedSecret(secret);
  if (!key) return false;
  const expected = createHmac(hash, key).update(body).digest();
  const given = headerBytes(signature, encoding);
  return given !== null && given.length === expected.length && timingSafeEqual(given, expected);
}

/** Every variant the header matches (normally one), and the prefix it carried. */
export function matchingVariants(header: string, body: Buffer, secret: string): { variants: KiotVietVariant[]; prefix: string | null } {
  const trimmed = header.trim();
  const prefix = /^(sha1|sha256)=/i.exec(trimmed)?.[0] ?? null;
  const signature = prefix ? trimmed.slice(prefix.length) : trimmed;
  // Every candidate is computed, matched or not, so the time taken says nothing about which one it was.
  const results = kiotVietVariants.map((v) => [v, matches(v, signature, body, secret)] as const);
  return { variants: results.filter(([, ok]) => ok).map(([v]) => v), prefix };
}

export function verifyHubSignature(header: string | undefined, body: Buffer, secret: string | undefined, locked: KiotVietVariant | null): Verification {
  if (!header) return { ok: false, reason: 'missing X-Hub-Signature header (KiotViet signs a webhook registered with a Secret)' };
  if (!secret) return { ok: false, reason: 'the connection has no webhook secret' };
  const { variants, prefix } = matchingVariants(header, body, secret);
  const carried = prefix ? `, header prefix "${prefix}"` : '';
  if (locked) {
    if (variants.includes(locked)) return { ok: true, detail: `X-Hub-Signature verified with the locked variant ${locked}${carried}` };
    const other = variants[0];
    const hint = other ? `; it does match variant ${other}: if KiotViet changed its scheme, set lockedVariant to it` : '';
    return { ok: false, reason: `X-Hub-Signature does not match the body signed with this connection's secret using the locked variant ${locked}${hint}` };
  }
  const found = variants[0];
  if (!found) {
    return {
      ok: false,
      reason: `X-Hub-Signature does not match the body signed with this connection's secret in any of the ${kiotVietVariants.length} known variants (HMAC-SHA1/SHA-256 × secret as typed/base64-decoded × hex/base64)`,
    };
  }
  return { ok: true, detail: `X-Hub-Signature verified with variant ${found}${carried} (observe mode: set lockedVariant to "${found}" to accept only it)` };
}
