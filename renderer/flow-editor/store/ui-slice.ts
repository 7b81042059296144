import type { StateCreator } from 'zustand';
import { problemsByNode } from '../../canvas/core/problems.ts';
import type { EditorState, UiSlice } from './editor-state.ts';

export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set) => ({
  tab: 'step',
  setTab: (tab) => set({ tab }),
  problems: [],
  problemsByNode: new Map(),
  setProblems: (problems) => set({ problems, problemsByNode: problemsByNode(problems) }),
  notice: null,
  setNotice: (notice) => set({ notice }),
  busy: null,
  setBusy: (busy) => set({ busy }),
});
