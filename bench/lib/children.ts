import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ChildMessage, ParentMessage } from './child-ipc.ts';
import { ENGINE_PROCESS } from '../../engine/contract/engine-process.ts';

export interface BenchChild<R> {
  /** What the child reported once ready (its URL, or how long the drain took). */
  ready: R;
  pid: number;
  /** The child's resident set size now, in bytes (read from /proc on Linux, else asked over IPC). */
  rss(): Promise<number>;
  /** Runs one of the child's named calls and returns its value. */
  call<T>(name: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the child to close cleanly, then waits for it to exit. */
  stop(): Promise<void>;
  kill(): void;
}

function nextMessage(child: ChildProcess, match: (m: ChildMessage) => boolean, what: string, timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`child ${child.pid} sent no ${what} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'failed') done(new Error(`child ${child.pid} failed: ${m.error}`));
      else if (match(m)) done(null, m);
    };
    const onExit = (code: number | null) => done(new Error(`child ${child.pid} exited (${code}) before its ${what}`));
    function done(error: Error | null, m?: ChildMessage) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(m as ChildMessage);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function procRss(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Forks a bench script (its own process and event loop) and waits for it to be ready. */
export async function startChild<R>(
  script: URL, config: unknown, opts: { execArgv?: string[]; readyTimeoutMs?: number; engineProcess?: boolean } = {},
): Promise<BenchChild<R>> {
  // An engine child is started the way `flowdesk serve` and the desktop app start the engine.
  const engine = opts.engineProcess ? ENGINE_PROCESS : { execArgv: [], env: {} };
  const child = fork(script, [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...engine.execArgv, ...(opts.execArgv ?? [])],
    env: { ...process.env, ...engine.env },
  });
  const send = (m: ParentMessage) => child.send(m);
  let callId = 0;
  try {
    const ready = await nextMessage(child, (m) => m.type === 'ready', '"ready"', opts.readyTimeoutMs ?? 120_000);
    return {
      ready: (ready as { info: R }).info,
      pid: child.pid as number,
      async rss() {
        // From /proc where there is one: it answers even while the child's event loop is blocked.
        const fromProc = procRss(child.pid as number);
        if (fromProc !== null) return fromProc;
        const reply = nextMessage(child, (m) => m.type === 'rss', 'RSS', 10_000);
        send({ type: 'rss' });
        return ((await reply) as { rss: number }).rss;
      },
      async call<T>(name: string, args?: unknown, timeoutMs = 600_000): Promise<T> {
        const id = ++callId;
        const reply = nextMessage(child, (m) => m.type === 'result' && m.id === id, `answer to "${name}"`, timeoutMs);
        send({ type: 'call', id, name, args });
        const m = (await reply) as Extract<ChildMessage, { type: 'result' }>;
        if (!m.ok) throw new Error(`child call "${name}" failed: ${m.error}`);
        return m.value as T;
      },
      async stop() {
        if (child.exitCode !== null) return;
        const exited = once(child, 'exit');
        send({ type: 'stop' });
        await exited;
      },
      kill() {
        if (child.exitCode === null) child.kill();
      },
    };
  } catch (error) {
    if (child.exitCode === null) child.kill();
    throw error;
  }
}
