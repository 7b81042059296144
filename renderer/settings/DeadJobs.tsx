import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import type { ApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

interface DeadJobsProps {
  jobs: ApiQuery<JobDto[]>;
  /** After a retry: the queue counts changed too. */
  onRetried: () => void;
}

/** Jobs that failed every attempt, each with a button that puts it back in the queue. */
export function DeadJobs({ jobs, onRetried }: DeadJobsProps) {
  const { t } = useTranslation('settings');
  const client = useApiClient();
  const headingId = useId();
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const rows = jobs.data ?? [];

  async function retry(id: number): Promise<void> {
    setBusy(id);
    setMessage(null);
    try {
      await client.call('jobs.retry', { id });
      setMessage({ tone: 'good', text: t('dead.retried', { id }) });
      jobs.reload();
      onRetried();
    } catch (e) {
      setMessage({ tone: 'bad', text: t('dead.retryFailed', { id, message: toApiError(e).message }) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dead.title')}</h2>
      <p className="settings-hint">{t('dead.lead')}</p>
      <p role="status" className={message ? `settings-message settings-message-${message.tone}` : 'settings-message'}>
        {message?.text}
      </p>
      <LoadNotice
        loading={jobs.loading}
        error={jobs.error}
        empty={rows.length === 0}
        texts={{ loading: t('dead.loading'), empty: t('dead.empty'), failed: (m) => t('dead.failed', { message: m }), retry: t('dead.retry') }}
        onRetry={jobs.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-label={t('dead.label')}>
            <thead>
              <tr>
                <th scope="col">{t('dead.id')}</th>
                <th scope="col">{t('dead.kind')}</th>
                <th scope="col" className="num">
                  {t('dead.attempts')}
                </th>
                <th scope="col">{t('dead.lastError')}</th>
                <th scope="col">{t('dead.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('dead.retryJob')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((job) => (
                <tr key={job.id}>
                  <td className="mono">#{job.id}</td>
                  <td className="mono">{job.kind}</td>
                  <td className="num">
                    {job.attempts}/{job.maxAttempts}
                  </td>
                  <td className="reason">{job.lastError ?? '—'}</td>
                  <td className="nowrap">
                    <Timestamp iso={job.updatedAt} />
                  </td>
                  <td>
                    <button type="button" aria-label={t('dead.retryLabel', { id: job.id })} disabled={busy !== null} onClick={() => void retry(job.id)}>
                      {busy === job.id ? t('dead.retrying') : t('dead.retryJob')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
