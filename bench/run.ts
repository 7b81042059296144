// `npm run bench`: how fast Flowdesk takes in Shopify webhooks next to a bare receiver, and how
// fast it works through what it took in. Figures are printed and written, never asserted.
//
//   node bench/run.ts [--duration 10] [--warmup 2] [--connections 10] [--drain 5000]
//                     [--save-baseline] [--cpu-prof]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild, type BenchChild } from './lib/children.ts';
import { drainCounts } from './lib/db-counts.ts';
import { runLoad, warmThenMeasure, type LoadFigures } from './lib/load.ts';
import { comparison, loadFigures, loadLine, machine, readBenchFile, writeJson, type BenchFile, type Figures } from './lib/report.ts';
import { distinctOrderPool, paddedOrder, sameOrderDeliveries, type SignedRequest } from './lib/shopify-body.ts';
import type { EngineChildConfig, EngineChildInfo } from './servers/engine.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    drain: { type: 'string', default: '5000' },
    'save-baseline': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const durationS = Number(args.duration);
const warmupS = Number(args.warmup);
const connections = Number(args.connections);
const drainN = Number(args.drain);

const here = (p: string) => new URL(p, import.meta.url);
const resultsDir = fileURLToPath(here('./results/'));
const latestFile = join(resultsDir, 'latest.json');
const baselineFile = fileURLToPath(here('./baseline.json'));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const tmpRoot = mkdtempSync(join(tmpdir(), 'flowdesk-bench-'));
const live = new Set<BenchChild<unknown>>();

