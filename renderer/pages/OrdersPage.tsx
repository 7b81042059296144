import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDebounced } from '../orders/useDebounced.ts';
import { BulkRun } from '../orders/bulk-run/BulkRun.tsx';
import { OrderFilters } from '../orders/list/OrderFilters.tsx';
import { OrdersTable } from '../orders/list/OrdersTable.tsx';
import { activeFilters, noFilters, type OrderListFilters } from '../orders/list/order-list-filter.ts';
import { useOrderList } from '../orders/list/useOrderList.ts';
import { GuideCard } from '../onboarding/GuideCard.tsx';
import '../orders/orders.css';
import '../orders/list/order-list.css';
import '../timeline/ui.css';

/** Orders from every connected shop, filtered by the statuses a shop owner reads, kept current as webhooks arrive. */
export function OrdersPage() {
  const { t, i18n } = useTranslation('orders');
  const [text, setText] = useState('');
  const [bulkOpen, setBulkOpen] = useState(false);
  const [filters, setFilters] = useState<OrderListFilters>(noFilters);
  const query = useDebounced(text.trim(), 250);
  // The tag is typed: wait for a pause before asking, like the search.
  const tag = useDebounced(filters.tag, 250);
  const asked = useDebouncedFilters(filters, tag);
  const list = useOrderList(asked, query);
  const page = list.page;
  const rows = page?.rows ?? [];
  const filtered = query !== '' || activeFilters(asked) > 0;
  const number = (n: number) => n.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US');

  return (
    <>
      <PageHeader title={t('title')}>
        <Field label={t('search.label')}>
          {(id) => (
            <input id={id} type="search" value={text} placeholder={t('search.placeholder')} onChange={(e) => setText(e.target.value)} />
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
          capped={(page?.total ?? 0) > rows.length}
          pending={list.loading || text.trim() !== query}
          onClose={() => setBulkOpen(false)}
        />
      ) : null}
      <OrderFilters filters={filters} counts={page?.counts ?? null} onChange={setFilters} />
      {page ? (
        <p className="orders-list-summary" role="status">
          {t('list.shown', { shown: number(rows.length), total: number(page.total), count: page.total })}
        </p>
      ) : null}
      <LoadNotice
        loading={list.loading && page === null}
        error={list.error}
        empty={page !== null && rows.length === 0 && filtered}
        texts={{
          loading: t('list.loading'),
          empty: filtered ? t('list.noMatchFilters') : t('list.empty'),
          failed: (message) => t('list.failed', { message }),
          retry: t('list.retry'),
        }}
        onRetry={list.reload}
      />
      {page !== null && rows.length === 0 && !filtered ? <GuideCard /> : null}
      {rows.length > 0 ? <OrdersTable rows={rows} busy={list.loading} /> : null}
      {page?.nextCursor ? (
        <div className="orders-list-more">
          <button type="button" disabled={list.loadingMore} onClick={list.more}>
            {list.loadingMore ? t('list.loadingMore') : t('list.more', { count: Math.min(100, page.total - rows.length) })}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** The filters as asked of the engine: the tag as debounced, everything else at once. */
function useDebouncedFilters(filters: OrderListFilters, tag: string): OrderListFilters {
  const [asked, setAsked] = useState(filters);
  if (asked.tag !== tag || (Object.keys(filters) as (keyof OrderListFilters)[]).some((k) => k !== 'tag' && filters[k] !== asked[k])) {
    setAsked({ ...filters, tag });
  }
  return asked;
}
