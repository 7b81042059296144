import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureFile } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

/** A plain HTTP server that keeps every request exactly as it arrived. */
async function startRawReceiver(): Promise<{ url: string; got: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }[]; close(): Promise<void> }> {
  const got: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(202, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got, close: () => new Promise((r) => server.close(() => r())) };
}

/** The real command, in a child process that does not block this one: the engines and the receiver live here. */
function flowdesk(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8' }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

describe('flowdesk inbox export / import and flowdesk replay', { timeout: 120_000 }, () => {
  let a: TempEngine;
  let b: TempEngine;
  let hookB: string;
  let receiver: Awaited<ReturnType<typeof startRawReceiver>>;
  let capturePath: string;
  let body: string;

  beforeAll(async () => {
    receiver = await startRawReceiver();
    a = await startTempEngine();
    b = await startTempEngine();
    const connA = await a.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    // The staging copy has its own secret: captured signatures do not verify there.
    hookB = (await b.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: 'staging-secret' })).webhookUrl;
    const flow = await b.engine.call('flows.save', { document: vipFlow() });
    await b.engine.call('flows.activate', { id: flow.id });
    body = JSON.stringify(sampleOrder({ note: 'Gói quà giúp mình nhé 🎁' }));
    expect((await postShopify(connA.webhookUrl, { body })).json['verdict']).toBe('accepted');
    await postShopify(connA.webhookUrl, { body, secret: 'forged' });
    await a.engine.idle();
    capturePath = join(a.dataDir, 'capture.json');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await receiver.close();
  });

  it('lists with filters and exports what it lists to a capture file', async () => {
    const listed = await flowdesk(a.dataDir, '--json', 'inbox', 'list', '--platform', 'shopify', '--verdict', 'accepted', '--query', 'orders/create', '--since', '2020-01-01');
    expect(listed.code, listed.err).toBe(0);
    const entries = JSON.parse(listed.out) as { id: number; verdict: string }[];
    expect(entries.map((e) => e.verdict)).toEqual(['accepted']);
    expect(JSON.parse((await flowdesk(a.dataDir, '--json', 'inbox', 'list', '--verdict', 'bad_signature')).out)).toHaveLength(1);

    const exported = await flowdesk(a.dataDir, 'inbox', 'export', String(entries[0]!.id), '-o', capturePath);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain(`exported 1 deliveries to ${capturePath}`);
    const file = JSON.parse(readFileSync(capturePath, 'utf8')) as CaptureFile;
    expect(Buffer.from(file.deliveries[0]!.bodyBase64, 'base64').toString('utf8')).toBe(body);

    const bad = await flowdesk(a.dataDir, 'inbox', 'list', '--verdict', 'fine');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('one of accepted, duplicate');
  });

  it('replays to any URL with the exact bytes and headers captured', async () => {
    const file = JSON.parse(readFileSync(capturePath, 'utf8')) as CaptureFile;
    const res = await flowdesk(a.dataDir, 'replay', capturePath, '--to', `${receiver.url}/staging/hook?x=1`);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^1\. shopify orders\/create → http:\/\/127\.0\.0\.1:\d+\/staging\/hook\?x=1: 202\n$/);
    const [got] = receiver.got;
    expect(got!.url).toBe('/staging/hook?x=1');
    expect(got!.body.equals(Buffer.from(file.deliveries[0]!.bodyBase64, 'base64'))).toBe(true);
    for (const name of ['x-shopify-hmac-sha256', 'x-shopify-topic', 'x-shopify-event-id', 'x-shopify-shop-domain', 'content-type']) {
      expect(got!.headers[name]).toBe(file.deliveries[0]!.headers[name]);
    }
  });

  it('re-signed with --secret, another Flowdesk accepts and processes it; as captured, it refuses the signature', async () => {
    const asCaptured = await flowdesk(a.dataDir, 'replay', capturePath, '--to', hookB);
    expect(asCaptured.out).toContain(': 401 bad_signature');

    const signed = await flowdesk(a.dataDir, 'replay', capturePath, '--to', hookB, '--secret', 'staging-secret');
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toContain(': 200 accepted (signed as the platform would)');
    await b.engine.idle();
    expect((await b.engine.call('orders.get', { ref: '#9999' })).summary.localTags).toEqual(['VIP']);

    // To the engine's own connection for that store: it signs with its secret, which never leaves it.
    const own = await flowdesk(b.dataDir, 'replay', capturePath);
    expect(own.code, own.err).toBe(0);
    expect(own.out).toContain(': 200 duplicate (signed as the platform would)');
  });

  it('imports a capture file from the command line, or says which delivery it cannot place', async () => {
    const imported = await flowdesk(b.dataDir, 'inbox', 'import', capturePath);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('imported 1 deliveries');
    // Its signature was made with the store's real secret, not the staging one: the verdict is real.
    expect(imported.out).toContain('bad_signature (401)');

    const file = JSON.parse(readFileSync(capturePath, 'utf8')) as CaptureFile;
    const badPath = join(b.dataDir, 'bad.json');
    writeFileSync(badPath, JSON.stringify({ ...file, deliveries: [file.deliveries[0], { ...file.deliveries[0], platform: 'haravan' }] }));
    const before = await b.engine.call('inbox.search', { filter: {} });
    const refused = await flowdesk(b.dataDir, 'inbox', 'import', badPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`delivery 1 (haravan, store ${SHOP_DOMAIN}): no haravan connection`);
    expect(await b.engine.call('inbox.search', { filter: {} })).toHaveLength(before.length);
  });
});
