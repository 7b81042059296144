import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../harness/temp-engine.ts';
import { sampleOrder, shopifyHeaders, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';
import { notifyFlow } from '../harness/flows-http.ts';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));
const DELIVERIES = 240;
const KILLS = 5;

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * The engine in a child process under sustained signed load, killed with SIGKILL at random
 * moments and restarted: every delivery that got a 2xx is stored and processed exactly once,
 * no side effect reaches the outside world twice, and no job is left behind.
 */
describe('crash safety', () => {
  const dataDir = makeDataDir();
  let child: ChildProcess | null = null;
  let receiver: Receiver;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver?.close();
  });

  it('loses nothing and does nothing twice across repeated SIGKILLs', async () => {
    receiver = await startReceiver();
    const webhookPort = await freePort();
    const apiPort = await freePort();

    async function start(): Promise<void> {
      const proc = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', String(webhookPort), '--api-port', String(apiPort)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let out = '';
      proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; !out.includes('Press Ctrl+C'); i++) {
        if (i > 400 || proc.exitCode !== null) throw new Error(`engine did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    const api = async (method: string, args: unknown): Promise<any> => {
      const token = readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
      const res = await fetch(`http://127.0.0.1:${apiPort}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      const reply = (await res.json()) as any;
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result;
    };

    await start();
    const connection = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await api('flows.save', { document: notifyFlow(receiver.url) });
    await api('flows.activate', { id: flow.id });

    // Each delivery is sent until it gets a 2xx, as Shopify retries; the 2xx ones are the promise.
    const acknowledged = new Set<string>();
    let sentAttempts = 0;
    async function deliver(n: number): Promise<void> {
      const eventId = `evt-${n}-${randomUUID()}`;
      const id = 5_000_000 + n;
      const body = JSON.stringify(sampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#C${n}`, updated_at: new Date(Date.UTC(2026, 10, 20, 0, 0, n)).toISOString() }));
      for (;;) {
        sentAttempts++;
        try {
          const res = await fetch(connection.webhookUrl, { method: 'POST', headers: shopifyHeaders(body, { eventId }), body });
          if (res.status === 200) {
            acknowledged.add(eventId);
            return;
          }
        } catch {
          // The engine is down: try again shortly, as the platform would.
        }
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 40));
      }
    }
    let next = 0;
    const senders = Array.from({ length: 4 }, async () => {
      while (next < DELIVERIES) {
        await deliver(next++);
        await new Promise((r) => setTimeout(r, 5));
      }
    });

    let kills = 0;
    const killer = (async () => {
      // Kills land while deliveries arrive and, once they are all in, while they are processed.
      while (kills < KILLS) {
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
        child!.kill('SIGKILL');
        await new Promise((r) => child!.once('exit', r));
        kills++;
        await new Promise((r) => setTimeout(r, Math.random() * 100));
        await start();
      }
    })();
    await Promise.all([...senders, killer]);

    // Let the last engine drain.
    let status: any;
    for (let i = 0; i < 600; i++) {
      status = await api('engine.status', {});
      if (status.queue.queued === 0 && status.queue.leased === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`crash safety: ${DELIVERIES} deliveries (${sentAttempts} attempts), ${kills} SIGKILLs, ` +
      `${[...receiver.seen.values()].reduce((a, b) => a + b, 0)} requests reached the receiver for ${receiver.applied.size} effects`);

    expect(kills).toBe(KILLS);
    expect(acknowledged.size).toBe(DELIVERIES);
    const inbox: any[] = await api('inbox.list', { limit: 1000, verdict: 'accepted' });
    const keys = inbox.map((e) => e.deliveryKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const eventId of acknowledged) expect(keys).toContain(`event:${eventId}`);
    expect(inbox.every((e) => e.processing === 'processed')).toBe(true);

    const runs: any[] = await api('runs.list', { limit: 1000 });
    expect(runs).toHaveLength(DELIVERIES);
    expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
    // One effect per run reached the outside world, applied once; retries carried the same key.
    expect(receiver.applied.size).toBe(DELIVERIES);
    expect(new Set(runs.map((r) => `${r.id}:post`))).toEqual(new Set(receiver.applied.keys()));
    const orders: any[] = (await api('orders.list', { limit: 1000 })).rows;
    expect(orders).toHaveLength(DELIVERIES);
    expect(orders.every((o) => o.localTags.length === 1 && o.localTags[0] === 'sent-to-warehouse')).toBe(true);
    expect(status.queue).toMatchObject({ queued: 0, leased: 0, dead: 0 });
  }, 120_000);
});
