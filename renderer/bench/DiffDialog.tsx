import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunDiffDto, RunSummaryDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { BenchDialog } from './BenchDialog.tsx';
import { RunDiff } from './RunDiff.tsx';

interface DiffDialogProps {
  inboxId: number;
  /** The flow to compare first ('' to let the person pick). */
  initialFlowId: string;
  /** The runs the delivery had: their flows come first in the picker. */
  ranFlows: readonly RunSummaryDto[];
  onClose: () => void;
}

/** "Compare with the current version": a flow, its current version run dry on the delivery, beside the run it had. */
export function DiffDialog({ inboxId, initialFlowId, ranFlows, onClose }: DiffDialogProps) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const pickerId = useId();
  const loadFlows = useCallback(() => client.call('flows.list', {}), [client]);
  const flows = useApiQuery(loadFlows);
  const [flowId, setFlowId] = useState(initialFlowId);
  const [state, setState] = useState<{ busy: boolean; diff: RunDiffDto | null; error: string | null }>({ busy: false, diff: null, error: null });

  const compare = useCallback(
    (id: string) => {
      if (!id) return;
      setState({ busy: true, diff: null, error: null });
      client.call('deliveries.diff', { inboxId, flowId: id }).then(
        (diff) => setState({ busy: false, diff, error: null }),
        (e: unknown) => setState({ busy: false, diff: null, error: toApiError(e).message }),
      );
    },
    [client, inboxId],
  );
  // A flow named by the delivery's run is compared at once: that is what the person asked for.
  useEffect(() => compare(initialFlowId), [compare, initialFlowId]);

  const ran = new Set(ranFlows.map((r) => r.flowId));
  const all = flows.data ?? [];
  const ordered = [...all.filter((f) => ran.has(f.id)), ...all.filter((f) => !ran.has(f.id))];

  return (
    <BenchDialog title={t('diff.title', { id: inboxId })} closeLabel={t('close')} onClose={onClose} wide>
      <div className="bench-diff-pick">
        <div className="field">
          <label htmlFor={pickerId}>{t('diff.flow')}</label>
          <select id={pickerId} value={flowId} onChange={(e) => setFlowId(e.target.value)}>
            <option value="">{t('diff.chooseFlow')}</option>
            {ordered.map((f) => (
              <option key={f.id} value={f.id}>
                {ran.has(f.id) ? t('diff.ranOnIt', { flow: f.name }) : f.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-primary" disabled={!flowId || state.busy} onClick={() => compare(flowId)}>
          {state.busy ? t('diff.working') : t('diff.compare')}
        </button>
      </div>
      <p className="muted bench-note">{t('diff.note')}</p>
      {flows.error ? <p className="bench-error">{t('diff.flowsFailed', { message: flows.error.message })}</p> : null}
      {state.error ? (
        <p className="bench-error" role="alert">
          {t('diff.failed', { message: state.error })}
        </p>
      ) : null}
      {state.diff ? <RunDiff diff={state.diff} /> : !state.busy && !state.error ? <p className="notice">{t('diff.pick')}</p> : null}
    </BenchDialog>
  );
}
