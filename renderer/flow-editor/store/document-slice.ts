import type { StateCreator } from 'zustand';
import { documentKey, fromDocument, toDocument } from '../../canvas/document-mapping.ts';
import type { DocumentSlice, EditorState } from './editor-state.ts';

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set) => ({
  specs: new Map(),
  fields: new Map(),
  flowId: null,
  version: null,
  latestVersion: null,
  activeVersion: null,
  savedKey: '',
  readOnly: false,
  steps: new Map(),

  load(detail) {
    const graph = fromDocument(detail.document);
    const name = detail.document.name;
    const description = detail.document.description;
    set({
      ...graph,
      name,
      description,
      flowId: detail.id,
      version: detail.version,
      latestVersion: detail.latestVersion,
      activeVersion: detail.activeVersion,
      savedKey: documentKey(toDocument({ name, description, ...graph })),
      past: [],
      future: [],
      lastMark: null,
      notice: null,
    });
  },

  markSaved(detail, saved) {
    set({
      flowId: detail.id,
      version: detail.version,
      latestVersion: detail.latestVersion,
      activeVersion: detail.activeVersion,
      savedKey: documentKey(saved),
    });
  },

  setActiveVersion(activeVersion) {
    set({ activeVersion });
  },
});
