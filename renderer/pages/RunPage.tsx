import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { canRerun, RerunControls } from '../bench/RerunControls.tsx';
import '../bench/bench.css';
import { PageHeader, pageTitleId } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { formatDuration } from '../flow-editor/runs/run-format.ts';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';
import { RunView } from '../flow-editor/runs/RunView.tsx';
import { withDeferredStep } from '../flow-editor/runs/wait-reason-words.ts';
import { createFlowEditorStore } from '../flow-editor/store/create-flow-editor-store.ts';
import { ToolbarIcon } from '../flow-editor/ToolbarIcons.tsx';

/** `#/runs/<id>`: one run on the flow version it ran, each step coloured by its outcome. */
export function RunPage({ id }: { id: string }) {
  const { t } = useTranslation('runs');
  const client = useApiClient();
  const load = useCallback(async () => {
    const [run, specs] = await Promise.all([client.call('runs.get', { id }), client.call('nodes.list', {})]);
    return { run, store: createFlowEditorStore({ specs, run: { document: run.document, steps: withDeferredStep(run) } }) };
  }, [client, id]);
  const query = useApiQuery(load);

  if (!query.data) {
    return (
      <>
        <PageHeader title={t('page.title')} />
        {query.error ? (
          <div className="notice notice-error" role="alert">
            <p>{query.error.code === 'not_found' ? t('page.notFound') : t('page.loadFailed', { message: query.error.message })}</p>
          </div>
        ) : (
          <p className="notice">{t('page.loading')}</p>
        )}
      </>
    );
  }
  const { run, store } = query.data;
  return (
    <div className="flow-editor run-page">
      <header className="editor-header">
        <div className="editor-title">
          <a className="back-link" href={pageHref('flows', run.flowId)} aria-label={t('page.back', { flow: run.flowName })} title={t('page.back', { flow: run.flowName })}>
            <ToolbarIcon name="back" />
          </a>
          <h1 id={pageTitleId} tabIndex={-1} className="run-title">
            {t('page.heading', { flow: run.flowName })}
          </h1>
          <RunStatusBadge status={run.status} dueAt={run.dueAt} />
          {run.dryRun ? <span className="fe-chip">{t('list.dryRun')}</span> : null}
        </div>
        <dl className="run-facts">
          <div>
            <dt>{t('list.trigger')}</dt>
            <dd><code>{run.eventType}</code></dd>
          </div>
          <div>
            <dt>{t('list.order')}</dt>
            <dd>{run.orderId ? <a href={pageHref('orders', run.orderId)}>{run.orderNumber ?? run.orderId}</a> : '—'}</dd>
          </div>
          <div>
            <dt>{t('list.version')}</dt>
            <dd>v{run.flowVersion}</dd>
          </div>
          <div>
            <dt>{t('list.started')}</dt>
            <dd><Timestamp iso={run.startedAt ?? run.createdAt} /></dd>
          </div>
          <div>
            <dt>{t('list.duration')}</dt>
            <dd>{formatDuration(run.durationMs)}</dd>
          </div>
        </dl>
        {canRerun(run.status) ? <RerunControls runId={run.id} status={run.status} /> : null}
      </header>
      <RunView store={store} run={run} />
    </div>
  );
}
