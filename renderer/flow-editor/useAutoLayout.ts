import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { autoLayout } from '../canvas/core/auto-layout.ts';
import { defaultNodeSize } from '../canvas/core/placement.ts';
import { toFlowEdge } from '../canvas/document-mapping.ts';
import { useFlowEditorStore } from './store/flow-editor-context.ts';

/** Arranges the flow top to bottom (dagre), as one undoable step, then fits it in view. */
export function useAutoLayout(): () => void {
  const store = useFlowEditorStore();
  const { fitView } = useReactFlow();
  return useCallback(() => {
    const s = store.getState();
    if (s.nodes.length === 0) return;
    const sized = s.nodes.map((n) => ({
      id: n.id,
      width: n.measured?.width ?? defaultNodeSize.width,
      height: n.measured?.height ?? defaultNodeSize.height,
    }));
    const typeOf = new Map(s.nodes.map((n) => [n.id, n.data.type]));
    const portOrder = (id: string) => (s.specs.get(typeOf.get(id) ?? '')?.outputs ?? []).map((p) => p.id);
    s.moveNodes(autoLayout(sized, s.edges.map(toFlowEdge), { portOrder }));
    requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.25, duration: 250 }));
  }, [store, fitView]);
}
