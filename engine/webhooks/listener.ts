import express from 'express';
import type { Request, Response } from 'express';
import type { Ingest } from './ingest.ts';
import type { InboxEntryDto } from '../contract/index.ts';
import { readRawBody } from './read-raw-body.ts';
import type { Logger } from '../shared/logger.ts';

export interface ListenerOptions {
  bodyLimit: number;
  logger: Logger;
  onRecorded?: (entry: InboxEntryDto) => void;
}

function lowercaseHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] as string).toLowerCase();
    const value = req.rawHeaders[i + 1] as string;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** The webhook listener: the only port meant to be exposed. One route, raw bytes, no parsers. */
export function createWebhookApp(ingest: Ingest, opts: ListenerOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.post('/hooks/:connectionId', async (req: Request<{ connectionId: string }>, res: Response) => {
    const connectionId = req.params.connectionId;
    const meta = { method: req.method, path: req.originalUrl, headers: lowercaseHeaders(req) };
    try {
      const raw = await readRawBody(req, opts.bodyLimit);
      let answer;
      if (raw.ok) answer = await ingest.receive({ ...meta, body: raw.body }, connectionId);
      else if (raw.tooLarge) answer = await ingest.tooLarge(meta, connectionId, raw.size, opts.bodyLimit);
      else {
        res.status(400).json({ ok: false, reason: `could not read the body: ${raw.error}` });
        return;
      }
      res.status(answer.status).json(answer.body);
      opts.onRecorded?.(answer.entry);
    } catch (error) {
      // Nothing was committed: a 5xx makes the platform retry.
      opts.logger.error('webhook could not be recorded', { error: String(error), connectionId });
      if (!res.headersSent) res.status(503).json({ ok: false, reason: 'Flowdesk could not record this delivery; retry' });
    }
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

  app.all('/hooks/:connectionId', (_req, res) => {
    res.status(405).set('Allow', 'POST').json({ ok: false, reason: 'webhooks are delivered with POST' });
  });
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use((_req, res) => {
    res.status(404).json({ ok: false, reason: 'not a Flowdesk webhook URL; they look like /hooks/<connectionId>' });
  });
  return app;
}
