import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/useApiClient.ts';
import { useLiveList } from '../../api/useLiveList.ts';
import { RerunFailed } from '../../bench/RerunFailed.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { RunsTable } from './RunsTable.tsx';

const limit = 100;

/** A flow's runs, newest first; a finished run appears as the engine reports it. */
export function FlowRuns({ flowId }: { flowId: string }) {
  const { t } = useTranslation('runs');
  const client = useApiClient();
  const load = useCallback(() => client.call('runs.list', { flowId, limit }), [client, flowId]);
  const acceptNew = useCallback((run: { flowId: string }) => run.flowId === flowId, [flowId]);
  const list = useLiveList({ load, event: 'run.finished', key: (run) => run.id, acceptNew, limit });
  const rows = list.rows ?? [];
  // The error a person chose to re-run every failed run of (issue 15).
  const [rerunError, setRerunError] = useState<string | null>(null);
  return (
    <section className="flow-runs" aria-label={t('list.label')}>
      {rerunError ? <RerunFailed key={rerunError} flowId={flowId} error={rerunError} onClose={() => setRerunError(null)} /> : null}
      <ListStatus what={t('list.what')} loading={list.loading} error={list.error} empty={rows.length === 0} emptyText={t('list.empty')} onRetry={list.reload} />
      {rows.length > 0 ? <RunsTable runs={rows} busy={list.loading} onRerunFailed={(run) => setRerunError(run.error)} /> : null}
    </section>
  );
}
