import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { SignedRequest } from './shopify-body.ts';

export interface LoadFigures {
  requestsPerSec: number;
  /** autocannon records whole milliseconds: p50/p99 are coarse, the mean is not. */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  durationS: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load; ignored when `amount` is given. */
  duration?: number;
  /** Exact number of requests to send instead of a duration. */
  amount?: number;
  /** The next request to send; called once per request. */
  next: () => SignedRequest;
}

function toFigures(r: autocannon.Result, seconds: number): LoadFigures {
  return {
    requestsPerSec: seconds > 0 ? r.requests.total / seconds : 0,
    meanMs: Math.round(r.latency.mean * 100) / 100,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    durationS: Math.round(seconds * 1000) / 1000,
  };
}

/** POSTs with autocannon, each request built by `next` (new delivery ids, or another order). */
export async function runLoad(opts: LoadOptions): Promise<LoadFigures> {
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
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
  // autocannon notices the end of an `amount` run only at its next 1 s sample, so its duration is
  // rounded up to whole seconds: time those runs to the last answer instead.
  return toFigures(result, opts.amount !== undefined ? (lastAnswer - started) / 1000 : result.duration);
}

/** A warm-up run (discarded), then the measured one. */
export async function warmThenMeasure(opts: LoadOptions & { warmupS: number }): Promise<{ warmup: LoadFigures; load: LoadFigures }> {
  const warmup = await runLoad({ ...opts, duration: opts.warmupS, amount: undefined });
  return { warmup, load: await runLoad(opts) };
}
