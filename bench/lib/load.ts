import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { latencyRecorder, type LatencyStats } from './latency.ts';
import type { SignedRequest } from './shopify-body.ts';

export interface LoadFigures {
  /** Accepted answers (2xx) per second; `requests` counts every answer. */
  requestsPerSec: number;
  /** autocannon's histogram records whole milliseconds: p50/p99 here are coarse, the mean is not. */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  /** The same answers timed exactly (autocannon's own hrtime per request, kept here unrounded): 2xx only. */
  exact: LatencyStats;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  durationS: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load; ignored when `amount` is given. */
  duration?: number;
  /** Exact number of requests to send instead of a duration. */
  amount?: number;
  /** autocannon's `overallRate`: at most this many requests per second across all connections. */
  overallRate?: number;
  /** The next request to send; called once per request. */
  next: () => SignedRequest;
  /** Stops the load early when it settles (the run's figures cover the time until then). */
  until?: Promise<unknown>;
  /** Receives each accepted answer's time (`performance.now()`) and its exact latency, to count a window. */
  onAccepted?: (atMs: number, latencyMs: number) => void;
}

function toFigures(r: autocannon.Result, seconds: number, exact: LatencyStats, statuses: Record<string, number>): LoadFigures {
  return {
    requestsPerSec: seconds > 0 ? exact.count / seconds : 0,
    meanMs: Math.round(r.latency.mean * 100) / 100,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    exact,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statuses,
    durationS: Math.round(seconds * 1000) / 1000,
  };
}

/** POSTs with autocannon, each request built by `next` (new delivery ids, or another order). */
export async function runLoad(opts: LoadOptions): Promise<LoadFigures> {
  const started = performance.now();
  let lastAnswer = started;
  const exact = latencyRecorder();
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
    ...(opts.overallRate !== undefined ? { overallRate: opts.overallRate } : {}),
    method: 'POST',
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const r = opts.next();
          request.body = r.body;
          request.headers = { ...request.headers, ...r.headers };
          return request;
        },
        onResponse: () => {
          lastAnswer = performance.now();
        },
      },
    ],
  });
  // autocannon times each request with hrtime and then rounds it into its histogram; its
  // 'response' event carries the unrounded duration.
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      exact.add(ms);
      opts.onAccepted?.(performance.now(), ms);
    }
  });
  void opts.until?.then(() => instance.stop());
  const result = await instance;
  // autocannon notices the end of an `amount` run only at its next 1 s sample, so its duration is
  // rounded up to whole seconds: time those runs to the last answer instead.
  return toFigures(result, opts.amount !== undefined ? (lastAnswer - started) / 1000 : result.duration, exact.stats(), statuses);
}

/** A warm-up run (discarded), then the measured one. */
export async function warmThenMeasure(opts: LoadOptions & { warmupS: number }): Promise<{ warmup: LoadFigures; load: LoadFigures }> {
  const warmup = await runLoad({ ...opts, duration: opts.warmupS, amount: undefined, overallRate: undefined });
  return { warmup, load: await runLoad(opts) };
}
