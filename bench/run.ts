// `npm run bench`: how fast Flowdesk takes in Shopify webhooks next to a bare receiver and to
// Node-RED and n8n, how fast it runs a five-node flow end to end, how many SMS a second it sends
// through "order cancelled → SMS" to a fake eSMS, and how it reads an order's timeline among
// 1,000,000 stored deliveries, how fast it reconciles orders changed while it was stopped and
// writes back to a Shopify fake with Shopify's rate limit. Figures are printed and written, never asserted.
//
//   node bench/run.ts [--duration 10] [--warmup 2] [--connections 10] [--drain 3000]
//                     [--million 1000000] [--messages 2000] [--reconcile 10000] [--write-back 500]
//                     [--orders-list 250000] [--only orders-list|e2e|million|ingest] [--no-n8n]
//                     [--no-peers] [--save-baseline] [--cpu-prof] [--sources]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createContext, mb, resultsDir, round } from './lib/context.ts';
import { comparison, loadFigures, machine, readBenchFile, writeJson, type BenchFile, type Figures } from './lib/report.ts';
import { paddedOrder, sameOrderDeliveries } from './lib/shopify-body.ts';
import { checkTargets, targetLines } from './lib/targets.ts';
import { runIngest } from './sections/ingest.ts';
import { installPeers, runPeers, type PeerRun } from './sections/peers.ts';
import { runE2e, type E2eResult } from './sections/e2e.ts';
import { runMillion, type MillionResult } from './sections/million.ts';
import { runMessages, type MessagesResult } from './sections/messages.ts';
import { reconcileFigures, runReconcile, runWriteBack, writeBackFigures } from './sections/write-back.ts';
import { runOrdersList, type OrdersListResult } from './sections/orders-list.ts';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    drain: { type: 'string', default: '3000' },
    million: { type: 'string', default: '1000000' },
    messages: { type: 'string', default: '2000' },
    reconcile: { type: 'string', default: '10000' },
    'write-back': { type: 'string', default: '500' },
    'orders-list': { type: 'string', default: '250000' },
    /** One section alone (`orders-list`, `e2e` or `million`): the others are not run and nothing is compared or saved. */
    only: { type: 'string' },
    peers: { type: 'boolean', default: true },
    n8n: { type: 'boolean', default: true },
    'save-baseline': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    /** Engine children from the .ts sources (Node's type stripping) instead of the esbuild bundle the desktop app ships. */
    sources: { type: 'boolean', default: false },
  },
});

const latestFile = join(resultsDir, 'latest.json');
const baselineFile = fileURLToPath(new URL('./baseline.json', import.meta.url));

const ctx = createContext({
  durationS: Number(args.duration),
  warmupS: Number(args.warmup),
  connections: Number(args.connections),
  drainN: Number(args.drain),
  million: Number(args.million),
  peers: args.peers,
  n8n: args.n8n,
  cpuProf: args['cpu-prof'],
  sources: args.sources,
});

function peerFigures(prefix: string, p: PeerRun): Figures {
  return 'skipped' in p ? {} : { ...loadFigures(prefix, p.load), [`${prefix}.rssMb`]: mb(p.rss) };
}

function e2eFigures(e: E2eResult | null): Figures {
  if (!e) return {};
  return {
    'e2e.five.liveRunsPerSec': round(e.liveFive.runsPerSec),
    'e2e.five.liveIngestRps': round(e.liveFive.ingest.requestsPerSec),
    'e2e.five.drainRunsPerSec': round(e.drainFive.runsPerSec),
    'drain.runsPerSec': round(e.drainVip.runsPerSec),
    'drain.ingestRps': round(e.drainVip.ingest.requestsPerSec),
    'rss.engineAfterDrainMb': mb(e.drainFive.rss),
  };
}

function messagesFigures(m: MessagesResult | null): Figures {
  if (!m) return {};
  return {
    'messages.liveSmsPerSec': round(m.live.messagesPerSec),
    'messages.liveIngestRps': round(m.live.ingest.requestsPerSec),
    'messages.drainSmsPerSec': round(m.drain.messagesPerSec),
    'messages.drainCpuUsPerSms': Math.round(m.drain.cpuUsPerMessage ?? 0),
    'messages.rssPeakMb': mb(m.live.rssPeak),
    'messages.rssAfterMb': mb(m.live.rssAfter),
  };
}

