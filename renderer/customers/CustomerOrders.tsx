import { useTranslation } from 'react-i18next';
import { platformLabels, type OrderSummaryDto } from '../../engine/contract/index.ts';
import { formatMoney } from '../app/format.ts';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { fulfillmentTone, paymentTone } from '../orders/order-tones.ts';

/** The customer's orders from every platform, newest first, each opening its page. */
export function CustomerOrders({ orders }: { orders: readonly OrderSummaryDto[] }) {
  const { t } = useTranslation('customers');
  const { t: to } = useTranslation('orders');
  return (
    <section className="order-card" aria-labelledby="customer-orders-heading">
      <h2 id="customer-orders-heading">
        {t('page.orders')} <span className="muted">({orders.length})</span>
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{t('page.noOrders')}</p>
      ) : (
        <div className="table-wrap">
          <table className="orders-table" aria-label={t('page.orders')}>
            <thead>
              <tr>
                <th scope="col">{to('columns.order')}</th>
                <th scope="col">{to('columns.platform')}</th>
                <th scope="col" className="num">
                  {to('columns.total')}
                </th>
                <th scope="col">{to('columns.payment')}</th>
                <th scope="col">{to('columns.fulfillment')}</th>
                <th scope="col">{t('columns.placed')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td className="mono nowrap">
                    <a href={pageHref('orders', o.id)}>{o.number}</a>
                  </td>
                  <td>{platformLabels[o.platform]}</td>
                  <td className="num nowrap">{formatMoney(o.totalPrice, o.currency)}</td>
                  <td>
                    <Badge value={to(`financial.${o.financialStatus}`)} tone={paymentTone[o.financialStatus]} />
                  </td>
                  <td>
                    <Badge value={to(`fulfillmentStatus.${o.fulfillmentStatus}`)} tone={fulfillmentTone[o.fulfillmentStatus]} />
                  </td>
                  <td className="nowrap">
                    <Timestamp iso={o.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
