import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RunDetailDto, RunStatus } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';
import { intentArgRows, intentWords } from '../flow-editor/runs/intent-view.ts';
import { FlowPicker } from './FlowPicker.tsx';
import { useRunnableFlows, useStartsOnOrders } from './useRunnableFlows.ts';
import './run-flow-on-order.css';

type Outcome =
  | { kind: 'dry'; run: RunDetailDto }
  | { kind: 'run'; runId: string; status: RunStatus; error: string | null }
  | { kind: 'error'; message: string };

/** Args that name what the run is on: the order page already says which. */
const hiddenArgs = new Set(['orderId', 'customerId']);

/** "Add order tag: checked-1001", for each action a dry run recorded as "would do". */
function wouldDo(run: RunDetailDto, t: TFunction): string[] {
  return run.steps.flatMap((s) =>
    s.intents
      .filter((i) => i.outcome === 'would_do')
      .map((i) => {
        const args = intentArgRows(i.args).filter((r) => !hiddenArgs.has(r.key) && r.shape !== 'json' && r.text !== '');
        const detail = args.map((r) => r.text).join(' · ');
        const words = intentWords(t, i.kind);
        return detail ? `${words}: ${detail.length > 90 ? `${detail.slice(0, 89)}…` : detail}` : words;
      }),
  );
}

/**
 * The order page's "Run a flow on this order": choose a flow, try it as a dry run (what it
 * would do here, nothing changed) or run it for real, then follow the link to the run. A flow
 * runs from its `manual.run` event: any flow with an order trigger or "Run by hand" can.
 */
export function RunFlowOnOrder({ orderId }: { orderId: string }) {
  const { t } = useTranslation('manual-run');
  const { t: tr } = useTranslation('runs');
  const client = useApiClient();
  const query = useRunnableFlows();
  const [flowId, setFlowId] = useState('');
  const startsOnOrders = useStartsOnOrders(query.data, flowId);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // A real run goes through the queue: its status follows the engine's `run.finished`.
  const runId = outcome?.kind === 'run' ? outcome.runId : null;
  useEffect(() => {
    if (!runId) return;
    const stop = client.subscribe('run.finished', (run) => {
      if (run.id === runId) setOutcome({ kind: 'run', runId, status: run.status, error: run.error });
    });
    client.call('runs.get', { id: runId }).then(
      (run) => setOutcome((o) => (o?.kind === 'run' && o.runId === runId && o.status === 'queued' ? { ...o, status: run.status, error: run.error } : o)),
      () => undefined,
    );
    return stop;
  }, [client, runId]);

  async function start(dry: boolean) {
    setBusy(true);
    setOutcome(null);
    try {
      if (dry) {
        setOutcome({ kind: 'dry', run: await client.call('runs.dryRun', { flowId, orderId, event: 'manual.run' }) });
      } else {
        const batch = await client.call('runs.manual', { flowId, orderIds: [orderId] });
        setOutcome({ kind: 'run', runId: batch.runIds[0] ?? '', status: 'queued', error: null });
      }
    } catch (error) {
      setOutcome({ kind: 'error', message: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  }

  function choose(id: string) {
    setFlowId(id);
    setOutcome(null);
  }

  const flows = query.data?.flows ?? [];
  const ready = flowId !== '' && startsOnOrders !== false && !busy;
  return (
    <section className="order-card run-on-order" aria-labelledby="run-on-order-heading">
      <h2 id="run-on-order-heading">{t('title')}</h2>
      {query.error ? <p className="notice notice-error">{t('loadFailed', { message: query.error.message })}</p> : null}
      {query.loading && !query.data ? <p className="muted">{t('loading')}</p> : null}
      {query.data && flows.length === 0 ? <p className="muted">{t('noFlows')}</p> : null}
      {flows.length > 0 ? (
        <>
          <FlowPicker flows={flows} value={flowId} onChange={choose} />
          {startsOnOrders === false ? <p className="notice">{t('notOnOrders')}</p> : <p className="muted run-on-order-hint">{t('hint')}</p>}
          <div className="run-on-order-actions">
            <button type="button" disabled={!ready} onClick={() => void start(true)}>
              {t('dryRun')}
            </button>
            <button type="button" className="button-primary" disabled={!ready} onClick={() => void start(false)}>
              {t('run')}
            </button>
            {busy ? <span className="muted" role="status">{t('working')}</span> : null}
          </div>
        </>
      ) : null}
      <Result outcome={outcome} t={t} tr={tr} />
    </section>
  );
}

function Result({ outcome, t, tr }: { outcome: Outcome | null; t: TFunction; tr: TFunction }) {
  if (!outcome) return null;
  if (outcome.kind === 'error') return <p className="notice notice-error" role="alert">{t('failed', { message: outcome.message })}</p>;
  if (outcome.kind === 'dry') {
    const { run } = outcome;
    const actions = wouldDo(run, tr);
    return (
      <div className="run-on-order-result" role="status" aria-label={t('dryResult', { status: tr(`status.${run.status}`) })}>
        <p className="run-on-order-status">
          <strong>{t('dryRun')}</strong> <RunStatusBadge status={run.status} dueAt={run.dueAt} />
        </p>
        {run.error ? <p className="run-on-order-why">{t('why', { why: run.error })}</p> : null}
        {actions.length > 0 ? (
          <>
            <p className="run-on-order-label">{t('wouldDo')}</p>
            <ul className="run-on-order-would">
              {actions.map((a, n) => (
                <li key={n}>{a}</li>
              ))}
            </ul>
          </>
        ) : run.status === 'succeeded' ? (
          <p className="muted">{t('wouldDoNothing')}</p>
        ) : null}
        <a href={pageHref('runs', run.id)}>{t('openDry')}</a>
      </div>
    );
  }
  return (
    <div className="run-on-order-result" role="status" aria-label={t('runResult', { status: tr(`status.${outcome.status}`) })}>
      <p className="run-on-order-status">
        <strong>{t('runLabel')}</strong> <RunStatusBadge status={outcome.status} />
      </p>
      {outcome.error ? <p className="run-on-order-why">{t('why', { why: outcome.error })}</p> : null}
      {outcome.runId ? <a href={pageHref('runs', outcome.runId)}>{t('openRun')}</a> : null}
    </div>
  );
}
