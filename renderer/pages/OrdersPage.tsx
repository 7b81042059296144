import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useLiveList } from '../api/useLiveList.ts';
import { formatMoney } from '../app/format.ts';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { Field } from '../components/Field.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { fulfillmentTone, paymentTone } from '../orders/order-tones.ts';
import { OrderTags } from '../orders/OrderTags.tsx';
import { useDebounced } from '../orders/useDebounced.ts';
import { BulkRun } from '../orders/bulk-run/BulkRun.tsx';
import '../orders/orders.css';
import '../timeline/ui.css';

const limit = 200;

/** Orders from every connected shop, kept current as their webhooks arrive; each opens its page. */
export function OrdersPage() {
  const { t } = useTranslation('orders');
  const client = useApiClient();
  const [text, setText] = useState('');
  const [bulkOpen, setBulkOpen] = useState(false);
  const query = useDebounced(text.trim(), 250);
  const load = useCallback(
    () => client.call('orders.list', { limit, ...(query ? { query } : {}) }),
    [client, query],
  );
  // While searching, a new order may not match: update the rows shown, add none.
  const acceptNew = useCallback(() => query === '', [query]);
  const list = useLiveList({ load, event: 'order.changed', key: (row) => row.id, acceptNew, limit });
  const rows = list.rows ?? [];
  // Tags that flows add come with no order.changed; their timeline entry says the row changed.
  const { reload } = list;
  useEffect(
    () =>
      client.subscribe('timeline.appended', (entry) => {
        if (entry.kind === 'tag_added') reload();
      }),
    [client, reload],
  );

  return (
    <>
      <PageHeader title={t('title')}>
        <Field label={t('search.label')}>
          {(id) => (
            <input
              id={id}
              type="search"
              value={text}
              placeholder={t('search.placeholder')}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <button type="button" className="bulk-run-open" aria-expanded={bulkOpen} onClick={() => setBulkOpen((open) => !open)}>
          {t('bulk.action', { ns: 'manual-run' })}
        </button>
      </PageHeader>
      {bulkOpen ? (
        <BulkRun
          orderIds={rows.map((row) => row.id)}
          query={query}
          capped={rows.length >= limit}
          pending={list.loading || text.trim() !== query}
          onClose={() => setBulkOpen(false)}
        />
      ) : null}
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
          <table className="orders-table" aria-label={t('list.label')} aria-busy={list.loading}>
            <thead>
              <tr>
                <th scope="col">{t('columns.order')}</th>
                <th scope="col">{t('columns.customer')}</th>
                <th scope="col">{t('columns.platform')}</th>
                <th scope="col" className="num">
                  {t('columns.total')}
                </th>
                <th scope="col">{t('columns.payment')}</th>
                <th scope="col">{t('columns.fulfillment')}</th>
                <th scope="col">{t('columns.tags')}</th>
                <th scope="col">{t('columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const href = pageHref('orders', row.id);
                return (
                  <tr
                    key={row.id}
                    className="row-link"
                    onClick={(e) => {
                      // The number is the row's link for keyboards and screen readers; a click anywhere else follows it too.
                      if (!(e.target as Element).closest('a, button, input, select')) window.location.hash = href;
                    }}
                  >
                    <td className="mono nowrap">
                      <a href={href} aria-label={t('list.open', { number: row.number })}>
                        {row.number}
                      </a>
                    </td>
                    <td>
                      <div>{row.customerName ?? row.email ?? row.phone ?? <span className="muted">—</span>}</div>
                      {row.customerName && (row.email ?? row.phone) ? <div className="sub">{row.email ?? row.phone}</div> : null}
                    </td>
                    <td>{platformLabels[row.platform]}</td>
                    <td className="num nowrap">{formatMoney(row.totalPrice, row.currency)}</td>
                    <td>
                      <Badge value={t(`financial.${row.financialStatus}`)} tone={paymentTone[row.financialStatus]} />
                    </td>
                    <td>
                      <Badge value={t(`fulfillmentStatus.${row.fulfillmentStatus}`)} tone={fulfillmentTone[row.fulfillmentStatus]} />
                    </td>
                    <td>
                      <OrderTags tags={row.tags} localTags={row.localTags} />
                    </td>
                    <td className="nowrap">
                      <Timestamp iso={row.updatedAt} />
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
