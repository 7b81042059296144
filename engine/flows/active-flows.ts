import { sequenceKey, type CanonicalEventType, type FlowDocument, type OrderTriggerParams, type Platform, type TagTriggerParams } from '../contract/index.ts';
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
  /** Per trigger: the platforms it takes (none: all) and, for a tag trigger, the tags (lower-cased; none: any). */
  type Entry = { flow: ActiveFlow; platforms: string[]; tags: string[] };
  let index: Map<CanonicalEventType, Entry[]> | null = null;

  function build() {
    const next = new Map<CanonicalEventType, Entry[]>();
    for (const stored of flows.listActive()) {
      const flow: ActiveFlow = { ...stored, requirements: flowRequirements(stored.document, registry) };
      for (const node of flow.document.nodes) {
        const spec = registry.get(node.type)?.spec;
        if (spec?.category !== 'trigger') continue;
        const platforms = ((node.params as Partial<OrderTriggerParams>).platforms ?? []) as string[];
        // A sequence's trigger matches its sequence's name the way a tag trigger matches its tags.
        const sequence = (node.params as { sequence?: unknown }).sequence;
        const tags = (typeof sequence === 'string' ? [sequenceKey(sequence)] : ((node.params as Partial<TagTriggerParams>).tags ?? [])).map((t) => t.toLowerCase());
        for (const ev of spec.triggers ?? []) {
          const list = next.get(ev) ?? [];
          if (!list.some((x) => x.flow.id === flow.id)) list.push({ flow, platforms, tags });
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
    /**
     * Active flows whose trigger listens to this event from this platform; for a tag event
     * (`tags`: the tags it added), only those whose trigger takes any tag or one of these.
     */
    /** Whether any active flow listens to this event at all: a map lookup, before any reading. */
    listens(event: CanonicalEventType): boolean {
      index ??= build();
      return (index.get(event)?.length ?? 0) > 0;
    },
    matching(event: CanonicalEventType, platform: string, tags?: readonly string[]): ActiveFlow[] {
      index ??= build();
      const added = tags?.map((t) => t.toLowerCase());
      return (index.get(event) ?? [])
        .filter((x) => x.platforms.length === 0 || x.platforms.includes(platform))
        .filter((x) => !added || x.tags.length === 0 || x.tags.some((t) => added.includes(t)))
        .map((x) => x.flow);
    },
  };
}
export type ActiveFlows = ReturnType<typeof createActiveFlows>;
