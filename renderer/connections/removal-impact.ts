import type { FlowDocument, NodeSpecDto, Platform } from '../../engine/contract/index.ts';

/**
 * Which active flows removing a connection would turn off, worked out ahead of time for the
 * confirmation. It follows the engine's rule (engine/flows/requirements.ts): a flow needs one
 * of the platforms its trigger is limited to, and the platform of every node that acts on
 * one; once the connection is gone, a flow whose needs the remaining connections do not meet
 * is turned off. The answer of `connections.remove` says what really happened.
 */
export function flowRequirements(doc: FlowDocument, specs: ReadonlyMap<string, NodeSpecDto>): Platform[][] {
  const out: Platform[][] = [];
  for (const node of doc.nodes) {
    const spec = specs.get(node.type);
    if (!spec) continue;
    if (spec.requiresPlatform) out.push([spec.requiresPlatform]);
    if (spec.category === 'trigger') {
      const platforms = (node.params as { platforms?: unknown }).platforms;
      if (Array.isArray(platforms) && platforms.length > 0 && platforms.every((p) => typeof p === 'string')) {
        out.push(platforms as Platform[]);
      }
    }
  }
  return out;
}

export function meets(requirements: readonly Platform[][], available: readonly Platform[]): boolean {
  return requirements.every((anyOf) => anyOf.some((p) => available.includes(p)));
}

export interface ActiveFlow {
  id: string;
  name: string;
  document: FlowDocument;
}

export function flowsTurnedOff(
  flows: readonly ActiveFlow[],
  specs: ReadonlyMap<string, NodeSpecDto>,
  remainingPlatforms: readonly Platform[],
): { id: string; name: string }[] {
  return flows
    .filter((flow) => !meets(flowRequirements(flow.document, specs), remainingPlatforms))
    .map(({ id, name }) => ({ id, name }));
}
