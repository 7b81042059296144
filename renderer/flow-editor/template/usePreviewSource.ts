import { useStore } from 'zustand';
import { CanonicalEventType } from '../../../engine/contract/index.ts';
import { useFlowEditor } from '../store/flow-editor-context.ts';
import { previewOrderOf, previewOrders, UNSAVED_FLOW, type PreviewOrder } from './preview-order-store.ts';

export interface PreviewSource {
  /** Whose choice it is: the flow's id, or the unsaved flow's. */
  flowKey: string;
  /** Null: the built-in sample order. */
  order: PreviewOrder | null;
  /** The event the flow's trigger listens to, so `event.type` previews as a run would see it. */
  event: CanonicalEventType | undefined;
}

/** What the open flow's templates are previewed against. */
export function usePreviewSource(): PreviewSource {
  const flowKey = useFlowEditor((s) => s.flowId ?? UNSAVED_FLOW);
  const event = useFlowEditor((s) => {
    for (const node of s.nodes) {
      const listens = s.specs.get(node.data.type)?.triggers?.[0];
      if (listens) return CanonicalEventType.safeParse(listens).data;
    }
    return undefined;
  });
  const order = useStore(previewOrders, (s) => previewOrderOf(s.byFlow, flowKey));
  return { flowKey, order, event };
}
