import type { ConnectionSecrets } from '../adapter.ts';
import { hmacSha256 } from '../hmac.ts';
import type { LazadaSettings } from './lazada-settings.ts';

/** `Authorization`: the hex HMAC-SHA256 of app_key + body with the app secret (no URL, no timestamp). */
export function signLazada(body: Buffer, secrets: ConnectionSecrets, settings: LazadaSettings): Record<string, string> {
  const secret = secrets['appSecret'];
  if (!secret) throw new Error('the connection has no app secret to sign with');
  if (!settings.appKey) throw new Error('the connection has no app key (setting "appKey"): Lazada signs app_key + body');
  return { authorization: hmacSha256(secret, Buffer.concat([Buffer.from(settings.appKey, 'utf8'), body])).toString('hex') };
}
