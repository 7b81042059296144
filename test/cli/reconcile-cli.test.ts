import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDto, ReconcileProgress } from '../../engine/contract/index.ts';
import { makeDataDir } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

/** `flowdesk connections add --api …` and `flowdesk reconcile`, the real processes against a Shopify fake. */
describe('flowdesk reconcile', { timeout: 120_000 }, () => {
  let dataDir: string;
  let server: ChildProcess;
  let fake: ShopifyFake;
  let printed = '';

  /** Runs the real command without blocking this process: the Shopify fake lives here and must answer meanwhile. */
  function flowdesk(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8' }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
      });
    });
  }

  beforeAll(async () => {
    fake = await startShopifyFake();
    dataDir = makeDataDir();
    server = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', '0', '--api-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
    for (let i = 0; i < 400 && !printed.includes('Press Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 25));
  });
  afterAll(async () => {
    server.kill('SIGKILL');
    await fake.close();
  });

  it('turns API access on from the command line, reconciles with a result line, and says when there is nothing to reconcile', async () => {
    const none = await flowdesk('reconcile');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no connection has API access on');

    const added = await flowdesk('--json', 'connections', 'add', '--platform', 'shopify', '--store', SHOP_DOMAIN, '--secret', SHOPIFY_SECRET,
      '--secret', `adminToken=${fake.token}`, '--api', 'reconcile=true', '--api', `baseUrl=${fake.baseUrl}/admin/api/2025-10`);
    expect(added.code, added.err).toBe(0);
    const c = JSON.parse(added.out) as ConnectionDto;
    expect(c.api).toMatchObject({ reconcile: true, writeBack: false });
    expect((await flowdesk('connections', 'update', c.id, '--api', 'writeBack=true')).out).toContain('API access: write-back, reconciliation');

    for (let i = 0; i < 3; i++) fake.addOrder();
    const text = await flowdesk('reconcile', '--connection', c.id, '--since', '2020-01-01T00:00:00Z');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/: done, 1 page\(s\), 3 changed order\(s\) listed, \d+ already up to date, \d+ queued/);

    const again = await flowdesk('--json', 'reconcile', '--connection', c.id);
    const [result] = JSON.parse(again.out) as ReconcileProgress[];
    expect(result).toMatchObject({ state: 'done', trigger: 'manual', queued: 0 });

    const bad = await flowdesk('reconcile', '--since', 'yesterday');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('is not a time');
  });
});
