// 3c. The store's own API (issue 13), against the tests' Shopify Admin API fake
//     (test/harness/fake-shopify-api.ts, in this process on 127.0.0.1, behind a small proxy of
//     lib/observing-proxy.ts that notes every answer: its kind, THROTTLED or not, the fake's time).
//     reconcile  — a 2-worker engine with a Shopify connection that reconciles (REST orders.json,
//                  250 a page) and "order created → Add order tag" is stopped; N orders are added
//                  to the fake; an engine on the same data dir catches up by itself at start.
//                  Timed from the reconciliation's start (the engine's own `startedAt`) until it is
//                  done and no job is due; RSS sampled every 100 ms. Every order becomes a
//                  delivery, an order, a run (counted in the database afterwards).
//     write-back — "order created → Add order tag" with the connection's write-back on, so each
//                  run calls Shopify's tagsAdd (a mutation: 10 points); N signed orders/create
//                  webhooks of orders the fake knows, at full speed. Calls/s = tagsAdd calls Shopify
//                  applied, from the first webhook until the last applied; once with the fake's
//                  bucket at Shopify's Standard plan (1,000 points, 100 a second: a burst of ~100
//                  calls, then ~10 a second) and once with a bucket that never runs out.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FlowDocument, ReconcileProgress } from '../../engine/contract/index.ts';
import { startShopifyFake, type ShopifyFake } from '../../test/harness/fake-shopify-api.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET, shopifyHeaders } from '../../test/harness/shopify.ts';
import type { EngineChildConfig, EngineChildInfo } from '../servers/engine.ts';
import { apiClient } from '../lib/api-timer.ts';
import type { BenchChild } from '../lib/children.ts';
import { mb, round, type BenchContext } from '../lib/context.ts';
import { drainCounts, type DrainCounts } from '../lib/db-counts.ts';
import { runLoad, type LoadFigures } from '../lib/load.ts';
import { startObservingProxy, type ObservedCall, type ObservingProxy } from '../lib/observing-proxy.ts';
import { loadLine, problemLines, type Figures } from '../lib/report.ts';
import { rssSampler } from '../lib/rss-sampler.ts';
import type { SignedRequest } from '../lib/shopify-body.ts';

const API_VERSION_PATH = '/admin/api/2025-10';
const TAG = 'new';
/** Shopify's Standard plan (reference §1.2): 1,000 points, restoring 100 a second. */
export const SHOPIFY_STANDARD_BUCKET = { max: 1000, restoreRate: 100 };
/** A bucket that never runs out in a bench run. */
const UNLIMITED_BUCKET = { max: 1e12, restoreRate: 1e12 };

export interface ReconcileResult {
  n: number;
  /** Orders a second, from the reconciliation's start (engine clock) until it was done and no job was due. */
  ordersPerSec: number;
  seconds: number;
  /** From forking the engine until idle: its start (process, database, listeners) included. */
  fromForkSeconds: number;
  /** Listing alone: the reconciliation's startedAt → finishedAt (processing overlaps it). */
  listSeconds: number;
  /** Time the fake spent answering the list pages (sorting 10,000 orders a page, serialising 250). */
  fakeListMs: number;
  progress: ReconcileProgress;
  counts: DrainCounts;
  rssPeak: number;
  rssAfter: number;
  engineProblems: Record<string, number>;
}

export interface WriteBackRun {
  bucket: { max: number; restoreRate: number };
  n: number;
  /** tagsAdd calls the fake applied, from the first webhook sent until the last applied. */
  applied: number;
  seconds: number;
  callsPerSec: number;
  /** The rate over the last half of the applied calls (past the burst the full bucket allows). */
  sustainedCallsPerSec: number;
  /** GraphQL answers that were THROTTLED (the fake's bucket was empty). */
  throttled: number;
  /** Every GraphQL call the engine made, by first field (tagsAdd, order…). */
  graphqlCalls: Record<string, number>;
  ordersTagged: number;
  ingest: LoadFigures;
  counts: DrainCounts;
  rssAfter: number;
  engineProblems: Record<string, number>;
}

