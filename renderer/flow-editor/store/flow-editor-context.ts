import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState } from './editor-state.ts';
import type { FlowEditorStore } from './create-flow-editor-store.ts';

export const FlowEditorContext = createContext<FlowEditorStore | null>(null);

export function useFlowEditorStore(): FlowEditorStore {
  const store = useContext(FlowEditorContext);
  if (!store) throw new Error('useFlowEditor needs a <FlowEditorContext value={store}> above it');
  return store;
}

/** Reads the open document's store; selectors should return small values. */
export function useFlowEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useFlowEditorStore(), selector);
}
