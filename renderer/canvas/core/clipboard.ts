import type { FlowEdge, FlowNode } from '../../../engine/contract/index.ts';
import { newId } from './ids.ts';

/** What Copy keeps: the chosen nodes and the edges between them (an edge half outside is left). */
export interface CopiedPiece {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function copyPiece(nodes: readonly FlowNode[], edges: readonly FlowEdge[], chosen: ReadonlySet<string>): CopiedPiece {
  return {
    nodes: structuredClone(nodes.filter((n) => chosen.has(n.id))),
    edges: structuredClone(edges.filter((e) => chosen.has(e.source) && chosen.has(e.target))),
  };
}

/**
 * The piece again with new ids (none in `taken`), moved by `offset`, its edges following the
 * new ids: pasting twice gives two independent copies.
 */
export function pastePiece(piece: CopiedPiece, taken: ReadonlySet<string>, offset: { x: number; y: number }, random?: () => number): CopiedPiece {
  const used = new Set(taken);
  const ids = new Map<string, string>();
  const nodes = piece.nodes.map((n) => {
    const id = newId('n', used, random);
    used.add(id);
    ids.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges = piece.edges.map((e) => {
    const id = newId('e', used, random);
    used.add(id);
    return { ...e, id, source: ids.get(e.source)!, target: ids.get(e.target)! };
  });
  return { nodes, edges };
}