export interface WriteBackResult {
  n: number;
  shopifyBucket: WriteBackRun;
  unlimited: WriteBackRun;
}

function tagFlow(): FlowDocument {
  return {
    name: 'Tag new orders',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: [TAG] } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
  };
}

/** The engine child's HTTP API: `call(method, args)` answers the result, throws on an error. */
function engineApi(info: EngineChildInfo) {
  const client = apiClient(info.apiUrl, info.token);
  return {
    async call<T>(method: string, args: unknown): Promise<T> {
      const r = await client.call(method, args);
      if (r.status !== 200) throw new Error(`${method} answered ${r.status}: ${r.body.slice(0, 300)}`);
      return (JSON.parse(r.body) as { result: T }).result;
    },
    close: () => client.close(),
  };
}
type EngineApi = ReturnType<typeof engineApi>;

const startEngine = (ctx: BenchContext, dataDir: string, label: string): Promise<BenchChild<EngineChildInfo>> =>
  ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir, workers: 2 } satisfies EngineChildConfig, label);

async function setUp(api: EngineApi, proxy: ObservingProxy, fake: ShopifyFake, apiOptions: { reconcile?: boolean; writeBack?: boolean }) {
  const c = await api.call<{ id: string; webhookUrl: string }>('connections.create', {
    platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
    api: { ...apiOptions, baseUrl: `${proxy.baseUrl}${API_VERSION_PATH}` },
  });
  const flow = await api.call<{ id: string }>('flows.save', { document: tagFlow() });
  await api.call('flows.activate', { id: flow.id });
  return c;
}

/** Polls until a reconciliation other than `previousStart` is done (or failed: then throws). */
async function reconciled(api: EngineApi, id: string, previousStart: string | null, timeoutMs = 1_800_000): Promise<ReconcileProgress> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const p = await api.call<ReconcileProgress>('connections.reconcileStatus', { id });
    if (p.startedAt !== null && p.startedAt !== previousStart) {
      if (p.state === 'failed') throw new Error(`reconciliation failed: ${p.error}`);
      if (p.state === 'done') return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('reconciliation did not finish');
}

const sum = (calls: ObservedCall[], f: (c: ObservedCall) => number) => calls.reduce((s, c) => s + f(c), 0);

async function reconcile(ctx: BenchContext, n: number): Promise<ReconcileResult> {
  // REST orders.json does not use the GraphQL bucket; a big one keeps it out of the way anyway.
  const fake = await startShopifyFake({ bucket: UNLIMITED_BUCKET });
  const proxy = await startObservingProxy(fake.baseUrl);
  try {
    const dir = join(ctx.tmpRoot, 'reconcile');
    const first = await startEngine(ctx, dir, 'engine-reconcile-setup');
    const firstApi = engineApi(first.ready);
    const c = await setUp(firstApi, proxy, fake, { reconcile: true });
    // Switching reconciliation on catches up at once: nothing yet (the fake is empty).
    const before = await reconciled(firstApi, c.id, null);
    firstApi.close();
    await first.stop();

    // While the engine is down, N orders are made on the store.
    for (let i = 0; i < n; i++) fake.addOrder({ total_price: `${100 + (i % 900)}.00` });
    const listedFrom = proxy.calls.length;

    const t0 = performance.now();
    const engine = await ctx.child<EngineChildInfo>('./servers/engine.ts', { dataDir: dir, workers: 2 } satisfies EngineChildConfig, 'engine-reconcile', 600_000);
    const sampler = rssSampler(() => engine.rss());
    const api = engineApi(engine.ready);
    const progress = await reconciled(api, c.id, before.startedAt);
    await engine.call('idle');
    const idleWall = Date.now();
    const fromForkSeconds = (performance.now() - t0) / 1000;
    const rssPeak = await sampler.stop();
    const rssAfter = await engine.rss();
    const engineProblems = await engine.call<Record<string, number>>('problems');
    api.close();
    await engine.stop();
    const counts = drainCounts(join(dir, 'flowdesk.db'));
    for (const line of problemLines(engineProblems)) console.log(line);
    const startedMs = Date.parse(progress.startedAt as string);
    const seconds = (idleWall - startedMs) / 1000;
    const pages = proxy.calls.slice(listedFrom).filter((x) => x.kind === 'rest:orders.json');
    return {
      n, ordersPerSec: n / seconds, seconds, fromForkSeconds, listSeconds: (Date.parse(progress.finishedAt as string) - startedMs) / 1000,
      fakeListMs: sum(pages, (x) => x.upstreamMs), progress, counts, rssPeak, rssAfter, engineProblems,
    };
  } finally {
    await proxy.close();
    await fake.close();
  }
}

