import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  /** The output port: edges leave in the order of the source's outputs (Yes left of No). */
  sourcePort?: string;
}

export interface LayoutOptions {
  nodeGap?: number;
  rankGap?: number;
  /** The order of each source's outputs, by port id, for stable left-to-right branches. */
  portOrder?: (sourceId: string) => readonly string[];
}

/**
 * Top-to-bottom positions (top-left corners, as React Flow keeps them) from dagre. Trigger on
 * top, each step below what leads to it; nodes that are not connected keep a row of their own.
 */
export function autoLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: options.nodeGap ?? 48, ranksep: options.rankGap ?? 64, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  const rank = (e: LayoutEdge) => options.portOrder?.(e.source).indexOf(e.sourcePort ?? '') ?? 0;
  const sorted = [...edges].filter((e) => ids.has(e.source) && ids.has(e.target)).sort((a, b) => rank(a) - rank(b));
  // dagre starts from the order nodes are added in: walk from the roots, outputs in port order,
  // so that a condition's Yes branch lands left of its No branch.
  for (const n of walkOrder(nodes, sorted)) g.setNode(n.id, { width: n.width, height: n.height });
  sorted.forEach((e, i) => g.setEdge(e.source, e.target, {}, `e${i}`));
  dagre.layout(g, { constraints: branchOrder(sorted) });
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const placed = g.node(n.id);
    positions.set(n.id, { x: Math.round(placed.x - n.width / 2), y: Math.round(placed.y - n.height / 2) });
  }
  return positions;
}

/** Left-to-right constraints between the steps a node's outputs lead to, in port order. */
function branchOrder(sortedEdges: readonly LayoutEdge[]): { left: string; right: string }[] {
  const bySource = new Map<string, string[]>();
  for (const e of sortedEdges) {
    const list = bySource.get(e.source) ?? [];
    if (!list.includes(e.target)) list.push(e.target);
    bySource.set(e.source, list);
  }
  return [...bySource.values()].flatMap((targets) => targets.slice(1).map((right, i) => ({ left: targets[i]!, right })));
}

function walkOrder(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): LayoutNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const targets = new Set(edges.map((e) => e.target));
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const order: LayoutNode[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    order.push(byId.get(id)!);
    for (const next of out.get(id) ?? []) visit(next);
  };
  for (const n of nodes) if (!targets.has(n.id)) visit(n.id);
  for (const n of nodes) visit(n.id);
  return order;
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether any two boxes overlap (with a small margin), as in a document written by hand. */
export function anyOverlap(boxes: readonly Box[], margin = 8): boolean {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin) return true;
    }
  }
  return false;
}
