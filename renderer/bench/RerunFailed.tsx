import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { BatchPanel, useBatchStart } from '../orders/bulk-run/BatchPanel.tsx';

/**
 * "Re-run all runs that failed with this error": the flow's runs that failed the same way, run
 * again on its current version as one batch, with its progress and Cancel.
 */
export function RerunFailed({ flowId, error, onClose }: { flowId: string; error: string; onClose: () => void }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const [from, setFrom] = useState<'start' | 'failed_step'>('start');
  const [dry, setDry] = useState(true);
  const { busy, error: failure, batch, again, start: startBatch } = useBatchStart();

  async function start() {
    await startBatch(() => client.call('runs.rerunFailed', { flowId, error, from, dryRun: dry }));
  }

  return (
    <BatchPanel
      className="bench-rerun-failed"
      title={t('rerunFailed.title')}
      closeLabel={t('close')}
      onClose={onClose}
      batch={batch}
      onAnother={again}
      lead={<p className="bench-error-quote">{error}</p>}
    >
      <>
      <div className="bench-buttons">
        <label className="bench-check">
          <input type="radio" checked={from === 'start'} onChange={() => setFrom('start')} />
          {t('rerunFailed.fromStart')}
        </label>
        <label className="bench-check">
          <input type="radio" checked={from === 'failed_step'} onChange={() => setFrom('failed_step')} />
          {t('rerunFailed.fromFailed')}
        </label>
        <label className="bench-check">
          <input type="checkbox" checked={dry} onChange={(e) => setDry(e.target.checked)} />
          {t('rerun.dry')}
        </label>
        <button type="button" className={dry ? 'button-primary' : 'button-danger'} disabled={busy} onClick={() => void start()}>
          {dry ? t('rerunFailed.goDry') : t('rerunFailed.goLive')}
        </button>
      </div>
      {!dry ? <p className="bench-warning">{t('rerun.liveWarning')}</p> : null}
      {failure ? (
        <p className="bench-error" role="alert">
          {t('rerunFailed.failed', { message: failure })}
        </p>
      ) : null}
      </>
    </BatchPanel>
  );
}
