import { useEffect } from 'react';
import { useFlowEditorStore } from './store/flow-editor-context.ts';
import { isDirty } from './useDirty.ts';

/** Asks before the window closes or reloads with unsaved changes. */
export function useLeaveGuard(): void {
  const store = useFlowEditorStore();
  useEffect(() => {
    function onBeforeUnload(e: BeforeUnloadEvent) {
      const s = store.getState();
      if (!s.readOnly && isDirty(s)) e.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
}
