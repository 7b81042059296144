// The targets for Flowdesk, printed next to the figures with a pass/miss mark. Never
// asserted: a miss is a finding to act on, not a failed run.
import type { IngestResult } from '../sections/ingest.ts';
import type { PeersResult, PeerRun } from '../sections/peers.ts';
import type { E2eResult } from '../sections/e2e.ts';
import type { MillionResult } from '../sections/million.ts';

export interface TargetCheck {
  name: string;
  /** What was measured, in the target's unit. */
  value: number | null;
  target: string;
  pass: boolean | null;
  note: string;
}

const r = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const rps = (p: PeerRun) => ('skipped' in p ? null : p.load.requestsPerSec);

export function checkTargets(x: { ingest: IngestResult; peers: PeersResult; e2e: E2eResult | null; million: MillionResult | null }): TargetCheck[] {
  const out: TargetCheck[] = [];
  const add = (name: string, value: number | null, target: string, ok: (v: number) => boolean, note: string) =>
    out.push({ name, value: value === null ? null : r(value, 3), target, pass: value === null ? null : ok(value), note });

  // Issue 17's table, row by row, then the earlier issues' rows.
  const fd = x.ingest.flowdesk.load.requestsPerSec;
  const bareHttp = x.ingest.bareHttp.load.requestsPerSec;
  add('durable ingest / bare node:http + SQLite', fd / bareHttp, '≥ 0.70', (v) => v >= 0.7,
    `${r(fd)} vs ${r(bareHttp)} req/s (bare express ${r(x.ingest.bareExpress.load.requestsPerSec)}: ${r(fd / x.ingest.bareExpress.load.requestsPerSec, 2)} of it)`);
  const nodeRed = rps(x.peers.nodeRed);
  add('durable ingest / Node-RED pass-through', nodeRed === null ? null : fd / nodeRed, '≥ 1.0', (v) => v >= 1,
    nodeRed === null ? `Node-RED ${(x.peers.nodeRed as { skipped: string }).skipped}` : `${r(fd)} vs ${r(nodeRed)} req/s`);

  const live = x.e2e?.liveFive.runsPerSec ?? null;
  add('five-node flow, live (ingest + runs), runs/s', live, '≥ 2,000', (v) => v >= 2000,
    x.e2e ? `runs alone (drain) ${r(x.e2e.drainFive.runsPerSec)} runs/s` : 'end to end not run');
  const liveCpu = x.e2e?.liveFive.cpuUsPerRun ?? null;
  add('five-node flow, live: engine CPU a run, µs', liveCpu, '≤ 400', (v) => v <= 400,
    x.e2e ? `taking the delivery in and running the flow; drain alone ${Math.round(x.e2e.drainFive.cpuUsPerRun ?? 0)} µs a run` : 'end to end not run');

  if (x.million) {
    const m = x.million;
    const k = Math.round(m.deliveries / 1000);
    const ratio = m.upkeep.during.requestsPerSec / Math.max(1, m.ingest.requestsPerSec);
    add(`ingest while storage upkeep runs (${k}k deliveries) / without`, ratio, '≥ 0.50', (v) => v >= 0.5,
      `${r(m.upkeep.during.requestsPerSec)} vs ${r(m.ingest.requestsPerSec)} req/s over ${r(m.upkeep.ms / 1000, 1)} s of upkeep`);
    add('ack p99 while storage upkeep runs, ms', m.upkeep.during.latency.p99Ms, '< 30', (v) => v < 30,
      `p50 ${m.upkeep.during.latency.p50Ms}, max ${m.upkeep.during.latency.maxMs} ms`);
    add(`engine RSS at ${k}k deliveries after ${m.ingest.durationS} s of ingest, flows running, MB`, m.rssAfterIngest / 2 ** 20, '< 200', (v) => v < 200,
      `open ${r(m.rssOpen / 2 ** 20)}, after reads ${r(m.rssAfterReads / 2 ** 20)}, after upkeep ${r(m.upkeep.rssAfter / 2 ** 20)} MB`);
  } else {
    for (const name of ['ingest while storage upkeep runs / without', 'ack p99 while storage upkeep runs, ms', 'engine RSS at 1,000k deliveries after ingest, MB']) {
      out.push({ name, value: null, target: '', pass: null, note: 'not run (--million 0)' });
    }
  }

  const half = x.ingest.halfRate;
  add(`ack p99 at half rate (${half.rate}/s, evenly paced) / bare node:http`, half.paced.latency.p99Ms / Math.max(0.01, half.bareHttpPaced.latency.p99Ms), '≤ 1.2', (v) => v <= 1.2,
    `${half.paced.latency.p99Ms} vs ${half.bareHttpPaced.latency.p99Ms} ms (p50 ${half.paced.latency.p50Ms}); autocannon overallRate (bursty): p99 ${half.autocannon.exact.p99Ms} ms`);

  const n8n = rps(x.peers.n8nDefault);
  add('five-node live / n8n Webhook → Set (saving on)', live === null || n8n === null ? null : live / n8n, '≥ 30×', (v) => v >= 30,
    n8n === null ? `n8n ${(x.peers.n8nDefault as { skipped: string }).skipped}` : live === null ? 'end to end not run' : `${r(live)} runs/s vs ${r(n8n)} req/s`);
  if (x.million) {
    const m = x.million;
    add(`timeline read (orders.get) p99 among ${Math.round(m.deliveries / 1000)}k deliveries, ms`, m.readOne.p99Ms, '< 20', (v) => v < 20,
      `one order ×${m.readOne.count}: p50 ${m.readOne.p50Ms} ms; 200 random orders: p99 ${m.readRandom.p99Ms} ms`);
  }
  return out;
}

export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map((c) => {
    const mark = c.pass === null ? ' –  ' : c.pass ? 'PASS' : 'MISS';
    const value = c.value === null ? 'n/a' : String(c.value);
    return `  ${mark}  ${c.name.padEnd(62)} ${value.padStart(9)}  (target ${c.target})  ${c.note}`;
  });
}
