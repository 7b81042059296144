// 3. A big data dir: one order written by a real engine (four deliveries and a five-node run),
//    then copied, with new ids and spread over a year, until 1,000,000 deliveries are stored,
//    less what the default retention has removed by then (bench/fill/million.ts); an engine
//    started on it with its upkeep timer off; `orders.get` timed over the HTTP API; the RSS
//    with it open, after the reads and after a short ingest load; then the engine's own upkeep
//    run under load (`storage.maintain`), timed, with the ack latency meanwhile.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import type { EngineChildConfig, EngineChildInfo } from '../servers/engine.ts';
import type { FillConfig, FillInfo } from '../fill/million.ts';
import { apiClient } from '../lib/api-timer.ts';
import { mb, round, type BenchContext } from '../lib/context.ts';
import { latencyRecorder, type LatencyStats } from '../lib/latency.ts';
import { runLoad, type LoadFigures } from '../lib/load.ts';
import { orderLife } from '../lib/order-history.ts';
import { loadLine, problemLines } from '../lib/report.ts';
import { distinctOrderPool } from '../lib/shopify-body.ts';

type Json = Record<string, unknown>;

export interface MillionResult {
  deliveries: number;
  fill: FillInfo & { templateS: number; days: number };
  startMs: number;
  timelineEntries: number;
  readOne: LatencyStats;
  readFirst: number;
  readRandom: LatencyStats;
  readByNumber: LatencyStats;
  rssOpen: number;
  rssAfterReads: number;
  ingest: LoadFigures;
  rssAfterIngest: number;
  upkeep: {
    ms: number; report: unknown; ingest: LoadFigures; rssAfter: number; fileBytesAfter: number;
    /** The answers given while the upkeep ran (from its call to its answer): their rate and latency. */
    during: { requestsPerSec: number; latency: LatencyStats };
  };
  engineProblems: Record<string, number>;
  /** process.memoryUsage() of the engine after the ingest load: what the RSS is made of. */
  memoryAfterIngest: NodeJS.MemoryUsage;
}

const TEMPLATE_INDEX = 999_999;
const READS = 1_000;
/** The stored deliveries arrived over this many days (about 2,700 a day for 1,000,000). */
const DAYS = 365;

const ms = (s: LatencyStats) => `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, mean ${s.meanMs} ms, max ${s.maxMs} ms (${s.count} calls)`;

