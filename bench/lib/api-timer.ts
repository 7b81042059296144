import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { latencyRecorder, type LatencyStats } from './latency.ts';

/** One engine API call over HTTP (POST /api/<method>, bearer token), keep-alive; its answer and how long it took. */
export function apiClient(apiUrl: string, token: string) {
  const base = new URL(apiUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  function call(method: string, args: unknown): Promise<{ ms: number; status: number; body: string }> {
    const json = JSON.stringify(args);
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = request({
        agent, host: base.hostname, port: base.port, path: `/api/${method}`, method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)), authorization: `Bearer ${token}` },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(json);
    });
  }
  return {
    call,
    /** Calls `method` once per args, one after the other; throws on the first answer that is not ok. */
    async time(method: string, argsList: unknown[]): Promise<{ stats: LatencyStats; last: unknown }> {
      const rec = latencyRecorder();
      let last: unknown = null;
      for (const args of argsList) {
        const r = await call(method, args);
        if (r.status !== 200) throw new Error(`${method} answered ${r.status}: ${r.body.slice(0, 300)}`);
        rec.add(r.ms);
        last = r.body;
      }
      return { stats: rec.stats(), last: last === null ? null : JSON.parse(last as string) };
    },
    close: () => agent.destroy(),
  };
}
