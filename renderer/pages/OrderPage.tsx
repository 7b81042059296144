import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { pageHref } from '../app/routes.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { CustomerCard } from '../orders/CustomerCard.tsx';
import { FulfillmentPanel } from '../orders/fulfillment/FulfillmentPanel.tsx';
import { LineItemsCard } from '../orders/LineItemsCard.tsx';
import { MarketplaceCard } from '../orders/marketplace/MarketplaceCard.tsx';
import { OrderFacts } from '../orders/OrderFacts.tsx';
import { RunFlowOnOrder } from '../orders/RunFlowOnOrder.tsx';
import { useOrderDetail } from '../orders/useOrderDetail.ts';
import { TasksPanel } from '../tasks/TasksPanel.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import '../orders/orders.css';
import '../timeline/ui.css';

/** One order: its summary beside its timeline, both kept live from the engine's events. */
export function OrderPage({ id }: { id: string }) {
  const { t } = useTranslation('orders');
  const client = useApiClient();
  const order = useOrderDetail(id);
  const loadConnections = useCallback(() => client.call('connections.list', {}), [client]);
  const connections = useApiQuery(loadConnections);
  const detail = order.detail;
  const connection = connections.data?.find((c) => c.id === detail?.summary.connectionId) ?? null;
  const notFound = order.error?.code === 'not_found';

  return (
    <>
      <nav className="breadcrumb" aria-label={t('order.back')}>
        <a href={pageHref('orders')}>
          <span aria-hidden="true">← </span>
          {t('order.back')}
        </a>
      </nav>
      <PageHeader title={t('order.title', { number: detail?.summary.number ?? (notFound ? id : '…') })} />
      {notFound ? (
        <p className="notice" role="alert">
          {t('order.notFound', { ref: id })}
        </p>
      ) : (
        <LoadNotice
          loading={order.loading}
          error={order.error}
          empty={detail === null}
          texts={{ loading: t('order.loading'), empty: '', failed: (message) => t('order.failed', { message }), retry: t('order.retry') }}
          onRetry={order.reload}
        />
      )}
      {detail ? (
        <div className="order-layout">
          <section className="order-timeline" aria-labelledby="order-timeline-heading">
            <h2 id="order-timeline-heading">
              {t('timeline.title')} <span className="live-pill">{t('timeline.live')}</span>
            </h2>
            <Timeline source={{ orderId: detail.summary.id }} />
          </section>
          <div className="order-aside">
            <OrderFacts detail={detail} connection={connection} />
            <FulfillmentPanel orderId={detail.summary.id} />
            {detail.summary.platform === 'lazada' ? <MarketplaceCard orderId={detail.summary.id} /> : null}
            <TasksPanel orderId={detail.summary.id} />
            <CustomerCard detail={detail} />
            <LineItemsCard order={detail.order} />
            <RunFlowOnOrder orderId={detail.summary.id} />
          </div>
        </div>
      ) : null}
    </>
  );
}
