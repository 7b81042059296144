import type { StateCreator } from 'zustand';
import { problemsByNode } from '../../canvas/core/problems.ts';
import type { EditorState, UiSlice } from './editor-state.ts';
import { loadLayoutPrefs, saveLayoutPref, type LayoutPrefs } from './layout-prefs.ts';

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
  connecting: null,
  setConnecting: (connecting) => set({ connecting }),
  ...loadLayoutPrefs(),
  setLayout: (pref, value) => {
    saveLayoutPref(pref, value);
    set({ [pref]: value } as Partial<LayoutPrefs>);
  },
});
