import { existsSync } from 'node:fs';
import { ENGINE_RESTART_EXIT_CODE } from '../../engine/contract/engine-process.ts';
import type { BridgeHostMessage, BridgeMessage } from '../preload/bridge-types.ts';
import { errorReply, readEngineMessage, type ToEngine } from './engine-messages.ts';

/** The engine's process, as the host uses it: what Electron's UtilityProcess offers. */
export interface EngineProcess {
  readonly pid: number | undefined;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: ToEngine): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  /** Graceful (SIGTERM) on POSIX; final on Windows. */
  kill(): boolean;
}

/** Starts the engine entry: `utilityProcess.fork` in the app, `child_process.fork` in tests. */
export type ForkEngine = (entryPath: string, env: Record<string, string>) => EngineProcess;

export interface EngineHostOptions {
  /** The built engine entry, dist/electron/engine-entry.js. */
  entryPath: string;
  /** The engine entry reads its settings (FLOWDESK_DATA_DIR, FLOWDESK_STATIC_DIR, …) from here. */
  env: Record<string, string>;
  fork: ForkEngine;
  /** Engine events and host status, for the renderers. */
  onMessage: (message: BridgeMessage) => void;
  callTimeoutMs?: number;
  /** Waits before each restart in a row of crashes; the last repeats. */
  restartDelaysMs?: readonly number[];
}

export interface EngineHost {
  start(): void;
  /** Passes one call to the engine; resolves with its ApiReply, or one in its place. */
  invoke(method: string, args: unknown): Promise<unknown>;
  state(): BridgeHostMessage;
  /** Asks the engine to shut down, and kills it if it has not within a few seconds. */
  stop(): Promise<void>;
}

