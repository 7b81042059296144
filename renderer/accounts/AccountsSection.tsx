import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, ApiResult } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { ConnectorAccounts } from './ConnectorAccounts.tsx';
import { RemoveAccountDialog } from './RemoveAccountDialog.tsx';
import '../connections/remove-dialog.css';
import './accounts.css';

/**
 * Connector accounts (seed 004): the SMTP servers and SMS providers the flows' actions send
 * through, several per connector; credentials kept encrypted and shown back masked.
 */
export function AccountsSection() {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const headingId = useId();
  const loadConnectors = useCallback(() => client.call('accounts.connectors', {}), [client]);
  const loadAccounts = useCallback(() => client.call('accounts.list', {}), [client]);
  const connectors = useApiQuery(loadConnectors);
  const accounts = useApiQuery(loadAccounts);
  const [removing, setRemoving] = useState<AccountDto | null>(null);
  const [removed, setRemoved] = useState<(ApiResult<'accounts.remove'> & { name: string }) | null>(null);
  const texts = {
    loading: t('list.loading'),
    empty: '',
    failed: (message: string) => t('list.failed', { message }),
    retry: t('list.retry'),
  };
  const all = accounts.data ?? [];

  return (
    <section className="acc-section" id="accounts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('title')}</h2>
      <p className="conn-intro">{t('intro')}</p>
      {removed ? (
        <div className="conn-removed" role="status">
          <p>
            {t('removed.done', { name: removed.name })}{' '}
            {removed.deactivatedFlows.length > 0 ? t('removed.turnedOff', { flows: removed.deactivatedFlows.map((f) => f.name).join(', ') }) : null}
          </p>
          <button type="button" onClick={() => setRemoved(null)}>
            {t('removed.dismiss')}
          </button>
        </div>
      ) : null}
      <LoadNotice loading={connectors.loading || accounts.loading} error={connectors.error ?? accounts.error} empty={false} texts={texts} onRetry={() => {
        connectors.reload();
        accounts.reload();
      }} />
      {(connectors.data ?? []).map((info) => (
        <ConnectorAccounts key={info.id} info={info} accounts={all.filter((a) => a.connector === info.id)} onChanged={accounts.reload} onRemove={setRemoving} />
      ))}
      {removing ? (
        <RemoveAccountDialog
          key={removing.id}
          account={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={(result) => {
            setRemoving(null);
            setRemoved({ ...result, name: removing.name });
            accounts.reload();
          }}
        />
      ) : null}
    </section>
  );
}