export async function runMillion(ctx: BenchContext, order: Json): Promise<MillionResult> {
  const n = ctx.settings.million;
  const dir = join(ctx.tmpRoot, 'million');
  console.log(`\n${n.toLocaleString('en')} stored deliveries (four a order: created, updated, paid, fulfilled; each with its run of the five-node flow)`);

  // One order, written by a real engine: the rows every other order is made from.
  const t0 = Date.now();
  const maker = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, setup: true, flow: 'five' } satisfies EngineChildConfig, 'engine-million-template');
  for (const d of orderLife(order, TEMPLATE_INDEX)) {
    const res = await fetch(maker.ready.webhookUrl as string, { method: 'POST', headers: d.headers, body: d.body });
    if (!res.ok) throw new Error(`template delivery answered ${res.status}: ${await res.text()}`);
    await maker.call('idle');
  }
  await maker.stop();
  const templateS = (Date.now() - t0) / 1000;

  const fillConfig: FillConfig = {
    dbFile: join(dir, 'flowdesk.db'),
    deliveries: n,
    days: DAYS,
    template: { index: TEMPLATE_INDEX, platformOrderId: String(5_000_000_000 + TEMPLATE_INDEX), customerPlatformId: String(7_000_000_000 + TEMPLATE_INDEX), orderNumber: 100_000 + TEMPLATE_INDEX },
  };
  if (process.stdout.isTTY) process.stdout.write('  filling …\r');
  const filler = await ctx.child<FillInfo>('./fill/million.ts', fillConfig, 'fill-million', 3_600_000);
  const fill = { ...filler.ready, templateS, days: DAYS };
  await filler.stop();
  // The 6 GB just written reach the disk before anything is measured on them.
  ctx.settle();
  const deliveries = (fill.rows['inbox'] ?? 0) + 4;
  const rows = (t: string) => (fill.rows[t] ?? 0).toLocaleString('en');
  console.log(`  filled in ${round(fill.seconds)} s: ${deliveries.toLocaleString('en')} deliveries over ${DAYS} days (raw bodies kept for ${fill.bodies.kept.toLocaleString('en')}, ` +
    `removed by retention for ${fill.bodies.pruned.toLocaleString('en')}), ${(fill.orders + 1).toLocaleString('en')} orders, ${rows('timeline')} timeline rows, ` +
    `${rows('runs')} runs and ${rows('events')} events within the run-log retention, ${rows('jobs')} jobs; database ${round(statSync(fillConfig.dbFile).size / 2 ** 30, 2)} GB`);

  const engine = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, maintenanceEveryMs: 0 } satisfies EngineChildConfig, 'engine-million', 600_000);
  const rssOpen = await engine.rss();
  const api = apiClient(engine.ready.apiUrl, engine.ready.token);
  const first = await api.call('orders.get', { ref: fill.sample.middle });
  const detail = JSON.parse(first.body) as { ok: boolean; result?: { timeline: unknown[] } };
  if (!detail.ok || !detail.result) throw new Error(`orders.get failed: ${first.body.slice(0, 300)}`);
  const timelineEntries = detail.result.timeline.length;
  const readOne = (await api.time('orders.get', Array.from({ length: READS }, () => ({ ref: fill.sample.middle })))).stats;
  const readRandom = (await api.time('orders.get', fill.picks.map((ref) => ({ ref })))).stats;
  const readByNumber = (await api.time('orders.get', Array.from({ length: 200 }, () => ({ ref: fill.sample.middleNumber })))).stats;
  const rssAfterReads = await engine.rss();
  console.log(`  engine up in ${round(engine.ready.startMs)} ms; RSS with the database open ${mb(rssOpen)} MB, after the reads ${mb(rssAfterReads)} MB`);
  console.log(`  f  orders.get, one order (${timelineEntries} timeline entries) ×${READS}: ${ms(readOne)}; the first call ${round(first.ms, 2)} ms`);
  console.log(`  f  orders.get, 200 random orders: ${ms(readRandom)}`);
  console.log(`  f  orders.get by number (${fill.sample.middleNumber}) ×200: ${ms(readByNumber)}`);

  const pool = distinctOrderPool(order, 20_000, 2_000_000);
  const seconds = Math.max(2, Math.round(ctx.settings.durationS / 2));
  const ingest = await runLoad({ url: engine.ready.webhookUrl as string, connections: ctx.settings.connections, duration: seconds, next: pool.next });
  const rssAfterIngest = await engine.rss();
  const memoryAfterIngest = await engine.call<NodeJS.MemoryUsage>('memory');
  const mem = memoryAfterIngest;
  console.log(loadLine(`g  ingest at ${Math.round(deliveries / 1e3)}k, workers on`, ingest));
  console.log(`  RSS after ${seconds} s of ingest (new orders, the five-node flow running): ${mb(rssAfterIngest)} MB ` +
    `(JS heap ${mb(mem.heapUsed)} used of ${mb(mem.heapTotal)} MB, external ${mb(mem.external)} MB of which array buffers ${mb(mem.arrayBuffers)} MB; the rest is code, stacks, SQLite and the allocator)`);

  // The engine's own upkeep (retention, size budget, vacuum, checkpoint), asked for one second
  // into an ingest load that goes on until the upkeep answers: how long it takes, and the rate
  // and latency of the webhooks' answers while it ran, beside the same load without it (g).
  let upkeepWindow: [number, number] = [Infinity, Infinity];
  const during = latencyRecorder();
  let upkeepDone!: () => void;
  const settled = new Promise<void>((r) => (upkeepDone = r));
  const load = runLoad({
    url: engine.ready.webhookUrl as string, connections: ctx.settings.connections, duration: 600, next: pool.next, until: settled,
    onAccepted: (at, latency) => {
      if (at >= upkeepWindow[0] && at <= upkeepWindow[1]) during.add(latency);
    },
  });
  await new Promise((r) => setTimeout(r, 1_000));
  upkeepWindow = [performance.now(), Infinity];
  const upkeepCall = await api.call('storage.maintain', {});
  upkeepWindow = [upkeepWindow[0], performance.now()];
  upkeepDone();
  const upkeepIngest = await load;
  api.close();
  const report = (JSON.parse(upkeepCall.body) as { result?: unknown; error?: unknown }).result ?? JSON.parse(upkeepCall.body);
  const duringStats = during.stats();
  const upkeep = {
    ms: upkeepCall.ms, report, ingest: upkeepIngest, rssAfter: await engine.rss(), fileBytesAfter: statSync(fillConfig.dbFile).size,
    during: { requestsPerSec: duringStats.count / ((upkeepWindow[1] - upkeepWindow[0]) / 1000), latency: duringStats },
  };
  console.log(`  h  storage upkeep under load: ${round(upkeep.ms / 1000, 2)} s; ${JSON.stringify(report)}`);
  console.log(loadLine('h  ingest, 1 s before and during it', upkeepIngest) + `, max ${upkeepIngest.exact.maxMs} ms`);
  console.log(`  h  while it ran: ${round(upkeep.during.requestsPerSec)} req/s (${round(upkeep.during.requestsPerSec / Math.max(1, ingest.requestsPerSec), 2)} of g's ` +
    `${round(ingest.requestsPerSec)}), p50 ${duringStats.p50Ms}, p99 ${duringStats.p99Ms}, max ${duringStats.maxMs} ms`);
  console.log(`  RSS after the upkeep ${mb(upkeep.rssAfter)} MB; database ${round(upkeep.fileBytesAfter / 2 ** 30, 2)} GB`);
  const engineProblems = await engine.call<Record<string, number>>('problems', undefined, 120_000);
  for (const line of problemLines(engineProblems)) console.log(line);
  await engine.stop();
  return { deliveries, fill, startMs: engine.ready.startMs, timelineEntries, readOne, readFirst: first.ms, readRandom, readByNumber, rssOpen, rssAfterReads, ingest, rssAfterIngest, upkeep, memoryAfterIngest, engineProblems };
}
