import type { NodeDiff, RunDiffDto } from '../../engine/contract/index.ts';

export interface PathStep {
  nodeId: string;
  /** The step's status in this run (null when the run has no step for it). */
  status: string | null;
  /** Some status, port or rendered input of this node differs between the two runs. */
  differs: boolean;
}

export interface DiffView {
  original: PathStep[];
  replay: PathStep[];
  /** The nodes that differ, in the order the current version went through them, then the original's. */
  changed: NodeDiff[];
}

/** A rendered value as one line: text as it is, anything else as JSON, missing as an em dash. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** What the diff view draws: each run's path with the differing nodes marked, and those nodes. */
export function diffView(diff: RunDiffDto): DiffView {
  const byId = new Map(diff.nodes.map((n) => [n.nodeId, n]));
  const differs = (id: string) => byId.get(id)?.same === false;
  const step = (side: 'original' | 'replay') => (nodeId: string): PathStep => ({ nodeId, status: byId.get(nodeId)?.[side]?.status ?? null, differs: differs(nodeId) });
  const order = [...diff.path.replay, ...diff.path.original, ...diff.nodes.map((n) => n.nodeId)];
  const changed = [...new Set(order)].flatMap((id) => (differs(id) ? [byId.get(id)!] : []));
  return { original: diff.path.original.map(step('original')), replay: diff.path.replay.map(step('replay')), changed };
}
