import type { ConnectionSecrets, RawDelivery } from '../adapter.ts';
import { HEADER_SECRET, URL_TOKEN } from './url-token.ts';

/** The header secret, in the header the settings name, when the connection has one (LadiSales, catch hooks). */
export function signHeaderSecret(_body: Buffer, secrets: ConnectionSecrets, settings: { headerName: string }): Record<string, string> {
  const secret = secrets[HEADER_SECRET];
  return secret ? { [settings.headerName.toLowerCase()]: secret } : {};
}

/** The path with `?token=<the connection's secret token>`, the proof these senders carry in the URL (stored paths have it masked). */
export function signUrlToken(delivery: RawDelivery, secrets: ConnectionSecrets): { body: Buffer; path: string } {
  const token = secrets[URL_TOKEN];
  if (!token) throw new Error('the connection has no secret token to put in the URL');
  const q = delivery.path.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : delivery.path.slice(q + 1));
  params.set('token', token);
  return { body: delivery.body, path: `${q < 0 ? delivery.path : delivery.path.slice(0, q)}?${params.toString()}` };
}
