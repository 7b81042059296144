import { useTranslation } from 'react-i18next';
import type { Address, OrderDetailDto } from '../../engine/contract/index.ts';
import { CustomerExtras } from './CustomerExtras.tsx';
import { pageHref } from '../app/routes.ts';

function addressLines(a: Address | null): string[] {
  if (!a) return [];
  const name = a.name ?? [a.firstName, a.lastName].filter(Boolean).join(' ');
  const place = [a.ward, a.district, a.city, a.province].filter(Boolean).join(', ');
  return [name, a.company, a.address1, a.address2, place, [a.zip, a.country].filter(Boolean).join(' ')].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
}

/** Who ordered: the order's customer, completed by what Flowdesk knows of them. */
export function CustomerCard({ detail }: { detail: OrderDetailDto }) {
  const { t } = useTranslation('orders');
  const { summary, order, customer } = detail;
  const name = summary.customerName ?? customer?.name ?? order.customer?.name ?? null;
  const email = summary.email ?? customer?.email ?? null;
  const phone = summary.phone ?? customer?.phone ?? null;
  const verified = customer?.emailVerified ?? order.customer?.emailVerified ?? false;
  const shipTo = addressLines(order.shippingAddress);

  return (
    <section className="order-card" aria-labelledby="order-customer-heading">
      <h2 id="order-customer-heading">{t('order.customer')}</h2>
      {!name && !email && !phone ? (
        <p className="muted">{t('order.noCustomer')}</p>
      ) : (
        <dl className="order-facts">
          {name ? (
            <>
              <dt className="visually-hidden">{t('order.customer')}</dt>
              <dd className="customer-name">{name}</dd>
            </>
          ) : null}
          <dt>{t('order.email')}</dt>
          <dd>
            {email ? <a href={`mailto:${email}`}>{email}</a> : <span className="muted">—</span>}
            {email && verified ? <span className="sub"> · {t('order.emailVerified')}</span> : null}
          </dd>
          <dt>{t('order.phone')}</dt>
          <dd>{phone ? <a href={`tel:${phone}`}>{phone}</a> : <span className="muted">—</span>}</dd>
        </dl>
      )}
      {customer ? <CustomerExtras customer={customer} /> : null}
      {customer ? <a className="customer-page-link" href={pageHref('customers', customer.id)}>{t('page.open', { ns: 'customers' })}</a> : null}
      {shipTo.length > 0 ? (
        <>
          <h3>{t('order.shipTo')}</h3>
          <address className="order-address">
            {shipTo.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
        </>
      ) : null}
    </section>
  );
}
