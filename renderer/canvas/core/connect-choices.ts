import type { NodeSpecDto, PortSpec } from '../../../engine/contract/index.ts';
import { canConnect, type Link } from './connection-rules.ts';

interface NodeLike {
  id: string;
  type: string;
  label?: string | undefined;
  /** Canvas order (top to bottom) ranks the targets: the step below comes first. */
  y: number;
}

/** A step a connection from the chosen port may go to: its id, input, and how the list names it. */
export interface ConnectTarget {
  nodeId: string;
  targetPort: string;
  /** The step's own name, else its type's. */
  name: string;
  spec: NodeSpecDto;
  /** The input's label when the step has more than one. */
  input: PortSpec | null;
}

/** The outputs a connection can leave from, in the spec's order; none for an unknown type. */
export function sourcePorts(node: NodeLike | undefined, specs: ReadonlyMap<string, NodeSpecDto>): readonly PortSpec[] {
  return node ? (specs.get(node.type)?.outputs ?? []) : [];
}

/**
 * Every (step, input) a connection from `sourceId`'s `sourcePort` may end at, as the canvas
 * rules allow (not itself, not twice, never a loop): the steps below the source first, nearest
 * first, then the rest from the top.
 */
export function connectTargets(
  sourceId: string,
  sourcePort: string,
  nodes: readonly NodeLike[],
  links: readonly Link[],
  specs: ReadonlyMap<string, NodeSpecDto>,
  name: (node: NodeLike, spec: NodeSpecDto) => string,
): ConnectTarget[] {
  const source = nodes.find((n) => n.id === sourceId);
  if (!source) return [];
  const ids = nodes.map((n) => n.id);
  const below = (n: NodeLike) => (n.y >= source.y ? 0 : 1);
  const ordered = [...nodes].sort((a, b) => below(a) - below(b) || a.y - b.y);
  const out: ConnectTarget[] = [];
  for (const node of ordered) {
    const spec = specs.get(node.type);
    if (!spec) continue;
    for (const input of spec.inputs) {
      if (!canConnect(ids, links, { source: sourceId, sourcePort, target: node.id, targetPort: input.id })) continue;
      out.push({ nodeId: node.id, targetPort: input.id, name: name(node, spec), spec, input: spec.inputs.length > 1 ? input : null });
    }
  }
  return out;
}
