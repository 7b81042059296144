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

  const fd = x.ingest.flowdesk.load.requestsPerSec;
  const limit = Math.max(x.ingest.bareHttp.load.requestsPerSec, x.ingest.bareExpress.load.requestsPerSec);
  add('durable ingest / bare limit', fd / limit, '≥ 0.70', (v) => v >= 0.7,
    `${r(fd)} vs ${r(limit)} req/s (bare node:http ${r(x.ingest.bareHttp.load.requestsPerSec)}, express ${r(x.ingest.bareExpress.load.requestsPerSec)}; vs express ${r(fd / x.ingest.bareExpress.load.requestsPerSec, 2)})`);
  const nodeRed = rps(x.peers.nodeRed);
  add('durable ingest / Node-RED pass-through', nodeRed === null ? null : fd / nodeRed, '≥ 0.5', (v) => v >= 0.5,
    nodeRed === null ? `Node-RED ${(x.peers.nodeRed as { skipped: string }).skipped}` : `${r(fd)} vs ${r(nodeRed)} req/s`);

  const live = x.e2e?.liveFive.runsPerSec ?? null;
  add('end-to-end runs/s, five-node flow', live, '≥ 1,000', (v) => v >= 1000,
    x.e2e ? `live (ingest + runs); runs alone (drain) ${r(x.e2e.drainFive.runsPerSec)} runs/s` : 'end to end not run');
  const n8n = rps(x.peers.n8nDefault);
  add('end-to-end / n8n Webhook → Set (saving on)', live === null || n8n === null ? null : live / n8n, '≥ 30×', (v) => v >= 30,
    n8n === null ? `n8n ${(x.peers.n8nDefault as { skipped: string }).skipped}` : live === null ? 'end to end not run' : `${r(live)} runs/s vs ${r(n8n)} req/s`);

  const half = x.ingest.halfRate;
  add(`p99 ack at half the sustained rate (${half.rate}/s), ms`, half.paced.latency.p99Ms, '< 10', (v) => v < 10,
    `evenly paced; p50 ${half.paced.latency.p50Ms} ms; bare node:http at that rate p99 ${half.bareHttpPaced.latency.p99Ms} ms; ` +
    `autocannon overallRate (bursty): p99 ${half.autocannon.exact.p99Ms} ms`);

  if (x.million) {
    const m = x.million;
    add(`timeline read (orders.get) p99 among ${Math.round(m.deliveries / 1000)}k deliveries, ms`, m.readOne.p99Ms, '< 20', (v) => v < 20,
      `one order ×${m.readOne.count}: p50 ${m.readOne.p50Ms} ms; 200 random orders: p99 ${m.readRandom.p99Ms} ms`);
    const rss = Math.max(m.rssOpen, m.rssAfterReads, m.rssAfterIngest, m.upkeep.rssAfter) / 2 ** 20;
    add(`engine RSS at ${Math.round(m.deliveries / 1000)}k deliveries, MB`, rss, '< 200', (v) => v < 200,
      `open ${r(m.rssOpen / 2 ** 20)}, after reads ${r(m.rssAfterReads / 2 ** 20)}, after ingest ${r(m.rssAfterIngest / 2 ** 20)}, after upkeep ${r(m.upkeep.rssAfter / 2 ** 20)} MB`);
  } else {
    out.push({ name: 'timeline read among 1,000,000 deliveries', value: null, target: '< 20 ms', pass: null, note: 'not run (--million 0)' });
  }
  return out;
}

export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map((c) => {
    const mark = c.pass === null ? ' –  ' : c.pass ? 'PASS' : 'MISS';
    const value = c.value === null ? 'n/a' : String(c.value);
    return `  ${mark}  ${c.name.padEnd(52)} ${value.padStart(9)}  (target ${c.target})  ${c.note}`;
  });
}