interface Call {
  method: string;
  args: unknown;
  sent: boolean;
  resolve: (reply: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export { ENGINE_RESTART_EXIT_CODE };

const defaultRestartDelaysMs = [1000, 2000, 5000, 10_000, 30_000];
/** An engine up this long has recovered: the next crash starts the delays over. */
const healthyAfterMs = 60_000;
const maxWaitingCalls = 500;
const shutdownGraceMs = 5000;

/** From what the engine wrote to stderr, the last error line: what an uncaught error prints. */
function lastErrorLine(text: string): string | null {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .findLast((l) => /^\w*Error\b/.test(l));
  return line ? line.slice(0, 300) : null;
}

/**
 * Runs the engine in an Electron utility process, restarts it with growing delays when it
 * dies, and relays calls and events without reading them. Calls made while the engine is
 * (re)starting wait for it.
 */
export function createEngineHost(options: EngineHostOptions): EngineHost {
  const callTimeoutMs = options.callTimeoutMs ?? 120_000;
  const restartDelaysMs = options.restartDelaysMs ?? defaultRestartDelaysMs;
  const calls = new Map<number, Call>();
  let status: BridgeHostMessage = { type: 'host', state: 'stopped', detail: null, retryInMs: null };
  let child: EngineProcess | null = null;
  let nextId = 1;
  let crashes = 0;
  let readyAt = 0;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let stopping = false;
  /** The engine's last error words, and when: said just before an exit, they explain it. */
  let lastWords = { text: '', at: 0 };

  function setStatus(next: Omit<BridgeHostMessage, 'type'>): void {
    status = { type: 'host', ...next };
    options.onMessage(status);
  }

  function finish(id: number, reply: unknown): void {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    clearTimeout(call.timer);
    call.resolve(reply);
  }

  function send(id: number, call: Call): void {
    if (!child) return;
    const message: ToEngine = { type: 'invoke', id, method: call.method, args: call.args };
    child.postMessage(message);
    call.sent = true;
  }

  function spawn(detail: string | null = status.detail): void {
    restartTimer = null;
    if (!existsSync(options.entryPath)) {
      setStatus({ state: 'stopped', detail: `the engine is not built (${options.entryPath} is missing)`, retryInMs: null });
      for (const id of calls.keys()) finish(id, errorReply('internal', 'The engine is not built.'));
      return;
    }
    readyAt = 0;
    lastWords = { text: '', at: 0 };
    setStatus({ state: 'starting', detail, retryInMs: null });
    const proc = options.fork(options.entryPath, options.env);
    child = proc;
    proc.stderr?.on('data', (chunk: Buffer | string) => {
      process.stderr.write(chunk);
      const line = lastErrorLine(chunk.toString());
      if (line) lastWords = { text: line, at: Date.now() };
    });
    proc.on('message', (raw: unknown) => {
      const message = readEngineMessage(raw);
      if (!message) return;
      if (message.type === 'reply') return finish(message.id, message.reply);
      if (message.type === 'event') return options.onMessage(message);
      if (message.type === 'fatal') {
        lastWords = { text: message.message, at: Date.now() };
        return;
      }
      readyAt = Date.now();
      console.log(`Flowdesk engine ready: API ${message.apiUrl}, webhooks ${message.webhookBaseUrl}`);
      setStatus({ state: 'ready', detail: null, retryInMs: null });
      for (const [id, call] of calls) if (!call.sent) send(id, call);
    });
    proc.on('exit', (code: number) => exited(proc, code));
  }

  function exited(proc: EngineProcess, code: number): void {
    if (proc !== child) return;
    child = null;
    // Only an engine that got ready can have been asked to restart (a restore is an API call);
    // one that exits so before that is failing to start, and gets the crash delays.
    const restartAsked = code === ENGINE_RESTART_EXIT_CODE && !stopping && readyAt !== 0;
    for (const [id, call] of calls) {
      if (call.sent || stopping) {
        const why = restartAsked ? 'restarted (after a restore)' : `stopped (exit code ${code})`;
        finish(id, errorReply('internal', `The engine ${why} before answering ${call.method}.`));
      }
    }
    if (stopping) return setStatus({ state: 'stopped', detail: null, retryInMs: null });
    // Asked for, not a crash: no delay, no count toward the crash delays, nothing to explain.
    if (restartAsked) return spawn('restarting on the restored database');
    if (readyAt !== 0 && Date.now() - readyAt >= healthyAfterMs) crashes = 0;
    const delay = restartDelaysMs[Math.min(crashes, restartDelaysMs.length - 1)] ?? 1000;
    crashes++;
    const why = lastWords.text && Date.now() - lastWords.at < 5000 ? `: ${lastWords.text}` : '';
    setStatus({ state: 'restarting', detail: `the engine stopped (exit code ${code})${why}`, retryInMs: delay });
    restartTimer = setTimeout(() => spawn(), delay);
  }

  return {
    start() {
      stopping = false;
      if (!child && !restartTimer) spawn();
    },
    invoke(method, args) {
      return new Promise((resolve) => {
        const waiting = status.state === 'ready' ? 0 : calls.size;
        if (status.state === 'stopped' || waiting >= maxWaitingCalls) {
          resolve(errorReply('internal', `The engine is not running (${status.detail ?? 'stopped'}).`));
          return;
        }
        const id = nextId++;
        const timer = setTimeout(
          () => finish(id, errorReply('internal', `The engine did not answer ${method} within ${callTimeoutMs / 1000} s.`)),
          callTimeoutMs,
        );
        const call: Call = { method, args, sent: false, resolve, timer };
        calls.set(id, call);
        if (status.state === 'ready') send(id, call);
      });
    },
    state: () => status,
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      const proc = child;
      if (!proc) {
        for (const id of calls.keys()) finish(id, errorReply('internal', 'Flowdesk is quitting.'));
        setStatus({ state: 'stopped', detail: null, retryInMs: null });
        return;
      }
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      const shutdown: ToEngine = { type: 'shutdown' };
      proc.postMessage(shutdown);
      // kill() is SIGTERM on POSIX, which the engine takes as "shut down"; on Windows it is final.
      if (process.platform !== 'win32') proc.kill();
      const graceOver = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), shutdownGraceMs));
      if ((await Promise.race([exited, graceOver])) !== 'late') return;
      if (process.platform === 'win32' || proc.pid === undefined) proc.kill();
      else process.kill(proc.pid, 'SIGKILL');
      await exited;
    },
  };
}
