import { documentKey, toDocument } from '../canvas/document-mapping.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';
import type { EditorState } from './store/editor-state.ts';

export function isDirty(s: EditorState): boolean {
  return documentKey(toDocument(s)) !== s.savedKey;
}

/** Whether the canvas differs from what was last saved. */
export function useDirty(): boolean {
  return useFlowEditor(isDirty);
}
