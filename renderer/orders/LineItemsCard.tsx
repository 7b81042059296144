import { useTranslation } from 'react-i18next';
import type { Order } from '../../engine/contract/index.ts';
import { formatMoney } from '../app/format.ts';

/** What was bought, and the totals. */
export function LineItemsCard({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const money = (amount: string) => formatMoney(amount, order.currency);
  const hasDiscount = Number(order.totalDiscounts) !== 0;
  return (
    <section className="order-card" aria-labelledby="order-items-heading">
      <h2 id="order-items-heading">{t('order.items')}</h2>
      <table className="order-items" aria-label={t('order.itemsLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('order.product')}</th>
            <th scope="col" className="num">
              {t('order.quantity')}
            </th>
            <th scope="col" className="num">
              {t('order.price')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lineItems.map((item, i) => (
            <tr key={item.id ?? i}>
              <td>
                {item.title}
                {item.variantTitle || item.sku ? <div className="sub">{[item.variantTitle, item.sku].filter(Boolean).join(' · ')}</div> : null}
              </td>
              <td className="num">{item.quantity}</td>
              <td className="num nowrap">{money(item.price)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="order-totals">
        <dt>{t('order.subtotal')}</dt>
        <dd>{money(order.subtotalPrice)}</dd>
        {hasDiscount ? (
          <>
            <dt>{t('order.discounts')}</dt>
            <dd>−{money(order.totalDiscounts)}</dd>
          </>
        ) : null}
        <dt>{t('order.tax')}</dt>
        <dd>{money(order.totalTax)}</dd>
        <dt className="order-totals-grand">{t('order.total')}</dt>
        <dd className="order-totals-grand">{money(order.totalPrice)}</dd>
      </dl>
      {order.note ? (
        <>
          <h3>{t('order.note')}</h3>
          <p className="order-note">{order.note}</p>
        </>
      ) : null}
    </section>
  );
}
