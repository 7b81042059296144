import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { DeadJobs } from '../settings/DeadJobs.tsx';
import { EngineStatusCard } from '../settings/EngineStatusCard.tsx';
import { LanguageSetting } from '../settings/LanguageSetting.tsx';
import { StorageCard } from '../settings/StorageCard.tsx';
import '../settings/settings.css';
import '../timeline/ui.css';

/** Events after which the queue has likely moved. */
const queueMoves = ['delivery.received', 'run.finished'] as const;

/** The app's language, and the engine: where it runs, how its queue stands, what died in it. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const client = useApiClient();
  const loadStatus = useCallback(() => client.call('engine.status', {}), [client]);
  const loadDead = useCallback(() => client.call('jobs.list', { state: 'dead' }), [client]);
  const status = useApiQuery(loadStatus, queueMoves);
  const dead = useApiQuery(loadDead, queueMoves);

  return (
    <>
      <PageHeader title={t('title')} />
      <div className="settings-layout">
        <LanguageSetting />
        <EngineStatusCard status={status} />
        <StorageCard />
        <DeadJobs jobs={dead} onRetried={status.reload} />
      </div>
    </>
  );
}
