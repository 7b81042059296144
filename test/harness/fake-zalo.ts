import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Zalo's wire format. */
export interface ZaloRequest {
  method: string;
  path: string;
  /** The headers Zalo reads: `access_token` (OA and ZNS), `secret_key` (OAuth), `content-type`. */
  accessToken: string | undefined;
  secretKey: string | undefined;
  contentType: string | undefined;
  raw: string;
  /** JSON, or the form fields of an OAuth call. */
  body: Record<string, unknown> | null;
  atMs: number;
}

/** What the fake does with the next ZNS or OA send instead of sending: a Zalo code in HTTP 200, an HTTP status, or a send whose answer is lost. */
export type ZaloScript = { code: number; message: string } | { status: number } | { sendThenDrop: true };

/** Phones (84…) and OA followers the fake knows. */
export const ZALO_PHONES = { onZalo: '84912345678', noZalo: '84987654321', refused: '84933333333' } as const;
export const ZALO_USERS = { follower: '2468458835296197922', notFollower: '1111111111111111111' } as const;

export interface FakeZalo {
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** The pair the fake issued last: the only refresh token that still works. */
  tokens: { accessToken: string; refreshToken: string };
  requests: ZaloRequest[];
  refreshes(): ZaloRequest[];
  /** ZNS messages actually sent, and OA messages. */
  zns: { phone: string; templateId: string; templateData: Record<string, string>; trackingId: unknown; mode: unknown; msgId: string }[];
  oa: { path: string; userId: string; message: Record<string, unknown>; messageId: string }[];
  script(...next: ZaloScript[]): void;
  /** Zalo forgets the current access token (expired or revoked): sends answer -124 (ZNS) or -216 (OA) until a refresh. */
  expireAccessToken(): void;
  /** `expires_in` of the next refreshes, in seconds, as the string Zalo sends. */
  expiresIn: string;
  /** How long a refresh takes to answer: long enough for concurrent sends to overlap. */
  refreshDelayMs: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const json = (res: ServerResponse, body: unknown, status = 200) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * Zalo on 127.0.0.1 (connectors.md §1, §9.3): OAuth v4 refresh (form-encoded, `secret_key`
 * header, single-use refresh tokens: a reused one answers -14014), ZNS `/message/template`,
 * OA `/v3.0/oa/message/cs|transaction` and `/v2.0/oa/getoa`, all with the token in an
 * `access_token` header and every error inside HTTP 200.
 */
export async function startFakeZalo(appId = '1234567890123456789', appSecret = 'zalo-app-secret-0001'): Promise<FakeZalo> {
  const requests: ZaloRequest[] = [];
  const scripted: ZaloScript[] = [];
  let issued = 0;
  const tokens = { accessToken: 'zalo-access-token-0000000000', refreshToken: 'zalo-refresh-token-0000000000' };
  const validAccess = new Set([tokens.accessToken]);
  const usedRefresh = new Set<string>();
  const self = {} as FakeZalo;

  const server: Server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const path = (req.url ?? '').split('?')[0]!;
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown> | null = null;
      if (raw !== '') body = contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : (JSON.parse(raw) as Record<string, unknown>);
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      requests.push({ method: req.method ?? '', path, accessToken: header('access_token'), secretKey: header('secret_key'), contentType, raw, body, atMs: Date.now() });

      if (path === '/v4/oa/access_token' && req.method === 'POST') {
        await new Promise((r) => setTimeout(r, self.refreshDelayMs));
        if (header('secret_key') !== appSecret || body?.['app_id'] !== appId) return json(res, { error: -14003, error_name: 'Invalid app', error_description: 'app_id or secret_key is invalid' });
        const rt = String(body?.['refresh_token'] ?? '');
        if (body?.['grant_type'] !== 'refresh_token') return json(res, { error: -14001, error_name: 'Invalid grant_type' });
        if (usedRefresh.has(rt) || rt !== tokens.refreshToken) return json(res, { error: -14014, error_name: 'Invalid refresh token', error_reason: 'refresh_token is invalid', error_description: 'Refresh token is invalid' });
        usedRefresh.add(rt);
        issued += 1;
        tokens.accessToken = `zalo-access-token-${String(issued).padStart(10, '0')}`;
        tokens.refreshToken = `zalo-refresh-token-${String(issued).padStart(10, '0')}`;
        validAccess.add(tokens.accessToken);
        return json(res, { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, expires_in: self.expiresIn });
      }

      const live = validAccess.has(header('access_token') ?? '');
      if (path === '/v2.0/oa/getoa' && req.method === 'GET') {
        return live ? json(res, { data: { oa_id: '4318690838466434866', name: 'Cửa hàng An', is_verified: true }, error: 0, message: 'Success' }) : json(res, { error: -216, message: 'Access token is invalid' });
      }
      if (path === '/message/template' && req.method === 'POST') {
        if (!live) return json(res, { error: -124, message: 'Access token invalid' });
        const next = scripted.shift();
        if (next && 'code' in next) return json(res, { error: next.code, message: next.message });
        if (next && 'status' in next) return void res.writeHead(next.status).end('Bad Gateway');
        const phone = String(body?.['phone'] ?? '');
        if (!/^84\d{9}$/.test(phone)) return json(res, { error: -108, message: 'Phone number invalid' });
        if (phone === ZALO_PHONES.noZalo) return json(res, { error: -118, message: 'Zalo account not existed' });
        if (phone === ZALO_PHONES.refused) return json(res, { error: -139, message: 'User refused to receive this message type' });
        const data = (body?.['template_data'] ?? {}) as Record<string, string>;
        if (Object.keys(data).length === 0) return json(res, { error: -111, message: 'Template data empty' });
        const msgId = `zns-msg-${self.zns.length + 1}`;
        self.zns.push({ phone, templateId: String(body?.['template_id']), templateData: data, trackingId: body?.['tracking_id'], mode: body?.['mode'], msgId });
        if (next && 'sendThenDrop' in next) return void req.socket.destroy();
        return json(res, { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()), sending_mode: '1', quota: { dailyQuota: '500', remainingQuota: String(500 - self.zns.length) } } });
      }
      const oa = /^\/v3\.0\/oa\/message\/(cs|transaction)$/.exec(path);
      if (oa && req.method === 'POST') {
        if (!live) return json(res, { error: -216, message: 'Access token is invalid' });
        const next = scripted.shift();
        if (next && 'code' in next) return json(res, { error: next.code, message: next.message });
        if (next && 'status' in next) return void res.writeHead(next.status).end('Bad Gateway');
        const userId = String((body?.['recipient'] as { user_id?: unknown } | undefined)?.user_id ?? '');
        if (userId !== ZALO_USERS.follower) return json(res, { error: -213, message: 'User has not followed OA' });
        const messageId = `oa-msg-${self.oa.length + 1}`;
        self.oa.push({ path: oa[1]!, userId, message: (body?.['message'] ?? {}) as Record<string, unknown>, messageId });
        if (next && 'sendThenDrop' in next) return void req.socket.destroy();
        return json(res, { data: { message_id: messageId, user_id: userId }, error: 0, message: 'Success' });
      }
      json(res, { error: -404, message: 'Not found' }, 404);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  Object.assign(self, {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    tokens,
    requests,
    refreshes: () => requests.filter((r) => r.path === '/v4/oa/access_token'),
    zns: [],
    oa: [],
    script: (...next: ZaloScript[]) => void scripted.push(...next),
    expireAccessToken: () => validAccess.clear(),
    expiresIn: '90000',
    refreshDelayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies Omit<FakeZalo, never>);
  return self;
}
