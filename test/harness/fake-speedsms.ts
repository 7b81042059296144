import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of SpeedSMS's wire format. */
export interface SpeedsmsRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The JSON body; null for a GET. */
  body: Record<string, unknown> | null;
}

/**
 * What the fake does with the next send instead of sending: an error inside HTTP 200
 * (`status:"error"`, a code, maybe `invalidPhone`), a success that lists the number as invalid,
 * an HTTP status with headers (429 + X-Rate-Limit-Reset), or the answer dropped after sending.
 */
export type SpeedsmsScript =
  | { code: string; message: string; invalidPhone?: string[] }
  | { invalidOnSuccess: true }
  | { http: number; headers?: Record<string, string>; body?: string }
  | { sendThenDrop: true };

export interface FakeSpeedsms {
  baseUrl: string;
  token: string;
  requests: SpeedsmsRequest[];
  /** Messages actually sent: one per number. */
  sent: { to: string; content: string; smsType: unknown; sender: unknown }[];
  script(...next: SpeedsmsScript[]): void;
  close(): Promise<void>;
}

/**
 * SpeedSMS.vn on 127.0.0.1 (connectors.md §2.2, §9.3): POST /index.php/sms/send with JSON and
 * GET /index.php/user/info, HTTP Basic with the access token as user and "x" as password.
 * Answers as SpeedSMS does: HTTP 200 with `status`/`code` in the body, errors included; a bad
 * token is a 401 (Yii's shape, as SpeedSMS's 429). It has no dedupe: a resend sends again.
 */
export async function startFakeSpeedsms(token = 'speedsms-token-0003'): Promise<FakeSpeedsms> {
  const requests: SpeedsmsRequest[] = [];
  const sent: FakeSpeedsms['sent'] = [];
  const scripted: SpeedsmsScript[] = [];
  let tranIds = 9000;
  const expected = `Basic ${Buffer.from(`${token}:x`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      let body: Record<string, unknown> | null = null;
      const answer = (json: unknown, status = 200, headers: IncomingHttpHeaders = {}) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(JSON.stringify(json));
      if (raw !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return answer({ status: 'error', code: '101', message: 'invalid json' });
        }
      }
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      if (req.headers.authorization !== expected) {
        return answer({ name: 'Unauthorized', message: 'Your request was made with invalid credentials.', code: 0, status: 401 }, 401);
      }
      if (req.method === 'GET' && path === '/index.php/user/info') {
        return answer({ status: 'success', code: '00', data: { email: 'shop@example.vn', balance: 125000, currency: 'VND' } });
      }
      if (req.method !== 'POST' || path !== '/index.php/sms/send' || !body) return answer({ name: 'Not Found', message: 'Page not found.', code: 0, status: 404 }, 404);
      const to = Array.isArray(body['to']) ? body['to'].map(String) : [];
      const next = scripted.shift();
      if (next && 'code' in next) return answer({ status: 'error', code: next.code, message: next.message, ...(next.invalidPhone ? { invalidPhone: next.invalidPhone } : {}) });
      if (next && 'http' in next) return void res.writeHead(next.http, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? '');
      if (next && 'invalidOnSuccess' in next) return answer({ status: 'success', code: '00', data: { tranId: ++tranIds, totalSMS: 0, totalPrice: 0, invalidPhone: to } });
      for (const n of to) sent.push({ to: n, content: String(body['content']), smsType: body['sms_type'], sender: body['sender'] });
      // Sent, but the answer never arrives: the sender cannot tell, and SpeedSMS would send a resend again.
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      answer({ status: 'success', code: '00', data: { tranId: ++tranIds, totalSMS: to.length, totalPrice: 250 * to.length, invalidPhone: [] } });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    requests,
    sent,
    script: (...next) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
