// 5. The Orders page's list and one order's timeline at size (issue 14's figures): 250,000 orders
//    written through the engine's orders repository, 1,000,000 deliveries and their timeline
//    entries (sections/orders-list-fill.ts); then one `orders.list` call per filter, timed at the
//    repository and through the engine's API dispatch (and over HTTP for the status filter), and
//    one order's timeline read the same ways. Targets: < 50 ms for the list filtered by a status,
//    < 20 ms for the timeline. Printed with PASS/MISS, never asserted.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiMethods, type ApiArgsInput, type ApiMethodName } from '../../engine/contract/index.ts';
import { createEngine } from '../../engine/create-engine.ts';
import { silentLogger } from '../../engine/shared/logger.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { createRepositories } from '../../engine/storage/repositories.ts';
import { apiClient } from '../lib/api-timer.ts';
import { round, type BenchContext } from '../lib/context.ts';
import { latencyRecorder, type LatencyStats } from '../lib/latency.ts';
import { fillOrders, type FilledOrders } from './orders-list-fill.ts';

type ListArgs = ApiArgsInput<'orders.list'>;

export interface OrdersListResult {
  fill: Omit<FilledOrders, 'ids'>;
  list: { name: string; total: number; repo: LatencyStats; api: LatencyStats }[];
  /** The list filtered by a payment status: the figure. */
  statusFilter: { repo: LatencyStats; api: LatencyStats; http: LatencyStats; total: number; plan: string };
  timeline: { entries: number; repoOne: LatencyStats; repoRandom: LatencyStats; apiOne: LatencyStats; apiOrderGet: LatencyStats; apiRandom: LatencyStats };
}

const LIST_TARGET_MS = 50;
const TIMELINE_TARGET_MS = 20;
const CALLS = 50;
const DAYS = 365;

const ms = (s: LatencyStats) => `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms (${s.count} calls)`;
const mark = (v: number, target: number) => (v < target ? 'PASS' : 'MISS');

function time(n: number, fn: (i: number) => unknown): LatencyStats {
  const rec = latencyRecorder();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    rec.add(performance.now() - t0);
  }
  return rec.stats();
}

async function timeAsync(n: number, fn: (i: number) => Promise<unknown>): Promise<LatencyStats> {
  const rec = latencyRecorder();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    rec.add(performance.now() - t0);
  }
  return rec.stats();
}

