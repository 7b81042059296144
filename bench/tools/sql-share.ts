// How much of a five-node run's CPU is SQLite doing the engine's own statements, and how much is
// everything around them (JavaScript: parsing, zod, Liquid, building rows, GC). The engine drains
// N deliveries twice from copies of one data dir: once timed, once with every statement it runs
// logged (source and bound values, in order, BEGIN and COMMIT included). The log is then replayed
// on a third copy with nothing else: each distinct statement prepared once, run with the logged
// values in the logged order, the same pragmas (WAL, synchronous, 4 MB cache, the SQL functions
// the migrations register). The replay's CPU is what those rows, indexes, triggers, reads and
// commits cost; the engine's CPU minus it is the rest. The listener's statements for the same
// deliveries (inbox rows and bodies, jobs, commits) are logged and replayed the same way.
//
//   node bench/tools/sql-share.ts [deliveries (3000)] [--flow five|vip] [--top 15]
//
// CPU is the main thread's (`process.threadCpuUsage`); the drain's other threads (V8's GC helpers,
// the checkpoint thread) are read from /proc and printed beside it. The tool runs itself with the
// engine process's V8 flags (engine/contract/engine-process.ts), as every launcher starts the engine.
// A replay whose COMMIT line is far above ~40 µs a run met the disk flushing other work (seen with
// 24 GB of old bench files in /tmp: 127–373 µs); run it again on a quiet disk.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ENGINE_PROCESS } from '../../engine/contract/engine-process.ts';
import { createEngine } from '../../engine/create-engine.ts';
import type { Logger } from '../../engine/shared/logger.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../../test/harness/shopify.ts';
import { drainCounts } from '../lib/db-counts.ts';
import { benchFlow, type BenchFlow } from '../lib/flows.ts';
import { threadCpuMs } from '../lib/proc-cpu.ts';
import { runLoad } from '../lib/load.ts';
import { distinctOrderPool, paddedOrder } from '../lib/shopify-body.ts';

if (!ENGINE_PROCESS.execArgv.every((flag) => process.execArgv.includes(flag))) {
  const child = spawnSync(process.execPath, [...ENGINE_PROCESS.execArgv, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit', env: { ...process.env, ...ENGINE_PROCESS.env },
  });
  process.exit(child.status ?? 1);
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { flow: { type: 'string', default: 'five' }, top: { type: 'string', default: '15' } },
});
const N = Number(positionals[0] ?? 3000);
const flow = args.flow as BenchFlow;
const root = mkdtempSync(join(tmpdir(), 'flowdesk-sql-share-'));
const quiet: Logger = { debug() {}, info() {}, warn: (m) => console.warn(`engine warn: ${m}`), error: (m) => console.error(`engine error: ${m}`) };
const cpuUs = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};

// ---- the statement log: every Statement method call and every exec, on any connection of this thread
type Method = 'run' | 'get' | 'all' | 'iterate';
interface Entry { source: string; method: Method | 'exec'; params: unknown[] }
let log: Entry[] | null = null;
const probe = new Database(':memory:');
const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown> & { source: string };
probe.close();
for (const method of ['run', 'get', 'all', 'iterate'] as const) {
  const original = statementProto[method];
  statementProto[method] = function (this: { source: string }, ...params: unknown[]) {
    // Named values are copied: a caller may reuse and change its object after the call.
    log?.push({ source: this.source, method, params: params.map((v) => (v && typeof v === 'object' && !ArrayBuffer.isView(v) ? { ...v } : v)) });
    return original.apply(this, params);
  };
}
const dbProto = Database.prototype as unknown as { exec: (sql: string) => unknown };
const originalExec = dbProto.exec;
dbProto.exec = function (this: unknown, sql: string) {
  log?.push({ source: sql, method: 'exec', params: [] });
  return originalExec.call(this, sql);
};

function engineOn(dataDir: string, workers: number) {
  return createEngine({ dataDir, webhookPort: 0, apiPort: 0, logger: quiet, workers });
}

/**
 * Drains `dir`, timed from `start` (which already leases the first batch) until idle; with
 * `record`, logs the statements run over the same span.
 */
async function drain(dir: string, record: boolean): Promise<{ cpuUs: number; ms: number; entries: Entry[]; others: Map<string, number> }> {
  const engine = engineOn(dir, 2);
  const entries: Entry[] = [];
  if (record) log = entries;
  const threads0 = threadCpuMs();
  const c0 = cpuUs();
  const t0 = performance.now();
  await engine.start();
  await engine.idle();
  const out = { cpuUs: cpuUs() - c0, ms: performance.now() - t0, entries, others: new Map<string, number>() };
  // The other threads' CPU over the drain, by name (the main thread is measured exactly above).
  for (const [key, ms] of threadCpuMs()) {
    const name = key.slice(key.indexOf(' ') + 1);
    const used = ms - (threads0.get(key) ?? 0);
    if (key.startsWith(`${process.pid} `) || used <= 0) continue;
    out.others.set(name, (out.others.get(name) ?? 0) + used);
  }
  log = null;
  await engine.stop();
  return out;
}

