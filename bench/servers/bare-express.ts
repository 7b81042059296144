// The bare limit on express 5: one route, read the raw body, INSERT it into SQLite (WAL), answer 200.
import { createServer } from 'node:http';
import express from 'express';
import type { Request, Response } from 'express';
import { openBareStore, readBody } from '../lib/bare-store.ts';
import { childConfig, runChild } from '../lib/child-ipc.ts';
import { closeServer, listenLoopback } from '../lib/listen.ts';

const { dbFile } = childConfig<{ dbFile: string }>();

await runChild(async () => {
  const store = openBareStore(dbFile);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.post('/hooks/:connectionId', async (req: Request<{ connectionId: string }>, res: Response) => {
    const body = await readBody(req);
    const id = store.insert(req.originalUrl, req.headers, body);
    res.status(200).json({ ok: true, inboxId: id });
  });
  const server = createServer(app);
  const port = await listenLoopback(server);
  return {
    info: { url: `http://127.0.0.1:${port}/hooks/bench` },
    stop: async () => {
      await closeServer(server);
      store.close();
    },
  };
});
