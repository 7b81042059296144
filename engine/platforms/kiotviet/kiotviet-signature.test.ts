import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kiotVietAdapter } from './kiotviet-adapter.ts';
import { KiotVietSettings } from './kiotviet-settings.ts';
import { kiotVietVariants, type KiotVietVariant } from './kiotviet-signature.ts';

const body = readFileSync(new URL('../../../test/fixtures/kiotviet/order-update.json', import.meta.url));
/** A random secret registered base64-encoded, as some integrations do: both readings are candidates. */
const secret = Buffer.from('kiotviet-raw-secret-bytes').toString('base64');

function signAs(variant: KiotVietVariant, bytes: Buffer = body, key = secret): string {
  const [hash, keyKind, encoding] = variant.split('/') as ['sha1' | 'sha256', string, 'hex' | 'base64'];
  const k = keyKind === 'raw-secret' ? Buffer.from(key) : Buffer.from(key, 'base64');
  return createHmac(hash, k).update(bytes).digest(encoding);
}

const conn = (lockedVariant: KiotVietVariant | null = null, webhookSecret: string | null = secret) => ({
  id: 'c', platform: 'kiotviet' as const, storeId: 'flowdeskdemo', store: 'Demo',
  secrets: (webhookSecret === null ? {} : { webhookSecret }) as Record<string, string>,
  settings: KiotVietSettings.parse({ lockedVariant }),
});
const verify = (header: string | undefined, c = conn(), bytes = body) =>
  kiotVietAdapter.verify({ method: 'POST', path: '/hooks/c?noecho', headers: header === undefined ? {} : { 'x-hub-signature': header }, body: bytes }, c);

describe('KiotViet X-Hub-Signature, observe mode', () => {
  it.each(kiotVietVariants.map((v) => [v]))('accepts %s and says so', (variant) => {
    expect(verify(signAs(variant))).toEqual({
      ok: true,
      detail: `X-Hub-Signature verified with variant ${variant} (observe mode: set lockedVariant to "${variant}" to accept only it)`,
    });
  });

  it('accepts a sha1= or sha256= prefix whatever hash it names, and records it', () => {
    // ChickenAI/n8n-nodes-kiotviet: "sha1=" + hex HMAC-SHA256.
    const n8n = verify(`sha1=${signAs('sha256/raw-secret/hex')}`);
    expect(n8n).toMatchObject({ ok: true, detail: expect.stringContaining('variant sha256/raw-secret/hex, header prefix "sha1="') });
    expect(verify(`sha256=${signAs('sha256/raw-secret/hex')}`).ok).toBe(true);
    expect(verify(`sha1=${signAs('sha1/raw-secret/hex')}`).ok).toBe(true);
  });

  it('refuses a missing header, another secret, a tampered body and garbage', () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing X-Hub-Signature header (KiotViet signs a webhook registered with a Secret)' });
    expect(verify(signAs('sha256/raw-secret/hex'), conn(null, null))).toEqual({ ok: false, reason: 'the connection has no webhook secret' });
    const other = verify(signAs('sha256/raw-secret/hex', body, 'b3RoZXItc2VjcmV0'));
    expect(other).toEqual({
      ok: false,
      reason: 'X-Hub-Signature does not match the body signed with this connection\'s secret in any of the 8 known variants (HMAC-SHA1/SHA-256 × secret as typed/base64-decoded × hex/base64)',
    });
    const tampered = Buffer.from(body.toString().replace('450000', '45000'));
    expect(verify(signAs('sha256/raw-secret/hex'), conn(), tampered).ok).toBe(false);
    expect(verify('sha1=zzzz').ok).toBe(false);
    expect(verify('').ok).toBe(false);
  });

  it('skips the base64-decoded candidates when the secret is not base64', () => {
    const plain = 'not base64: has spaces!';
    const c = conn(null, plain);
    expect(verify(signAs('sha1/raw-secret/base64', body, plain), c)).toMatchObject({ ok: true, detail: expect.stringContaining('sha1/raw-secret/base64') });
  });
});

describe('KiotViet X-Hub-Signature, locked', () => {
  it('accepts only the locked variant, and names it when refusing', () => {
    const locked = conn('sha256/raw-secret/hex');
    expect(verify(signAs('sha256/raw-secret/hex'), locked)).toEqual({ ok: true, detail: 'X-Hub-Signature verified with the locked variant sha256/raw-secret/hex' });
    expect(verify(signAs('sha1/raw-secret/hex'), locked)).toEqual({
      ok: false,
      reason: 'X-Hub-Signature does not match the body signed with this connection\'s secret using the locked variant sha256/raw-secret/hex; it does match variant sha1/raw-secret/hex: if KiotViet changed its scheme, set lockedVariant to it',
    });
    const other = verify(signAs('sha256/raw-secret/hex', body, 'b3RoZXI='), locked);
    expect(other).toEqual({ ok: false, reason: 'X-Hub-Signature does not match the body signed with this connection\'s secret using the locked variant sha256/raw-secret/hex' });
  });

  it('locks the base64-decoded-secret variants too', () => {
    const locked = conn('sha256/base64-decoded-secret/base64');
    expect(verify(signAs('sha256/base64-decoded-secret/base64'), locked).ok).toBe(true);
    expect(verify(signAs('sha256/raw-secret/base64'), locked).ok).toBe(false);
  });

  it('refuses an unknown variant name in the settings', () => {
    expect(KiotVietSettings.safeParse({ lockedVariant: 'md5/raw/hex' }).success).toBe(false);
    expect(KiotVietSettings.parse({}).lockedVariant).toBeNull();
  });
});
