import type { IntentRecord, NodeDiff, RunDetailDto, StepDto } from '../contract/index.ts';

type InputDiff = NodeDiff['inputs'][number];

/** An intent's args as dotted paths to their leaves (`to`, `body.lines.0.sku`); an empty object or list is a leaf. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  const isBranch = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  if (!isBranch) {
    out.set(prefix, value);
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rendered inputs that differ between two steps: their intents paired by kind, in order,
 * compared field by field (an intent only one side has shows each of its fields against null).
 */
function inputDiffs(original: IntentRecord[], replay: IntentRecord[]): InputDiff[] {
  const out: InputDiff[] = [];
  const kinds = [...new Set([...original, ...replay].map((r) => r.kind))];
  for (const kind of kinds) {
    const a = original.filter((r) => r.kind === kind);
    const b = replay.filter((r) => r.kind === kind);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const fa = a[i] ? flatten(a[i]!.args, '', new Map()) : new Map<string, unknown>();
      const fb = b[i] ? flatten(b[i]!.args, '', new Map()) : new Map<string, unknown>();
      for (const field of new Set([...fa.keys(), ...fb.keys()])) {
        const x = fa.has(field) ? fa.get(field) : null;
        const y = fb.has(field) ? fb.get(field) : null;
        if (!same(x, y)) out.push({ kind, field, original: x, replay: y });
      }
    }
  }
  return out;
}

const pathOf = (run: RunDetailDto | null) => (run ? [...run.steps].sort((a, b) => a.seq - b.seq).map((s) => s.nodeId) : []);

/**
 * Replay-as-diff: a run beside the run it is compared with, node by node in the replay's order
 * (then the nodes only the original went through): status, port and rendered inputs.
 */
export function diffRuns(original: RunDetailDto | null, replay: RunDetailDto): { path: { original: string[]; replay: string[] }; samePath: boolean; nodes: NodeDiff[] } {
  const path = { original: pathOf(original), replay: pathOf(replay) };
  const stepsOf = (run: RunDetailDto | null) => new Map<string, StepDto>(run?.steps.map((s) => [s.nodeId, s]) ?? []);
  const before = stepsOf(original);
  const after = stepsOf(replay);
  const nodeOf = (id: string) => replay.document.nodes.find((n) => n.id === id) ?? original?.document.nodes.find((n) => n.id === id);
  const nodes = [...new Set([...path.replay, ...path.original])].map((nodeId): NodeDiff => {
    const a = before.get(nodeId);
    const b = after.get(nodeId);
    const node = nodeOf(nodeId);
    const inputs = inputDiffs(a?.intents ?? [], b?.intents ?? []);
    return {
      nodeId,
      label: node?.label?.trim() || null,
      nodeType: node?.type ?? b?.nodeType ?? a?.nodeType ?? '?',
      original: a ? { status: a.status, port: a.port } : null,
      replay: b ? { status: b.status, port: b.port } : null,
      same: a !== undefined && b !== undefined && a.status === b.status && a.port === b.port && inputs.length === 0,
      inputs,
    };
  });
  return { path, samePath: same(path.original, path.replay), nodes };
}
