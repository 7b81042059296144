import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { FlowEditorStore } from './create-flow-editor-store.ts';
import { FlowEditorContext } from './flow-editor-context.ts';

/** Gives everything below one open document's store, and React Flow's own state for its canvas. */
export function FlowEditorProvider({ store, children }: { store: FlowEditorStore; children: ReactNode }) {
  return (
    <FlowEditorContext value={store}>
      <ReactFlowProvider>{children}</ReactFlowProvider>
    </FlowEditorContext>
  );
}
