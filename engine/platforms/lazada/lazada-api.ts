import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { LazadaApiItem, LazadaApiOrder, LazadaEnvelope } from './lazada-payload.ts';

/**
 * Lazada Open Platform requests (the "sign" parameter, as the official lazop SDKs compute it):
 * sort every parameter but `sign` by name, concatenate name+value, put the API path
 * ("/order/get") in front, HMAC-SHA256 with the app secret, uppercase hex. Empty values are
 * left out, as the SDKs do.
 */
export function signLazadaRequest(apiPath: string, params: Record<string, string>, appSecret: string): string {
  const names = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort();
  const text = apiPath + names.map((k) => `${k}${params[k]}`).join('');
  return createHmac('sha256', appSecret).update(text, 'utf8').digest('hex').toUpperCase();
}

export interface LazadaClient {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  accessToken: string;
  fetch: typeof fetch;
  /** Milliseconds now, for the `timestamp` parameter. */
  now(): number;
}

const TIMEOUT_MS = 20_000;

/** One signed GET; returns `data` of a `code: "0"` answer, throws a readable error otherwise. */
export async function callLazada(client: LazadaClient, apiPath: string, params: Record<string, string>): Promise<unknown> {
  const all: Record<string, string> = {
    ...params,
    app_key: client.appKey,
    timestamp: String(client.now()),
    sign_method: 'sha256',
    access_token: client.accessToken,
  };
  all['sign'] = signLazadaRequest(apiPath, all, client.appSecret);
  const url = new URL(client.baseUrl.replace(/\/+$/, '') + apiPath);
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);

  const res = await client.fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  if (!res.ok) throw new Error(`Lazada ${apiPath} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Lazada ${apiPath} answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  const envelope = LazadaEnvelope.safeParse(json);
  if (!envelope.success) throw new Error(`Lazada ${apiPath} answered an unexpected shape: ${text.slice(0, 200)}`);
  const { code, message, request_id: requestId } = envelope.data;
  if (code !== '0') {
    throw new Error(`Lazada ${apiPath} refused the request: ${code}${message ? ` (${message})` : ''}${requestId ? `, request_id ${requestId}` : ''}`);
  }
  return envelope.data.data;
}

/** The order and its items, as /order/get and /order/items/get describe them now. */
export async function fetchLazadaOrder(client: LazadaClient, orderId: string): Promise<{ order: LazadaApiOrder; items: LazadaApiItem[] }> {
  const orderData = await callLazada(client, '/order/get', { order_id: orderId });
  const order = LazadaApiOrder.safeParse(orderData);
  if (!order.success) throw new Error(`Lazada /order/get: not an order: ${z.prettifyError(order.error)}`);
  const itemsData = await callLazada(client, '/order/items/get', { order_id: orderId });
  const items = z.array(LazadaApiItem).safeParse(itemsData ?? []);
  if (!items.success) throw new Error(`Lazada /order/items/get: not a list of items: ${z.prettifyError(items.error)}`);
  return { order: order.data, items: items.data };
}
