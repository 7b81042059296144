import { useTranslation } from 'react-i18next';
import { platformLabels, type ConnectionDto } from '../../engine/contract/index.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { groupByStore, secretWords } from './connection-form.ts';
import { CopyButton } from './CopyButton.tsx';
import { apiSummary } from './api-summary.ts';

interface ConnectionListProps {
  connections: readonly ConnectionDto[];
  onRemove: (connection: ConnectionDto) => void;
  /** Opens the connection's API access (write-back, reconciliation, polling). */
  onApi: (connection: ConnectionDto) => void;
  /** Opens the connection's name, store, secrets and settings. */
  onEdit: (connection: ConnectionDto) => void;
}

/** Connections grouped by the store they belong to, with their addresses and masked secrets. */
export function ConnectionList({ connections, onRemove, onApi, onEdit }: ConnectionListProps) {
  const { t } = useTranslation('connections');
  const { t: tw } = useTranslation('write-back');
  return (
    <div className="conn-stores">
      {groupByStore(connections).map((group) => (
        <section key={group.store} className="conn-store" aria-label={t('list.store', { store: group.store })}>
          <h2>
            {group.store} <span className="conn-count">{t('list.count', { count: group.connections.length })}</span>
          </h2>
          <div className="table-wrap">
            <table aria-label={t('list.label', { store: group.store })}>
              <thead>
                <tr>
                  <th scope="col">{t('columns.connection')}</th>
                  <th scope="col">{t('columns.storeId')}</th>
                  <th scope="col">{t('columns.webhookUrl')}</th>
                  <th scope="col">{t('columns.secrets')}</th>
                  <th scope="col">{tw('summary.label')}</th>
                  <th scope="col">{t('columns.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.connections.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <div className="conn-name">{c.name}</div>
                      <div className="sub">{platformLabels[c.platform]}</div>
                    </td>
                    <td className="mono">{c.storeId}</td>
                    <td>
                      <div className="conn-url-cell">
                        <code className="url">{c.webhookUrl}</code>
                        <CopyButton text={c.webhookUrl} what={t('copy.urlOf', { name: c.name })} />
                      </div>
                    </td>
                    <td>
                      <ul className="conn-hints">
                        {Object.entries(c.secretHints).map(([name, hint]) => (
                          <li key={name}>
                            <span className="muted">{secretWords(name)}</span> <span className="mono">{hint}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="conn-api-summary">{apiSummary(tw, c)}</td>
                    <td className="nowrap">
                      <Timestamp iso={c.createdAt} />
                    </td>
                    <td className="conn-actions">
                      <button type="button" className="link-button" aria-label={t('edit.openLabel', { name: c.name })} onClick={() => onEdit(c)}>
                        {t('edit.open')}
                      </button>
                      <button type="button" className="link-button" aria-label={tw('edit.openLabel', { name: c.name })} onClick={() => onApi(c)}>
                        {tw('edit.open')}
                      </button>
                      <button type="button" className="button-danger-quiet" aria-label={t('remove.label', { name: c.name })} onClick={() => onRemove(c)}>
                        {t('remove.button')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
