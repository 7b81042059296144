import { z } from 'zod';
import { sameJson } from './canonical-json.ts';
import type { FlowDocument, FlowEdge, FlowNode } from './flow-document.ts';

/** A node as a diff names it: enough to say which step without the whole node. */
export const DiffNode = z.object({ id: z.string(), type: z.string(), label: z.string().optional() });
export type DiffNode = z.infer<typeof DiffNode>;

/** One params key whose value changed. A key that was not set has no `before` (or no `after`). */
export const ParamChange = z.object({ key: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type ParamChange = z.infer<typeof ParamChange>;

const TextChange = z.object({ before: z.string().optional(), after: z.string().optional() });

/** A node on both sides whose settings or name changed; its `label` is the newer one. */
export const NodeChange = DiffNode.extend({
  params: z.array(ParamChange),
  labelChange: TextChange.optional(),
  typeVersion: z.object({ before: z.number(), after: z.number() }).optional(),
});
export type NodeChange = z.infer<typeof NodeChange>;

export const DiffEdge = z.object({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string(), targetPort: z.string() });
export type DiffEdge = z.infer<typeof DiffEdge>;

/**
 * What changed from one flow document to another, in the terms a shop owner thinks in: steps
 * added, removed or changed (which settings, before → after), connections drawn or removed.
 * A step only dragged elsewhere is not a change worth listing; `moved` counts them. A node
 * whose type changed under the same id is a different step: removed, then added.
 */
export const FlowDiff = z.object({
  name: TextChange.optional(),
  description: TextChange.optional(),
  nodesAdded: z.array(DiffNode),
  nodesRemoved: z.array(DiffNode),
  nodesChanged: z.array(NodeChange),
  moved: z.number().int(),
  edgesAdded: z.array(DiffEdge),
  edgesRemoved: z.array(DiffEdge),
});
export type FlowDiff = z.infer<typeof FlowDiff>;

/** Pure, so the editor diffs an unsaved draft against a saved version without a round trip. */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const sameStep = (a: FlowNode, b: FlowNode) => a.type === b.type;

  const nodesAdded = after.nodes.filter((n) => !old.has(n.id) || !sameStep(old.get(n.id)!, n)).map(diffNode);
  const nodesRemoved = before.nodes.filter((n) => !now.has(n.id) || !sameStep(n, now.get(n.id)!)).map(diffNode);
  const nodesChanged: NodeChange[] = [];
  let moved = 0;
  for (const b of after.nodes) {
    const a = old.get(b.id);
    if (!a || !sameStep(a, b)) continue;
    const change = nodeChange(a, b);
    if (change) nodesChanged.push(change);
    else if (a.position.x !== b.position.x || a.position.y !== b.position.y) moved++;
  }

  return {
    ...textChange('name', before.name, after.name),
    ...textChange('description', before.description, after.description),
    nodesAdded,
    nodesRemoved,
    nodesChanged,
    moved,
    edgesAdded: edgesOnlyIn(after.edges, before.edges),
    edgesRemoved: edgesOnlyIn(before.edges, after.edges),
  };
}

/** How many things a diff lists (moves are not listed). Zero: the two versions do the same. */
export function diffSize(diff: FlowDiff): number {
  return (
    (diff.name ? 1 : 0) +
    (diff.description ? 1 : 0) +
    diff.nodesAdded.length +
    diff.nodesRemoved.length +
    diff.nodesChanged.length +
    diff.edgesAdded.length +
    diff.edgesRemoved.length
  );
}

function diffNode(n: FlowNode): DiffNode {
  return { id: n.id, type: n.type, ...(n.label !== undefined ? { label: n.label } : {}) };
}

function nodeChange(a: FlowNode, b: FlowNode): NodeChange | null {
  const params: ParamChange[] = [];
  const keys = [...Object.keys(a.params), ...Object.keys(b.params).filter((k) => !Object.hasOwn(a.params, k))];
  for (const key of keys) {
    const before = a.params[key];
    const after = b.params[key];
    const same = before === undefined || after === undefined ? before === after : sameJson(before, after);
    if (!same) params.push({ key, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  }
  const label = (a.label ?? '') !== (b.label ?? '');
  const typeVersion = a.typeVersion !== b.typeVersion;
  if (params.length === 0 && !label && !typeVersion) return null;
  return {
    ...diffNode(b),
    params,
    ...(label ? { labelChange: texts(a.label, b.label) } : {}),
    ...(typeVersion ? { typeVersion: { before: a.typeVersion, after: b.typeVersion } } : {}),
  };
}

function textChange<K extends 'name' | 'description'>(key: K, before: string | undefined, after: string | undefined) {
  return (before ?? '') === (after ?? '') ? {} : { [key]: texts(before, after) };
}

function texts(before: string | undefined, after: string | undefined) {
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/**
 * Edges are compared by what they connect, not by id: a connection removed and drawn again
 * between the same ports is no change. Duplicates count as many times as they appear.
 */
function edgesOnlyIn(these: readonly FlowEdge[], others: readonly FlowEdge[]): DiffEdge[] {
  const key = (e: FlowEdge) => [e.source, e.sourcePort, e.target, e.targetPort].join('\u0000');
  const left = new Map<string, number>();
  for (const e of others) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  const out: DiffEdge[] = [];
  for (const e of these) {
    const n = left.get(key(e)) ?? 0;
    if (n > 0) left.set(key(e), n - 1);
    else out.push({ id: e.id, source: e.source, sourcePort: e.sourcePort, target: e.target, targetPort: e.targetPort });
  }
  return out;
}
