import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { LoadFigures } from './load.ts';

/** Flat name → number: what is compared with the baseline. */
export type Figures = Record<string, number>;

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface BenchFile {
  date: string;
  machine: Machine;
  /** How the run was made (connections, seconds, drain size, body bytes): figures compare only under the same. */
  settings: Record<string, number>;
  figures: Figures;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function loadFigures(prefix: string, f: LoadFigures): Figures {
  return {
    [`${prefix}.rps`]: round(f.requestsPerSec),
    [`${prefix}.meanMs`]: f.meanMs,
    [`${prefix}.p50Ms`]: f.exact.p50Ms,
    [`${prefix}.p99Ms`]: f.exact.p99Ms,
    [`${prefix}.p999Ms`]: f.exact.p999Ms,
    [`${prefix}.autocannonP99Ms`]: f.p99Ms,
    [`${prefix}.errors`]: f.errors + f.timeouts,
    [`${prefix}.non2xx`]: f.non2xx,
  };
}

const ms = (n: number) => n.toFixed(2).padStart(6);

/** req/s, then latency: mean, exact p50/p99 (autocannon's whole-ms p99 in brackets). */
export function loadLine(name: string, f: LoadFigures): string {
  return `  ${name.padEnd(34)} ${round(f.requestsPerSec).toFixed(1).padStart(8)} req/s   mean ${ms(f.meanMs)}   p50 ${ms(f.exact.p50Ms)}   ` +
    `p99 ${ms(f.exact.p99Ms)} ms [${f.p99Ms}]   ${f.requests} req, ${f.errors + f.timeouts} err, ${f.non2xx} non-2xx` +
    (f.non2xx > 0 ? ` (${Object.entries(f.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}; req/s counts 2xx only)` : '');
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function readBenchFile(file: string): BenchFile | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as BenchFile;
}

/** Each figure next to the baseline's, with the change in percent. */
export function comparison(now: Figures, settings: Record<string, number>, base: BenchFile): string[] {
  const lines = [`  baseline from ${base.date} (${base.machine.cpu}, ${base.machine.cores} cores, node ${base.machine.node})`];
  // A setting the baseline does not have is a section added since: its figures say "not in baseline".
  const differ = Object.keys(settings).filter((k) => base.settings?.[k] !== undefined && base.settings[k] !== settings[k]);
  if (differ.length > 0) {
    lines.push(`  note: settings differ from the baseline's (${differ.map((k) => `${k} ${base.settings?.[k]} → ${settings[k]}`).join(', ')})`);
  }
  for (const [name, value] of Object.entries(now)) {
    const was = base.figures[name];
    if (was === undefined) {
      lines.push(`  ${name.padEnd(34)} ${String(value).padStart(10)}   (not in baseline)`);
      continue;
    }
    const change = was === 0 ? (value === 0 ? '±0%' : 'n/a') : `${value >= was ? '+' : ''}${round(((value - was) / was) * 100)}%`;
    lines.push(`  ${name.padEnd(34)} ${String(value).padStart(10)}   was ${String(was).padStart(10)}   ${change}`);
  }
  return lines;
}

/** The warnings/errors an engine child logged (by message, with counts), as lines; none when it logged none. */
export function problemLines(problems: Record<string, number>): string[] {
  return Object.entries(problems)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([what, n]) => `     engine logged ×${n}: ${what}`);
}
