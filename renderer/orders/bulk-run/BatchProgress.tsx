import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunBatchDto } from '../../../engine/contract/index.ts';
import { pageHref } from '../../app/routes.ts';
import { BatchRuns } from './BatchRuns.tsx';
import { batchView, type BatchView } from './batch-view.ts';
import { useBatch } from './useBatch.ts';

/** The flow's page, on its Runs tab. */
export const flowRunsHref = (flowId: string) => `${pageHref('flows', flowId)}?view=runs`;

/**
 * How far a batch of manual runs has got: a bar, the counts in words, Cancel while some have
 * not started (and what it did), and once it is over the runs, order by order.
 */
export function BatchProgress({ started, onAnother, after }: { started: RunBatchDto; onAnother: () => void; after?: (batch: RunBatchDto) => ReactNode }) {
  const { t } = useTranslation('manual-run');
  const headingId = useId();
  const { batch, pollError, cancelling, cancelError, cancelOutcome, cancel } = useBatch(started);
  const view = batchView(batch);
  const flow = batch.flowName;
  const line = t('bulk.progress', { count: view.total, settled: view.settled });
  const state = view.over ? 'finished' : view.toGo > 0 ? 'running' : 'waiting';

  return (
    <div className="bulk-progress" role="group" aria-labelledby={headingId}>
      <div className="bulk-progress-head">
        <h3 id={headingId}>{t(batch.dryRun ? 'bulk.dryTitle' : 'bulk.runningTitle', { flow, count: view.total })}</h3>
        <span className={`badge badge-${state === 'finished' ? 'good' : 'neutral'}`}>{t(`bulk.state.${state}`)}</span>
      </div>
      <Bar view={view} label={line} labelledBy={headingId} />
      <p className="bulk-progress-line" role="status">
        {line}
      </p>
      <dl className="bulk-counts" aria-label={t('bulk.counts')}>
        {(['done', 'failed', 'skipped', 'cancelled'] as const).map((key) => (
          <Count key={key} name={key} label={t(`bulk.${key}`)} value={batch[key]} />
        ))}
        {view.waiting > 0 ? <Count name="waiting" label={t('bulk.waiting')} value={view.waiting} /> : null}
        {view.toGo > 0 ? <Count name="to-go" label={t('bulk.toGo')} value={view.toGo} /> : null}
      </dl>
      {batch.dryRun ? <p className="bulk-note">{t('bulk.dryNote')}</p> : null}
      {cancelOutcome ? (
        <p className="bulk-note" role="status">
          {cancelOutcome.cancelled > 0 ? t('bulk.cancelledRuns', { count: cancelOutcome.cancelled }) : t('bulk.cancelledNone')}
          {view.toGo > 0 ? ` ${t('bulk.underWay', { count: view.toGo })}` : null}
        </p>
      ) : null}
      {view.waiting > 0 ? <p className="bulk-note">{t('bulk.waitingNote', { count: view.waiting })}</p> : null}
      {pollError ? <p className="bulk-run-error">{t('bulk.pollFailed', { message: pollError })}</p> : null}
      {cancelError ? <p className="bulk-run-error" role="alert">{t('bulk.cancelFailed', { message: cancelError })}</p> : null}
      <div className="bulk-actions">
        {view.cancellable ? (
          <>
            <button type="button" className="button-danger-quiet" disabled={cancelling} onClick={cancel}>
              {cancelling ? t('bulk.cancelling') : t('bulk.cancel')}
            </button>
            <span className="muted">{t('bulk.cancelHint')}</span>
          </>
        ) : null}
        {batch.finished ? (
          <>
            <a href={flowRunsHref(batch.flowId)}>{t('bulk.openRuns')}</a>
            <button type="button" onClick={onAnother}>
              {t('bulk.another')}
            </button>
          </>
        ) : null}
      </div>
      {/* What a finished batch adds below its runs (a bulk replay's summary). */}
      {batch.finished && after ? after(batch) : null}
      {batch.finished ? <BatchRuns batch={batch} /> : null}
    </div>
  );
}

function Bar({ view, label, labelledBy }: { view: BatchView; label: string; labelledBy: string }) {
  const { t } = useTranslation('manual-run');
  return (
    <div
      className="bulk-bar"
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={view.total}
      aria-valuenow={view.settled}
      aria-valuetext={label}
    >
      {view.segments.map((s) => (
        <span key={s.key} className={`bulk-bar-part bulk-${s.key}`} style={{ width: `${s.percent}%` }} title={`${t(`bulk.${s.key}`)}: ${s.count}`} />
      ))}
    </div>
  );
}

function Count({ name, label, value }: { name: string; label: string; value: number }) {
  return (
    <div className={`bulk-count bulk-${name}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
