import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { anyOverlap, autoLayout } from '../canvas/core/auto-layout.ts';
import { defaultNodeSize } from '../canvas/core/placement.ts';
import { toFlowEdge } from '../canvas/document-mapping.ts';
import { useFlowEditorStore } from './store/flow-editor-context.ts';

/**
 * A flow written by hand or by the API may have its steps on top of each other. Where that
 * changes nothing saved (a run's read-only view, a flow file just opened), they are laid out
 * top to bottom once, so each can be read.
 */
export function useTidyLayout(enabled: boolean): void {
  const store = useFlowEditorStore();
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || !initialized || done.current) return;
    done.current = true;
    const s = store.getState();
    const sized = s.nodes.map((n) => ({
      id: n.id,
      width: n.measured?.width ?? defaultNodeSize.width,
      height: n.measured?.height ?? defaultNodeSize.height,
    }));
    const boxes = s.nodes.map((n, i) => ({ ...sized[i]!, ...n.position }));
    if (!anyOverlap(boxes)) return;
    const typeOf = new Map(s.nodes.map((n) => [n.id, n.data.type]));
    const portOrder = (id: string) => (s.specs.get(typeOf.get(id) ?? '')?.outputs ?? []).map((p) => p.id);
    const positions = autoLayout(sized, s.edges.map(toFlowEdge), { portOrder });
    store.setState({ nodes: s.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) });
    requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.2 }));
  }, [enabled, initialized, store, fitView]);
}