export async function runOrdersList(ctx: BenchContext, orders: number): Promise<OrdersListResult> {
  const dir = join(ctx.tmpRoot, 'orders-list');
  console.log(`\n${orders.toLocaleString('en')} orders (the Orders page's list) and ${(orders * 4).toLocaleString('en')} deliveries (one order's timeline)`);
  const db = openDatabase(join(dir, 'flowdesk.db'));
  if (process.stdout.isTTY) process.stdout.write('  filling …\r');
  const { ids, ...fill } = fillOrders(db, orders, DAYS);
  db.close();
  console.log(`  filled: ${fill.orders.toLocaleString('en')} orders in ${round(fill.seconds.orders)} s (through the orders repository: columns, indexes, facet counts), ` +
    `${fill.deliveries.toLocaleString('en')} deliveries and ${fill.timelineRows.toLocaleString('en')} timeline entries in ${round(fill.seconds.history)} s`);

  // The engine on that data dir (its upkeep timer off), called in this process: its API dispatch
  // (argument checks, the handler) without HTTP; HTTP once more for the status filter.
  const engine = createEngine({ dataDir: dir, webhookPort: 0, apiPort: 0, logger: silentLogger, workers: 0, maintenanceEveryMs: 0 });
  const started = await engine.start();
  const repos = createRepositories(openDatabase(join(dir, 'flowdesk.db')));
  try {
    const monthFrom = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const monthTo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const cases: [string, ListArgs][] = [
      ['no filter', {}],
      ['payment = paid', { financialStatus: 'paid' }],
      ['fulfilment = unfulfilled', { fulfillmentStatus: 'unfulfilled' }],
      ['delivery = delivery_failed', { deliveryStatus: 'delivery_failed' }],
      ['cancelled only', { cancelled: 'yes' }],
      ['store status = Chờ giao hàng', { storeStatus: 'Chờ giao hàng' }],
      ['paid + unfulfilled + haravan', { financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', platform: 'haravan' }],
      ['refunded + not cancelled + store', { financialStatus: 'refunded', cancelled: 'no', connectionId: 'con_lazada' }],
      ['tag = vip (order_tags)', { tag: 'vip' }],
      ['tag = fragile + pending', { tag: 'fragile', financialStatus: 'pending' }],
      ['placed in one month', { placedFrom: monthFrom, placedTo: monthTo }],
      ['one month + paid', { placedFrom: monthFrom, placedTo: monthTo, financialStatus: 'paid' }],
      ['text query "B12345"', { query: 'B12345' }],
    ];
    const list: OrdersListResult['list'] = [];
    console.log('  orders.list, a page of 100 with the total and every facet count:');
    for (const [name, args] of cases) {
      const full = { limit: 100, ...args };
      const first = await engine.call('orders.list', full);
      const { limit, cursor, ...filter } = apiMethods['orders.list'].args.parse(full);
      const repo = time(CALLS, () => repos.orders.list(filter, limit, cursor));
      const api = await timeAsync(CALLS, () => engine.call('orders.list', full));
      list.push({ name, total: first.total, repo, api });
      console.log(`    ${name.padEnd(34)} ${String(first.total).padStart(7)} match: repo p50 ${repo.p50Ms} / p99 ${repo.p99Ms} ms; ` +
        `API p50 ${api.p50Ms} / p99 ${api.p99Ms} ms  ${mark(api.p99Ms, LIST_TARGET_MS)}`);
    }
    const paid = await engine.call('orders.list', { limit: 100, financialStatus: 'paid' });
    const page2 = await timeAsync(CALLS, () => engine.call('orders.list', { limit: 100, financialStatus: 'paid', cursor: paid.nextCursor! }));
    console.log(`    ${'payment = paid, page 2 (cursor)'.padEnd(34)} ${String(paid.total).padStart(7)} match: API p50 ${page2.p50Ms} / p99 ${page2.p99Ms} ms`);

    const http = apiClient(started.apiUrl, engine.token);
    const overHttp = (await http.time('orders.list', Array.from({ length: CALLS }, () => ({ limit: 100, financialStatus: 'paid' })))).stats;
    const plan = (db2PlanOf(repos.db, `SELECT o.id FROM orders o WHERE (o.financial_status = 'paid') ORDER BY o.placed_ms DESC, o.id DESC LIMIT 101`));
    const statusRow = list.find((l) => l.name === 'payment = paid')!;
    const statusFilter = { repo: statusRow.repo, api: statusRow.api, http: overHttp, total: statusRow.total, plan };
    console.log(`  query plan of the page, payment = paid: ${plan}`);
    console.log(`  list filtered by a status (payment = paid, ${statusRow.total.toLocaleString('en')} of ${orders.toLocaleString('en')}), target < ${LIST_TARGET_MS} ms: ` +
      `repo ${ms(statusRow.repo)}; API dispatch ${ms(statusRow.api)}; over HTTP ${ms(overHttp)}  ${mark(overHttp.p99Ms, LIST_TARGET_MS)}`);

    // One order's timeline among all the deliveries: the middle order, and 200 at random.
    const middle = ids[Math.floor(ids.length / 2)]!;
    const picks = Array.from({ length: 200 }, (_, i) => ids[(i * 7_919 + 13) % ids.length]!);
    const entries = repos.timeline.forOrder(middle).length;
    const repoOne = time(1_000, () => repos.timeline.forOrder(middle));
    const repoRandom = time(picks.length, (i) => repos.timeline.forOrder(picks[i]!));
    // The timeline's own API method when this build has it (a paginated read), else the order page's read.
    const hasTimelineApi = 'timeline.forOrder' in apiMethods;
    const call = engine.call as (m: ApiMethodName, a: unknown) => Promise<unknown>;
    const readTimeline = (orderId: string) => (hasTimelineApi ? call('timeline.forOrder' as ApiMethodName, { orderId }) : engine.call('orders.get', { ref: orderId }));
    const apiOne = await timeAsync(1_000, () => readTimeline(middle));
    const apiRandom = await timeAsync(picks.length, (i) => readTimeline(picks[i]!));
    const apiOrderGet = await timeAsync(200, () => engine.call('orders.get', { ref: middle }));
    const timeline = { entries, repoOne, repoRandom, apiOne, apiOrderGet, apiRandom };
    console.log(`  timeline of one order (${entries} entries) among ${fill.deliveries.toLocaleString('en')} deliveries / ${fill.timelineRows.toLocaleString('en')} entries, target < ${TIMELINE_TARGET_MS} ms:`);
    console.log(`    repo, one order ×1,000: ${ms(repoOne)}; 200 orders: ${ms(repoRandom)}`);
    console.log(`    API ${hasTimelineApi ? 'timeline.forOrder' : 'orders.get'}, one order ×1,000: ${ms(apiOne)}  ${mark(apiOne.p99Ms, TIMELINE_TARGET_MS)}; 200 orders: ${ms(apiRandom)}  ${mark(apiRandom.p99Ms, TIMELINE_TARGET_MS)}`);
    console.log(`    API orders.get (order, customer and whole timeline) ×200: ${ms(apiOrderGet)}  ${mark(apiOrderGet.p99Ms, TIMELINE_TARGET_MS)}`);
    http.close();
    return { fill, list, statusFilter, timeline };
  } finally {
    repos.db.close();
    await engine.stop();
  }
}

function db2PlanOf(db: ReturnType<typeof createRepositories>['db'], sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
}
