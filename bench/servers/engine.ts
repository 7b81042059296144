// A real Flowdesk engine on its own data dir, in its own process.
//   setup: true   → add a Shopify connection and activate a flow (`flow`: vip, or the five-node
//                   one); otherwise the data dir's first connection is reported. With `messages`
//                   instead: a Haravan connection, an eSMS account whose base URL is the fake
//                   eSMS's, and "order cancelled → Send SMS".
//   workers: 0    → ingest only (verify + inbox commit before the 200), nothing processed.
//   drain: true   → time from start until no job is due (what was ingested earlier is processed).
// Calls: `idle` waits until no job is due and returns the ms it took; `pauses` returns the event
// loop's delay and the GC pauses since the last call (what can hold an answer back); `problems`
// the warnings and errors the engine logged since the last call; `memory` process.memoryUsage().
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { createEngine } from '../../engine/create-engine.ts';
import type { Logger, LogFields } from '../../engine/shared/logger.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../../test/harness/shopify.ts';
import { HARAVAN_ORG_ID, HARAVAN_SECRET } from '../../test/harness/haravan-cancelled.ts';
import { cancelledThen, smsNode } from '../../test/harness/message-flows.ts';
import { childConfig, runChild } from '../lib/child-ipc.ts';
import { benchFlow, type BenchFlow } from '../lib/flows.ts';

export interface EngineChildConfig {
  dataDir: string;
  workers: number;
  setup?: boolean;
  flow?: BenchFlow;
  /** With setup: "order cancelled → SMS" through eSMS at this base URL (a fake), instead of `flow`. */
  messages?: { esmsBaseUrl: string; apiKey: string; secretKey: string };
  drain?: boolean;
  /** Storage upkeep timer (the engine's default when absent; 0 turns it off). */
  maintenanceEveryMs?: number;
}

export interface EngineChildInfo {
  webhookUrl: string | null;
  apiUrl: string;
  token: string;
  drainMs: number | null;
  /** CPU time (all threads) from start until idle, with drain. */
  drainCpuMs: number | null;
  startMs: number;
}

const config = childConfig<EngineChildConfig>();

export interface Pauses {
  loopDelayMs: { p50: number; p99: number; max: number; mean: number };
  gc: { count: number; totalMs: number; maxMs: number };
}

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Warnings and errors the engine logged, counted by message (and error text): silent otherwise. */
const problems = new Map<string, number>();
const count = (level: string) => (message: string, fields?: LogFields) => {
  const detail = fields?.['error'] === undefined ? '' : `: ${String(fields['error']).split('\n')[0]?.slice(0, 160)}`;
  // Numbers (job ids, counts) vary: group by the words.
  const key = `${level} ${message}${detail}`.replace(/\d+/g, 'N');
  problems.set(key, (problems.get(key) ?? 0) + 1);
};
const logger: Logger = { debug() {}, info() {}, warn: count('warn'), error: count('error') };

await runChild<EngineChildInfo>(async () => {
  const engine = createEngine({
    dataDir: config.dataDir, webhookPort: 0, apiPort: 0, logger, workers: config.workers,
    ...(config.maintenanceEveryMs !== undefined ? { maintenanceEveryMs: config.maintenanceEveryMs } : {}),
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const started = await engine.start();
  const startMs = performance.now() - t0;
  let webhookUrl: string | null;
  if (config.setup && config.messages) {
    const m = config.messages;
    const connection = await engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET });
    const account = await engine.call('accounts.create', {
      connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: m.apiKey, secretKey: m.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: m.esmsBaseUrl },
    });
    const flow = await engine.call('flows.save', { document: cancelledThen(smsNode(account.id)) });
    await engine.call('flows.activate', { id: flow.id });
    webhookUrl = connection.webhookUrl;
  } else if (config.setup) {
    const connection = await engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await engine.call('flows.save', { document: benchFlow(config.flow ?? 'vip') });
    await engine.call('flows.activate', { id: flow.id });
    webhookUrl = connection.webhookUrl;
  } else {
    webhookUrl = (await engine.call('connections.list', {}))[0]?.webhookUrl ?? null;
  }
  let drainMs: number | null = null;
  let drainCpuMs: number | null = null;
  if (config.drain) {
    await engine.idle();
    drainMs = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    drainCpuMs = (used.user + used.system) / 1000;
  }
  return {
    info: { webhookUrl, apiUrl: started.apiUrl, token: engine.token, drainMs, drainCpuMs, startMs },
    stop: () => engine.stop(),
    calls: {
      async pauses(): Promise<Pauses> {
        const out = {
          loopDelayMs: { p50: r2(loop.percentile(50) / 1e6), p99: r2(loop.percentile(99) / 1e6), max: r2(loop.max / 1e6), mean: r2(loop.mean / 1e6) },
          gc: { count: gc.count, totalMs: r2(gc.totalMs), maxMs: r2(gc.maxMs) },
        };
        loop.reset();
        Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
        return out;
      },
      /** What the engine logged as warn/error since the last call, by message, with counts. */
      async problems() {
        const out = Object.fromEntries(problems);
        problems.clear();
        return out;
      },
      async memory() {
        return process.memoryUsage();
      },
      /** CPU time this process used since it started (user + system, all threads), ms. */
      async cpu() {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      },
      async idle() {
        const t = performance.now();
        await engine.idle();
        return performance.now() - t;
      },
    },
  };
});
