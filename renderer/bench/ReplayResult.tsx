import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayResultDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';
import { verdictTone } from '../timeline/verdict-tones.ts';

/** What a replay did: the stored bytes' verdict now, how the payload went, and the runs it made. */
export function ReplayResult({ result }: { result: ReplayResultDto }) {
  const { t } = useTranslation('bench');
  const { t: ti } = useTranslation('inbox');
  const client = useApiClient();
  const { verification } = result;
  // A live replay's runs go through the queue: each is shown as it finishes.
  const [runs, setRuns] = useState(result.runs);
  useEffect(() => client.subscribe('run.finished', (done) => setRuns((rs) => rs.map((r) => (r.id === done.id ? done : r)))), [client]);
  return (
    <section className="bench-result" aria-label={t('result.label')} role="status">
      <h3>{result.dryRun ? t('result.dryTitle') : t('result.liveTitle')}</h3>
      <dl className="delivery-facts">
        <dt>{t('result.verification')}</dt>
        <dd>
          <Badge value={ti(`verdict.${verification.verdict}`)} tone={verdictTone[verification.verdict]} />
          {verification.reason ? <div className="sub">{verification.reason}</div> : null}
        </dd>
        <dt>{t('result.payload')}</dt>
        <dd>{t(`result.payloadWas.${result.payload}`)}</dd>
        <dt>{t('result.mode')}</dt>
        <dd>{t(`mode.${result.mode}`)}</dd>
      </dl>
      {runs.length === 0 ? (
        <p className="muted">{t('result.noRuns')}</p>
      ) : (
        <ul className="bench-run-list" aria-label={t('result.runs')}>
          {runs.map((run) => (
            <li key={run.id}>
              <a href={pageHref('runs', run.id)}>{t('result.openRun', { flow: run.flowName })}</a> <span className="muted">v{run.flowVersion}</span>{' '}
              <RunStatusBadge status={run.status} dueAt={run.dueAt} />
              {run.dryRun ? <span className="fe-chip fe-chip-small">{t('result.dry')}</span> : null}
              {run.error ? <div className="bench-error">{run.error}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
