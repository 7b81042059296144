import { createStore, type StoreApi } from 'zustand';
import type { FlowDetailDto, FlowDocument, NodeSpecDto, StepDto } from '../../../engine/contract/index.ts';
import { formFields, type FormField } from '../../canvas/core/schema-form.ts';
import { documentKey, fromDocument, toDocument } from '../../canvas/document-mapping.ts';
import { createDocumentSlice } from './document-slice.ts';
import type { EditorState } from './editor-state.ts';
import { createGraphSlice } from './graph-slice.ts';
import { createHistorySlice } from './history-slice.ts';
import { createUiSlice } from './ui-slice.ts';

export type FlowEditorStore = StoreApi<EditorState>;

export interface FlowEditorInit {
  specs: readonly NodeSpecDto[];
  /** A saved flow; without it, a new empty flow named `newName`. */
  detail?: FlowDetailDto;
  newName?: string;
  /** A flow file opened from disk: a new flow, unsaved, with the file's steps. */
  imported?: FlowDocument;
  /** A run: its document, read-only, coloured by its steps. */
  run?: { document: FlowDocument; steps: readonly StepDto[] };
  now?: () => number;
}

/** One store per open document: two open flows never share state. */
export function createFlowEditorStore(init: FlowEditorInit): FlowEditorStore {
  const store = createStore<EditorState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createHistorySlice(init.now ?? Date.now)(...a),
    ...createDocumentSlice(...a),
    ...createUiSlice(...a),
  }));
  const specs = new Map(init.specs.map((s) => [s.type, s]));
  const fields = new Map<string, readonly FormField[]>(init.specs.map((s) => [s.type, formFields(s.paramsSchema)]));
  store.setState({ specs, fields });
  if (init.detail) {
    store.getState().load(init.detail);
  } else if (init.imported) {
    const doc = init.imported;
    store.setState({ ...fromDocument(doc), name: doc.name, savedKey: documentKey(toDocument({ name: '', nodes: [], edges: [] })) });
  } else if (init.run) {
    const { document, steps } = init.run;
    // The last step for a node wins (a node runs once per run today).
    store.setState({ ...fromDocument(document), name: document.name, readOnly: true, steps: new Map(steps.map((s) => [s.nodeId, s])) });
  } else {
    const name = init.newName ?? '';
    store.setState({ name, savedKey: documentKey(toDocument({ name, nodes: [], edges: [] })) });
  }
  return store;
}
