import { createHmac } from 'node:crypto';
import type { ConnectionSecrets } from '../adapter.ts';
import { base64DecodedSecret, type KiotVietVariant } from './kiotviet-signature.ts';
import type { KiotVietSettings } from './kiotviet-settings.ts';

/** The variant signed when none is locked: the first the observe mode tries. */
export const DEFAULT_SIGN_VARIANT: KiotVietVariant = 'sha256/raw-secret/hex';

/**
 * `X-Hub-Signature` in the connection's locked variant (else the default one), keeping the
 * `sha1=`/`sha256=` prefix the delivery carried: verify reads past it.
 */
export function signKiotViet(body: Buffer, secrets: ConnectionSecrets, settings: KiotVietSettings, headers: Record<string, string>): Record<string, string> {
  const secret = secrets['webhookSecret'];
  if (!secret) throw new Error('the connection has no webhook secret to sign with');
  const variant = settings.lockedVariant ?? DEFAULT_SIGN_VARIANT;
  const [hash, keyKind, encoding] = variant.split('/') as ['sha1' | 'sha256', string, 'hex' | 'base64'];
  const key = keyKind === 'raw-secret' ? Buffer.from(secret, 'utf8') : base64DecodedSecret(secret);
  if (!key) throw new Error(`the secret is not base64, so variant ${variant} cannot sign with it`);
  const prefix = /^(sha1|sha256)=/i.exec(headers['x-hub-signature']?.trim() ?? '')?.[0] ?? '';
  return { 'x-hub-signature': prefix + createHmac(hash, key).update(body).digest(encoding) };
}
