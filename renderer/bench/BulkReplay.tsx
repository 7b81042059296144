import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryFilter, ReplayMode } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { FlowPicker } from '../orders/FlowPicker.tsx';
import { BatchPanel, useBatchStart } from '../orders/bulk-run/BatchPanel.tsx';
import { BatchSummary } from './BatchSummary.tsx';
import { BenchDialog } from './BenchDialog.tsx';
import { downloadCapture } from './download.ts';
import { isFiltered } from './inbox-filter.ts';
import './bench.css';

/** The most deliveries one bulk replay takes (the engine's cap is 10,000). */
export const bulkLimit = 1000;

/**
 * "Replay these…": every delivery the Inbox's filters find, through one flow, dry (a backfill
 * preview: what it would do) or live (confirmed first), as a batch with a progress bar, Cancel,
 * and once finished a summary of the paths taken and the actions fired.
 */
export function BulkReplay({ filter, shown, onClose }: { filter: DeliveryFilter; shown: number; onClose: () => void }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const modeId = useId();
  const loadFlows = useCallback(() => client.call('flows.list', {}), [client]);
  const flows = useApiQuery(loadFlows);
  const [flowId, setFlowId] = useState('');
  const [mode, setMode] = useState<ReplayMode>('current');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, batch, again, start: startBatch } = useBatchStart();
  const flow = flows.data?.find((f) => f.id === flowId);

  async function start(dryRun: boolean) {
    setConfirming(false);
    await startBatch(() => client.call('deliveries.replayBulk', { filter, flowId, mode, dryRun, limit: bulkLimit }), (message) => t('bulk.failed', { message }));
  }

  async function exportThese() {
    setError(null);
    try {
      downloadCapture(await client.call('inbox.export', { filter }), 'deliveries');
    } catch (e) {
      setError(t('bulk.exportFailed', { message: toApiError(e).message }));
    }
  }

  return (
    <BatchPanel
      className="bench-bulk"
      title={t('bulk.title')}
      closeLabel={t('close')}
      onClose={onClose}
      batch={batch}
      onAnother={again}
      after={(b) => <BatchSummary batch={b} />}
      footer={confirming && flow ? (
        <BenchDialog title={t('bulk.confirmTitle', { flow: flow.name })} closeLabel={t('bulk.confirmBack')} onClose={() => setConfirming(false)}>
          <p className="bench-warning">{t('bulk.confirmBody', { flow: flow.name, limit: bulkLimit })}</p>
          <div className="bench-buttons bench-dialog-foot">
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('bulk.confirmBack')}
            </button>
            <button type="button" className="button-danger" onClick={() => void start(false)}>
              {t('bulk.confirmGo')}
            </button>
          </div>
        </BenchDialog>
      ) : null}
    >
      <>
      <p className="bulk-run-scope" role="status">
        {isFiltered(filter) ? t('bulk.scopeFiltered', { count: shown, limit: bulkLimit }) : t('bulk.scopeAll', { count: shown, limit: bulkLimit })}
      </p>
      {flows.error ? <p className="bench-error">{t('bulk.flowsFailed', { message: flows.error.message })}</p> : null}
      <div className="bulk-run-form">
        <FlowPicker flows={flows.data ?? []} value={flowId} onChange={setFlowId} className="bulk-run-field" />
        <div className="bulk-run-field">
          <label htmlFor={modeId}>{t('replay.mode')}</label>
          <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as ReplayMode)}>
            {(['current', 'as_ran', 'from_failed'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="bulk-actions">
          <button type="button" className="button-primary" disabled={!flow || busy || shown === 0} onClick={() => void start(true)}>
            {flow ? t('bulk.dryOn', { flow: flow.name }) : t('bulk.dry')}
          </button>
          <button type="button" className="button-danger-quiet" disabled={!flow || busy || shown === 0} onClick={() => setConfirming(true)}>
            {t('bulk.live')}
          </button>
          <button type="button" disabled={shown === 0} onClick={() => void exportThese()}>
            {t('bulk.export')}
          </button>
          {busy ? <span className="muted" role="status">{t('bulk.starting')}</span> : null}
        </div>
      </div>
      <p className="bulk-note muted">{t('bulk.hint')}</p>
      {error ? (
        <p className="bench-error" role="alert">
          {error}
        </p>
      ) : null}
      </>
    </BatchPanel>
  );
}