/** With --cpu-prof, each server child writes `results/<label>.cpuprofile` when it exits. */
function profileArgs(label: string): string[] {
  return args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${label}.cpuprofile`] : [];
}

async function child<R>(script: string, config: unknown, label: string): Promise<BenchChild<R>> {
  const c = await startChild<R>(here(script), config, { execArgv: profileArgs(label) });
  live.add(c as BenchChild<unknown>);
  const stop = c.stop;
  c.stop = async () => {
    await stop();
    live.delete(c as BenchChild<unknown>);
  };
  return c;
}

/** Warm-up, then `durationS` of load; returns the figures and the server's RSS after the load. */
async function measure(name: string, c: BenchChild<unknown>, url: string, next: () => SignedRequest): Promise<{ load: LoadFigures; warmupRequests: number; rss: number }> {
  const tty = process.stdout.isTTY;
  if (tty) process.stdout.write(`  ${name}: ${warmupS} s warm-up + ${durationS} s load …\r`);
  const { warmup, load } = await warmThenMeasure({ url, connections, duration: durationS, warmupS, next });
  const rss = await c.rss();
  if (tty) process.stdout.write(`${' '.repeat(80)}\r`);
  console.log(loadLine(name, load));
  return { load, warmupRequests: warmup.requests, rss };
}

async function bare(name: string, label: string, next: () => SignedRequest) {
  const c = await child<{ url: string }>(`./servers/${label}.ts`, { dbFile: join(tmpRoot, `${label}.db`) }, label);
  const r = await measure(name, c, c.ready.url, next);
  await c.stop();
  return r;
}

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  console.log(`Flowdesk bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node} (${m.platform})`);

  const order = paddedOrder();
  const same = sameOrderDeliveries(order);
  console.log(`body: Shopify orders/create, ${same.body.length} bytes (${(order['line_items'] as unknown[]).length} line items), ` +
    `signed X-Shopify-Hmac-Sha256; a new X-Shopify-Event-Id per request`);

  // 1. Ingest: a bare receiver vs Flowdesk's listener, each alone in a child process.
  console.log(`\ningest (${connections} connections, ${durationS} s after a ${warmupS} s warm-up; server in its own process)`);
  const bareHttp = await bare('a\' bare node:http + SQLite', 'bare-http', same.next);
  const bareExpress = await bare('a  bare express 5 + SQLite', 'bare-express', same.next);

  const ingestDir = join(tmpRoot, 'engine-ingest');
  const ingestEngine = await child<EngineChildInfo>('./servers/engine.ts', { dataDir: ingestDir, workers: 0, setup: true } satisfies EngineChildConfig, 'engine-ingest');
  const flowdesk = await measure('b  Flowdesk listener', ingestEngine, ingestEngine.ready.webhookUrl as string, same.next);
  await ingestEngine.stop();
  const ingestCounts = drainCounts(join(ingestDir, 'flowdesk.db'));
  console.log(`  b/a  ${round(flowdesk.load.requestsPerSec / bareExpress.load.requestsPerSec, 2)} of bare express,` +
    ` ${round(flowdesk.load.requestsPerSec / bareHttp.load.requestsPerSec, 2)} of bare node:http` +
    `   (engine inbox: ${ingestCounts.accepted} accepted, ${ingestCounts.notAccepted} not; autocannon counted ` +
    `${flowdesk.load.requests + flowdesk.warmupRequests} answers with the warm-up, not those in flight when it stopped)`);
  console.log(`  RSS after load: engine ${mb(flowdesk.rss)} MB, bare express ${mb(bareExpress.rss)} MB, bare node:http ${mb(bareHttp.rss)} MB`);

  // 2. Drain: ingest N distinct orders with workers off, then time a workers-2 engine to idle.
  console.log(`\ndrain (${drainN} distinct signed orders ingested with workers 0, then an engine with workers 2 until idle)`);
  const drainDir = join(tmpRoot, 'engine-drain');
  const pool = distinctOrderPool(order, drainN + 4 * connections);
  const receiver = await child<EngineChildInfo>('./servers/engine.ts', { dataDir: drainDir, workers: 0, setup: true } satisfies EngineChildConfig, 'engine-receive');
  const drainIngest = await runLoad({ url: receiver.ready.webhookUrl as string, connections, amount: drainN, next: pool.next });
  await receiver.stop();
  console.log(loadLine(`ingest of ${drainN}`, drainIngest));

  const drainer = await child<EngineChildInfo>('./servers/engine.ts', { dataDir: drainDir, workers: 2, drain: true } satisfies EngineChildConfig, 'engine-drain');
  const drainS = (drainer.ready.drainMs as number) / 1000;
  const drainRss = await drainer.rss();
  await drainer.stop();
  const counts = drainCounts(join(drainDir, 'flowdesk.db'));
  const deliveriesPerSec = counts.processed / drainS;
  const runsPerSec = counts.runsSucceeded / drainS;
  console.log(`  ${counts.processed} of ${counts.accepted} deliveries processed in ${round(drainS, 2)} s: ${round(deliveriesPerSec)} deliveries/s`);
  console.log(`  ${counts.runsSucceeded} runs succeeded (${counts.runsOther} other), trigger → compare → tag: ${round(runsPerSec)} runs/s`);
  console.log(`  ${counts.orders} orders, ${counts.jobsLeft} jobs not done, ${counts.notAccepted} deliveries not accepted; RSS of the draining engine at idle: ${mb(drainRss)} MB`);

  const figures: Figures = {
    ...loadFigures('ingest.bareHttp', bareHttp.load),
    ...loadFigures('ingest.bareExpress', bareExpress.load),
    ...loadFigures('ingest.flowdesk', flowdesk.load),
    'ingest.flowdeskOverBareExpress': round(flowdesk.load.requestsPerSec / bareExpress.load.requestsPerSec, 3),
    'ingest.flowdeskOverBareHttp': round(flowdesk.load.requestsPerSec / bareHttp.load.requestsPerSec, 3),
    'drain.ingestRps': round(drainIngest.requestsPerSec),
    'drain.deliveriesPerSec': round(deliveriesPerSec),
    'drain.runsPerSec': round(runsPerSec),
    'rss.engineAfterIngestMb': mb(flowdesk.rss),
    'rss.engineAfterDrainMb': mb(drainRss),
  };
  const result: BenchFile & Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: m,
    settings: { connections, durationS, warmupS, drainN, bodyBytes: same.body.length },
    figures,
    details: { bareHttp, bareExpress, flowdesk, drainIngest, drain: { seconds: drainS, ...counts, rss: drainRss } },
  };
  writeJson(latestFile, result);
  console.log(`\nwrote ${latestFile}`);

  const baseline = readBenchFile(baselineFile);
  if (baseline) {
    console.log('\nchange vs bench/baseline.json');
    for (const line of comparison(figures, result.settings, baseline)) console.log(line);
  }
  if (!baseline || args['save-baseline']) {
    writeJson(baselineFile, { date: result.date, machine: m, settings: result.settings, figures } satisfies BenchFile);
    console.log(`${baseline ? 'replaced' : 'wrote'} ${baselineFile}`);
  }
  if (args['cpu-prof']) console.log(`CPU profiles of each server child: ${resultsDir}*.cpuprofile`);
  console.log(`\ntook ${round((performance.now() - started) / 1000)} s`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  for (const c of live) c.kill();
  rmSync(tmpRoot, { recursive: true, force: true });
}
