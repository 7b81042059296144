import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain HTTP relay on 127.0.0.1 in front of a fake provider: each request goes through as it
 * came and each answer comes back as it was, except that the test can step in between the
 * provider answering and the answer reaching the engine (to kill the engine exactly there: the
 * provider did the thing, the engine never heard it did).
 */
export interface AnswerRelay {
  /** The relay's URL with the target's path: what the engine is configured with. */
  url: string;
  /**
   * The next request whose path ends with `pathEnd` is passed on; once the provider has
   * answered it, `between` runs before the answer is relayed. Resolves true when `between` is
   * done, false when no such request came within `withinMs` (then nothing is intercepted).
   */
  interceptNext(pathEnd: string, between: () => Promise<void>, withinMs: number, bodyIncludes?: string): Promise<boolean>;
  /** The next request whose path ends with `pathEnd` (and whose body includes `bodyIncludes`) reaches the provider, and its answer is lost: the connection is cut. */
  dropNextAnswer(pathEnd: string, bodyIncludes?: string): void;
  close(): Promise<void>;
}

export async function startAnswerRelay(targetUrl: string): Promise<AnswerRelay> {
  const target = new URL(targetUrl);
  const waiting: { pathEnd: string; bodyIncludes: string | undefined; between: () => Promise<void>; done: (hit: boolean) => void; drop?: boolean }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks);
        const i = waiting.findIndex((w) => path.endsWith(w.pathEnd) && (!w.bodyIncludes || body.includes(w.bodyIncludes)));
        const hook = i >= 0 ? waiting.splice(i, 1)[0]! : null;
        let status = 502;
        let type = 'text/plain';
        let text = 'relay: the target did not answer';
        try {
          const answer = await fetch(new URL(path, target.origin), {
            method: req.method ?? 'GET',
            // Every header but those of this hop (a platform's auth header among them).
            headers: Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(e[0]))),
            ...(chunks.length > 0 ? { body } : {}),
          });
          status = answer.status;
          type = answer.headers.get('content-type') ?? type;
          text = await answer.text();
        } catch {
          // The answer stays a 502: the target is a fake in this process, so this is a test bug.
        }
        if (hook) {
          await hook.between();
          hook.done(true);
          if (hook.drop) return void req.socket.destroy();
        }
        if (!res.destroyed) res.writeHead(status, { 'content-type': type }).end(text);
      })();
    });
    // The engine may be killed while its request is here: the relay goes on without it.
    res.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    interceptNext: (pathEnd, between, withinMs, bodyIncludes) => new Promise<boolean>((done) => {
      const hook = { pathEnd, bodyIncludes, between, done };
      waiting.push(hook);
      setTimeout(() => {
        // Still waiting (not taken by a request): withdraw it.
        const i = waiting.indexOf(hook);
        if (i >= 0) {
          waiting.splice(i, 1);
          done(false);
        }
      }, withinMs);
    }),
    dropNextAnswer: (pathEnd, bodyIncludes) => void waiting.push({ pathEnd, bodyIncludes, between: async () => undefined, done: () => undefined, drop: true }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
