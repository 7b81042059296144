import { useTranslation } from 'react-i18next';
import { platformLabels, type ConnectionDto, type OrderDetailDto } from '../../engine/contract/index.ts';
import { Badge } from '../components/Badge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { deliveryTone, fulfillmentTone, paymentTone } from './order-tones.ts';
import { OrderTags } from './OrderTags.tsx';

interface OrderFactsProps {
  detail: OrderDetailDto;
  connection: ConnectionDto | null;
}

/** Where the order comes from, its statuses and its tags. */
export function OrderFacts({ detail, connection }: OrderFactsProps) {
  const { t } = useTranslation('orders');
  const { summary, order } = detail;
  // Orders stored before delivery was tracked carry no delivery status.
  const delivery = order.deliveryStatus ?? 'none';
  return (
    <section className="order-card" aria-labelledby="order-summary-heading">
      <h2 id="order-summary-heading">{t('order.summary')}</h2>
      <dl className="order-facts">
        <dt>{t('order.platform')}</dt>
        <dd>
          {platformLabels[summary.platform]}
          {order.test ? (
            <>
              {' '}
              <Badge value={t('order.test')} tone="warn" />
            </>
          ) : null}
        </dd>
        <dt>{t('order.store')}</dt>
        <dd>
          {connection?.store ?? order.storeId}
          {connection && connection.name !== connection.store ? <div className="sub">{connection.name}</div> : null}
        </dd>
        {order.salesChannel ? (
          <>
            <dt>{t('order.salesChannel')}</dt>
            <dd>{order.salesChannel}</dd>
          </>
        ) : null}
        <dt>{t('order.placed')}</dt>
        <dd>
          <Timestamp iso={order.createdAt} />
        </dd>
        <dt>{t('order.updated')}</dt>
        <dd>
          <Timestamp iso={summary.updatedAt} />
        </dd>
        <dt>{t('order.platformId')}</dt>
        <dd className="mono">{summary.platformOrderId}</dd>
      </dl>

      <h3>{t('order.statuses')}</h3>
      <dl className="order-facts">
        <dt>{t('order.payment')}</dt>
        <dd>
          {/* A marketplace's return (seed 002) reads Returned / Partially returned; the money it means stays in financialStatus. */}
          {order.returns ? <Badge value={t(`payment.${order.returns.status}`, { ns: 'marketplace' })} tone="warn" /> : <Badge value={t(`financial.${summary.financialStatus}`)} tone={paymentTone[summary.financialStatus]} />}
        </dd>
        <dt>{t('order.fulfillment')}</dt>
        <dd>
          <Badge value={t(`fulfillmentStatus.${summary.fulfillmentStatus}`)} tone={fulfillmentTone[summary.fulfillmentStatus]} />
        </dd>
        <dt>{t('order.delivery')}</dt>
        <dd>
          <Badge value={t(`deliveryStatus.${delivery}`)} tone={deliveryTone[delivery]} />
        </dd>
        {order.paymentMethod || order.cashOnDelivery ? (
          <>
            <dt>{t('order.paymentMethod')}</dt>
            <dd>
              {order.paymentMethod ?? ''}
              {order.cashOnDelivery && !/cod|delivery|nhận hàng|giao hàng/i.test(order.paymentMethod ?? '') ? (
                <>
                  {' '}
                  <Badge value={t('order.cod')} tone="neutral" />
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {order.platformStatus ? (
          <>
            <dt>{t('order.platformStatus')}</dt>
            <dd className="mono">{order.platformStatus}</dd>
          </>
        ) : null}
        {order.storeStatus ? (
          <>
            <dt>{t('order.storeStatus')}</dt>
            <dd>{order.storeStatus}</dd>
          </>
        ) : null}
        {order.cancelledAt ? (
          <>
            <dt>{t('order.cancelled')}</dt>
            <dd>
              <Timestamp iso={order.cancelledAt} />
              {order.cancelReason ? <div className="sub">{t('order.cancelReason', { reason: order.cancelReason })}</div> : null}
            </dd>
          </>
        ) : null}
      </dl>

      <h3>{t('tags.label')}</h3>
      <OrderTags tags={summary.tags} localTags={summary.localTags} />
      {summary.localTags.length > 0 ? <p className="sub">{t('tags.legend')}</p> : null}
    </section>
  );
}
