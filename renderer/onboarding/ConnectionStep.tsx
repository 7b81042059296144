import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { ConnectionCreated } from '../connections/ConnectionCreated.tsx';
import { ConnectionForm } from '../connections/ConnectionForm.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import '../connections/connections.css';

type Panel = { kind: 'none' } | { kind: 'form' } | { kind: 'created'; connection: ConnectionDto };

/** Step 1: the connection form the Connections page has, and the platform's setup steps once added. */
export function ConnectionStep({ connections, onChanged }: { connections: readonly ConnectionDto[]; onChanged: () => void }) {
  const { t } = useTranslation('guide');
  const client = useApiClient();
  const loadPlatforms = useCallback(() => client.call('connections.platforms', {}), [client]);
  const platforms = useApiQuery(loadPlatforms);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });

  if (panel.kind === 'created') {
    return (
      <ConnectionCreated
        connection={panel.connection}
        info={platforms.data?.find((p) => p.platform === panel.connection.platform)}
        onDone={() => setPanel({ kind: 'none' })}
      />
    );
  }
  if (panel.kind === 'form') {
    return platforms.data && platforms.data.length > 0 ? (
      <ConnectionForm
        platforms={platforms.data}
        onCreated={(connection) => {
          setPanel({ kind: 'created', connection });
          onChanged();
        }}
        onCancel={() => setPanel({ kind: 'none' })}
      />
    ) : (
      <LoadNotice
        loading={platforms.loading}
        error={platforms.error}
        empty
        texts={{ loading: t('connection.platformsLoading'), empty: '', failed: (message) => t('failed', { message }), retry: t('retry') }}
        onRetry={platforms.reload}
      />
    );
  }
  return (
    <>
      {connections.length > 0 ? (
        <p>
          {t('connection.have', { count: connections.length, names: connections.map((c) => c.name).join(', ') })}{' '}
          <a href={pageHref('connections')}>{t('connection.manage')}</a>
        </p>
      ) : (
        <p>{t('connection.lead')}</p>
      )}
      <div className="guide-actions">
        <button type="button" className={connections.length > 0 ? undefined : 'button-primary'} onClick={() => setPanel({ kind: 'form' })}>
          {connections.length > 0 ? t('connection.addAnother') : t('connection.add')}
        </button>
      </div>
    </>
  );
}
