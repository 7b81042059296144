import { useId, useState, type ReactNode } from 'react';
import type { RunBatchDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { BatchProgress } from './BatchProgress.tsx';
import './bulk-run.css';

/** A batch being asked for: busy while the engine starts it, the error it answered, the batch once started. */
export function useBatchStart() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [batch, setBatch] = useState<RunBatchDto | null>(null);
  /** Starts a batch with `call`; a refusal is kept as `error`, worded by `words`. */
  async function start(call: () => Promise<RunBatchDto>, words: (message: string) => string = (m) => m): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setBatch(await call());
    } catch (e) {
      setError(words(toApiError(e).message));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, batch, again: () => setBatch(null), start };
}

interface BatchPanelProps {
  className?: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** The batch started: its progress (and `after` it, a summary) replaces the form. */
  batch: RunBatchDto | null;
  onAnother: () => void;
  after?: (batch: RunBatchDto) => ReactNode;
  /** Shown above the form and the progress alike. */
  lead?: ReactNode;
  /** Shown after either (a confirmation dialog). */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every batch of runs shares (runs by hand on orders, bulk replays, re-runs of failed
 * runs): a titled panel that can be closed, showing its form until a batch starts, then the
 * batch's progress with Cancel.
 */
export function BatchPanel({ className, title, closeLabel, onClose, batch, onAnother, after, lead, footer, children }: BatchPanelProps) {
  const headingId = useId();
  return (
    <section className={className ? `bulk-run ${className}` : 'bulk-run'} aria-labelledby={headingId}>
      <div className="bulk-run-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {lead}
      {batch ? <BatchProgress key={batch.id} started={batch} onAnother={onAnother} {...(after ? { after } : {})} /> : children}
      {footer}
    </section>
  );
}
