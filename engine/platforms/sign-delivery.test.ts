import { describe, expect, it } from 'vitest';
import type { Platform } from '../contract/index.ts';
import type { ConnectionView, RawDelivery } from './adapter.ts';
import { createPlatformRegistry } from './registry.ts';
import { signDelivery } from './sign-delivery.ts';

/**
 * Each platform's signer is the inverse of its verifier: what it signs verifies, and a body
 * changed after signing does not (for the platforms whose proof covers the body), nor does a
 * delivery signed with another connection's secret.
 */
const platforms = createPlatformRegistry();
const orderJson = Buffer.from(JSON.stringify({ id: 1001, name: '#1001', total_price: '250000', note: 'giao giờ hành chính' }));

function connection(platform: Platform, secrets: Record<string, string>, settings: Record<string, unknown> = {}): ConnectionView {
  const adapter = platforms.get(platform)!;
  return { id: 'conn_test', platform, storeId: 'store.example', store: 'default', secrets, settings: adapter.settings.parse(settings) as Record<string, unknown> };
}

function delivery(headers: Record<string, string>, body: Buffer = orderJson, path = '/hooks/conn_test'): RawDelivery {
  return { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body };
}

function tamper(body: Buffer): Buffer {
  const copy = Buffer.from(body);
  const at = copy.indexOf('1001');
  copy[at] = '2'.charCodeAt(0);
  return copy;
}

interface Case {
  platform: Platform;
  secrets: Record<string, string>;
  other: Record<string, string>;
  settings?: Record<string, unknown>;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Whether the proof covers the body (a token does not). */
  coversBody: boolean;
  header: string;
}

const cases: Record<string, Case> = {
  shopify: { platform: 'shopify', secrets: { webhookSecret: 'shpss_a' }, other: { webhookSecret: 'shpss_b' }, headers: { 'x-shopify-topic': 'orders/create' }, coversBody: true, header: 'x-shopify-hmac-sha256' },
  haravan: { platform: 'haravan', secrets: { webhookSecret: 'hrv_a' }, other: { webhookSecret: 'hrv_b' }, headers: { 'x-haravan-topic': 'orders/create' }, coversBody: true, header: 'x-haravan-hmacsha256' },
  'haravan (app secret only)': { platform: 'haravan', secrets: { appSecret: 'app_a' }, other: { appSecret: 'app_b' }, coversBody: true, header: 'x-haravan-hmacsha256' },
  sapo: { platform: 'sapo', secrets: { webhookSecret: 'sapo_a' }, other: { webhookSecret: 'sapo_b' }, headers: { 'x-sapo-topic': 'orders/create' }, coversBody: true, header: 'x-sapo-hmac-sha256' },
  woocommerce: { platform: 'woocommerce', secrets: { webhookSecret: 'wc&a' }, other: { webhookSecret: 'wc_b' }, headers: { 'x-wc-webhook-topic': 'order.created' }, coversBody: true, header: 'x-wc-webhook-signature' },
  'woocommerce (sha512)': { platform: 'woocommerce', secrets: { webhookSecret: 'wc_a' }, other: { webhookSecret: 'wc_b' }, settings: { hashAlgorithm: 'sha512' }, coversBody: true, header: 'x-wc-webhook-signature' },
  lazada: { platform: 'lazada', secrets: { appSecret: 'laz_a' }, other: { appSecret: 'laz_b' }, settings: { appKey: '100200' }, coversBody: true, header: 'authorization' },
  'kiotviet (default variant)': { platform: 'kiotviet', secrets: { webhookSecret: 'kv_a' }, other: { webhookSecret: 'kv_b' }, coversBody: true, header: 'x-hub-signature' },
  'kiotviet (locked sha1/base64-decoded-secret/base64, sha1= prefix)': {
    platform: 'kiotviet', secrets: { webhookSecret: 'a2lvdHZpZXQtc2VjcmV0' }, other: { webhookSecret: 'b3RoZXItc2VjcmV0' },
    settings: { lockedVariant: 'sha1/base64-decoded-secret/base64' }, headers: { 'x-hub-signature': 'sha1=old' }, coversBody: true, header: 'x-hub-signature',
  },
  'nhanhvn v3 (header token)': { platform: 'nhanhvn', secrets: { verifyToken: 'nh_a' }, other: { verifyToken: 'nh_b' }, coversBody: false, header: 'verifytoken' },
  'nhanhvn v3 (token in the body)': {
    platform: 'nhanhvn', secrets: { verifyToken: 'nh_a' }, other: { verifyToken: 'nh_b' }, coversBody: false, header: 'verifytoken',
    body: Buffer.from('{"event":"orderAdd","webhooksVerifyToken":"whatever-it-was","data":{"orderId":1001}}'),
  },
  'nhanhvn v1 (urlencoded checksum)': {
    platform: 'nhanhvn', secrets: { secretKey: 'nh_secret_a' }, other: { secretKey: 'nh_secret_b' }, coversBody: true, header: 'content-type',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(`storeId=7&data=${encodeURIComponent('{"orderId":1001,"status":"New"}')}&checksum=00`),
  },
  'nhanhvn v1 (multipart checksum)': {
    platform: 'nhanhvn', secrets: { secretKey: 'nh_secret_a' }, other: { secretKey: 'nh_secret_b' }, coversBody: true, header: 'content-type',
    headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
    body: Buffer.from(['--XyZ', 'Content-Disposition: form-data; name="data"', '', '{"orderId":1001}', '--XyZ', 'Content-Disposition: form-data; name="checksum"', '', 'ffff', '--XyZ--', ''].join('\r\n')),
  },
  'ladisales (URL token + header secret)': {
    platform: 'ladisales', secrets: { urlToken: 'tok_a', headerSecret: 'hs_a' }, other: { urlToken: 'tok_b', headerSecret: 'hs_b' }, coversBody: false, header: 'x-flowdesk-secret',
  },
  'catchhook (URL token)': { platform: 'catchhook', secrets: { urlToken: 'tok_a' }, other: { urlToken: 'tok_b' }, coversBody: false, header: 'content-type' },
};

