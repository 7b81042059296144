// The bare limit on node:http: read the raw body, INSERT it into SQLite (WAL), answer 200.
import { createServer } from 'node:http';
import { openBareStore, readBody } from '../lib/bare-store.ts';
import { childConfig, runChild } from '../lib/child-ipc.ts';
import { closeServer, listenLoopback } from '../lib/listen.ts';

const { dbFile } = childConfig<{ dbFile: string }>();

await runChild(async () => {
  const store = openBareStore(dbFile);
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const id = store.insert(req.url ?? '/', req.headers, body);
        const json = JSON.stringify({ ok: true, inboxId: id });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
        res.end(json);
      },
      () => {
        res.writeHead(400).end();
      },
    );
  });
  const port = await listenLoopback(server);
  return {
    info: { url: `http://127.0.0.1:${port}/hooks/bench` },
    stop: async () => {
      await closeServer(server);
      store.close();
    },
  };
});
