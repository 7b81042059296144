import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

export async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * `flowdesk serve` in a child process on a data dir and fixed ports, as a user runs it: killed
 * with SIGKILL (no shutdown at all) and started again on the same SQLite file, the same ports,
 * so platforms' webhook URLs and the API stay where they were.
 */
export interface EngineChild {
  readonly apiPort: number;
  readonly webhookPort: number;
  /** The running process, or null between a kill and the next start. */
  readonly process: ChildProcess | null;
  start(): Promise<void>;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** Calls the engine's API with its token; throws the engine's message on an error. */
  api(method: string, args: unknown): Promise<any>;
}

export async function engineChild(dataDir: string): Promise<EngineChild> {
  const webhookPort = await freePort();
  const apiPort = await freePort();
  let proc: ChildProcess | null = null;
  return {
    apiPort,
    webhookPort,
    get process() {
      return proc;
    },
    async start() {
      const p = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', String(webhookPort), '--api-port', String(apiPort)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc = p;
      let out = '';
      p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      // Generous: on a busy 2-core machine a start (Node, migrations, listeners) can take seconds.
      for (const deadline = Date.now() + 30_000; !out.includes('Press Ctrl+C'); ) {
        if (Date.now() > deadline || p.exitCode !== null) throw new Error(`engine did not start within 30 s:\n${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async kill() {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGKILL');
      await gone;
      proc = null;
    },
    async api(method, args) {
      const token = readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
      const res = await fetch(`http://127.0.0.1:${apiPort}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      const reply = (await res.json()) as any;
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result;
    },
  };
}
