/** Exact latency figures from every sample, in ms with two decimals (autocannon's histogram keeps whole ms). */
export interface LatencyStats {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Collects latencies in ms; `stats()` sorts a copy and reads the percentiles off it. */
export function latencyRecorder() {
  let buf = new Float64Array(1 << 14);
  let n = 0;
  return {
    add(ms: number): void {
      if (n === buf.length) {
        const next = new Float64Array(buf.length * 2);
        next.set(buf);
        buf = next;
      }
      buf[n++] = ms;
    },
    get count(): number {
      return n;
    },
    stats(): LatencyStats {
      return latencyStats(buf.subarray(0, n));
    },
  };
}

export function latencyStats(samples: Float64Array | number[]): LatencyStats {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) return { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0 };
  const at = (q: number) => sorted[Math.min(n - 1, Math.ceil(q * n) - 1)] as number;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: n, meanMs: r2(sum / n), p50Ms: r2(at(0.5)), p90Ms: r2(at(0.9)), p99Ms: r2(at(0.99)), p999Ms: r2(at(0.999)), maxMs: r2(sorted[n - 1] as number) };
}
