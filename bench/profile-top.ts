// The functions a CPU profile spent the most time in (self time), for a quick read of where an
// engine child's time went:  node bench/profile-top.ts bench/results/engine-ingest.cpuprofile [20] [--total]
// `--total`: time with everything each function called (a function counted once a sample, however deep it recurses).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function topFunctions(file: string, limit = 20, inclusive = false): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = byId.get(id)?.callFrame;
    return f ? `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules|engine|bench)\//, '$1/')}:${f.lineNumber + 1}` : '?';
  };
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = inclusive ? parent.get(at) : undefined) {
      const where = name(at);
      if (seen.has(where)) continue;
      seen.add(where);
      self.set(where, (self.get(where) ?? 0) + dt);
    }
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([where, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${where}`)
    .concat(`total ${(total / 1e6).toFixed(2)} s sampled`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const [file, limit] = args.filter((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node bench/profile-top.ts <file.cpuprofile> [limit] [--total]');
    process.exit(2);
  }
  for (const line of topFunctions(file, Number(limit ?? 20), args.includes('--total'))) console.log(line);
}
