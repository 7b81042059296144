import { useCallback } from 'react';
import { platformLabels } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { ListStatus } from '../components/ListStatus.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

/** The shops this engine receives webhooks from, with the address each should send to. */
export function ConnectionsPage() {
  const client = useApiClient();
  const load = useCallback(() => client.call('connections.list', {}), [client]);
  const connections = useApiQuery(load);
  const rows = connections.data ?? [];

  return (
    <>
      <PageHeader title="Connections" />
      <ListStatus
        what="connections"
        loading={connections.loading}
        error={connections.error}
        empty={rows.length === 0}
        emptyText="No connections yet."
        onRetry={connections.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="Connections" aria-busy={connections.loading}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Platform</th>
                <th scope="col">Store</th>
                <th scope="col">Webhook address</th>
                <th scope="col">Secret</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{platformLabels[c.platform]}</td>
                  <td className="mono">{c.storeId}</td>
                  <td>
                    <code className="url">{c.webhookUrl}</code>
                  </td>
                  <td className="mono">{c.secretHint}</td>
                  <td className="nowrap">
                    <Timestamp iso={c.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
