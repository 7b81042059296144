import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

const json = async (r: Response): Promise<any> => r.json();

describe('the engine API over HTTP', () => {
  let t: TempEngine;
  const call = (method: string, args: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${t.apiUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.engine.token}`, ...headers },
      body: JSON.stringify(args),
    });

  beforeAll(async () => {
    t = await startTempEngine();
  });
  afterAll(async () => {
    await t.close();
  });

  it('listens on loopback only', () => {
    expect(new URL(t.apiUrl).hostname).toBe('127.0.0.1');
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const none = await fetch(`${t.apiUrl}/api/flows.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(await json(none)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call('flows.list', {}, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    const events = await fetch(`${t.apiUrl}/api/events`);
    expect(events.status).toBe(401);
  });

  it('refuses browser requests from another origin', async () => {
    const res = await call('flows.list', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('forbidden_origin');
    expect((await call('flows.list', {}, { origin: t.apiUrl })).status).toBe(200);
  });

  it('refuses a request whose Host is not its own loopback address (DNS rebinding)', async () => {
    const port = Number(new URL(t.apiUrl).port);
    // fetch() will not let a caller set Host; node:http sends what it is given.
    const send = (host: string, path = '/api/flows.list', method = 'POST') =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method, headers: { host, authorization: `Bearer ${t.engine.token}`, 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text }));
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`]) {
      const res = await send(host);
      expect(res.status, host).toBe(403);
      expect(res.body.error, host).toMatchObject({ code: 'forbidden_origin', message: expect.stringContaining('not allowed') });
    }
    expect((await send(`evil.example:${port}`, '/', 'GET')).status).toBe(403);
    expect((await send(`evil.example:${port}`, `/api/events?token=${t.engine.token}`, 'GET')).status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await send(host)).status, host).toBe(200);
    }
  });

  it('answers bad arguments and unknown methods in the error envelope', async () => {
    const bad = await call('connections.create', { platform: 'shopify', storeId: '', secret: '' });
    expect(bad.status).toBe(400);
    const body = await json(bad);
    expect(body.error.code).toBe('invalid_args');
    expect(body.error.message).toContain('the webhook secret is required');
    expect((await call('nope.nothing', {})).status).toBe(404);
    const malformed = await fetch(`${t.apiUrl}/api/flows.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.engine.token}` },
      body: '{nope',
    });
    expect(malformed.status).toBe(400);
  });

  it('never returns a secret in full', async () => {
    const created = await json(await call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET }));
    expect(created.result.secretHint).toBe('••••cdef');
    expect(created.result.webhookUrl).toBe(`${t.webhookBaseUrl}/hooks/${created.result.id}`);
    const listed = await (await call('connections.list', {})).text();
    expect(listed).not.toContain(SHOPIFY_SECRET);
    expect(listed).not.toContain(SHOPIFY_SECRET.slice(0, 20));
  });

  it('refuses to save a flow with a dangling edge, naming the problem', async () => {
    const doc = vipFlow();
    doc.edges.push({ id: 'loose', source: 'tag', sourcePort: 'out', target: 'ghost', targetPort: 'in' });
    const res = await call('flows.save', { document: doc });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe('invalid_flow');
    expect(body.error.details.problems).toContainEqual(expect.objectContaining({ code: 'dangling_edge', edgeId: 'loose' }));
    expect(body.error.message).toContain('connection loose points to a missing target ghost');
  });

  it('keeps every save as a version and refuses a stale save', async () => {
    const v1 = (await json(await call('flows.save', { document: vipFlow('100') }))).result;
    const v2 = (await json(await call('flows.save', { id: v1.id, document: vipFlow('200'), expectedVersion: 1 }))).result;
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const stale = await call('flows.save', { id: v1.id, document: vipFlow('300'), expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const old = (await json(await call('flows.get', { id: v1.id, version: 1 }))).result;
    expect(old.document.nodes[1].params.value).toBe('100');
  });

  it('streams engine events: the delivery, the timeline and the finished run, recording the version it ran', async () => {
    const [connection] = (await json(await call('connections.list', {}))).result;
    const flows = (await json(await call('flows.list', {}))).result as { id: string; latestVersion: number }[];
    const flow = flows.find((f) => f.latestVersion === 2)!;
    await call('flows.activate', { id: flow.id, version: 1 });

    const abort = new AbortController();
    const res = await fetch(`${t.apiUrl}/api/events?token=${encodeURIComponent(t.engine.token)}`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const seen: { event: string; data: Record<string, unknown> }[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.+)$/m.exec(chunk)?.[1];
          const data = /^data: (.+)$/m.exec(chunk)?.[1];
          if (event && data) seen.push({ event, data: JSON.parse(data) });
          if (event === 'run.finished') return;
        }
      }
    })();
    expect((await postShopify(connection.webhookUrl)).status).toBe(200);
    await reading;
    abort.abort();
    const names = seen.map((s) => s.event);
    expect(names[0]).toBe('delivery.received');
    expect(names).toContain('timeline.appended');
    expect(names).toContain('order.changed');
    const run = seen.find((s) => s.event === 'run.finished')!.data;
    expect(run).toMatchObject({ status: 'succeeded', flowVersion: 1, flowId: flow.id });
  });
});
