import { createHash } from 'node:crypto';
import { z } from 'zod';
import { KiotVietApiCustomer } from './kiotviet-payload.ts';

/**
 * KiotViet Public API: an OAuth client-credentials token (POST to the token URL, form
 * `scopes=PublicApi.Access&grant_type=client_credentials&client_id&client_secret`), then requests
 * with `Authorization: Bearer …` and `Retailer: {shop name}`.
 */
export interface KiotVietApi {
  apiBaseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The shop name, as in {name}.kiotviet.vn: the `Retailer` header. */
  retailer: string;
  fetch: typeof fetch;
  now(): number;
}

const TokenAnswer = z.looseObject({ access_token: z.string().min(1), expires_in: z.number().nullish(), token_type: z.string().nullish() });
const TIMEOUT_MS = 20_000;
/** Tokens last a day; one is reused until a minute before it expires. */
const tokens = new Map<string, { token: string; expiresAt: number }>();

function cacheKey(api: KiotVietApi): string {
  return createHash('sha256').update(`${api.tokenUrl}\n${api.clientId}\n${api.clientSecret}`).digest('hex');
}

async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    throw new Error(`${what} answered HTTP ${res.status} with something that is not JSON: ${text.slice(0, 200)}`);
  }
}

export async function kiotVietToken(api: KiotVietApi, fresh = false): Promise<string> {
  const key = cacheKey(api);
  const cached = tokens.get(key);
  if (!fresh && cached && cached.expiresAt > api.now()) return cached.token;
  const form = new URLSearchParams({ scopes: 'PublicApi.Access', grant_type: 'client_credentials', client_id: api.clientId, client_secret: api.clientSecret });
  const res = await api.fetch(api.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json = await readJson(res, 'the KiotViet token URL');
  const answer = TokenAnswer.safeParse(json);
  if (!res.ok || !answer.success) {
    const error = json && typeof json === 'object' ? (json as Record<string, unknown>)['error_description'] ?? (json as Record<string, unknown>)['error'] : null;
    throw new Error(`KiotViet refused the client credentials (HTTP ${res.status}${error ? `: ${String(error)}` : ''}): check the client ID and secret`);
  }
  const lifetime = (answer.data.expires_in ?? 3600) - 60;
  tokens.set(key, { token: answer.data.access_token, expiresAt: api.now() + Math.max(lifetime, 0) * 1000 });
  return answer.data.access_token;
}

/** GET /customers/{id}; null when KiotViet no longer has that customer. Retries once with a fresh token on 401. */
export async function fetchKiotVietCustomer(api: KiotVietApi, customerId: string): Promise<KiotVietApiCustomer | null> {
  const url = `${api.apiBaseUrl.replace(/\/+$/, '')}/customers/${encodeURIComponent(customerId)}`;
  const get = async (token: string) =>
    api.fetch(url, { headers: { authorization: `Bearer ${token}`, retailer: api.retailer, accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  let res = await get(await kiotVietToken(api));
  if (res.status === 401) res = await get(await kiotVietToken(api, true));
  const json = await readJson(res, `KiotViet GET /customers/${customerId}`);
  if (res.status === 404) return null;
  if (!res.ok) {
    const status = json && typeof json === 'object' ? (json as { responseStatus?: { errorCode?: string; message?: string } }).responseStatus : undefined;
    throw new Error(`KiotViet GET /customers/${customerId} answered HTTP ${res.status}${status ? `: ${status.errorCode ?? ''} ${status.message ?? ''}`.trimEnd() : ''}`);
  }
  const customer = KiotVietApiCustomer.safeParse(json);
  if (!customer.success) throw new Error(`KiotViet GET /customers/${customerId}: not a customer: ${z.prettifyError(customer.error)}`);
  return customer.data;
}
