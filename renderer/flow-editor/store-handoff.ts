import type { FlowEditorStore } from './store/create-flow-editor-store.ts';

/**
 * A new flow's first save gives it an id and moves the address to `#/flows/<id>`, which mounts
 * the editor page anew. The store is handed over so that nothing (undo history, selection) is lost.
 */
const waiting = new Map<string, FlowEditorStore>();

export function handOff(flowId: string, store: FlowEditorStore): void {
  waiting.set(flowId, store);
}

export function handedOff(flowId: string): FlowEditorStore | undefined {
  return waiting.get(flowId);
}

export function forgetHandOff(flowId: string, store: FlowEditorStore): void {
  if (waiting.get(flowId) === store) waiting.delete(flowId);
}
