import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One call that went through the proxy: what it was, what came back, when, and how long the upstream took. */
export interface ObservedCall {
  /** `graphql:<first field of the operation>` (`graphql:tagsAdd`), `rest:<path tail>` (`rest:orders.json`), or the path. */
  kind: string;
  status: number;
  /** The answer carried a THROTTLED error (Shopify's GraphQL bucket was empty). */
  throttled: boolean;
  /** performance.now() when the answer was back from the upstream. */
  answeredAt: number;
  upstreamMs: number;
  bytes: number;
}

export interface ObservingProxy {
  baseUrl: string;
  calls: ObservedCall[];
  close(): Promise<void>;
}

/** The GraphQL operation's first top-level field ("tagsAdd", "order"), read from the request body. */
function graphqlField(body: string): string {
  try {
    const query = String((JSON.parse(body) as { query?: unknown }).query ?? '');
    return /^[^{]*\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(query)?.[1] ?? '?';
  } catch {
    return '?';
  }
}

/**
 * A loopback HTTP proxy in front of a platform fake: it forwards every request unchanged and
 * notes each answer (its kind, status, whether Shopify said THROTTLED, the upstream's time), so a
 * section can count what the engine's calls met without changing the fake.
 */
export async function startObservingProxy(upstream: string): Promise<ObservingProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const calls: ObservedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const bare = path.split('?')[0] ?? path;
      const kind = bare.endsWith('/graphql.json') ? `graphql:${graphqlField(body.toString('utf8'))}` : bare.includes('/admin/api/') ? `rest:${bare.split('/').pop() ?? ''}` : bare;
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const t0 = performance.now();
      const up = request({ agent, host: target.hostname, port: target.port, method: req.method, path, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const out = Buffer.concat(parts);
          const answeredAt = performance.now();
          const throttled = kind.startsWith('graphql:') && out.includes('"THROTTLED"');
          calls.push({ kind, status: answer.statusCode ?? 0, throttled, answeredAt, upstreamMs: answeredAt - t0, bytes: out.length });
          const back = { ...answer.headers, 'content-length': String(out.length) };
          delete back['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, back).end(out);
        });
        answer.on('error', () => res.destroy());
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
