import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync, readdirSync, readFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { tail } from './install.ts';

/** A free loopback port (the OS picks it; it is released just before the peer takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The pids under `root` (its children, theirs…), from /proc; empty where there is no /proc. */
function descendants(root: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [pid, pp] of parent) if (pp === p) {
      out.push(pid);
      walk(pid);
    }
  };
  walk(root);
  return out;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface PeerProcess {
  pid: number;
  log: string;
  alive(): boolean;
  /** RSS of the peer's main process and of it with every process it started, in bytes. */
  rss(): { main: number; tree: number };
  stop(): Promise<void>;
}

/** Starts a peer (`node <script> …args`) with its output in `log`. */
export function startPeer(script: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): PeerProcess {
  const fd = openSync(opts.log, 'a');
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pid = child.pid as number;
  return {
    pid,
    log: opts.log,
    alive: () => child.exitCode === null && child.signalCode === null,
    rss() {
      const kids = descendants(pid);
      const main = rssOf(pid);
      return { main, tree: kids.reduce((n, k) => n + rssOf(k), main) };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const kids = descendants(pid);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const t = await Promise.race([exited.then(() => 'exited'), sleep(20_000).then(() => 'slow')]);
      if (t === 'slow') {
        child.kill('SIGKILL');
        await exited;
      }
      // Whatever it started and left behind (a task runner…): by pid, only those.
      for (const k of kids) {
        try {
          process.kill(k, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/**
 * POSTs `body` until the peer answers 2xx five times in a row (a second apart: n8n answers
 * its webhook once, then re-registers it while it finishes starting), or throws after
 * `timeoutMs` with the log's tail. Returns the ms until the first of those answers.
 */
export async function waitUntilAnswers(url: string, body: Buffer, headers: Record<string, string>, peer: PeerProcess, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  let last = '';
  let firstOk: number | null = null;
  let inARow = 0;
  while (Date.now() - t0 < timeoutMs) {
    if (!peer.alive()) throw new Error(`it exited while starting:\n${tail(peer.log)}`);
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) {
        firstOk ??= Date.now() - t0;
        if (++inARow >= 5) return firstOk;
        await sleep(1_000);
        continue;
      }
      inARow = 0;
      firstOk = null;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs / 1000} s (last: ${last}):\n${tail(peer.log)}`);
}
