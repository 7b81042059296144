import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callLazada, signLazadaRequest } from './lazada-api.ts';

const client = (fetchImpl: typeof fetch) => ({
  baseUrl: 'https://api.lazada.vn/rest/',
  appKey: '112233',
  appSecret: 'secret',
  accessToken: 'tok',
  fetch: fetchImpl,
  now: () => 1_700_000_000_000,
});

describe('Lazada API signing', () => {
  it('signs the API path followed by the sorted name+value pairs, uppercase hex', () => {
    const params = { timestamp: '1700000000000', app_key: '112233', order_id: '42', sign_method: 'sha256', access_token: 'tok', empty: '' };
    const text = '/order/getaccess_tokentokapp_key112233order_id42sign_methodsha256timestamp1700000000000';
    expect(signLazadaRequest('/order/get', params, 'secret')).toBe(createHmac('sha256', 'secret').update(text).digest('hex').toUpperCase());
    expect(signLazadaRequest('/order/get', { ...params, sign: 'ignored' }, 'secret')).toBe(signLazadaRequest('/order/get', params, 'secret'));
  });

  it('sends the common parameters and the sign on a GET to base URL + path', async () => {
    let seen: URL | null = null;
    const fake = (async (input: string | URL | Request) => {
      seen = new URL(String(input));
      return new Response(JSON.stringify({ code: '0', data: { order_id: 42 }, request_id: 'r1' }), { status: 200 });
    }) as typeof fetch;
    await expect(callLazada(client(fake), '/order/get', { order_id: '42' })).resolves.toEqual({ order_id: 42 });
    const url = seen as unknown as URL;
    expect(url.origin + url.pathname).toBe('https://api.lazada.vn/rest/order/get');
    const params = Object.fromEntries(url.searchParams.entries());
    expect(params).toMatchObject({ order_id: '42', app_key: '112233', timestamp: '1700000000000', sign_method: 'sha256', access_token: 'tok' });
    expect(params['sign']).toBe(signLazadaRequest('/order/get', params, 'secret'));
  });

  it('turns Lazada\'s error answers into readable errors', async () => {
    const refuse = (async () => new Response(JSON.stringify({ type: 'ISP', code: 'IllegalAccessToken', message: 'The specified access token is invalid or expired', request_id: 'r2' }))) as typeof fetch;
    await expect(callLazada(client(refuse), '/order/get', {})).rejects.toThrow('Lazada /order/get refused the request: IllegalAccessToken (The specified access token is invalid or expired), request_id r2');
    const down = (async () => new Response('bad gateway', { status: 502 })) as typeof fetch;
    await expect(callLazada(client(down), '/order/get', {})).rejects.toThrow('Lazada /order/get answered HTTP 502: bad gateway');
  });
});