function ordersListFigures(o: OrdersListResult | null): Figures {
  if (!o) return {};
  return {
    'ordersList.statusFilter.apiP99Ms': o.statusFilter.api.p99Ms,
    'ordersList.statusFilter.httpP99Ms': o.statusFilter.http.p99Ms,
    'ordersList.timeline.apiP99Ms': o.timeline.apiOne.p99Ms,
    'ordersList.timeline.randomP99Ms': o.timeline.apiRandom.p99Ms,
  };
}

function millionFigures(m: MillionResult | null): Figures {
  if (!m) return {};
  return {
    'million.fillSeconds': round(m.fill.seconds),
    'million.readOne.p50Ms': m.readOne.p50Ms,
    'million.readOne.p99Ms': m.readOne.p99Ms,
    'million.readRandom.p50Ms': m.readRandom.p50Ms,
    'million.readRandom.p99Ms': m.readRandom.p99Ms,
    'million.readByNumber.p99Ms': m.readByNumber.p99Ms,
    'million.rssOpenMb': mb(m.rssOpen),
    'million.rssAfterIngestMb': mb(m.rssAfterIngest),
    'million.ingestRps': round(m.ingest.requestsPerSec),
    'million.upkeepSeconds': round(m.upkeep.ms / 1000, 2),
    'million.upkeepMaxAckMs': m.upkeep.ingest.exact.maxMs,
    'million.rssAfterUpkeepMb': mb(m.upkeep.rssAfter),
  };
}

