import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { useFlowEditor } from '../flow-editor/store/flow-editor-context.ts';
import type { CanvasEdge } from './document-mapping.ts';

/**
 * A connection, drawn in right-angled steps. The port it leaves from (Yes, No) is named on the
 * node; on a run, the edge shows whether the run went that way.
 */
export function FlowEdgePath(props: EdgeProps<CanvasEdge>) {
  const { id, source, target, sourceHandleId, selected, markerEnd } = props;
  const taken = useFlowEditor((s) => {
    if (!s.readOnly) return null;
    const from = s.steps.get(source);
    return Boolean(from && s.steps.has(target) && (from.port === null || from.port === sourceHandleId));
  });
  const [path] = getSmoothStepPath({ ...props, borderRadius: 10, offset: 20 });
  const classes = ['fe', selected ? 'fe-selected' : '', taken === true ? 'fe-taken' : '', taken === false ? 'fe-untaken' : ''];
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes.filter(Boolean).join(' ')} />;
}
