import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { Field } from '../components/Field.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { useDebounced } from '../orders/useDebounced.ts';
import '../orders/orders.css';
import './customers.css';

const limit = 200;

/** Every customer Flowdesk knows, one per email across platforms; searched by email, phone or name. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const client = useApiClient();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const load = useCallback(() => client.call('customers.list', { limit, ...(query ? { query } : {}) }), [client, query]);
  const list = useApiQuery(load, ['order.changed']);
  const rows = list.data ?? [];

  return (
    <>
      <PageHeader title={t('list.title')}>
        <Field label={t('list.search')}>
          {(id) => <input id={id} type="search" value={text} placeholder={t('list.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />}
        </Field>
      </PageHeader>
      <LoadNotice
        loading={list.loading}
        error={list.error}
        empty={rows.length === 0}
        texts={{
          loading: t('list.loading'),
          empty: query ? t('list.noMatch') : t('list.empty'),
          failed: (message) => t('list.failed', { message }),
          retry: t('list.retry'),
        }}
        onRetry={list.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="orders-table customers-table" aria-label={t('list.label')} aria-busy={list.loading}>
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.email')}</th>
                <th scope="col">{t('columns.phone')}</th>
                <th scope="col">{t('columns.tags')}</th>
                <th scope="col">{t('columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const href = pageHref('customers', c.id);
                const name = c.name ?? c.email ?? c.phone ?? c.id;
                return (
                  <tr
                    key={c.id}
                    className="row-link"
                    onClick={(e) => {
                      if (!(e.target as Element).closest('a, button, input, select')) window.location.hash = href;
                    }}
                  >
                    <td>
                      <a href={href} aria-label={t('list.open', { name })}>
                        {c.name ?? <span className="muted">{t('page.noName')}</span>}
                      </a>
                    </td>
                    <td>{c.email ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">{c.phone ?? <span className="muted">—</span>}</td>
                    <td>
                      {c.tags.length > 0 ? (
                        <ul className="tags">
                          {c.tags.map((tag) => (
                            <li key={tag} className="tag">
                              {tag}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      <Timestamp iso={c.updatedAt} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
