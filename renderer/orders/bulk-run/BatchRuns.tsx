import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunBatchDto } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { pageHref } from '../../app/routes.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { RunStatusBadge } from '../../flow-editor/runs/RunStatusBadge.tsx';

/** Open at once when the batch is short enough to read at a glance. */
const openUpTo = 10;

/** The batch's runs, one row per order in the batch's order: its result and a link to the run. */
export function BatchRuns({ batch }: { batch: RunBatchDto }) {
  const { t } = useTranslation('manual-run');
  const { t: tr } = useTranslation('runs');
  const client = useApiClient();
  const { flowId, runIds } = batch;
  const load = useCallback(async () => {
    // The flow's newest runs hold the batch's (a batch has at most 1000 runs).
    const runs = await client.call('runs.list', { flowId, limit: 1000 });
    const byId = new Map(runs.map((r) => [r.id, r]));
    return runIds.flatMap((runId) => byId.get(runId) ?? []);
  }, [client, flowId, runIds]);
  const runs = useApiQuery(load);
  const rows = runs.data ?? [];

  return (
    <details className="bulk-runs" open={batch.total <= openUpTo}>
      <summary>{t('bulk.batchRuns', { count: batch.total })}</summary>
      {runs.error ? <p className="bulk-run-error">{t('bulk.runsFailed', { message: runs.error.message })}</p> : null}
      {runs.loading && !runs.data ? <p className="muted">{t('bulk.runsLoading')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap bulk-runs-table">
          <table aria-label={t('bulk.batchRuns', { count: batch.total })}>
            <thead>
              <tr>
                <th scope="col">{t('bulk.order')}</th>
                <th scope="col">{t('bulk.result')}</th>
                <th scope="col">
                  <span className="visually-hidden">{tr('list.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((run) => (
                <tr key={run.id}>
                  <td className="mono nowrap">{run.orderId ? <a href={pageHref('orders', run.orderId)}>{run.orderNumber ?? run.orderId}</a> : '—'}</td>
                  <td>
                    <RunStatusBadge status={run.status} dueAt={run.dueAt} />
                  </td>
                  <td className="nowrap">
                    <a href={pageHref('runs', run.id)} aria-label={`${tr('list.open')}: ${run.orderNumber ?? run.id}`}>
                      {tr('list.open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
