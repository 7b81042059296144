import { useEffect } from 'react';
import { useFlowEditorStore } from './store/flow-editor-context.ts';
import type { EditorState } from './store/editor-state.ts';
import { isDirty } from './useDirty.ts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The step a key acts on ("Connect…", edit): the one with the keyboard focus, else the one selected alone. */
export function focusedStep(s: EditorState, focused: Element | null): string | null {
  const onCanvas = focused instanceof HTMLElement ? focused.closest<HTMLElement>('.react-flow__node')?.dataset['id'] : undefined;
  if (onCanvas && s.nodes.some((n) => n.id === onCanvas)) return onCanvas;
  const selected = s.nodes.filter((n) => n.selected);
  return selected.length === 1 ? selected[0]!.id : null;
}

/** Focuses (and selects the text of) an element that a panel just opened may not show yet. */
function focusWhenShown(selector: string, frames = 10): void {
  const el = document.querySelector<HTMLInputElement>(selector);
  if (el) {
    el.focus();
    el.select();
  } else if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
}

/**
 * Opens a step's settings in the side panel and puts the focus on the first one that needs
 * attention (marked invalid), else on the step's name: the keyboard's way from canvas to form.
 */
function editStep(s: EditorState, nodeId: string): void {
  if (!s.nodes.find((n) => n.id === nodeId)?.selected) s.select(nodeId);
  s.setTab('step');
  if (!s.panelOpen) s.setLayout('panelOpen', true);
  const focusForm = (frames: number) => {
    const form = document.querySelector('.side-panel .node-form');
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('input, textarea, select');
    if (target) target.focus();
    else if (frames > 0) requestAnimationFrame(() => focusForm(frames - 1));
  };
  requestAnimationFrame(() => focusForm(10));
}

/**
 * Ctrl/⌘+S saves (in a text field too). Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo,
 * Ctrl/⌘+C copy and Ctrl/⌘+V paste the selected steps: inside a text field the field keeps its
 * own undo and clipboard. Outside one, C opens "Connect…" on the focused or selected step, E
 * goes to its settings, and / to the palette's search. Delete and Backspace are React Flow's.
 */
export function useEditorShortcuts(save: () => unknown): void {
  const store = useFlowEditorStore();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || document.querySelector('dialog[open]')) return;
      const s = store.getState();
      const key = e.key.toLowerCase();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && key === 's' && !e.shiftKey) {
        e.preventDefault();
        // As the Save button: nothing to do for a saved flow without changes.
        if (s.busy === null && !s.readOnly && (s.flowId === null || isDirty(s))) void save();
        return;
      }
      if (isEditable(e.target)) return;
      if (!mod) {
        if (key === 'c' && !e.shiftKey && !s.readOnly) {
          const from = focusedStep(s, document.activeElement);
          if (!from) return;
          s.setConnecting({ nodeId: from, port: null, target: null });
        } else if (key === 'e' && !e.shiftKey) {
          const step = focusedStep(s, document.activeElement);
          if (!step) return;
          editStep(s, step);
        } else if (e.key === '/') {
          if (!s.paletteOpen) s.setLayout('paletteOpen', true);
          focusWhenShown('.palette-search input');
        } else return;
        e.preventDefault();
        return;
      }
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else if (key === 'c') {
        // Text selected on the page is the user's to copy.
        if (window.getSelection()?.toString()) return;
        if (s.copySelection() === 0) return;
      } else if (key === 'v') {
        if (s.paste() === 0) return;
      } else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, save]);
}
