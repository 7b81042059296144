import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for KiotViet's identity server (https://id.kiotviet.vn/connect/token) and
 * Public API (https://public.kiotapi.com): client-credentials tokens, then GET /customers/{id}
 * only with a token it issued (`Authorization: Bearer …`) and the right `Retailer` header.
 * Errors come as `{"responseStatus":{"errorCode":…,"message":…}}`, as the Public API sends them.
 */
export interface KiotVietRequestLog {
  method: string;
  path: string;
  authorization: string | null;
  retailer: string | null;
  status: number;
}

export interface KiotVietPublicApi {
  tokenUrl: string;
  apiBaseUrl: string;
  customers: Map<string, Record<string, unknown>>;
  requests: KiotVietRequestLog[];
  /** Forgets every token issued so far, as if they had expired. */
  expireTokens(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startKiotVietPublicApi(credentials: { clientId: string; clientSecret: string; retailer: string }): Promise<KiotVietPublicApi> {
  const customers = new Map<string, Record<string, unknown>>();
  const requests: KiotVietRequestLog[] = [];
  const issued = new Set<string>();
  let seq = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const authorization = req.headers['authorization'] ?? null;
      const retailer = (req.headers['retailer'] as string | undefined) ?? null;
      const send = (status: number, body: unknown) => {
        requests.push({ method: req.method ?? '', path: url.pathname, authorization, retailer, status });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      const failure = (status: number, errorCode: string, message: string) => send(status, { responseStatus: { errorCode, message, errors: [] } });

      if (req.method === 'POST' && url.pathname === '/connect/token') {
        const form = new URLSearchParams(await readBody(req));
        const ok =
          req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') &&
          form.get('grant_type') === 'client_credentials' &&
          form.get('scopes') === 'PublicApi.Access' &&
          form.get('client_id') === credentials.clientId &&
          form.get('client_secret') === credentials.clientSecret;
        if (!ok) return send(400, { error: 'invalid_client' });
        const token = `kv-access-token-${++seq}`;
        issued.add(token);
        return send(200, { access_token: token, expires_in: 86400, token_type: 'Bearer' });
      }

      const customer = /^\/customers\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && customer) {
        const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
        if (!token || !issued.has(token)) return failure(401, 'Unauthorized', 'Bạn không có quyền truy cập (access token không hợp lệ)');
        if (retailer !== credentials.retailer) return failure(400, 'BadRequest', `Retailer "${retailer ?? ''}" không tồn tại`);
        const found = customers.get(decodeURIComponent(customer[1]!));
        if (!found) return failure(404, 'NotFound', 'Không tìm thấy khách hàng');
        return send(200, found);
      }
      return failure(404, 'NotFound', `no route ${req.method} ${url.pathname}`);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    tokenUrl: `${origin}/connect/token`,
    apiBaseUrl: origin,
    customers,
    requests,
    expireTokens: () => issued.clear(),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
