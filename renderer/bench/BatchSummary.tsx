import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunBatchDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { useSpecWords } from '../canvas/useSpecWords.ts';
import { nodeNamer } from './node-names.ts';

/**
 * What a finished bulk replay did, or would do: how many runs took each path, how often each
 * action fired (or would), why runs were skipped, and what failed.
 */
export function BatchSummary({ batch }: { batch: RunBatchDto }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const words = useSpecWords();
  const { id, flowId, flowVersion } = batch;
  const load = useCallback(async () => {
    const [summary, flow, specs] = await Promise.all([
      client.call('runs.batchSummary', { id }),
      client.call('flows.get', { id: flowId, version: flowVersion }).catch(() => null),
      client.call('nodes.list', {}),
    ]);
    return { summary, document: flow?.document ?? null, specs };
  }, [client, id, flowId, flowVersion]);
  const query = useApiQuery(load);
  const data = query.data;
  const name = useMemo(() => nodeNamer([data?.document], data?.specs ?? [], words.label), [data, words]);

  if (!data) {
    return query.error ? <p className="bench-error">{t('summary.failed', { message: query.error.message })}</p> : <p className="muted">{t('summary.loading')}</p>;
  }
  const { summary } = data;
  const dry = batch.dryRun;
  return (
    <section className="bench-summary" aria-label={t('summary.label')}>
      <h3>{t('summary.label')}</h3>
      <div className="bench-summary-grid">
        <div>
          <h4>{t('summary.paths')}</h4>
          {summary.paths.length === 0 ? (
            <p className="muted">{t('summary.noPaths')}</p>
          ) : (
            <ul className="bench-summary-list" aria-label={t('summary.paths')}>
              {summary.paths.map((p) => (
                <li key={p.path.join('>')}>
                  <strong className="bench-count">{t('summary.runs', { count: p.runs })}</strong>
                  <span className="bench-path-line">{p.path.map((n) => name(n)).join(' → ')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>{dry ? t('summary.wouldFire') : t('summary.fired')}</h4>
          {summary.actions.length === 0 ? (
            <p className="muted">{dry ? t('summary.noWouldFire') : t('summary.noFired')}</p>
          ) : (
            <ul className="bench-summary-list" aria-label={dry ? t('summary.wouldFire') : t('summary.fired')}>
              {summary.actions.map((a) => (
                <li key={`${a.nodeId}.${a.kind}`}>
                  <strong className="bench-count">{t('summary.times', { count: a.runs })}</strong>
                  <span>
                    {name(a.nodeId, { label: a.label })} <code className="muted">{a.kind}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {summary.skipped.length > 0 ? (
          <div>
            <h4>{t('summary.skipped')}</h4>
            <ul className="bench-summary-list" aria-label={t('summary.skipped')}>
              {summary.skipped.map((s) => (
                <li key={s.reason}>
                  <strong className="bench-count">{t('summary.runs', { count: s.runs })}</strong>
                  <span>{s.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {summary.failed.length > 0 ? (
          <div>
            <h4>{t('summary.failures')}</h4>
            <ul className="bench-summary-list" aria-label={t('summary.failures')}>
              {summary.failed.map((f) => (
                <li key={f.error}>
                  <strong className="bench-count">{t('summary.runs', { count: f.runs })}</strong>
                  <span className="bench-error-text">{f.error}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