async function writeBack(ctx: BenchContext, n: number, bucket: { max: number; restoreRate: number }, label: string): Promise<WriteBackRun> {
  const fake = await startShopifyFake({ bucket });
  const proxy = await startObservingProxy(fake.baseUrl);
  try {
    const dir = join(ctx.tmpRoot, `write-back-${label}`);
    const engine = await startEngine(ctx, dir, `engine-write-back-${label}`);
    const api = engineApi(engine.ready);
    const c = await setUp(api, proxy, fake, { writeBack: true });
    api.close();

    // Orders the fake knows, delivered as Shopify would: their own bytes, signed.
    const ids: number[] = [];
    const pool: SignedRequest[] = [];
    for (let i = 0; i < n; i++) {
      const o = fake.addOrder({ total_price: `${100 + (i % 900)}.00` });
      ids.push(o.id);
      const body = Buffer.from(JSON.stringify(o));
      pool.push({ body, headers: shopifyHeaders(body) });
    }
    let at = 0;
    const tagged = () => ids.filter((id) => (fake.order(id).tags as string).split(', ').includes(TAG)).length;

    const t0 = performance.now();
    const ingest = await runLoad({ url: c.webhookUrl, connections: ctx.settings.connections, amount: n, next: () => pool[at++ % n] as SignedRequest });
    // A THROTTLED call retried later may leave no job due within idle's horizon: wait for the tags too.
    let last = -1;
    for (let stale = 0; stale < 30; ) {
      await engine.call('idle');
      const now = tagged();
      if (now === n) break;
      stale = now === last ? stale + 1 : 0;
      last = now;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const rssAfter = await engine.rss();
    const engineProblems = await engine.call<Record<string, number>>('problems');
    await engine.stop();
    const counts = drainCounts(join(dir, 'flowdesk.db'));
    console.log(loadLine('   its ingest, workers running', ingest));
    for (const line of problemLines(engineProblems)) console.log(line);

    const graphql = proxy.calls.filter((x) => x.kind.startsWith('graphql:'));
    const applied = graphql.filter((x) => x.kind === 'graphql:tagsAdd' && x.status === 200 && !x.throttled);
    const graphqlCalls: Record<string, number> = {};
    for (const x of graphql) graphqlCalls[x.kind.slice(8)] = (graphqlCalls[x.kind.slice(8)] ?? 0) + 1;
    const lastAt = applied.at(-1)?.answeredAt ?? t0;
    const seconds = (lastAt - t0) / 1000;
    const mid = applied[Math.floor(applied.length / 2)];
    const sustainedCallsPerSec = mid && lastAt > mid.answeredAt ? (applied.length - 1 - Math.floor(applied.length / 2)) / ((lastAt - mid.answeredAt) / 1000) : 0;
    return {
      bucket, n, applied: applied.length, seconds, callsPerSec: seconds > 0 ? applied.length / seconds : 0, sustainedCallsPerSec,
      throttled: graphql.filter((x) => x.throttled).length, graphqlCalls, ordersTagged: tagged(), ingest, counts, rssAfter, engineProblems,
    };
  } finally {
    await proxy.close();
    await fake.close();
  }
}

export async function runReconcile(ctx: BenchContext, n: number): Promise<ReconcileResult> {
  console.log(`\nreconcile (${n} orders changed on the store while the engine was stopped; Shopify REST orders.json, 250 a page, from the tests' ` +
    'Shopify Admin API fake on 127.0.0.1 in the bench process; order created → Add order tag, write-back off)');
  const r = await reconcile(ctx, n);
  const c = r.counts;
  console.log(`  ${'r  reconcile at start'.padEnd(34)} ${round(r.ordersPerSec).toFixed(1).padStart(8)} orders/s ${r.n} orders in ${round(r.seconds, 2)} s ` +
    `from the reconciliation's start until idle (${round(r.fromForkSeconds, 2)} s from forking the engine; listing ${round(r.listSeconds, 2)} s over ` +
    `${r.progress.pages} pages, ${round(r.fakeListMs / 1000, 2)} s of it in the fake); fetched ${r.progress.fetched}, queued ${r.progress.queued}; ` +
    `${c.runsSucceeded} runs succeeded (${c.runsOther} other), ${c.processed}/${c.accepted} deliveries processed, ${c.orders} orders, ${c.jobsLeft} jobs left; ` +
    `RSS ${mb(r.rssPeak)} MB at most, ${mb(r.rssAfter)} MB after`);
  return r;
}

function writeBackLine(label: string, r: WriteBackRun): void {
  const calls = Object.entries(r.graphqlCalls).map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
  console.log(`  ${label.padEnd(34)} ${round(r.callsPerSec).toFixed(1).padStart(8)} calls/s  ${r.applied} tagsAdd applied in ${round(r.seconds, 2)} s ` +
    `(${round(r.sustainedCallsPerSec).toFixed(1)}/s over the last half); ${r.throttled} THROTTLED; GraphQL calls: ${calls}; ` +
    `${r.ordersTagged}/${r.n} orders tagged on the fake; ${r.counts.runsSucceeded} runs succeeded (${r.counts.runsOther} other), ${r.counts.jobsLeft} jobs left; RSS ${mb(r.rssAfter)} MB after`);
}

export async function runWriteBack(ctx: BenchContext, n: number): Promise<WriteBackResult> {
  console.log(`\nwrite-back (${n} signed Shopify orders/create of orders the fake knows; order created → Add order tag with write-back on: ` +
    'one tagsAdd mutation, 10 points, a run; the fake on 127.0.0.1 in the bench process)');
  const b = SHOPIFY_STANDARD_BUCKET;
  const shopifyBucket = await writeBack(ctx, n, b, 'standard');
  writeBackLine(`w  tagsAdd, bucket ${b.max}/${b.restoreRate} a s`, shopifyBucket);
  const unlimited = await writeBack(ctx, n, UNLIMITED_BUCKET, 'unlimited');
  writeBackLine('w  tagsAdd, bucket unlimited', unlimited);
  return { n, shopifyBucket, unlimited };
}

export function reconcileFigures(r: ReconcileResult | null): Figures {
  if (!r) return {};
  return {
    'reconcile.ordersPerSec': round(r.ordersPerSec),
    'reconcile.seconds': round(r.seconds, 2),
    'reconcile.rssPeakMb': mb(r.rssPeak),
    'reconcile.rssAfterMb': mb(r.rssAfter),
  };
}

export function writeBackFigures(w: WriteBackResult | null): Figures {
  if (!w) return {};
  return {
    'writeBack.shopifyBucket.callsPerSec': round(w.shopifyBucket.callsPerSec),
    'writeBack.shopifyBucket.sustainedCallsPerSec': round(w.shopifyBucket.sustainedCallsPerSec),
    'writeBack.shopifyBucket.throttled': w.shopifyBucket.throttled,
    'writeBack.unlimited.callsPerSec': round(w.unlimited.callsPerSec),
    'writeBack.unlimited.throttled': w.unlimited.throttled,
  };
}
