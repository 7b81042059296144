import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { JobState, type EngineStatusDto } from '../../engine/contract/index.ts';
import type { ApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

/** What `engine.status` says: which engine, where its data is, where it listens, how its queue stands. */
export function EngineStatusCard({ status }: { status: ApiQuery<EngineStatusDto> }) {
  const { t } = useTranslation('settings');
  const headingId = useId();
  const queueId = useId();
  const s = status.data;
  return (
    <section className="settings-card" aria-labelledby={headingId} aria-busy={status.loading}>
      <div className="settings-card-head">
        <h2 id={headingId}>{t('engine.title')}</h2>
        <button type="button" onClick={status.reload}>
          {t('engine.refresh')}
        </button>
      </div>
      {!s ? (
        <LoadNotice
          loading={status.loading}
          error={status.error}
          empty
          texts={{ loading: t('engine.loading'), empty: '', failed: (message) => t('engine.failed', { message }), retry: t('engine.retry') }}
          onRetry={status.reload}
        />
      ) : (
        <>
          <dl className="settings-facts">
            <dt>{t('engine.version')}</dt>
            <dd className="mono">{s.version}</dd>
            <dt>{t('engine.dataDir')}</dt>
            <dd className="mono">{s.dataDir}</dd>
            <dt>{t('engine.apiUrl')}</dt>
            <dd className="mono">{s.apiUrl}</dd>
            <dt>{t('engine.webhookBaseUrl')}</dt>
            <dd className="mono">{s.webhookBaseUrl}</dd>
            <dt>{t('engine.startedAt')}</dt>
            <dd>
              <Timestamp iso={s.startedAt} />
            </dd>
          </dl>
          <h3 id={queueId}>{t('engine.queue')}</h3>
          <ul className="settings-queue" aria-labelledby={queueId}>
            {JobState.options.map((state) => (
              <li key={state} className={`settings-queue-${state}${state === 'dead' && (s.queue[state] ?? 0) > 0 ? ' settings-queue-alert' : ''}`}>
                <span className="settings-queue-count">{s.queue[state] ?? 0}</span>
                <span className="settings-queue-label">{t(`engine.state.${state}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
