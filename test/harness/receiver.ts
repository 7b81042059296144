import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP receiver standing in for the outside world: it applies each request once per
 * Idempotency-Key, as a well-behaved API does, and counts every request it saw.
 */
export interface Receiver {
  url: string;
  /** Requests seen per idempotency key (more than one means a retry reached it). */
  seen: Map<string, number>;
  /** Bodies applied, once per key. */
  applied: Map<string, string>;
  /** Answer the next `n` requests with this status (and these headers) instead of 200. */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const seen = new Map<string, number>();
  const applied = new Map<string, string>();
  let failing = 0;
  let failStatus = 503;
  let failHeaders: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string') {
        res.writeHead(400).end('Idempotency-Key required');
        return;
      }
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (failing > 0) {
        failing--;
        res.writeHead(failStatus, failHeaders).end('try later');
        return;
      }
      if (!applied.has(key)) applied.set(key, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    applied,
    failNext(n, status, headers = {}) {
      failing = n;
      failStatus = status;
      failHeaders = headers;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
