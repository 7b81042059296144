import type { ConnectionSecrets } from '../adapter.ts';
import { hmacSha256 } from '../hmac.ts';

/** `X-Sapo-Hmac-Sha256` (read before the X-Shopify- spelling): the base64 HMAC-SHA256 of the raw body with the secret key. */
export function signSapo(body: Buffer, secrets: ConnectionSecrets): Record<string, string> {
  const secret = secrets['webhookSecret'];
  if (!secret) throw new Error('the connection has no Sapo secret key to sign with');
  return { 'x-sapo-hmac-sha256': hmacSha256(secret, body).toString('base64') };
}
