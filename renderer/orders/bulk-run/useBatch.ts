import { useCallback, useEffect, useState } from 'react';
import type { RunBatchDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';

/** How often the panel asks the engine how far the batch has got. */
const pollMs = 500;

export interface BatchState {
  batch: RunBatchDto;
  /** The last poll's failure; polling goes on. */
  pollError: string | null;
  cancelling: boolean;
  cancelError: string | null;
  /** What Cancel did: how many runs it cancelled (null before Cancel). */
  cancelOutcome: { cancelled: number } | null;
  cancel: () => void;
}

/** A batch of manual runs, polled from `runs.batch` until nothing is queued or running. */
export function useBatch(started: RunBatchDto): BatchState {
  const client = useApiClient();
  const [batch, setBatch] = useState(started);
  const [pollError, setPollError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelOutcome, setCancelOutcome] = useState<BatchState['cancelOutcome']>(null);

  // One poll after each answer (never two in flight); a finished batch is not asked again.
  useEffect(() => {
    if (batch.finished) return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('runs.batch', { id: batch.id }).then(
        (next) => {
          if (!current) return;
          setPollError(null);
          setBatch(next);
        },
        (error: unknown) => {
          if (!current) return;
          setPollError(toApiError(error).message);
          setBatch((b) => ({ ...b }));
        },
      );
    }, pollMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, batch]);

  const cancelledBefore = batch.cancelled;
  const cancel = useCallback(() => {
    setCancelling(true);
    setCancelError(null);
    client.call('runs.cancelBatch', { id: batch.id }).then(
      (next) => {
        setBatch(next);
        // Runs cancelled before (a waiting run whose flow was turned off) are not this Cancel's.
        setCancelOutcome({ cancelled: next.cancelled - cancelledBefore });
        setCancelling(false);
      },
      (error: unknown) => {
        setCancelError(toApiError(error).message);
        setCancelling(false);
      },
    );
  }, [client, batch.id, cancelledBefore]);

  return { batch, pollError, cancelling, cancelError, cancelOutcome, cancel };
}
