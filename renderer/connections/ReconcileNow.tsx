import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto, ReconcileProgress } from '../../engine/contract/index.ts';
import { formatTime } from '../app/format.ts';
import { useReconcile } from './useReconcile.ts';

/** "Đối soát ngay": fetches the orders changed on the platform now, with its progress and the last result. */
export function ReconcileNow({ connection }: { connection: ConnectionDto }) {
  const { t } = useTranslation('write-back');
  const headingId = useId();
  const { progress, starting, error, start } = useReconcile(connection.id);
  const running = progress?.state === 'running';
  return (
    <section className="conn-reconcile" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('reconcile.title')}</h3>
      <div className="conn-reconcile-row">
        <button type="button" className="button-primary" disabled={running || starting} onClick={start}>
          {starting ? t('reconcile.starting') : running ? t('reconcile.running') : t('reconcile.now')}
        </button>
        {running ? <progress aria-label={t('reconcile.progressLabel', { name: connection.name })} /> : null}
      </div>
      <p className="conn-reconcile-line" role="status">
        {progressLine(t, progress)}
      </p>
      {error ? (
        <p className="conn-error" role="alert">
          {t('reconcile.startFailed', { message: error })}
        </p>
      ) : null}
    </section>
  );
}

function progressLine(t: ReturnType<typeof useTranslation<'write-back'>>['t'], p: ReconcileProgress | null): string {
  if (!p || p.state === 'idle') return t('reconcile.never');
  const counts = t('reconcile.counts', { fetched: p.fetched, upToDate: p.upToDate, queued: p.queued, pages: p.pages });
  const trigger = t(`reconcile.trigger.${p.trigger ?? 'none'}`);
  const time = formatTime(p.finishedAt ?? p.startedAt ?? new Date().toISOString());
  if (p.state === 'running') return counts;
  if (p.state === 'failed') return t('reconcile.failed', { time, trigger, error: p.error ?? '?' });
  return t('reconcile.done', { time, trigger, counts });
}
