import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunBatchDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { BatchProgress } from '../orders/bulk-run/BatchProgress.tsx';
import '../orders/bulk-run/bulk-run.css';

/**
 * "Re-run all runs that failed with this error": the flow's runs that failed the same way, run
 * again on its current version as one batch, with its progress and Cancel.
 */
export function RerunFailed({ flowId, error, onClose }: { flowId: string; error: string; onClose: () => void }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const headingId = useId();
  const [from, setFrom] = useState<'start' | 'failed_step'>('start');
  const [dry, setDry] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [batch, setBatch] = useState<RunBatchDto | null>(null);

  async function start() {
    setBusy(true);
    setFailure(null);
    try {
      setBatch(await client.call('runs.rerunFailed', { flowId, error, from, dryRun: dry }));
    } catch (e) {
      setFailure(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="bulk-run bench-rerun-failed" aria-labelledby={headingId}>
      <div className="bulk-run-head">
        <h2 id={headingId}>{t('rerunFailed.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="bench-error-quote">{error}</p>
      {batch ? (
        <BatchProgress key={batch.id} started={batch} onAnother={() => setBatch(null)} />
      ) : (
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
      )}
    </section>
  );
}
