import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { latencyRecorder, type LatencyStats } from './latency.ts';
import type { SignedRequest } from './shopify-body.ts';

export interface PacedFigures {
  targetRate: number;
  requestsPerSec: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** From the moment each request was handed to the HTTP client until its answer ended. */
  latency: LatencyStats;
  /** From the moment each request was due (an even schedule): also counts waiting for a free connection. */
  fromSchedule: LatencyStats;
}

/**
 * An even, open-loop load: request i is due at start + i / rate, whatever the answers before
 * it did, over at most `connections` keep-alive connections. autocannon's `overallRate` instead
 * gives each connection a budget per second that it spends at full speed at the start of the
 * second, so its "half rate" is bursts at the full rate, then silence.
 */
export async function runPaced(opts: { url: string; rate: number; durationS: number; connections: number; next: () => SignedRequest }): Promise<PacedFigures> {
  const url = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latency = latencyRecorder();
  const fromSchedule = latencyRecorder();
  const total = Math.max(1, Math.round(opts.rate * opts.durationS));
  const intervalMs = 1000 / opts.rate;
  let sent = 0;
  let done = 0;
  let non2xx = 0;
  let errors = 0;
  const start = performance.now() + 20;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const fire = (dueAt: number) => {
    const r = opts.next();
    const t0 = performance.now();
    const req = request({
      agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST',
      headers: { ...r.headers, 'content-length': String(r.body.length) },
    }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const t1 = performance.now();
        if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
          latency.add(t1 - t0);
          fromSchedule.add(t1 - dueAt);
        } else non2xx++;
        if (++done === total) finish();
      });
    });
    req.on('error', () => {
      errors++;
      if (++done === total) finish();
    });
    req.end(r.body);
  };

  const tick = () => {
    const now = performance.now();
    while (sent < total && start + sent * intervalMs <= now) {
      fire(start + sent * intervalMs);
      sent++;
    }
    if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - performance.now())));
  };
  setTimeout(tick, 20);
  await finished;
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    targetRate: opts.rate,
    requestsPerSec: Math.round(((done - errors - non2xx) / seconds) * 10) / 10,
    requests: done,
    non2xx,
    errors,
    latency: latency.stats(),
    fromSchedule: fromSchedule.stats(),
  };
}