describe('signers: verify(sign(x)) is ok', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const adapter = platforms.get(c.platform)!;
      const conn = connection(c.platform, c.secrets, c.settings);
      const original = delivery(c.headers ?? {}, c.body, '/hooks/conn_test?token=%E2%80%A2%E2%80%A2');
      const signed = signDelivery(adapter, original, conn);
      expect(adapter.verify(signed, conn)).toMatchObject({ ok: true });
      expect(signed.headers[c.header]).toBeTruthy();

      // Signed with another secret: refused.
      const elsewhere = signDelivery(adapter, original, connection(c.platform, c.other, c.settings));
      expect(adapter.verify(elsewhere, conn)).toMatchObject({ ok: false });

      if (c.coversBody) {
        const changed = { ...signed, body: tamper(signed.body) };
        expect(adapter.verify(changed, conn)).toMatchObject({ ok: false });
      }
    });
  }

  it('keeps every byte of a form but the checksum, and the JSON body but the token', () => {
    const nhanh = platforms.get('nhanhvn')!;
    const v1 = cases['nhanhvn v1 (urlencoded checksum)']!;
    const signed = signDelivery(nhanh, delivery(v1.headers!, v1.body), connection('nhanhvn', v1.secrets));
    expect(signed.body.toString()).toMatch(/^storeId=7&data=%7B%22orderId%22%3A1001%2C%22status%22%3A%22New%22%7D&checksum=[0-9a-f]{32}$/);
    const v3 = cases['nhanhvn v3 (token in the body)']!;
    const token = signDelivery(nhanh, delivery({}, v3.body), connection('nhanhvn', v3.secrets));
    expect(token.body.toString()).toBe('{"event":"orderAdd","webhooksVerifyToken":"nh_a","data":{"orderId":1001}}');
  });

  it('a signer without its secret says so', () => {
    expect(() => signDelivery(platforms.get('shopify')!, delivery({}), connection('shopify', {}))).toThrow(/no webhook secret/);
    expect(() => signDelivery(platforms.get('lazada')!, delivery({}), connection('lazada', { appSecret: 'x' }))).toThrow(/app key/);
  });
});
