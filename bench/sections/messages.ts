// 3b. Messages: "order cancelled → Send SMS (eSMS account)" against the fake eSMS of the tests
//     (test/harness/fake-esms.ts, in this process on 127.0.0.1: it answers at once and dedupes
//     by RequestId as eSMS does), N distinct signed Haravan orders/cancelled deliveries with a
//     phone each.
//     live  — an engine with 2 workers takes them at full speed and texts each customer
//             meanwhile; timed from the first request until no job is due, RSS sampled
//             throughout (its peak is the figure).
//     drain — taken in with workers off, then a 2-worker engine on the same data dir, timed
//             from its start until idle (the sends alone).
//     Each run commits what it did before calling eSMS and records the answer after, so an SMS
//     costs two transactions and one HTTP round trip more than a local step.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeEsms, type FakeEsms } from '../../test/harness/fake-esms.ts';
import type { EngineChildConfig, EngineChildInfo } from '../servers/engine.ts';
import { drainCounts, type DrainCounts } from '../lib/db-counts.ts';
import { mb, round, type BenchContext } from '../lib/context.ts';
import { cancelledOrderPool } from '../lib/haravan-body.ts';
import { runLoad, type LoadFigures } from '../lib/load.ts';
import { loadLine, problemLines } from '../lib/report.ts';
import { rssSampler } from '../lib/rss-sampler.ts';

export interface MessagesRun {
  seconds: number;
  /** SMS the fake eSMS accepted (distinct RequestIds it sent), per second. */
  messagesPerSec: number;
  sent: number;
  /** Send requests that reached eSMS (more than `sent` means a repeat eSMS recognised). */
  sendRequests: number;
  ingest: LoadFigures;
  counts: DrainCounts;
  /** The engine's RSS: highest sampled while it worked, and when it was done. */
  rssPeak: number;
  rssAfter: number;
  engineProblems: Record<string, number>;
  cpuUsPerMessage?: number;
}

export interface MessagesResult {
  n: number;
  live: MessagesRun;
  drain: MessagesRun;
}

const SEND = '/SendMultipleMessage_V4_post_json/';
const sends = (esms: FakeEsms) => esms.requests.filter((r) => r.path.endsWith(SEND)).length;

function report(label: string, r: MessagesRun): void {
  const c = r.counts;
  console.log(`  ${label.padEnd(34)} ${round(r.messagesPerSec).toFixed(1).padStart(8)} SMS/s    ${r.sent} SMS accepted by the fake eSMS ` +
    `(${r.sendRequests} send requests) in ${round(r.seconds, 2)} s; ${c.runsSucceeded} runs succeeded (${c.runsOther} other), ` +
    `${c.processed}/${c.accepted} deliveries processed, ${c.jobsLeft} jobs left; RSS ${mb(r.rssPeak)} MB at most, ${mb(r.rssAfter)} MB after` +
    (r.cpuUsPerMessage === undefined ? '' : `; CPU ${Math.round(r.cpuUsPerMessage)} µs an SMS`));
}

async function live(ctx: BenchContext, n: number): Promise<MessagesRun> {
  const esms = await startFakeEsms();
  try {
    const dir = join(ctx.tmpRoot, 'messages-live');
    const messages = { esmsBaseUrl: esms.baseUrl, apiKey: esms.apiKey, secretKey: esms.secretKey };
    const engine = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, setup: true, messages } satisfies EngineChildConfig, 'engine-messages-live');
    const pool = cancelledOrderPool(n);
    const sampler = rssSampler(() => engine.rss());
    const t0 = performance.now();
    const ingest = await runLoad({ url: engine.ready.webhookUrl as string, connections: ctx.settings.connections, amount: n, next: pool.next });
    await engine.call('idle');
    const seconds = (performance.now() - t0) / 1000;
    const rssPeak = await sampler.stop();
    const rssAfter = await engine.rss();
    const engineProblems = await engine.call<Record<string, number>>('problems');
    await engine.stop();
    const counts = drainCounts(join(dir, 'flowdesk.db'));
    console.log(loadLine('   its ingest, workers running', ingest));
    for (const line of problemLines(engineProblems)) console.log(line);
    return { seconds, messagesPerSec: esms.sent.size / seconds, sent: esms.sent.size, sendRequests: sends(esms), ingest, counts, rssPeak, rssAfter, engineProblems };
  } finally {
    await esms.close();
  }
}

async function drain(ctx: BenchContext, n: number): Promise<MessagesRun> {
  const esms = await startFakeEsms();
  try {
    const dir = join(ctx.tmpRoot, 'messages-drain');
    const messages = { esmsBaseUrl: esms.baseUrl, apiKey: esms.apiKey, secretKey: esms.secretKey };
    const receiver = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 0, setup: true, messages } satisfies EngineChildConfig, 'engine-messages-receive');
    const pool = cancelledOrderPool(n);
    const ingest = await runLoad({ url: receiver.ready.webhookUrl as string, connections: ctx.settings.connections, amount: n, next: pool.next });
    const received = await receiver.call<Record<string, number>>('problems');
    await receiver.stop();
    // The account, with the fake's URL, is in the data dir: the drainer needs no setup.
    const drainer = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2, drain: true } satisfies EngineChildConfig, 'engine-messages-drain', 600_000);
    const seconds = (drainer.ready.drainMs as number) / 1000;
    const rssAfter = await drainer.rss();
    const drained = await drainer.call<Record<string, number>>('problems');
    await drainer.stop();
    const counts = drainCounts(join(dir, 'flowdesk.db'));
    const engineProblems = { ...received };
    for (const [k, v] of Object.entries(drained)) engineProblems[k] = (engineProblems[k] ?? 0) + v;
    for (const line of problemLines(engineProblems)) console.log(line);
    const cpuUsPerMessage = ((drainer.ready.drainCpuMs as number) * 1000) / Math.max(1, esms.sent.size);
    // The drain runs before the child reports ready: its RSS is read when it is done.
    return {
      seconds, messagesPerSec: esms.sent.size / seconds, sent: esms.sent.size, sendRequests: sends(esms), ingest, counts, rssPeak: rssAfter, rssAfter, engineProblems, cpuUsPerMessage,
    };
  } finally {
    await esms.close();
  }
}

export async function runMessages(ctx: BenchContext, n: number): Promise<MessagesResult> {
  console.log(`\nmessages (${n} distinct signed Haravan orders/cancelled with a phone each; order cancelled → Send SMS, eSMS account, ` +
    'against the fake eSMS on 127.0.0.1 in the bench process)');
  const liveRun = await live(ctx, n);
  report('m  cancelled → SMS, live', liveRun);
  const drainRun = await drain(ctx, n);
  report('m  cancelled → SMS, drain (sends)', drainRun);
  return { n, live: liveRun, drain: drainRun };
}