interface Replay { cpuUs: number; failed: number; bySource: Map<string, { n: number; ms: number }> }

/** Runs `entries` on `dir`'s database as a bare connection would. */
function replay(dir: string, entries: Entry[]): Replay {
  const db = openDatabase(join(dir, 'flowdesk.db'));
  db.pragma('wal_autocheckpoint = 65536');
  const prepared = new Map<string, Database.Statement>();
  const bySource = new Map<string, { n: number; ms: number }>();
  let failed = 0;
  // Prepared before the clock starts: the engine prepares its statements once, at start.
  for (const e of entries) {
    if (e.method !== 'exec' && !prepared.has(e.source)) {
      try {
        prepared.set(e.source, db.prepare(e.source));
      } catch {
        failed++;
      }
    }
  }
  const c0 = cpuUs();
  for (const e of entries) {
    const t = performance.now();
    try {
      if (e.method === 'exec') db.exec(e.source);
      else {
        const s = prepared.get(e.source);
        if (!s) continue;
        if (e.method === 'iterate') for (const _ of s.iterate(...e.params)) void _;
        else s[e.method](...e.params);
      }
    } catch {
      failed++;
    }
    const b = bySource.get(e.source) ?? { n: 0, ms: 0 };
    b.n++;
    b.ms += performance.now() - t;
    bySource.set(e.source, b);
  }
  const used = cpuUs() - c0;
  db.close();
  return { cpuUs: used, failed, bySource };
}

function counts(dir: string): string {
  const c = drainCounts(join(dir, 'flowdesk.db'));
  return `runs succeeded ${c.runsSucceeded} (${c.runsOther} other), steps ${c.steps}, notes ${c.notes}, processed ${c.processed} of ${c.accepted}, jobs left ${c.jobsLeft}`;
}

const setup = join(root, 'setup');
{
  const engine = engineOn(setup, 0);
  await engine.start();
  await engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const saved = await engine.call('flows.save', { document: benchFlow(flow) });
  await engine.call('flows.activate', { id: saved.id });
  await engine.stop();
}
for (const name of ['received', 'ingest-replay']) cpSync(setup, join(root, name), { recursive: true });

// Ingest with workers off, logging the listener's statements.
const received = join(root, 'received');
const ingestLog: Entry[] = [];
{
  const engine = engineOn(received, 0);
  await engine.start();
  const url = (await engine.call('connections.list', {}))[0]?.webhookUrl as string;
  const pool = distinctOrderPool(paddedOrder(), N);
  log = ingestLog;
  const load = await runLoad({ url, connections: 10, amount: N, next: pool.next });
  log = null;
  await engine.stop();
  if (load.non2xx || load.errors) throw new Error(`ingest: ${load.non2xx} non-2xx, ${load.errors} errors`);
}
for (const name of ['timed', 'logged', 'replayed']) cpSync(received, join(root, name), { recursive: true });

const timed = await drain(join(root, 'timed'), false);
const logged = await drain(join(root, 'logged'), true);
const drainReplay = replay(join(root, 'replayed'), logged.entries);
const ingestReplay = replay(join(root, 'ingest-replay'), ingestLog);

const perRun = (us: number) => Math.round(us / N);
console.log(`${N} deliveries, ${flow === 'five' ? 'five-node' : 'three-node VIP'} flow`);
console.log(`  timed drain:    ${counts(join(root, 'timed'))}`);
console.log(`  replayed drain: ${counts(join(root, 'replayed'))}${drainReplay.failed ? `; ${drainReplay.failed} statements FAILED in the replay` : ''}`);
console.log(`  engine drain, main thread   ${perRun(timed.cpuUs)} µs CPU a run (${Math.round(timed.ms)} ms)`);
console.log(`  its statements replayed     ${perRun(drainReplay.cpuUs)} µs CPU a run (${(logged.entries.length / N).toFixed(1)} statements a run)`);
console.log(`  everything else             ${perRun(timed.cpuUs - drainReplay.cpuUs)} µs a run`);
for (const [name, ms] of [...timed.others].sort((a, b) => b[1] - a[1])) {
  const what = name === 'V8Worker' ? "V8's helpers (GC)" : name === 'WorkerThread' ? 'worker thread (checkpoints)' : name;
  console.log(`  other threads: ${what.padEnd(28)} ${perRun(ms * 1000)} µs a run (10 ms ticks)`);
}
console.log(`  listener's statements replayed ${perRun(ingestReplay.cpuUs)} µs CPU a delivery (${(ingestLog.length / N).toFixed(1)} statements a delivery)` +
  (ingestReplay.failed ? `; ${ingestReplay.failed} FAILED` : ''));
const top = [...drainReplay.bySource].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(args.top));
console.log(`  the drain's statements by time (wall, summed; per run):`);
for (const [source, b] of top) {
  console.log(`    ${((b.ms * 1000) / N).toFixed(1).padStart(6)} µs  ${(b.n / N).toFixed(1).padStart(4)}×  ${source.replace(/\s+/g, ' ').slice(0, 110)}`);
}
rmSync(root, { recursive: true, force: true });
