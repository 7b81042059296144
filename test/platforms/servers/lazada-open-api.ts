import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Lazada's Open Platform gateway (https://api.lazada.vn/rest): it checks
 * every request's `sign` the way Lazada does (written here independently of the adapter's
 * client) and answers in Lazada's format, `{"code":"0","data":…,"request_id":"…"}` or an error
 * code and message.
 */
export interface LazadaOrderState {
  order: Record<string, unknown>;
  items: Record<string, unknown>[];
}

export interface LazadaRequestLog {
  api: string;
  params: Record<string, string>;
  answer: string;
}

export interface LazadaOpenApi {
  /** What a connection's `apiBaseUrl` setting should be. */
  baseUrl: string;
  orders: Map<string, LazadaOrderState>;
  requests: LazadaRequestLog[];
  close(): Promise<void>;
}

function expectedSign(api: string, params: Record<string, string>, secret: string): string {
  const text = api + Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => k + params[k]).join('');
  return createHmac('sha256', secret).update(text).digest('hex').toUpperCase();
}

export async function startLazadaOpenApi(credentials: { appKey: string; appSecret: string; accessToken: string }): Promise<LazadaOpenApi> {
  const orders = new Map<string, LazadaOrderState>();
  const requests: LazadaRequestLog[] = [];
  let seq = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams.entries());
    const api = url.pathname.replace(/^\/rest/, '');
    const requestId = `0ba2887315178178017${String(++seq).padStart(6, '0')}`;
    const answer = (code: string, body: Record<string, unknown>) => {
      requests.push({ api, params, answer: code });
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify({ ...body, code, request_id: requestId }));
    };
    const error = (code: string, message: string, type = 'ISV') => answer(code, { type, message });

    if (req.method !== 'GET' || !url.pathname.startsWith('/rest/')) return error('InvalidApiPath', `The specified API path is invalid: ${url.pathname}`);
    for (const name of ['app_key', 'timestamp', 'sign_method', 'sign']) {
      if (!params[name]) return error('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied`);
    }
    if (params['app_key'] !== credentials.appKey) return error('InvalidAppKey', 'The specified app key is invalid');
    if (params['sign_method'] !== 'sha256') return error('InvalidSignMethod', 'The specified sign method is not supported');
    if (Math.abs(Date.now() - Number(params['timestamp'])) > 7_200_000) return error('InvalidTimestamp', 'The specified timestamp is invalid');
    const given = Buffer.from(params['sign']!);
    const wanted = Buffer.from(expectedSign(api, params, credentials.appSecret));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return error('IncompleteSignature', 'The request signature does not conform to platform standards');
    }
    if (params['access_token'] !== credentials.accessToken) return error('IllegalAccessToken', 'The specified access token is invalid or expired', 'ISP');

    const state = orders.get(params['order_id'] ?? '');
    if (api === '/order/get' || api === '/order/items/get') {
      if (!state) return error('ORDER_NOT_FOUND', `order ${params['order_id'] ?? '(none)'} not found`);
      return answer('0', { data: api === '/order/get' ? state.order : state.items });
    }
    return error('InvalidApiPath', `The specified API path is invalid: ${api}`);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/rest`,
    orders,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
