import type { FlowDocument, Platform } from '../contract/index.ts';
import { Platform as PlatformSchema } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { platformLabels } from '../contract/index.ts';

/**
 * The connections a flow needs, as "any of these platforms" sets (seed 004): a trigger
 * limited to some platforms needs one of them; a node acting on a platform needs that one.
 */
export function flowRequirements(doc: FlowDocument, registry: NodeRegistry): Platform[][] {
  const out: Platform[][] = [];
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)?.spec;
    if (!spec) continue;
    if (spec.requiresPlatform) out.push([spec.requiresPlatform]);
    if (spec.category === 'trigger') {
      const parsed = PlatformSchema.array().safeParse((node.params as { platforms?: unknown }).platforms ?? []);
      if (parsed.success && parsed.data.length > 0) out.push(parsed.data);
    }
  }
  return out;
}

/** The requirements a set of available platforms leaves unmet, in words; empty when all are met. */
export function unmetRequirements(requirements: Platform[][], available: readonly Platform[]): string[] {
  return requirements
    .filter((anyOf) => !anyOf.some((p) => available.includes(p)))
    .map((anyOf) => anyOf.map((p) => platformLabels[p]).join(' or '));
}
