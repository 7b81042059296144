// 1. Ingest: the bare limit (node:http and express, raw body into SQLite) against Flowdesk's
// listener, each alone in a child process; then Flowdesk at a fixed half of its own maximum.
import { join } from 'node:path';
import type { EngineChildConfig, EngineChildInfo, Pauses } from '../servers/engine.ts';
import { drainCounts } from '../lib/db-counts.ts';
import { mb, round, type BenchContext, type Measured } from '../lib/context.ts';
import { runLoad, type LoadFigures } from '../lib/load.ts';
import { runPaced, type PacedFigures } from '../lib/paced-load.ts';
import { loadLine, problemLines } from '../lib/report.ts';
import type { SignedRequest } from '../lib/shopify-body.ts';

export interface IngestResult {
  bareHttp: Measured;
  bareExpress: Measured;
  flowdesk: Measured;
  halfRate: { rate: number; autocannon: LoadFigures; paced: PacedFigures; pauses: Pauses; bareHttpPaced: PacedFigures };
  /** The engine's event-loop delay and GC pauses during the maximum-rate load. */
  pausesAtMax: Pauses;
  /** Warnings and errors the engine logged during these loads, by message. */
  engineProblems: Record<string, number>;
}

const pausesLine = (p: Pauses) =>
  `engine event loop delay p99 ${p.loopDelayMs.p99} ms, max ${p.loopDelayMs.max} ms; GC ${p.gc.count} pauses, ${p.gc.totalMs} ms in all, longest ${p.gc.maxMs} ms`;

function pacedLine(name: string, p: PacedFigures): string {
  return `  ${name.padEnd(34)} ${p.requestsPerSec.toFixed(1).padStart(8)} req/s   mean ${p.latency.meanMs.toFixed(2).padStart(6)}   ` +
    `p50 ${p.latency.p50Ms.toFixed(2).padStart(6)}   p99 ${p.latency.p99Ms.toFixed(2).padStart(6)} ms   p99.9 ${p.latency.p999Ms} ms, ` +
    `p99 from the due time ${p.fromSchedule.p99Ms} ms, ${p.requests} req, ${p.errors} err, ${p.non2xx} non-2xx`;
}

/** A bare server's SQLite file and its WAL and shared-memory files, removed and synced. */
const settleDatabase = (ctx: BenchContext, file: string) => ctx.settle(file, `${file}-wal`, `${file}-shm`);

async function bare(ctx: BenchContext, name: string, label: string, next: () => SignedRequest): Promise<Measured> {
  const dbFile = join(ctx.tmpRoot, `${label}.db`);
  const c = await ctx.child<{ url: string }>(`./servers/${label}.ts`, { dbFile }, label);
  const r = await ctx.measure(name, c.ready.url, next, () => c.rss());
  await c.stop();
  settleDatabase(ctx, dbFile);
  return r;
}

export async function runIngest(ctx: BenchContext, next: () => SignedRequest): Promise<IngestResult> {
  const { connections, durationS, warmupS } = ctx.settings;
  console.log(`\ningest (${connections} connections, ${durationS} s after a ${warmupS} s warm-up; server in its own process; ` +
    'latency: mean, exact p50 and p99 in ms, [autocannon\'s whole-ms p99]; each server\'s files removed and synced before the next)');
  ctx.settle();
  const bareHttp = await bare(ctx, 'a\' bare node:http + SQLite', 'bare-http', next);
  const bareExpress = await bare(ctx, 'a  bare express 5 + SQLite', 'bare-express', next);

  const dir = join(ctx.tmpRoot, 'engine-ingest');
  const engine = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 0, setup: true } satisfies EngineChildConfig, 'engine-ingest');
  const url = engine.ready.webhookUrl as string;
  await engine.call('pauses');
  const flowdesk = await ctx.measure('b  Flowdesk listener', url, next, () => engine.rss());
  const pausesAtMax = await engine.call<Pauses>('pauses');
  console.log(`     ${pausesLine(pausesAtMax)}`);

  // Half the sustained rate, on the same engine: autocannon's overallRate (as asked), and an
  // evenly paced client, since overallRate spends each connection's budget for the second at
  // full speed and then waits.
  const rate = Math.max(1, Math.round(flowdesk.load.requestsPerSec / 2));
  const autocannonHalf = await runLoad({ url, connections, duration: durationS, overallRate: rate, next });
  console.log(loadLine(`b  at ${rate}/s (autocannon overallRate)`, autocannonHalf));
  await engine.call('pauses');
  const paced = await runPaced({ url, rate, durationS, connections, next });
  const pauses = await engine.call<Pauses>('pauses');
  console.log(pacedLine(`b  at ${rate}/s (evenly paced)`, paced));
  console.log(`     ${pausesLine(pauses)}`);
  const engineProblems = await engine.call<Record<string, number>>('problems');
  for (const line of problemLines(engineProblems)) console.log(line);
  await engine.stop();
  const counts = drainCounts(join(dir, 'flowdesk.db'));
  ctx.settle(dir);

  // The same paced load on the bare node:http limit: the latency this machine and client give
  // anything at that rate (the floor under Flowdesk's p99).
  const controlDb = join(ctx.tmpRoot, 'bare-http-paced.db');
  const control = await ctx.child<{ url: string }>('./servers/bare-http.ts', { dbFile: controlDb }, 'bare-http-paced');
  const bareHttpPaced = await runPaced({ url: control.ready.url, rate, durationS, connections, next });
  await control.stop();
  settleDatabase(ctx, controlDb);
  console.log(pacedLine(`a' at ${rate}/s (evenly paced)`, bareHttpPaced));

  console.log(`  b/a  ${round(flowdesk.load.requestsPerSec / bareHttp.load.requestsPerSec, 2)} of bare node:http, ` +
    `${round(flowdesk.load.requestsPerSec / bareExpress.load.requestsPerSec, 2)} of bare express   ` +
    `(engine inbox: ${counts.accepted} accepted, ${counts.notAccepted} not)`);
  console.log(`  RSS after load: engine ${mb(flowdesk.rss)} MB, bare express ${mb(bareExpress.rss)} MB, bare node:http ${mb(bareHttp.rss)} MB`);
  return { bareHttp, bareExpress, flowdesk, halfRate: { rate, autocannon: autocannonHalf, paced, pauses, bareHttpPaced }, pausesAtMax, engineProblems };
}
