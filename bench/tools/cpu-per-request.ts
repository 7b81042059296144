// CPU time each server spends per request (user + system, all its threads, read from /proc),
// under the same fixed-rate load: a figure the machine's other work moves far less than req/s.
//   node bench/tools/cpu-per-request.ts [--rate 1500] [--duration 8] [--only flowdesk]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChild } from '../lib/children.ts';
import { runLoad } from '../lib/load.ts';
import { statCpuMs } from '../lib/proc-cpu.ts';
import { paddedOrder, sameOrderDeliveries } from '../lib/shopify-body.ts';

const { values: args } = parseArgs({ options: { rate: { type: 'string', default: '1500' }, duration: { type: 'string', default: '8' }, only: { type: 'string' }, prof: { type: 'boolean', default: false } } });
const rate = Number(args.rate);
const duration = Number(args.duration);
const cpuMs = (pid: number): number => statCpuMs(`/proc/${pid}/stat`);

const tmp = mkdtempSync(join(tmpdir(), 'fd-cpu-'));
const { next } = sameOrderDeliveries(paddedOrder());
const servers = [
  { label: 'bare-http', script: '../servers/bare-http.ts', config: { dbFile: join(tmp, 'bare-http.db') }, url: (r: { url: string }) => r.url },
  { label: 'bare-express', script: '../servers/bare-express.ts', config: { dbFile: join(tmp, 'bare-express.db') }, url: (r: { url: string }) => r.url },
  { label: 'flowdesk', script: '../servers/engine.ts', config: { dataDir: join(tmp, 'engine'), workers: 0, setup: true }, url: (r: { webhookUrl: string }) => r.webhookUrl },
].filter((s) => !args.only || args.only.split(',').includes(s.label));

for (const s of servers) {
  const child = await startChild<Record<string, string>>(new URL(s.script, import.meta.url), s.config, { engineProcess: s.label === 'flowdesk', ...(args.prof ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${join(tmp, 'prof')}`] } : {}) });
  const url = s.url(child.ready as never);
  await runLoad({ url, connections: 10, duration: 2, ...(rate > 0 ? { overallRate: rate } : {}), next });
  const before = cpuMs(child.pid);
  const load = await runLoad({ url, connections: 10, duration, ...(rate > 0 ? { overallRate: rate } : {}), next });
  const used = cpuMs(child.pid) - before;
  const n = load.requests;
  console.log(`${s.label.padEnd(14)} ${n} req at ${load.requestsPerSec.toFixed(0)}/s: ${((used * 1000) / n).toFixed(0)} µs CPU per request ` +
    `(${(used / 1000 / duration * 100).toFixed(0)}% of a core), p99 ${load.exact.p99Ms} ms, ${load.errors} err, ${load.non2xx} non-2xx`);
  await child.stop();
}
if (args.prof) console.log(`profiles in ${join(tmp, 'prof')}`);
else rmSync(tmp, { recursive: true, force: true });
