import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a platform fake got it: what the tests assert of each platform's wire format. */
export interface FakeRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The raw body text ('' when none). */
  body: string;
  atMs: number;
}

/**
 * What the fake does with the next requests instead of answering normally (reference §9.4):
 * - `status`: answer this status (with headers and body) and apply nothing;
 * - `rateLimited`: 429 with `Retry-After: {seconds}` (as a float string "2.0" when given so);
 * - `hangUp`: destroy the socket without applying;
 * - `commitThenDrop`: apply the request, then destroy the socket before answering (the answer is lost);
 * - `commitThenHang`: apply it and never answer (the caller times out).
 * `only` limits a fault to requests whose method (and path prefix) match; others pass.
 */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string; only?: FaultMatch }
  | { rateLimited: true; retryAfter?: string; only?: FaultMatch }
  | { hangUp: true; only?: FaultMatch }
  | { commitThenDrop: true; only?: FaultMatch }
  | { commitThenHang: true; only?: FaultMatch };

export interface FaultMatch {
  method?: string;
  pathPrefix?: string;
}

/** What a platform's handler answers; `null` when it already wrote the response itself. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as is (a string), not as JSON. */
  raw?: boolean;
}

export interface PlatformFake {
  baseUrl: string;
  /** Every request that reached the fake, faults included, in order. */
  requests: FakeRequest[];
  /** Queue faults for the next matching requests, in order. */
  fault(...faults: Fault[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, a: FakeAnswer): void {
  const isRaw = a.raw === true || typeof a.body === 'string';
  const text = a.body === undefined ? '' : isRaw ? String(a.body) : JSON.stringify(a.body);
  res.writeHead(a.status, { 'content-type': isRaw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...a.headers }).end(text);
}

const matches = (f: Fault, r: FakeRequest) => !f.only || ((!f.only.method || f.only.method === r.method) && (!f.only.pathPrefix || r.path.startsWith(f.only.pathPrefix)));

/**
 * The shared body of every platform fake: a real HTTP server on 127.0.0.1:0, a request log, and
 * fault injection. `handle` is the platform: it reads the request and answers (applying any
 * change to its in-memory store) — called for `commitThen*` faults too, whose answer is then lost.
 */
export async function startPlatformFake(handle: (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>): Promise<PlatformFake> {
  const requests: FakeRequest[] = [];
  const faults: Fault[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const r: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body: await readBody(req), atMs: Date.now() };
      requests.push(r);
      const i = faults.findIndex((f) => matches(f, r));
      const fault = i >= 0 ? faults.splice(i, 1)[0] : undefined;
      if (fault && 'status' in fault) return send(res, { status: fault.status, ...(fault.headers ? { headers: fault.headers } : {}), body: fault.body ?? '' });
      if (fault && 'rateLimited' in fault) return send(res, { status: 429, headers: { 'retry-after': fault.retryAfter ?? '1' }, body: { errors: 'Exceeded call limit' } });
      if (fault && 'hangUp' in fault) return void req.socket.destroy();
      let answer: FakeAnswer;
      try {
        answer = await handle(r);
      } catch (error) {
        answer = { status: 500, body: { error: (error as Error).message } };
      }
      if (fault && 'commitThenDrop' in fault) return void req.socket.destroy();
      if (fault && 'commitThenHang' in fault) return;
      send(res, answer);
    })();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    fault: (...f) => void faults.push(...f),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
