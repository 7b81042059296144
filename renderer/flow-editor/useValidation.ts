import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useApiClient } from '../api/useApiClient.ts';
import { clientProblems, fromEngine, shownProblems, type CanvasProblem } from '../canvas/core/problems.ts';
import { documentKey, toDocument } from '../canvas/document-mapping.ts';
import { useFlowEditor, useFlowEditorStore } from './store/flow-editor-context.ts';

const engineDelayMs = 300;
/** Notices about the last action that a change makes stale. */
const staleOnChange = new Set(['saved', 'invalid', 'activated', 'deactivated']);

/**
 * Keeps the problems current: the client checks at once on every change, and the engine's
 * `flows.validate` (authoritative) shortly after the document stops changing.
 */
export function useValidation(): void {
  const store = useFlowEditorStore();
  const client = useApiClient();
  const { name, description, nodes, edges, specs, fields, readOnly } = useFlowEditor(
    useShallow((s) => ({ name: s.name, description: s.description, nodes: s.nodes, edges: s.edges, specs: s.specs, fields: s.fields, readOnly: s.readOnly })),
  );
  const doc = useMemo(() => toDocument({ name, description, nodes, edges }), [name, description, nodes, edges]);
  const key = documentKey(doc);
  // Selection and measuring change the nodes but not the document: recompute on the key only.
  const local = useMemo(() => clientProblems(doc, { specs, fields }), [key, specs, fields]);
  const [engine, setEngine] = useState<{ key: string; problems: CanvasProblem[] } | null>(null);

  useEffect(() => {
    if (readOnly) return;
    let current = true;
    const timer = setTimeout(() => {
      const document = { ...doc, name: doc.name.trim() || 'untitled' };
      client.call('flows.validate', { document }).then(
        (problems) => current && setEngine({ key, problems: fromEngine(problems) }),
        () => current && setEngine(null),
      );
    }, engineDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, client, readOnly]);

  const fresh = engine?.key === key ? engine.problems : null;
  useEffect(() => {
    store.getState().setProblems(shownProblems(local, fresh));
  }, [store, local, fresh]);

  const seenKey = useRef(key);
  useEffect(() => {
    if (seenKey.current === key) return;
    seenKey.current = key;
    const notice = store.getState().notice;
    if (notice && staleOnChange.has(notice.kind)) store.getState().setNotice(null);
  }, [store, key]);
}
