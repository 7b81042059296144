import { createHmac } from 'node:crypto';
import type { ConnectionSecrets } from '../adapter.ts';
import type { WooSettings } from './woocommerce-status.ts';

/** `X-WC-Webhook-Signature`: the base64 HMAC of the raw body with the secret, in the connection's hash algorithm. */
export function signWooCommerce(body: Buffer, secrets: ConnectionSecrets, settings: WooSettings): Record<string, string> {
  const secret = secrets['webhookSecret'];
  if (!secret) throw new Error('the connection has no webhook secret to sign with');
  return { 'x-wc-webhook-signature': createHmac(settings.hashAlgorithm, secret).update(body).digest('base64') };
}