/** The commit measured, and engine files changed on top of it (others may be editing while the bench runs). */
function revision(): { commit: string; engineChanges: string[] } | null {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), engineChanges: git('status', '--porcelain', '--', 'engine').split('\n').filter(Boolean) };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (args.only === 'orders-list') {
    const o = await runOrdersList(ctx, Number(args['orders-list']));
    writeJson(join(resultsDir, 'orders-list.json'), { date: new Date().toISOString(), machine: machine(), loadAverage: loadavg(), figures: ordersListFigures(o), details: o });
    console.log(`\nwrote ${join(resultsDir, 'orders-list.json')}; took ${round((performance.now() - started) / 1000)} s`);
    return;
  }
  if (args.only === 'e2e') {
    // The five-node and three-node runs alone (with --cpu-prof: a profile of each engine), to
    // compare two versions of the run path; nothing is compared with or saved as the baseline.
    const e = await runE2e(ctx, paddedOrder());
    writeJson(join(resultsDir, 'e2e.json'), { date: new Date().toISOString(), machine: machine(), loadAverage: loadavg(), revision: revision(), figures: e2eFigures(e), details: e });
    console.log(`\nwrote ${join(resultsDir, 'e2e.json')}; took ${round((performance.now() - started) / 1000)} s`);
    return;
  }
  if (args.only === 'million') {
    // 1,000,000 stored deliveries alone: reads, RSS, and the storage upkeep under load.
    const mi = await runMillion(ctx, paddedOrder());
    writeJson(join(resultsDir, 'million.json'), { date: new Date().toISOString(), machine: machine(), loadAverage: loadavg(), revision: revision(), figures: millionFigures(mi), details: mi });
    console.log(`\nwrote ${join(resultsDir, 'million.json')}; took ${round((performance.now() - started) / 1000)} s`);
    return;
  }
  if (args.only === 'ingest') {
    // The listener at full speed and at half of it beside the bare servers, alone (~80 s): to
    // compare two versions of the write path; nothing is compared with or saved as the baseline.
    const i = await runIngest(ctx, sameOrderDeliveries(paddedOrder()).next);
    writeJson(join(resultsDir, 'ingest.json'), { date: new Date().toISOString(), machine: machine(), loadAverage: loadavg(), revision: revision(), details: i });
    console.log(`\nwrote ${join(resultsDir, 'ingest.json')}; took ${round((performance.now() - started) / 1000)} s`);
    return;
  }
  if (args.only) throw new Error(`--only ${args.only}: the sections that run alone are: orders-list, e2e, million, ingest`);
  const m = machine();
  const loadAtStart = loadavg().map((l) => round(l, 2));
  console.log(`Flowdesk bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node} (${m.platform}); ` +
    `load average ${loadAtStart.join(' ')} (other work on the machine skews every figure)`);
  const rev = revision();
  if (rev) console.log(`engine at ${rev.commit}${rev.engineChanges.length > 0 ? ` with ${rev.engineChanges.length} engine file(s) changed on top` : ''}`);
  console.log(ctx.settings.sources ? 'engine children from the .ts sources (--sources)' : 'engine children from an esbuild bundle, as the desktop app ships the engine (--sources: from the .ts files)');
  const order = paddedOrder();
  const same = sameOrderDeliveries(order);
  console.log(`body: Shopify orders/create, ${same.body.length} bytes (${(order['line_items'] as unknown[]).length} line items), ` +
    'signed X-Shopify-Hmac-Sha256; a new X-Shopify-Event-Id per request');

  const installs = await installPeers(ctx);
  const ingest = await runIngest(ctx, same.next);
  const peers = await runPeers(ctx, installs, same.next);
  const e2e = ctx.settings.drainN > 0 ? await runE2e(ctx, order) : null;
  const messagesN = Number(args.messages);
  const messages = messagesN > 0 ? await runMessages(ctx, messagesN) : null;
  if (messages && e2e) {
    console.log(`  beside the five-node flow: ${round(messages.live.messagesPerSec)} SMS/s live vs ${round(e2e.liveFive.runsPerSec)} runs/s ` +
      `(drain ${round(messages.drain.messagesPerSec)} vs ${round(e2e.drainFive.runsPerSec)}); engine RSS ${mb(messages.live.rssPeak)} MB at most vs ${mb(e2e.drainFive.rss)} MB`);
  }
  const reconcileN = Number(args.reconcile);
  const reconcile = reconcileN > 0 ? await runReconcile(ctx, reconcileN) : null;
  const writeBackN = Number(args['write-back']);
  const writeBack = writeBackN > 0 ? await runWriteBack(ctx, writeBackN) : null;
  const million = ctx.settings.million > 0 ? await runMillion(ctx, order) : null;
  const ordersListN = Number(args['orders-list']);
  const ordersList = ordersListN > 0 ? await runOrdersList(ctx, ordersListN) : null;

  const targets = checkTargets({ ingest, peers, e2e, million });
  console.log('\ntargets (printed, never asserted)');
  for (const line of targetLines(targets)) console.log(line);

  const figures: Figures = {
    ...loadFigures('ingest.bareHttp', ingest.bareHttp.load),
    ...loadFigures('ingest.bareExpress', ingest.bareExpress.load),
    ...loadFigures('ingest.flowdesk', ingest.flowdesk.load),
    'ingest.flowdeskOverBareExpress': round(ingest.flowdesk.load.requestsPerSec / ingest.bareExpress.load.requestsPerSec, 3),
    'ingest.flowdeskOverBareHttp': round(ingest.flowdesk.load.requestsPerSec / ingest.bareHttp.load.requestsPerSec, 3),
    'ingest.halfRate.rate': ingest.halfRate.rate,
    'ingest.halfRate.pacedP50Ms': ingest.halfRate.paced.latency.p50Ms,
    'ingest.halfRate.pacedP99Ms': ingest.halfRate.paced.latency.p99Ms,
    'ingest.halfRate.autocannonP99Ms': ingest.halfRate.autocannon.exact.p99Ms,
    'ingest.halfRate.bareHttpPacedP99Ms': ingest.halfRate.bareHttpPaced.latency.p99Ms,
    ...peerFigures('peers.nodeRed', peers.nodeRed),
    ...peerFigures('peers.n8nDefault', peers.n8nDefault),
    ...peerFigures('peers.n8nNoSave', peers.n8nNoSave),
    ...e2eFigures(e2e),
    ...messagesFigures(messages),
    ...reconcileFigures(reconcile),
    ...writeBackFigures(writeBack),
    ...millionFigures(million),
    ...ordersListFigures(ordersList),
    'rss.engineAfterIngestMb': mb(ingest.flowdesk.rss),
  };
  const { durationS, warmupS, connections, drainN } = ctx.settings;
  const result: BenchFile & Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: m,
    revision: rev,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => round(l, 2)) },
    settings: { connections, durationS, warmupS, drainN, engineFromSources: ctx.settings.sources ? 1 : 0, million: ctx.settings.million, messages: messagesN, reconcile: reconcileN, writeBack: writeBackN, bodyBytes: same.body.length },
    figures,
    targets,
    details: { ingest, peers, e2e, messages, reconcile, writeBack, million, ordersList },
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
  if (ctx.settings.cpuProf) console.log(`CPU profiles of each engine/server child: ${resultsDir}*.cpuprofile`);
  console.log(`\ntook ${round((performance.now() - started) / 1000)} s; load average now ${loadavg().map((l) => round(l, 2)).join(' ')}`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  await ctx.cleanup();
}
