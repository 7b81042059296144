import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Resend's wire format. */
export interface ResendRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/**
 * What the fake does with the next POST /emails instead of answering as usual: a 429 rate limit
 * with Retry-After, a quota spent, a 409 "same key still in progress", an HTTP status (5xx:
 * nothing sent), or an email sent whose answer never arrives (the socket closed mid-answer).
 */
export type ResendScript =
  | { rateLimited: number }
  | { quota: 'daily' | 'monthly' }
  | { concurrent: true }
  | { status: number }
  | { sendThenDrop: true };

export interface FakeResend {
  baseUrl: string;
  apiKey: string;
  requests: ResendRequest[];
  /** Emails actually sent (once per idempotency key), in order. */
  sent: { id: string; idempotencyKey: string | null; body: Record<string, unknown> }[];
  /** The account's domains as GET /domains lists them; senders must be on a verified one. */
  domains: { name: string; status: string }[];
  /** A key with "Sending access" only: GET /domains is refused with 401 restricted_api_key. */
  sendingOnly: boolean;
  script(...next: ResendScript[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Resend's error body (resend.com/docs/api-reference/errors). */
function failure(res: ServerResponse, statusCode: number, name: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(statusCode, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ statusCode, message, name }));
}

const domainOf = (from: string) => (/@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? '').toLowerCase();

/**
 * Resend's API on 127.0.0.1 (connectors.md §3.3, §9.3): `GET /domains` and `POST /emails` with a
 * Bearer key, validating as Resend does (422 missing fields, 403 sender's domain not verified),
 * and keeping idempotency keys as Resend does for 24 hours: the same key with the same body
 * answers the first answer and sends nothing; with another body, 409 invalid_idempotent_request.
 */
export async function startFakeResend(apiKey = 're_fake_Key_0123456789abcdef'): Promise<FakeResend> {
  const requests: ResendRequest[] = [];
  const sent: FakeResend['sent'] = [];
  const scripted: ResendScript[] = [];
  const keys = new Map<string, { hash: string; answer: string }>();
  const self = { domains: [{ name: 'example.vn', status: 'verified' }, { name: 'news.example.vn', status: 'pending' }], sendingOnly: false };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return failure(res, 422, 'validation_error', 'Invalid JSON body');
        }
      }
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const path = req.url ?? '';
      const idempotencyKey = header('idempotency-key');
      requests.push({ method: req.method ?? '', path, authorization: header('authorization'), idempotencyKey, contentType: header('content-type'), body, atMs: Date.now() });

      const auth = header('authorization');
      if (!auth) return failure(res, 401, 'missing_api_key', 'Missing API key in the authorization header.');
      if (auth !== `Bearer ${apiKey}`) return failure(res, 403, 'invalid_api_key', 'API key is invalid');

      if (path === '/domains' && req.method === 'GET') {
        if (self.sendingOnly) return failure(res, 401, 'restricted_api_key', 'This API key is restricted to only send emails');
        const data = self.domains.map((d, n) => ({ id: `d91cd9bd-0000-4000-8000-00000000000${n}`, name: d.name, status: d.status, created_at: '2026-11-01 08:00:00.000000+00', region: 'us-east-1' }));
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', has_more: false, data }));
      }
      if (path !== '/emails' || req.method !== 'POST') return failure(res, 404, 'not_found', 'The requested endpoint does not exist.');

      const next = scripted.shift();
      if (next && 'rateLimited' in next) {
        return failure(res, 429, 'rate_limit_exceeded', 'Too many requests. Please limit the number of requests per second.', { 'retry-after': String(next.rateLimited), 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': String(next.rateLimited) });
      }
      if (next && 'quota' in next) {
        return next.quota === 'daily'
          ? failure(res, 429, 'daily_quota_exceeded', 'You have exceeded your daily email sending quota.')
          : failure(res, 429, 'monthly_quota_exceeded', 'You have exceeded your monthly email sending quota.');
      }
      if (next && 'concurrent' in next) return failure(res, 409, 'concurrent_idempotent_requests', 'There is another request in progress with the same idempotency key.');
      if (next && 'status' in next) return void res.writeHead(next.status, { 'content-type': 'text/html' }).end(`<html><body>${next.status}</body></html>`);

      if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
        return failure(res, 400, 'invalid_idempotency_key', 'Idempotency keys, if present, must have between 1 and 256 characters.');
      }
      const hash = createHash('sha256').update(raw).digest('hex');
      const seen = idempotencyKey ? keys.get(idempotencyKey) : undefined;
      if (seen) {
        if (seen.hash !== hash) return failure(res, 409, 'invalid_idempotent_request', "This idempotency key has been used with this HTTP method and endpoint within the last 24 hours, but the request body was modified and doesn't match the original request.");
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(seen.answer);
      }
      const missing = ['from', 'to', 'subject'].filter((k) => !body?.[k]);
      if (missing.length > 0) return failure(res, 422, 'missing_required_field', `Missing \`${missing[0]}\` field.`);
      const to = Array.isArray(body!['to']) ? (body!['to'] as unknown[]) : [body!['to']];
      const bad = to.find((a) => typeof a !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a));
      if (bad !== undefined) return failure(res, 422, 'validation_error', `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`);
      const domain = domainOf(String(body!['from']));
      if (!self.domains.some((d) => d.name === domain && d.status === 'verified')) {
        return failure(res, 403, 'validation_error', `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`);
      }
      const id = `49a3999c-0ce1-4ea6-ab68-${String(sent.length + 1).padStart(12, '0')}`;
      sent.push({ id, idempotencyKey: idempotencyKey ?? null, body: body! });
      const answer = JSON.stringify({ id });
      if (idempotencyKey) keys.set(idempotencyKey, { hash, answer });
      // Sent, but the answer is lost on the way: the client cannot tell.
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    sent,
    get domains() {
      return self.domains;
    },
    set domains(d) {
      self.domains = d;
    },
    get sendingOnly() {
      return self.sendingOnly;
    },
    set sendingOnly(v) {
      self.sendingOnly = v;
    },
    script: (...next) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
