// The functions a CPU profile spent the most time in (self time), for a quick read of where an
// engine child's time went:  node bench/profile-top.ts bench/results/engine-ingest.cpuprofile [20]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export function topFunctions(file: string, limit = 20): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const where = f ? `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules|engine|bench)\//, '$1/')}:${f.lineNumber + 1}` : '?';
    const dt = p.timeDeltas[i] ?? 0;
    self.set(where, (self.get(where) ?? 0) + dt);
    total += dt;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([where, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${where}`)
    .concat(`total ${(total / 1e6).toFixed(2)} s sampled`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, limit] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-top.ts <file.cpuprofile> [limit]');
    process.exit(2);
  }
  for (const line of topFunctions(file, Number(limit ?? 20))) console.log(line);
}
