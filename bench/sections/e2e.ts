// 2. End to end: distinct signed orders through a flow, counted in the database afterwards.
//    live  — an engine with 2 workers takes N orders at full speed and runs the five-node flow
//            for each while more arrive; timed from the first request until no job is due.
//    drain — N orders taken in with workers off, then an engine with 2 workers on the same data
//            dir, timed from its start until no job is due (processing alone).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EngineChildConfig, EngineChildInfo } from '../servers/engine.ts';
import { drainCounts, type DrainCounts } from '../lib/db-counts.ts';
import { mb, round, type BenchContext } from '../lib/context.ts';
import type { BenchFlow } from '../lib/flows.ts';
import { runLoad, type LoadFigures } from '../lib/load.ts';
import { loadLine, problemLines } from '../lib/report.ts';
import { distinctOrderPool } from '../lib/shopify-body.ts';

type Json = Record<string, unknown>;

export interface E2eRun {
  seconds: number;
  runsPerSec: number;
  deliveriesPerSec: number;
  ingest: LoadFigures;
  counts: DrainCounts;
  rss: number;
  engineProblems: Record<string, number>;
  /** CPU time the draining engine used (all its threads), per run: steadier than runs/s. */
  cpuUsPerRun?: number;
}

export interface E2eResult {
  liveFive: E2eRun;
  drainFive: E2eRun;
  drainVip: E2eRun;
}

function report(label: string, r: E2eRun, steps: number): void {
  const c = r.counts;
  console.log(`  ${label.padEnd(34)} ${round(r.runsPerSec).toFixed(1).padStart(8)} runs/s   ${c.runsSucceeded} runs succeeded (${c.runsOther} other) in ${round(r.seconds, 2)} s; ` +
    `${c.processed}/${c.accepted} deliveries processed, ${c.steps} steps (${steps} a run), ${c.notes} notes, ${c.jobsLeft} jobs left; RSS ${mb(r.rss)} MB` +
    (r.cpuUsPerRun === undefined ? '' : `; CPU ${Math.round(r.cpuUsPerRun)} µs a run`));
}

async function live(ctx: BenchContext, order: Json, n: number): Promise<E2eRun> {
  const dir = join(ctx.tmpRoot, 'e2e-live');
  const engine = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, setup: true, flow: 'five' } satisfies EngineChildConfig, 'engine-e2e-live');
  const pool = distinctOrderPool(order, n);
  const cpu0 = await engine.call<number>('cpu');
  const t0 = performance.now();
  const ingest = await runLoad({ url: engine.ready.webhookUrl as string, connections: ctx.settings.connections, amount: n, next: pool.next });
  await engine.call('idle');
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = (await engine.call<number>('cpu')) - cpu0;
  const rss = await engine.rss();
  const engineProblems = await engine.call<Record<string, number>>('problems');
  await engine.stop();
  const counts = drainCounts(join(dir, 'flowdesk.db'));
  console.log(loadLine('   its ingest, workers running', ingest));
  for (const line of problemLines(engineProblems)) console.log(line);
  // The engine's CPU for taking each delivery in and running its flow (the load generator's is not in it).
  const cpuUsPerRun = (cpuMs * 1000) / Math.max(1, counts.runsSucceeded);
  return { seconds, runsPerSec: counts.runsSucceeded / seconds, deliveriesPerSec: counts.processed / seconds, ingest, counts, rss, engineProblems, cpuUsPerRun };
}

async function drain(ctx: BenchContext, order: Json, n: number, flow: BenchFlow): Promise<E2eRun> {
  const dir = join(ctx.tmpRoot, `e2e-drain-${flow}`);
  const receiver = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 0, setup: true, flow } satisfies EngineChildConfig, `engine-receive-${flow}`);
  const pool = distinctOrderPool(order, n);
  const ingest = await runLoad({ url: receiver.ready.webhookUrl as string, connections: ctx.settings.connections, amount: n, next: pool.next });
  const received = await receiver.call<Record<string, number>>('problems');
  await receiver.stop();
  const drainer = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, drain: true } satisfies EngineChildConfig, `engine-drain-${flow}`, 600_000);
  const seconds = (drainer.ready.drainMs as number) / 1000;
  const rss = await drainer.rss();
  const drained = await drainer.call<Record<string, number>>('problems');
  await drainer.stop();
  const counts = drainCounts(join(dir, 'flowdesk.db'));
  const engineProblems = { ...received };
  for (const [k, v] of Object.entries(drained)) engineProblems[k] = (engineProblems[k] ?? 0) + v;
  for (const line of problemLines(engineProblems)) console.log(line);
  const cpuUsPerRun = ((drainer.ready.drainCpuMs as number) * 1000) / Math.max(1, counts.runsSucceeded);
  return { seconds, runsPerSec: counts.runsSucceeded / seconds, deliveriesPerSec: counts.processed / seconds, ingest, counts, rss, engineProblems, cpuUsPerRun };
}

export async function runE2e(ctx: BenchContext, order: Json): Promise<E2eResult> {
  const n = ctx.settings.drainN;
  console.log(`\nend to end (${n} distinct signed orders each; five-node flow: order created → total > 100 → Liquid note → order tag → customer tag)`);
  ctx.settle();
  const liveFive = await live(ctx, order, n);
  report('e  five-node, live (ingest + runs)', liveFive, 5);
  const drainFive = await drain(ctx, order, n, 'five');
  report('e  five-node, drain (runs alone)', drainFive, 5);
  const drainVip = await drain(ctx, order, n, 'vip');
  report('e  three-node VIP flow, drain', drainVip, 3);
  return { liveFive, drainFive, drainVip };
}
