import { createHash } from 'node:crypto';
import type { ConnectionSecrets, RawDelivery } from '../adapter.ts';
import { isFormBody, readForm } from './nhanhvn-form.ts';

const md5Hex = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** API v2/v3: the shared token in the `verifyToken` header (a v1 form carries its checksum in the body instead). */
export function signNhanh<S>(_body: Buffer, secrets: ConnectionSecrets, _settings: S, headers: Record<string, string>): Record<string, string> {
  if (isFormBody(headers['content-type'])) return {};
  const token = secrets['verifyToken'];
  if (!token) throw new Error('the connection has no webhooks verify token to sign with');
  return { verifytoken: token };
}

/**
 * The body as Nhanh.vn would send it with this connection's secrets: a v1 form gets
 * `checksum = md5(md5(secretKey + data) + data)` written in place of the one it had; a v3 body
 * that carries `webhooksVerifyToken` gets the token. Every other byte is kept.
 */
export function signNhanhRequest(delivery: RawDelivery, secrets: ConnectionSecrets): { body: Buffer; path: string } {
  const contentType = delivery.headers['content-type'];
  if (isFormBody(contentType)) {
    const secretKey = secrets['secretKey'];
    if (!secretKey) throw new Error('the connection has no API secret key to sign a Nhanh.vn v1 webhook with');
    const data = readForm(delivery.body, contentType).get('data');
    if (data === undefined) throw new Error('the form has no data field to sign');
    return { body: withChecksum(delivery.body, contentType ?? '', md5Hex(md5Hex(secretKey + data) + data)), path: delivery.path };
  }
  const token = secrets['verifyToken'];
  const text = delivery.body.toString('utf8');
  const field = /("webhooksVerifyToken"\s*:\s*)"(?:[^"\\]|\\.)*"/;
  if (!token || !field.test(text)) return { body: delivery.body, path: delivery.path };
  return { body: Buffer.from(text.replace(field, (_m, key: string) => key + JSON.stringify(token)), 'utf8'), path: delivery.path };
}

/** The form with its checksum field's value replaced (latin1 keeps every byte as it was). */
function withChecksum(body: Buffer, contentType: string, checksum: string): Buffer {
  const text = body.toString('latin1');
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const part = /(name="?checksum"?[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)[^\r\n]*/i;
    if (!part.test(text)) throw new Error('the form has no checksum part to replace');
    return Buffer.from(text.replace(part, (_m, head: string) => head + checksum), 'latin1');
  }
  const field = /(^|&)checksum=[^&]*/;
  const signed = field.test(text) ? text.replace(field, (_m, lead: string) => `${lead}checksum=${checksum}`) : `${text}&checksum=${checksum}`;
  return Buffer.from(signed, 'latin1');
}
