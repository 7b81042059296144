import type { ConnectionSecrets } from '../adapter.ts';
import { hmacSha256 } from '../hmac.ts';

/** `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw body with the webhook secret (the inverse of the adapter's verify). */
export function signShopify(body: Buffer, secrets: ConnectionSecrets, _settings: unknown, headers: Record<string, string>): Record<string, string> {
  const secret = secrets['webhookSecret'];
  if (!secret) throw new Error('the connection has no webhook secret to sign with');
  const signature = hmacSha256(secret, body).toString('base64');
  // Newer deliveries name it without the X- prefix; both are read, the X- one first.
  return { 'x-shopify-hmac-sha256': signature, ...('shopify-hmac-sha256' in headers ? { 'shopify-hmac-sha256': signature } : {}) };
}
