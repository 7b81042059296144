// The ack latency of one server under an evenly paced load (default: 1,800 req/s for 8 s), with
// the engine's event-loop delay beside it: for finding what holds answers back.
//   node bench/tools/paced-p99.ts [--rate 1800] [--duration 8] [--server flowdesk|bare-http] [--no-upkeep] [--cpu-prof <dir>]
//     [--full-speed 12]   (first that many seconds at full speed, as the bench's ingest row does before its half-rate rows)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChild } from '../lib/children.ts';
import { runLoad } from '../lib/load.ts';
import { runPaced } from '../lib/paced-load.ts';
import { paddedOrder, sameOrderDeliveries } from '../lib/shopify-body.ts';
import type { Pauses } from '../servers/engine.ts';

const { values: args } = parseArgs({ options: { rate: { type: 'string', default: '1800' }, duration: { type: 'string', default: '8' }, server: { type: 'string', default: 'flowdesk' }, upkeep: { type: 'boolean', default: true }, 'cpu-prof': { type: 'string' }, 'full-speed': { type: 'string', default: '0' } }, allowNegative: true });
const tmp = mkdtempSync(join(tmpdir(), 'fd-p99-'));
const { next } = sameOrderDeliveries(paddedOrder());
const engine = args.server === 'flowdesk';
const child = engine
  ? await startChild<{ webhookUrl: string }>(new URL('../servers/engine.ts', import.meta.url), { dataDir: join(tmp, 'engine'), workers: 0, setup: true, ...(args.upkeep ? {} : { maintenanceEveryMs: 0 }) },
    { engineProcess: true, ...(args['cpu-prof'] ? { execArgv: ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${args['cpu-prof']}`] } : {}) })
  : await startChild<{ url: string }>(new URL('../servers/bare-http.ts', import.meta.url), { dbFile: join(tmp, 'bare.db') });
const url = engine ? (child.ready as { webhookUrl: string }).webhookUrl : (child.ready as { url: string }).url;
const fullSpeedS = Number(args['full-speed']);
if (fullSpeedS > 0) {
  const full = await runLoad({ url, connections: 10, duration: fullSpeedS, next });
  console.log(`${args.server} at full speed for ${fullSpeedS} s: ${Math.round(full.requestsPerSec)} req/s`);
}
await runPaced({ url, rate: Number(args.rate), durationS: 2, connections: 10, next });
if (engine) await child.call('pauses');
const p = await runPaced({ url, rate: Number(args.rate), durationS: Number(args.duration), connections: 10, next });
const pauses = engine ? await child.call<Pauses>('pauses') : null;
console.log(`${args.server} at ${args.rate}/s: p50 ${p.latency.p50Ms} p90 ${p.latency.p90Ms} p99 ${p.latency.p99Ms} p99.9 ${p.latency.p999Ms} max ${p.latency.maxMs} ms` +
  (pauses ? `; loop delay p99 ${pauses.loopDelayMs.p99} max ${pauses.loopDelayMs.max} ms, GC max ${pauses.gc.maxMs} ms` : ''));
await child.stop();
rmSync(tmp, { recursive: true, force: true });
