import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ChildMessage, ParentMessage } from './child-ipc.ts';

export interface BenchChild<R> {
  /** What the child reported once ready (its URL, or how long the drain took). */
  ready: R;
  /** The child's resident set size now, in bytes. */
  rss(): Promise<number>;
  /** Asks the child to close cleanly, then waits for it to exit. */
  stop(): Promise<void>;
  kill(): void;
}

function nextMessage(child: ChildProcess, type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`child ${child.pid} sent no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'failed') done(new Error(`child ${child.pid} failed: ${m.error}`));
      else if (m.type === type) done(null, m);
    };
    const onExit = (code: number | null) => done(new Error(`child ${child.pid} exited (${code}) before "${type}"`));
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

/** Forks a bench server script (its own process and event loop) and waits for it to be ready. */
export async function startChild<R>(script: URL, config: unknown, opts: { execArgv?: string[]; readyTimeoutMs?: number } = {}): Promise<BenchChild<R>> {
  const child = fork(script, [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...(opts.execArgv ?? [])],
  });
  const send = (m: ParentMessage) => child.send(m);
  try {
    const ready = await nextMessage(child, 'ready', opts.readyTimeoutMs ?? 120_000);
    return {
      ready: (ready as { info: R }).info,
      async rss() {
        const reply = nextMessage(child, 'rss', 10_000);
        send({ type: 'rss' });
        return ((await reply) as { rss: number }).rss;
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
