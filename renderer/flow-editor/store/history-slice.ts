import type { StateCreator } from 'zustand';
import type { EditorState, HistorySlice, Snapshot } from './editor-state.ts';

const limit = 100;
/** Changes with the same key closer than this make one undo step. */
const coalesceMs = 1000;

function snapshot(s: EditorState): Snapshot {
  return { name: s.name, nodes: s.nodes.map((n) => (n.dragging ? { ...n, dragging: false } : n)), edges: s.edges };
}

export function createHistorySlice(now: () => number): StateCreator<EditorState, [], [], HistorySlice> {
  return (set, get) => ({
    past: [],
    future: [],
    lastMark: null,
    record(key) {
      const s = get();
      const at = now();
      if (key && s.lastMark?.key === key && at - s.lastMark.at < coalesceMs) {
        set({ lastMark: { key, at } });
        return;
      }
      set({ past: [...s.past, snapshot(s)].slice(-limit), future: [], lastMark: key ? { key, at } : null });
    },
    undo() {
      const s = get();
      const previous = s.past.at(-1);
      if (!previous || s.readOnly) return;
      set({ ...previous, past: s.past.slice(0, -1), future: [snapshot(s), ...s.future], lastMark: null });
    },
    redo() {
      const s = get();
      const next = s.future[0];
      if (!next || s.readOnly) return;
      set({ ...next, past: [...s.past, snapshot(s)], future: s.future.slice(1), lastMark: null });
    },
  });
}
