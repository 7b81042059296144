import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../harness/temp-engine.ts';
import { postShopify, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

function flowdesk(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the flowdesk command line', () => {
  let dataDir: string;
  let server: ChildProcess;
  let printed = '';

  beforeAll(async () => {
    dataDir = makeDataDir();
    server = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', '0', '--api-port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
    for (let i = 0; i < 200 && !printed.includes('Press Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 25));
  });
  afterAll(() => {
    server.kill('SIGKILL');
  });

  it('serve prints the API URL and the webhook base URL', () => {
    expect(printed).toMatch(/API: +http:\/\/127\.0\.0\.1:\d+/);
    expect(printed).toMatch(/Webhooks: +http:\/\/127\.0\.0\.1:\d+\/hooks\/<connectionId>/);
  });

  it('adds a connection, imports an active flow, and shows the order a delivery made', async () => {
    const added = flowdesk(dataDir, 'connections', 'add', '--platform', 'shopify', '--store', 'cli-shop.myshopify.com', '--secret', SHOPIFY_SECRET);
    expect(added.code, added.err).toBe(0);
    const url = /Webhook URL: (\S+)/.exec(added.out)![1]!;
    expect(url).toMatch(/\/hooks\/con_/);

    const listed = flowdesk(dataDir, 'connections', 'list');
    expect(listed.out).toContain('cli-shop.myshopify.com');
    expect(listed.out).toContain('••••cdef');
    expect(listed.out).not.toContain(SHOPIFY_SECRET);

    const file = join(dataDir, 'vip.flow.json');
    writeFileSync(file, JSON.stringify({ format: 'flowdesk.flow/v1', flow: vipFlow() }));
    const imported = flowdesk(dataDir, 'flows', 'import', file, '--activate');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/Imported flow flw_\w+ "Tag big orders VIP" version 1, active/);

    expect((await postShopify(url)).status).toBe(200);
    expect((await postShopify(url, { secret: 'wrong' })).status).toBe(401);
    let shown = '';
    for (let i = 0; i < 100 && !shown.includes('tag_added'); i++) {
      shown = flowdesk(dataDir, 'orders', 'show', '#9999').out;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(shown).toContain('Tags: tag1, tag2, VIP');
    expect(shown).toMatch(/delivery .*X-Shopify-Hmac-Sha256 verified/);
    expect(shown).toMatch(/tag_added +Tag VIP added/);

    const inbox = JSON.parse(flowdesk(dataDir, '--json', 'inbox', 'list').out) as { verdict: string; reason: string }[];
    expect(inbox.map((e) => e.verdict)).toEqual(['bad_signature', 'accepted']);
    expect(flowdesk(dataDir, 'inbox', 'list').out).toContain('does not match');

    const flows = JSON.parse(flowdesk(dataDir, '--json', 'flows', 'list').out) as { id: string; lastRun: { status: string } }[];
    expect(flows[0]!.lastRun.status).toBe('succeeded');
    const exported = JSON.parse(flowdesk(dataDir, 'flows', 'export', flows[0]!.id).out);
    expect(exported).toMatchObject({ format: 'flowdesk.flow/v1', flow: { name: 'Tag big orders VIP' } });
  });

  it('refuses a broken flow file with a clear error', () => {
    const file = join(dataDir, 'broken.flow.json');
    writeFileSync(file, '{"format":"flowdesk.flow/v1","flow":{"name":"x","nodes":[{"id":"a"}],"edges":[]}}');
    const r = flowdesk(dataDir, 'flows', 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the flow file is broken: flow\.nodes\[0\]\.type: /);
    writeFileSync(file, '{not json');
    expect(flowdesk(dataDir, 'flows', 'import', file).err).toMatch(/cannot read .* as JSON/);
  });

  it('says plainly when no engine runs on a data dir', () => {
    const r = flowdesk(makeDataDir(), 'orders', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No Flowdesk engine is running for .*flowdesk serve --data-dir/);
  });

  it('backs up through the running engine and restores onto the backup, restarting in place', async () => {
    const backup = JSON.parse(flowdesk(dataDir, '--json', 'backup').out) as { file: string };
    expect(backup.file).toMatch(/^flowdesk-.*\.db$/);
    expect(flowdesk(dataDir, 'backups').out).toContain(backup.file);
    const restored = flowdesk(dataDir, 'restore', backup.file);
    expect(restored.out).toContain('the engine is restarting on it');
    for (let i = 0; i < 200 && !printed.includes('Restarted on the restored database'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(printed).toContain('Restarted on the restored database');
    let orders = '';
    for (let i = 0; i < 100 && !orders.includes('#9999'); i++) {
      orders = flowdesk(dataDir, 'orders', 'list').out;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(orders).toContain('#9999');
    expect(flowdesk(dataDir, 'storage', 'status').out).toMatch(/Data dir .* of a 2048\.0 MB budget/);
  });

  it('stops cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
    expect(printed).toContain('Stopped.');
    expect(existsSync(join(dataDir, 'engine.json'))).toBe(false);
  });
});
