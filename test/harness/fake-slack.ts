import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Slack's wire format. */
export interface SlackRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/**
 * What the fake does with the next post instead of posting: a 429 with Retry-After, a Web API
 * error inside HTTP 200 (`{ok:false,error}`), an HTTP status with a plain-text body (webhooks),
 * or a post whose answer is cut off.
 */
export type SlackScript = { retryAfter: number } | { error: string } | { status: number; text: string } | { sendThenDrop: true };

export const SLACK_CHANNEL = { id: 'C0123ABCD', name: 'don-hang' } as const;
export const SLACK_WEBHOOK_PATH = '/services/T0001AAAA/B0002BBBB/abcdEFGHijklMNOPqrstUVWX';

export interface FakeSlack {
  /** The Web API's address (the account's base URL setting). */
  apiUrl: string;
  /** The incoming webhook's address (the account's secret). */
  webhookUrl: string;
  token: string;
  requests: SlackRequest[];
  /** Messages actually posted, in order. */
  posted: { via: 'webhook' | 'chat.postMessage'; channel: string; text: string; ts: string }[];
  script(...next: SlackScript[]): void;
  /** The webhook's app was removed: its address answers 404 `no_service` from now on. */
  revokeWebhook(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const json = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'text/html', ...headers }).end(text);

/**
 * Slack on 127.0.0.1 (connectors.md §6, §9.3): the Web API under `/api` (auth.test,
 * chat.postMessage with `Authorization: Bearer`, every verdict in HTTP 200 `{ok}` except 429
 * with Retry-After) and one incoming webhook under `/services/…` (HTTP 200 `ok`; errors as
 * plain-text codes with a 4xx/5xx status). Slack keeps no idempotency key: every post is a message.
 */
export async function startFakeSlack(token = 'xoxb-1111-2222-fakeTokenForTests'): Promise<FakeSlack> {
  const requests: SlackRequest[] = [];
  const posted: FakeSlack['posted'] = [];
  const scripted: SlackScript[] = [];
  let revoked = false;
  let ts = 1_503_435_956;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = req.url ?? '';
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown> | null;
      try {
        body = raw === '' ? null : (JSON.parse(raw) as Record<string, unknown>);
      } catch {
        body = null;
      }
      requests.push({ method: req.method ?? '', path, contentType, authorization: req.headers.authorization, body, atMs: Date.now() });
      const text = typeof body?.['text'] === 'string' ? body['text'] : '';
      const post = (via: 'webhook' | 'chat.postMessage', channel: string) => {
        const stamp = `${++ts}.000200`;
        posted.push({ via, channel, text, ts: stamp });
        return stamp;
      };

      if (path === SLACK_WEBHOOK_PATH) {
        if (revoked) return plain(res, 404, 'no_service');
        if (body === null) return plain(res, 400, 'invalid_payload');
        if (text.trim() === '') return plain(res, 400, 'no_text');
        const next = scripted.shift();
        if (next && 'retryAfter' in next) return plain(res, 429, 'rate_limited', { 'retry-after': String(next.retryAfter) });
        if (next && 'status' in next) return plain(res, next.status, next.text);
        post('webhook', SLACK_CHANNEL.id);
        if (next && 'sendThenDrop' in next) return void req.socket.destroy();
        return plain(res, 200, 'ok');
      }
      if (path.startsWith('/services/')) return plain(res, 404, 'no_service');

      const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
      if (!method || req.method !== 'POST') return json(res, { ok: false, error: 'unknown_method' }, 404);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer) return json(res, { ok: false, error: 'not_authed' });
      if (bearer !== token) return json(res, { ok: false, error: 'invalid_auth' });
      if (method === 'auth.test') {
        return json(res, { ok: true, url: 'https://cuahangan.slack.com/', team: 'Cửa hàng An', user: 'flowdesk_bot', team_id: 'T0001AAAA', user_id: 'U0003CCCC', bot_id: 'B0004DDDD', is_enterprise_install: false });
      }
      if (method !== 'chat.postMessage') return json(res, { ok: false, error: 'unknown_method' });
      const next = scripted.shift();
      if (next && 'retryAfter' in next) return json(res, { ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(next.retryAfter) });
      if (next && 'error' in next) return json(res, { ok: false, error: next.error });
      if (next && 'status' in next) return plain(res, next.status, next.text);
      const channel = body?.['channel'];
      if (channel !== SLACK_CHANNEL.id && channel !== `#${SLACK_CHANNEL.name}` && channel !== SLACK_CHANNEL.name) return json(res, { ok: false, error: 'channel_not_found' });
      if (text.trim() === '') return json(res, { ok: false, error: 'no_text' });
      const stamp = post('chat.postMessage', SLACK_CHANNEL.id);
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      return json(res, { ok: true, channel: SLACK_CHANNEL.id, ts: stamp, message: { type: 'message', subtype: 'bot_message', text, ts: stamp, bot_id: 'B0004DDDD' } });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${origin}/api`,
    webhookUrl: `${origin}${SLACK_WEBHOOK_PATH}`,
    token,
    requests,
    posted,
    script: (...next) => void scripted.push(...next),
    revokeWebhook: () => {
      revoked = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
