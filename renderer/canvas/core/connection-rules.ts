import { findCycle } from './problems.ts';

export interface Link {
  source: string;
  target: string;
  sourcePort: string;
  targetPort: string;
}

/**
 * Whether a new connection may be drawn: not a node to itself, not twice the same, and not
 * closing a loop (a flow runs from its trigger downward).
 */
export function canConnect(nodeIds: readonly string[], links: readonly Link[], link: Link): boolean {
  if (link.source === link.target) return false;
  const same = links.some(
    (l) => l.source === link.source && l.target === link.target && l.sourcePort === link.sourcePort && l.targetPort === link.targetPort,
  );
  if (same) return false;
  return findCycle({ nodes: nodeIds.map((id) => ({ id })), edges: [...links, link] }) === null;
}
