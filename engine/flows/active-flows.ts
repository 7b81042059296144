import type { CanonicalEventType, FlowDocument, OrderTriggerParams, Platform } from '../contract/index.ts';
import { flowRequirements } from './requirements.ts';
import type { FlowsRepo } from '../storage/repos/flows-repo.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

export interface ActiveFlow {
  id: string;
  name: string;
  version: number;
  document: FlowDocument;
  /** The connections it needs, as any-of platform sets. */
  requirements: Platform[][];
}

/**
 * The active versions, indexed by the events their triggers listen to. Rebuilt lazily after
 * any activation change, so matching an event costs a map lookup.
 */
export function createActiveFlows(flows: FlowsRepo, registry: NodeRegistry) {
  let index: Map<CanonicalEventType, { flow: ActiveFlow; platforms: string[] }[]> | null = null;

  function build() {
    const next = new Map<CanonicalEventType, { flow: ActiveFlow; platforms: string[] }[]>();
    for (const stored of flows.listActive()) {
      const flow: ActiveFlow = { ...stored, requirements: flowRequirements(stored.document, registry) };
      for (const node of flow.document.nodes) {
        const spec = registry.get(node.type)?.spec;
        if (spec?.category !== 'trigger') continue;
        const platforms = ((node.params as Partial<OrderTriggerParams>).platforms ?? []) as string[];
        for (const ev of spec.triggers ?? []) {
          const list = next.get(ev) ?? [];
          if (!list.some((x) => x.flow.id === flow.id)) list.push({ flow, platforms });
          next.set(ev, list);
        }
      }
    }
    return next;
  }

  return {
    invalidate(): void {
      index = null;
    },
    /** Active flows whose trigger listens to this event from this platform. */
    matching(event: CanonicalEventType, platform: string): ActiveFlow[] {
      index ??= build();
      return (index.get(event) ?? [])
        .filter((x) => x.platforms.length === 0 || x.platforms.includes(platform))
        .map((x) => x.flow);
    },
  };
}
export type ActiveFlows = ReturnType<typeof createActiveFlows>;
