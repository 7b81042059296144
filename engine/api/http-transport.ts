import express from 'express';
import type { Request, Response, NextFunction } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ApiErrorBody, EngineEventMessage } from '../contract/index.ts';
import { httpStatusByCode } from '../contract/index.ts';
import type { Dispatch } from './dispatch.ts';
import type { EventBus } from '../shared/event-bus.ts';

export interface HttpTransportOptions {
  token: string;
  /** Filled in once the server listens: the origins a browser may call from. */
  allowedOrigins: () => string[];
  /** The built editor to serve at `/`, if present. */
  staticDir?: string | undefined;
  bodyLimit?: string;
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values a request to this server may carry: its loopback names, with its port or none. */
function loopbackHosts(port: number | undefined): string[] {
  return LOOPBACK_NAMES.flatMap((name) => (port === undefined ? [name] : [`${name}:${port}`, name]));
}

const fail = (res: Response, error: ApiErrorBody) => res.status(httpStatusByCode[error.code]).json({ ok: false, error });

/**
 * The engine API over HTTP: POST /api/<method> with JSON args, GET /api/events as SSE. It
 * only translates; dispatch validates and runs. Loopback only, token required, Host one of our
 * loopback names, and browser requests must come from the API's own origin.
 */
export function createApiApp(dispatch: Dispatch, bus: EventBus, opts: HttpTransportOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  // DNS rebinding: a page on evil.example that rebinds its name to 127.0.0.1 reaches us as its
  // own origin (a GET carries no Origin at all), but its requests still name evil.example in Host.
  // Only our own loopback names pass, with the port we listen on (or none: Host without a
  // port means port 80 to a browser, so only a non-browser client sends that to us).
  app.use((req: Request, res: Response, next: NextFunction) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!loopbackHosts(req.socket.localPort).includes(host)) {
      fail(res, {
        code: 'forbidden_origin',
        message: `requests for host ${host ? JSON.stringify(host.slice(0, 100)) : '(none)'} are not allowed: call the API at http://127.0.0.1:${req.socket.localPort ?? '<port>'}`,
      });
      return;
    }
    next();
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !opts.allowedOrigins().includes(origin)) {
      fail(res, { code: 'forbidden_origin', message: `requests from ${origin} are not allowed` });
      return;
    }
    next();
  });

  const auth = (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    // EventSource cannot set headers; only the event stream takes the token in the query.
    const query = req.path === '/events' && typeof req.query['token'] === 'string' ? req.query['token'] : undefined;
    if (!tokenMatches(bearer ?? query, opts.token)) {
      fail(res, { code: 'unauthorized', message: 'missing or wrong API token (see api-token in the data dir)' });
      return;
    }
    next();
  };

  const api = express.Router();
  api.use(auth);
  api.get('/events', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (m: EngineEventMessage) => res.write(`event: ${m.event}\ndata: ${JSON.stringify(m.payload)}\n\n`);
    const unsubscribe = bus.subscribe(send);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });
  api.post('/:method', express.json({ limit: opts.bodyLimit ?? '10mb' }), async (req: Request<{ method: string }>, res) => {
    // A body that is not JSON was not read: read it out before answering, so closing the
    // connection cannot reset it under a client still sending (and lose the answer).
    if (!req.readableEnded) await drain(req);
    const reply = await dispatch(req.params.method, req.body);
    if (reply.ok) res.json(reply);
    else fail(res, reply.error);
  });
  // Any other path or method under /api answers in the envelope too.
  api.use((req, res) => fail(res, { code: 'unknown_method', message: `no API method at ${req.method} /api${req.path.slice(0, 100)}; methods are POST /api/<domain.verb>` }));
  app.use('/api', api);

  if (opts.staticDir && existsSync(opts.staticDir)) {
    app.use(express.static(opts.staticDir, { index: 'index.html', fallthrough: true }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Flowdesk engine API. The editor is not built here: run `npm run build:renderer`.');
    });
  }

  // Malformed JSON bodies and other errors come back in the contract's envelope.
  app.use((error: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    // Body-parser's refusals (bad JSON, too large, an unsupported charset or encoding) are the
    // caller's to fix: 4xx in the envelope; only what is left is ours.
    const status = error.status ?? 500;
    const code = status >= 400 && status < 500 ? 'invalid_args' : 'internal';
    fail(res, { code, message: error.message });
  });
  return app;
}

/** Reads a request's body to its end, keeping nothing. */
function drain(req: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.resume();
  });
}
