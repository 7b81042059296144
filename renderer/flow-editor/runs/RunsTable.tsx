import { useTranslation } from 'react-i18next';
import type { RunSummaryDto } from '../../../engine/contract/index.ts';
import { pageHref } from '../../app/routes.ts';
import { Timestamp } from '../../components/Timestamp.tsx';
import { formatDuration } from './run-format.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { waitReasonWords } from './wait-reason-words.ts';

/**
 * Runs in a table: status, when, trigger event, order, version, duration, and a way in. With
 * `onRerunFailed`, a failed run offers to run again every run that failed the same way.
 */
export function RunsTable({ runs, busy, onRerunFailed }: { runs: readonly RunSummaryDto[]; busy: boolean; onRerunFailed?: (run: RunSummaryDto) => void }) {
  const { t } = useTranslation('runs');
  const { t: tb } = useTranslation('bench');
  return (
    <div className="table-wrap">
      <table aria-label={t('list.label')} aria-busy={busy} className="fe-table">
        <thead>
          <tr>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.started')}</th>
            <th scope="col">{t('list.trigger')}</th>
            <th scope="col">{t('list.order')}</th>
            <th scope="col">{t('list.version')}</th>
            <th scope="col" className="num">{t('list.duration')}</th>
            <th scope="col"><span className="fe-sr-only">{t('list.open')}</span></th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <RunStatusBadge status={run.status} dueAt={run.dueAt} />
                {run.dryRun ? <span className="fe-chip fe-chip-small">{t('list.dryRun')}</span> : null}
                {/* A step a provider deferred: why the run waits, under its due time. */}
                {run.status === 'waiting' && run.waitReason ? <div className="muted run-wait-reason">{waitReasonWords(t, run.waitReason)}</div> : null}
                {onRerunFailed && run.status === 'failed' && run.error ? (
                  <div>
                    <button type="button" className="fe-link run-rerun-failed" title={run.error} onClick={() => onRerunFailed(run)}>
                      {tb('rerunFailed.action')}
                    </button>
                  </div>
                ) : null}
              </td>
              <td className="nowrap">
                <Timestamp iso={run.startedAt ?? run.createdAt} />
              </td>
              <td>
                <code>{run.eventType}</code>
              </td>
              <td>
                {run.orderId ? <a href={pageHref('orders', run.orderId)}>{run.orderNumber ?? run.orderId}</a> : <span className="muted">—</span>}
              </td>
              <td>v{run.flowVersion}</td>
              <td className="num nowrap">{formatDuration(run.durationMs)}</td>
              <td className="nowrap">
                <a href={pageHref('runs', run.id)}>{t('list.open')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
