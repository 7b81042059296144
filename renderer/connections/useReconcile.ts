import { useCallback, useEffect, useState } from 'react';
import type { ReconcileProgress } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

export interface Reconcile {
  /** The last known state: from `connections.reconcileStatus`, then from each `reconcile.progress` event. */
  progress: ReconcileProgress | null;
  starting: boolean;
  error: string | null;
  start: () => void;
}

/** A connection's reconciliation: its last result, "Reconcile now", and its progress as the engine reports it. */
export function useReconcile(connectionId: string): Reconcile {
  const client = useApiClient();
  const [progress, setProgress] = useState<ReconcileProgress | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setProgress(null);
    const stop = client.subscribe('reconcile.progress', (p) => {
      if (p.connectionId === connectionId) setProgress(p);
    });
    client.call('connections.reconcileStatus', { id: connectionId }).then(
      // An event that came first is newer than the status asked before it.
      (p) => live && setProgress((now) => now ?? p),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [client, connectionId]);

  const start = useCallback(() => {
    setStarting(true);
    setError(null);
    client.call('connections.reconcile', { id: connectionId }).then(
      (p) => {
        setStarting(false);
        setProgress((now) => (now && now.state === 'running' && now.pages > p.pages ? now : p));
      },
      (e: unknown) => {
        setStarting(false);
        setError(toApiError(e).message);
      },
    );
  }, [client, connectionId]);

  return { progress, starting, error, start };
}
