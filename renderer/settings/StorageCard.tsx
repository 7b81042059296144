import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageSettings } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { formatBytes } from './format-bytes.ts';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/** The data folder: its size against the budget, how long data is kept, upkeep, backups. */
export function StorageCard() {
  const { t } = useTranslation('settings');
  const client = useApiClient();
  const headingId = useId();
  const load = useCallback(() => client.call('storage.status', {}), [client]);
  const status = useApiQuery(load);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const s = status.data;

  async function act(run: () => Promise<string>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ tone: 'ok', text: await run() });
      status.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const patch: Partial<StorageSettings> = {
      rawBodyRetentionDays: Number(form.get('rawBodyRetentionDays')),
      runLogRetentionDays: Number(form.get('runLogRetentionDays')),
      budgetMb: Number(form.get('budgetMb')),
    };
    void act(async () => {
      await client.call('storage.settings', patch);
      return t('storage.saved');
    });
  }

  const used = s ? s.totalBytes / s.budgetBytes : 0;
  return (
    <section className="settings-card" aria-labelledby={headingId} aria-busy={status.loading || busy}>
      <div className="settings-card-head">
        <h2 id={headingId}>{t('storage.title')}</h2>
        <button type="button" onClick={status.reload}>
          {t('engine.refresh')}
        </button>
      </div>
      {!s ? (
        <LoadNotice
          loading={status.loading}
          error={status.error}
          empty
          texts={{ loading: t('storage.loading'), empty: '', failed: (message) => t('storage.failed', { message }), retry: t('engine.retry') }}
          onRetry={status.reload}
        />
      ) : (
        <>
          <p className="settings-hint">{t('storage.size', { used: formatBytes(s.totalBytes), budget: formatBytes(s.budgetBytes) })}</p>
          <meter className="storage-meter" min={0} max={1} low={0.7} high={0.9} optimum={0.2} value={Math.min(used, 1)} aria-label={t('storage.meter')}>
            {Math.round(used * 100)}%
          </meter>
          <dl className="settings-facts">
            <dt>{t('storage.database')}</dt>
            <dd>{formatBytes(s.databaseBytes + s.walBytes)}</dd>
            <dt>{t('storage.backupsSize')}</dt>
            <dd>{formatBytes(s.backupsBytes)}</dd>
            <dt>{t('storage.lastUpkeep')}</dt>
            <dd>
              {s.lastMaintenance ? (
                <>
                  <Timestamp iso={s.lastMaintenance.at} /> ·{' '}
                  {t('storage.upkeepResult', { bodies: s.lastMaintenance.rawBodiesRemoved, runs: s.lastMaintenance.runsRemoved })}
                </>
              ) : (
                t('storage.never')
              )}
            </dd>
          </dl>
          <form className="storage-form" onSubmit={save} aria-label={t('storage.formLabel')}>
            <label>
              {t('storage.rawBodyRetentionDays')}
              <input name="rawBodyRetentionDays" type="number" min={1} max={3650} required defaultValue={s.settings.rawBodyRetentionDays} />
            </label>
            <label>
              {t('storage.runLogRetentionDays')}
              <input name="runLogRetentionDays" type="number" min={1} max={3650} required defaultValue={s.settings.runLogRetentionDays} />
            </label>
            <label>
              {t('storage.budgetMb')}
              <input name="budgetMb" type="number" min={1} required defaultValue={s.settings.budgetMb} />
            </label>
            <p className="settings-hint">{t('storage.timelineKept')}</p>
            <div className="storage-actions">
              <button type="submit" disabled={busy}>
                {t('storage.save')}
              </button>
              <button type="button" disabled={busy} onClick={() => void act(async () => {
                const r = await client.call('storage.maintain', {});
                return t('storage.maintained', { bodies: r.rawBodiesRemoved, runs: r.runsRemoved });
              })}>
                {t('storage.maintainNow')}
              </button>
              <button type="button" disabled={busy} onClick={() => void act(async () => {
                const b = await client.call('storage.backup', {});
                return t('storage.backedUp', { file: b.file, size: formatBytes(b.bytes) });
              })}>
                {t('storage.backupNow')}
              </button>
            </div>
          </form>
          <h3>{t('storage.backups')}</h3>
          {s.backups.length === 0 ? (
            <p className="settings-hint">{t('storage.noBackups')}</p>
          ) : (
            <table className="storage-backups" aria-label={t('storage.backups')}>
              <thead>
                <tr>
                  <th scope="col">{t('storage.file')}</th>
                  <th scope="col">{t('storage.made')}</th>
                  <th scope="col">{t('storage.sizeColumn')}</th>
                  <th scope="col"><span className="visually-hidden">{t('storage.restore')}</span></th>
                </tr>
              </thead>
              <tbody>
                {s.backups.map((b) => (
                  <tr key={b.file}>
                    <td className="mono">{b.file}</td>
                    <td><Timestamp iso={b.createdAt} /></td>
                    <td>{formatBytes(b.bytes)}</td>
                    <td>
                      <button type="button" disabled={busy} aria-label={t('storage.restoreLabel', { file: b.file })} onClick={() => {
                        if (!window.confirm(t('storage.restoreConfirm', { file: b.file }))) return;
                        void act(async () => {
                          const r = await client.call('storage.restore', { file: b.file });
                          return r.restarting ? t('storage.restoring') : t('storage.restoreAtStart');
                        });
                      }}>
                        {t('storage.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {notice ? (
        <p className={`notice ${notice.tone === 'error' ? 'notice-error' : ''}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
