import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ConnectionCreated } from '../connections/ConnectionCreated.tsx';
import { ConnectionForm } from '../connections/ConnectionForm.tsx';
import { ConnectionList } from '../connections/ConnectionList.tsx';
import { ConnectionApiPanel } from '../connections/ConnectionApiPanel.tsx';
import { ConnectionEditPanel } from '../connections/ConnectionEditPanel.tsx';
import { RemoveConnectionDialog, type RemoveResult } from '../connections/RemoveConnectionDialog.tsx';
import { RemovedNotice } from '../connections/RemovedNotice.tsx';
import { AccountsSection } from '../accounts/AccountsSection.tsx';
import '../connections/connections.css';
import '../timeline/ui.css';

type Panel =
  | { kind: 'none' }
  | { kind: 'form' }
  | { kind: 'created'; connection: ConnectionDto }
  | { kind: 'api'; connection: ConnectionDto }
  | { kind: 'edit'; connection: ConnectionDto };

/** The shops this engine receives webhooks from: add one, see where it should send, remove one. */
export function ConnectionsPage() {
  const { t } = useTranslation('connections');
  const client = useApiClient();
  const loadConnections = useCallback(() => client.call('connections.list', {}), [client]);
  const loadPlatforms = useCallback(() => client.call('connections.platforms', {}), [client]);
  const connections = useApiQuery(loadConnections);
  const platforms = useApiQuery(loadPlatforms);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [removing, setRemoving] = useState<ConnectionDto | null>(null);
  const [removed, setRemoved] = useState<RemoveResult | null>(null);
  const rows = connections.data ?? [];
  const formOpen = panel.kind === 'form' || (panel.kind === 'none' && connections.data?.length === 0);
  const apiInfo = panel.kind === 'api' ? platforms.data?.find((p) => p.platform === panel.connection.platform) : undefined;
  const editInfo = panel.kind === 'edit' ? platforms.data?.find((p) => p.platform === panel.connection.platform) : undefined;
  const texts = (what: 'list' | 'form') => ({
    loading: what === 'list' ? t('list.loading') : t('form.platformsLoading'),
    empty: what === 'list' ? t('list.empty') : '',
    failed: (message: string) => (what === 'list' ? t('list.failed', { message }) : t('form.platformsFailed', { message })),
    retry: t('list.retry'),
  });

  return (
    <>
      <PageHeader title={t('title')}>
        {!formOpen && panel.kind !== 'created' ? (
          <button type="button" className="button-primary" onClick={() => setPanel({ kind: 'form' })}>
            {t('add')}
          </button>
        ) : null}
      </PageHeader>
      <p className="conn-intro">{t('intro')}</p>

      {removed ? <RemovedNotice result={removed} onDismiss={() => setRemoved(null)} /> : null}

      {panel.kind === 'created' ? (
        <ConnectionCreated
          connection={panel.connection}
          info={platforms.data?.find((p) => p.platform === panel.connection.platform)}
          onDone={() => setPanel({ kind: 'none' })}
        />
      ) : null}

      {panel.kind === 'api' && apiInfo ? (
        <ConnectionApiPanel
          key={panel.connection.id}
          connection={panel.connection}
          info={apiInfo}
          onSaved={(connection) => {
            setPanel({ kind: 'api', connection });
            connections.reload();
          }}
          onClose={() => setPanel({ kind: 'none' })}
        />
      ) : null}

      {panel.kind === 'edit' && editInfo ? (
        <ConnectionEditPanel
          key={panel.connection.id}
          connection={panel.connection}
          info={editInfo}
          onSaved={(connection) => {
            setPanel({ kind: 'edit', connection });
            connections.reload();
          }}
          onClose={() => setPanel({ kind: 'none' })}
        />
      ) : null}

      {formOpen ? (
        platforms.data && platforms.data.length > 0 ? (
          <ConnectionForm
            platforms={platforms.data}
            onCreated={(connection) => {
              setPanel({ kind: 'created', connection });
              setRemoved(null);
              connections.reload();
            }}
            onCancel={rows.length > 0 ? () => setPanel({ kind: 'none' }) : null}
          />
        ) : (
          <LoadNotice loading={platforms.loading} error={platforms.error} empty texts={texts('form')} onRetry={platforms.reload} />
        )
      ) : null}

      {rows.length > 0 || !formOpen ? (
        <LoadNotice loading={connections.loading} error={connections.error} empty={rows.length === 0} texts={texts('list')} onRetry={connections.reload} />
      ) : null}
      {rows.length > 0 ? <ConnectionList
          connections={rows}
          onRemove={setRemoving}
          onApi={(connection) => setPanel({ kind: 'api', connection })}
          onEdit={(connection) => setPanel({ kind: 'edit', connection })}
        /> : null}

      {removing ? (
        <RemoveConnectionDialog
          key={removing.id}
          connection={removing}
          connections={rows}
          onCancel={() => setRemoving(null)}
          onRemoved={(result) => {
            setRemoving(null);
            setRemoved(result);
            if (panel.kind !== 'none' && panel.kind !== 'form' && panel.connection.id === result.id) setPanel({ kind: 'none' });
            connections.reload();
          }}
        />
      ) : null}

      <AccountsSection />
    </>
  );
}
