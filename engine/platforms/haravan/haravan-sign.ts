import type { ConnectionSecrets } from '../adapter.ts';
import { hmacSha256 } from '../hmac.ts';

/**
 * `X-Haravan-HmacSha256`: the base64 HMAC-SHA256 of the raw body, with the webhook secret (or,
 * when the connection holds only that, the app secret): either verifies. The header keeps the
 * spelling the delivery had.
 */
export function signHaravan(body: Buffer, secrets: ConnectionSecrets, _settings: unknown, headers: Record<string, string>): Record<string, string> {
  const secret = secrets['webhookSecret'] || secrets['appSecret'];
  if (!secret) throw new Error('the connection has neither a webhook secret nor an app secret to sign with');
  const name = 'x-haravan-hmac-sha256' in headers && !('x-haravan-hmacsha256' in headers) ? 'x-haravan-hmac-sha256' : 'x-haravan-hmacsha256';
  return { [name]: hmacSha256(secret, body).toString('base64') };
}
