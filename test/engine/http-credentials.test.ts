import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { authHeader } from '../../engine/connectors/http/http-intents.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

/** A real HTTP server that keeps each request's headers. */
async function startHeaderReceiver(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

function postWith(url: string, account: string): FlowDocument {
  return {
    name: 'Tell the warehouse, signed in',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
      { id: 'post', type: 'http.request', typeVersion: 1, position: { x: 0, y: 120 }, params: { method: 'POST', url: `${url}/orders`, account, headers: [], body: '{"order":"{{ order.number }}"}' } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'post', targetPort: 'in' }],
  };
}

describe('the HTTP step with credentials from an account (issue 16)', () => {
  let t: TempEngine;
  let receiver: Awaited<ReturnType<typeof startHeaderReceiver>>;
  let hookUrl: string;
  beforeEach(async () => {
    receiver = await startHeaderReceiver();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  async function runWith(urlPrefix: string) {
    const account = await t.engine.call('accounts.create', {
      connector: 'http_auth', name: 'Kho API', credentials: { scheme: 'bearer', token: 'sk_live_0123456789abcdef' }, settings: { urlPrefix },
    });
    const flow = await t.engine.call('flows.save', { document: postWith(receiver.url, account.id) });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(5_000);
    const [run] = await t.engine.call('runs.list', {});
    return { account, flow, run: run!, detail: await t.engine.call('runs.get', { id: run!.id }) };
  }

  it('adds the account\'s token to the request; the step, its run log and the exported flow never hold it', async () => {
    const { account, flow, run, detail } = await runWith(`${receiver.url}/`);
    expect(run.status).toBe('succeeded');
    expect(receiver.seen.map((h) => h.authorization)).toEqual(['Bearer sk_live_0123456789abcdef']);
    const post = detail.steps.find((s) => s.nodeId === 'post')!;
    expect(post.intents[0]!.args).toMatchObject({ credentials: 'Kho API' });
    expect(JSON.stringify(detail)).not.toContain('sk_live_0123456789abcdef');
    const file = await t.engine.call('flows.export', { id: flow.id });
    expect(JSON.stringify(file)).not.toContain('sk_live_0123456789abcdef');
    expect(JSON.stringify(file)).toContain(account.id);
    expect(JSON.stringify(await t.engine.call('accounts.list', {}))).not.toContain('sk_live_0123456789abcdef');
  });

  it('sends nothing to an address the account does not cover, and the step says so', async () => {
    const { run, detail } = await runWith('https://api.example.com/');
    expect(run.status).toBe('failed');
    expect(receiver.seen).toEqual([]);
    expect(detail.steps.find((s) => s.nodeId === 'post')?.reason).toContain('are only sent to https://api.example.com/…');
  });

  it('refuses an account without the parts its kind needs', async () => {
    await expect(t.engine.call('accounts.create', { connector: 'http_auth', name: 'x', credentials: { scheme: 'bearer' }, settings: { urlPrefix: 'https://a.example/' } }))
      .rejects.toMatchObject({ message: expect.stringContaining('paste the token') });
    await expect(t.engine.call('accounts.create', { connector: 'http_auth', name: 'x', credentials: { scheme: 'header', headerName: 'X Api', headerValue: 'v' }, settings: { urlPrefix: 'https://a.example/' } }))
      .rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('makes the header each kind sends', () => {
    const base = { token: '', username: '', password: '', headerName: '', headerValue: '' };
    expect(authHeader({ ...base, scheme: 'bearer', token: 't0k' })).toEqual(['authorization', 'Bearer t0k']);
    expect(authHeader({ ...base, scheme: 'basic', username: 'lan', password: 'mật khẩu' })).toEqual(['authorization', `Basic ${Buffer.from('lan:mật khẩu').toString('base64')}`]);
    expect(authHeader({ ...base, scheme: 'header', headerName: 'X-Api-Key', headerValue: 'k' })).toEqual(['x-api-key', 'k']);
  });
});
