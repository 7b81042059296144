import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { CustomerMessages } from './CustomerMessages.tsx';
import { CustomerOrders } from './CustomerOrders.tsx';
import { CustomerProfile } from './CustomerProfile.tsx';
import '../orders/orders.css';
import '../timeline/ui.css';
import './customers.css';

/**
 * One customer across platforms (seeds 000/001: LadiFlow works per customer): who they are, their
 * orders from every shop, their sequences, the messages sent or skipped and why, and their orders'
 * timelines joined. Loads again when one of their orders changes.
 */
export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation('customers');
  const client = useApiClient();
  const load = useCallback(() => client.call('customers.page', { id }), [client, id]);
  const page = useApiQuery(load, ['order.changed']);
  const data = page.data;
  const notFound = page.error?.code === 'not_found';
  const orderIds = useMemo(() => data?.orders.map((o) => o.id) ?? [], [data]);
  const numbers = useMemo(() => new Map(data?.orders.map((o) => [o.id, o.number]) ?? []), [data]);
  const name = data ? (data.customer.name ?? data.customer.email ?? data.customer.phone ?? id) : notFound ? id : '…';

  return (
    <>
      <nav className="breadcrumb" aria-label={t('page.back')}>
        <a href={pageHref('customers')}>
          <span aria-hidden="true">← </span>
          {t('page.back')}
        </a>
      </nav>
      <PageHeader title={name} />
      {notFound ? (
        <p className="notice" role="alert">
          {t('page.notFound', { id })}
        </p>
      ) : (
        <LoadNotice
          loading={page.loading && !data}
          error={page.error}
          empty={false}
          texts={{ loading: t('page.loading'), empty: '', failed: (message) => t('page.failed', { message }), retry: t('list.retry') }}
          onRetry={page.reload}
        />
      )}
      {data ? (
        <div className="order-layout customer-layout">
          <div className="customer-main">
            <CustomerOrders orders={data.orders} />
            <CustomerMessages messages={data.messages} />
            <section className="order-timeline" aria-labelledby="customer-timeline-heading">
              <h2 id="customer-timeline-heading">{t('page.timeline')}</h2>
              <Timeline key={orderIds.join(',')} source={{ customerId: data.customer.id, orderIds }} numbers={numbers} />
            </section>
          </div>
          <div className="order-aside">
            <CustomerProfile customer={data.customer} enrolments={data.enrolments} />
          </div>
        </div>
      ) : null}
    </>
  );
}
