import { useEffect } from 'react';
import { useFlowEditorStore } from './store/flow-editor-context.ts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Ctrl/⌘+C copy and Ctrl/⌘+V paste the selected
 * steps. Inside a text field the field keeps its own undo and clipboard. Delete and Backspace are
 * React Flow's.
 */
export function useEditorShortcuts(): void {
  const store = useFlowEditorStore();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || isEditable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const s = store.getState();
      const key = e.key.toLowerCase();
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
  }, [store]);
}
