import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type BenchChild } from './children.ts';
import { bundleEngineChild } from './engine-bundle.ts';
import { warmThenMeasure, type LoadFigures } from './load.ts';
import { loadLine } from './report.ts';
import type { SignedRequest } from './shopify-body.ts';

export interface BenchSettings {
  durationS: number;
  warmupS: number;
  connections: number;
  drainN: number;
  /** Deliveries in the big data dir; 0 skips that part. */
  million: number;
  peers: boolean;
  /** n8n among the peers (its install takes minutes and ~3 GB); Node-RED is run whenever peers are. */
  n8n: boolean;
  cpuProf: boolean;
  /** Engine children from the .ts sources instead of the esbuild bundle the desktop app ships (lib/engine-bundle.ts). */
  sources: boolean;
}

export interface Measured {
  load: LoadFigures;
  warmupRequests: number;
  rss: number;
}

export type BenchContext = ReturnType<typeof createContext>;

const benchDir = new URL('../', import.meta.url);
export const resultsDir = fileURLToPath(new URL('./results/', benchDir));

/** What every section shares: settings, a temp dir, child processes that are always cleaned up. */
/** The child that runs a real engine: started with the engine's process settings. */
const ENGINE_SCRIPT = './servers/engine.ts';

export function createContext(settings: BenchSettings) {
  const tmpRoot = mkdtempSync(join(tmpdir(), 'flowdesk-bench-'));
  const cleanups = new Set<() => void | Promise<void>>();
  let engineBundle: Promise<URL> | null = null;

  /** With --cpu-prof, each engine/server child writes `results/<label>.cpuprofile` when it exits. */
  const profileArgs = (label: string) =>
    settings.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${label}.cpuprofile`] : [];

  return {
    settings,
    tmpRoot,
    /** Forks a bench script (path relative to bench/) in its own process. */
    async child<R>(script: string, config: unknown, label: string, readyTimeoutMs?: number): Promise<BenchChild<R>> {
      const engine = script === ENGINE_SCRIPT;
      const file = engine && !settings.sources ? await (engineBundle ??= bundleEngineChild()) : new URL(script, benchDir);
      const c = await startChild<R>(file, config, {
        execArgv: profileArgs(label), engineProcess: engine, ...(readyTimeoutMs ? { readyTimeoutMs } : {}),
      });
      const kill = () => c.kill();
      cleanups.add(kill);
      const stop = c.stop;
      c.stop = async () => {
        await stop();
        cleanups.delete(kill);
      };
      return c;
    },
    /**
     * Between two measured servers: removes what the last one wrote and waits for the disk to take
     * whatever is still pending (`sync`). A server measured while the kernel writes back the
     * previous one's gigabytes spends twice the CPU a request (bench/tools/cpu-per-request.ts after
     * the bare servers, their files left: 227 µs a request at 5,104 req/s; removed: 119 µs at 9,027).
     */
    settle(...paths: string[]): void {
      for (const p of paths) rmSync(p, { recursive: true, force: true });
      execFileSync('sync');
    },
    /** Something to undo even if the run fails (a peer process to stop). */
    onCleanup(fn: () => void | Promise<void>): () => void {
      cleanups.add(fn);
      return () => cleanups.delete(fn);
    },
    /** Warm-up, then the measured load; prints the line and returns the figures and the RSS after the load. */
    async measure(name: string, url: string, next: () => SignedRequest, rss: () => Promise<number>): Promise<Measured> {
      const tty = process.stdout.isTTY;
      if (tty) process.stdout.write(`  ${name}: ${settings.warmupS} s warm-up + ${settings.durationS} s load …\r`);
      const { warmup, load } = await warmThenMeasure({ url, connections: settings.connections, duration: settings.durationS, warmupS: settings.warmupS, next });
      const r = await rss();
      if (tty) process.stdout.write(`${' '.repeat(100)}\r`);
      console.log(loadLine(name, load));
      return { load, warmupRequests: warmup.requests, rss: r };
    },
    async cleanup(): Promise<void> {
      for (const fn of [...cleanups].reverse()) {
        try {
          await fn();
        } catch (error) {
          console.error(error);
        }
      }
      if (process.env.FLOWDESK_BENCH_KEEP) console.log(`kept ${tmpRoot}`); else rmSync(tmpRoot, { recursive: true, force: true });
    },
  };
}

export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
