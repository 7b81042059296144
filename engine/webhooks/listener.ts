import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Ingest } from './ingest.ts';
import type { InboxEntryDto } from '../contract/index.ts';
import { readRawBody } from './read-raw-body.ts';
import type { Logger } from '../shared/logger.ts';

export interface ListenerOptions {
  bodyLimit: number;
  logger: Logger;
  onRecorded?: (entry: InboxEntryDto) => void;
}

function lowercaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] as string).toLowerCase();
    const value = req.rawHeaders[i + 1] as string;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** Answers in JSON, as express's `res.json` does (no ETag, no X-Powered-By). */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** `/hooks/<connectionId>` with an optional query, the id decoded; null for anything else (or bad percent-encoding). */
function hookTarget(url: string | undefined): string | null {
  const m = url ? /^\/hooks\/([^/?#]+)\/?(?:\?.*)?$/.exec(url) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/**
 * The webhook listener: the only port meant to be exposed. A delivery (POST /hooks/<id>) is
 * taken straight off node:http — raw bytes, no parsers, no router: express's routing and its
 * response helpers cost ~50 µs of the ~280 µs of CPU a delivery took (bench/tools/
 * cpu-per-request.ts --prof) — and everything else (URL checks, other methods, unknown paths,
 * bad percent-encoding) goes through the express app below, which answers and records it.
 */
export function createWebhookListener(ingest: Ingest, opts: ListenerOptions): RequestListener {
  const app = createWebhookApp(ingest, opts);
  return (req, res) => {
    const connectionId = req.method === 'POST' ? hookTarget(req.url) : null;
    if (connectionId === null) {
      app(req, res);
      return;
    }
    void receiveDelivery(ingest, opts, req, res, connectionId);
  };
}

async function receiveDelivery(ingest: Ingest, opts: ListenerOptions, req: IncomingMessage, res: ServerResponse, connectionId: string): Promise<void> {
  const meta = { method: 'POST', path: req.url ?? '', headers: lowercaseHeaders(req) };
  try {
    const raw = await readRawBody(req, opts.bodyLimit);
    let answer;
    if (raw.ok) answer = await ingest.receive({ ...meta, body: raw.body }, connectionId);
    else if (raw.tooLarge) answer = await ingest.tooLarge(meta, connectionId, raw.size, opts.bodyLimit);
    else {
      sendJson(res, 400, { ok: false, reason: `could not read the body: ${raw.error}` });
      return;
    }
    sendJson(res, answer.status, answer.body);
    opts.onRecorded?.(answer.entry);
  } catch (error) {
    // Nothing was committed: a 5xx makes the platform retry.
    opts.logger.error('webhook could not be recorded', { error: String(error), connectionId });
    if (!res.headersSent) sendJson(res, 503, { ok: false, reason: 'Flowdesk could not record this delivery; retry' });
  }
}

/** What the listener answers with express: everything but a delivery's POST (see createWebhookListener). */
export function createWebhookApp(ingest: Ingest, opts: ListenerOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.post('/hooks/:connectionId', async (req: Request<{ connectionId: string }>, res: Response) => {
    await receiveDelivery(ingest, opts, req, res, req.params.connectionId);
  });

  app.get('/hooks/:connectionId', async (req: Request<{ connectionId: string }>, res: Response) => {
    try {
      const meta = { method: req.method, path: req.originalUrl, headers: lowercaseHeaders(req), body: Buffer.alloc(0) };
      const answer = await ingest.challenge(meta, req.params.connectionId);
      if (answer.text !== undefined) res.status(200).type('text/plain').send(answer.text);
      else res.status(answer.status).json(answer.body);
      opts.onRecorded?.(answer.entry);
    } catch (error) {
      opts.logger.error('webhook check could not be recorded', { error: String(error) });
      if (!res.headersSent) res.status(503).json({ ok: false, reason: 'Flowdesk could not record this request; retry' });
    }
  });

  // Anything else sent to a hook URL is kept too, with why it is not a delivery.
  app.all('/hooks/:connectionId', async (req: Request<{ connectionId: string }>, res: Response) => {
    res.set('Allow', 'GET, POST');
    await recordOther(req, res, req.params.connectionId, 405, `${req.method} is not how webhooks are delivered (POST)`);
  });
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use((_req, res) => {
    res.status(404).json({ ok: false, reason: 'not a Flowdesk webhook URL; they look like /hooks/<connectionId>' });
  });
  // A URL the router cannot decode (bad percent-encoding) is answered in JSON and recorded;
  // no stack ever reaches the exposed port.
  app.use(async (error: Error, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (error instanceof URIError || (error as { status?: number }).status === 400) {
      await recordOther(req, res, null, 400, `the URL ${req.originalUrl.slice(0, 200)} is not valid percent-encoding`);
      return;
    }
    opts.logger.error('webhook listener error', { error: String(error) });
    res.status(500).json({ ok: false, reason: 'Flowdesk could not handle this request' });
  });
  return app;

  async function recordOther(req: Request, res: Response, connectionId: string | null, status: number, reason: string): Promise<void> {
    try {
      const raw = await readRawBody(req, opts.bodyLimit);
      const body = raw.ok ? raw.body : Buffer.alloc(0);
      const answer = await ingest.notADelivery({ method: req.method, path: req.originalUrl, headers: lowercaseHeaders(req), body }, connectionId, status, reason);
      res.status(status).json(answer.body);
      opts.onRecorded?.(answer.entry);
    } catch (error) {
      opts.logger.error('webhook request could not be recorded', { error: String(error) });
      if (!res.headersSent) res.status(503).json({ ok: false, reason: 'Flowdesk could not record this request; retry' });
    }
  }
}
