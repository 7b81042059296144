import { useTranslation } from 'react-i18next';
import type { RunSummaryDto } from '../../engine/contract/index.ts';
import { pageHref } from '../app/routes.ts';
import type { ApiQuery } from '../app/useApiQuery.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';

/** The runs a delivery made, each a link, with "Compare" for its flow. */
export function DeliveryRuns({ runs, onCompare }: { runs: ApiQuery<RunSummaryDto[]>; onCompare: (flowId: string) => void }) {
  const { t } = useTranslation('bench');
  const { t: tr } = useTranslation('runs');
  const rows = runs.data ?? [];
  return (
    <div className="bench-runs">
      <h3>{t('runs.title')}</h3>
      {runs.error ? <p className="bench-error">{t('runs.failed', { message: runs.error.message })}</p> : null}
      {runs.data && rows.length === 0 ? <p className="muted">{t('runs.none')}</p> : null}
      {rows.length > 0 ? (
        <ul className="bench-run-list" aria-label={t('runs.title')}>
          {rows.map((run) => (
            <li key={run.id}>
              <a href={pageHref('runs', run.id)}>{run.flowName}</a> <span className="muted">v{run.flowVersion}</span> <RunStatusBadge status={run.status} dueAt={run.dueAt} />
              {run.dryRun ? <span className="fe-chip fe-chip-small">{tr('list.dryRun')}</span> : null}
              <span className="muted bench-run-time">
                <Timestamp iso={run.startedAt ?? run.createdAt} />
              </span>
              <button type="button" className="link-button" onClick={() => onCompare(run.flowId)} aria-label={t('runs.compareFlow', { flow: run.flowName })}>
                {t('runs.compare')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
