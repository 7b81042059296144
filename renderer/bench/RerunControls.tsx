import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunStatus, RunSummaryDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';
import './bench.css';

/** Only a run that did not go through can be run again. */
export const canRerun = (status: RunStatus) => status === 'failed' || status === 'skipped';

/**
 * "Run again" on a failed or skipped run, on its flow's current version: from the start, or (a
 * failed run) from the step that failed; dry (nothing sent) unless the person turns it off.
 */
export function RerunControls({ runId, status }: { runId: string; status: RunStatus }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const warnId = useId();
  const [dry, setDry] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<RunSummaryDto | null>(null);

  async function rerun(from: 'start' | 'failed_step') {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      setMade(await client.call('runs.rerun', { runId, from, dryRun: dry }));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="bench-rerun" role="group" aria-label={t('rerun.label')}>
      <div className="bench-buttons">
        <button type="button" disabled={busy} onClick={() => void rerun('start')}>
          {t('rerun.fromStart')}
        </button>
        {status === 'failed' ? (
          <button type="button" disabled={busy} onClick={() => void rerun('failed_step')}>
            {t('rerun.fromFailed')}
          </button>
        ) : null}
        <label className="bench-check">
          <input type="checkbox" checked={dry} onChange={(e) => setDry(e.target.checked)} aria-describedby={dry ? undefined : warnId} />
          {t('rerun.dry')}
        </label>
      </div>
      {!dry ? (
        <p id={warnId} className="bench-warning">
          {t('rerun.liveWarning')}
        </p>
      ) : null}
      {made ? (
        <p className="bench-made" role="status">
          {made.dryRun ? t('rerun.madeDry') : t('rerun.made')} <a href={pageHref('runs', made.id)}>{t('rerun.open')}</a> <RunStatusBadge status={made.status} dueAt={made.dueAt} />
        </p>
      ) : null}
      {error ? (
        <p className="bench-error" role="alert">
          {t('rerun.failed', { message: error })}
        </p>
      ) : null}
    </div>
  );
}
