import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, SequenceEnrolmentDto } from '../../engine/contract/index.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { CustomerExtras } from '../orders/CustomerExtras.tsx';

/** Who the customer is: contact, tags, their own fields, channel ids, and their sequences past and present. */
export function CustomerProfile({ customer, enrolments }: { customer: Customer; enrolments: readonly SequenceEnrolmentDto[] }) {
  const { t } = useTranslation('customers');
  const channelIds = [
    customer.zaloUserId ? { key: 'zaloUserId', value: customer.zaloUserId } : null,
    customer.messengerPsid ? { key: 'messengerPsid', value: customer.messengerPsid } : null,
  ].filter((c): c is { key: string; value: string } => c !== null);
  return (
    <>
      <section className="order-card" aria-labelledby="customer-contact-heading">
        <h2 id="customer-contact-heading">{t('page.contact')}</h2>
        <dl className="order-facts">
          <dt>{t('columns.email')}</dt>
          <dd>
            {customer.email ?? <span className="muted">—</span>}
            {customer.email && customer.emailVerified ? <span className="sub"> · {t('page.emailVerified')}</span> : null}
          </dd>
          <dt>{t('columns.phone')}</dt>
          <dd>{customer.phone ?? <span className="muted">—</span>}</dd>
          {channelIds.map((c) => (
            <Fragment key={c.key}>
              <dt>{t(`page.${c.key}`)}</dt>
              <dd className="mono">{c.value}</dd>
            </Fragment>
          ))}
          <dt>{t('page.since')}</dt>
          <dd>
            <Timestamp iso={customer.createdAt} />
          </dd>
        </dl>
        <h3>{t('columns.tags')}</h3>
        {customer.tags.length > 0 ? (
          <ul className="tags" aria-label={t('columns.tags')}>
            {customer.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('page.noTags')}</p>
        )}
        <CustomerExtras customer={{ ...customer, sequences: [] }} />
      </section>
      <section className="order-card" aria-labelledby="customer-sequences-heading">
        <h2 id="customer-sequences-heading">{t('page.sequences')}</h2>
        {enrolments.length === 0 ? (
          <p className="muted">{t('page.noSequences')}</p>
        ) : (
          <ul className="customer-sequences">
            {enrolments.map((e) => (
              <li key={e.id}>
                <strong>{e.sequence}</strong>{' '}
                <span className={e.leftAt ? 'badge badge-neutral' : 'badge badge-good'}>{t(e.leftAt ? 'page.left' : 'page.enrolled')}</span>
                <div className="sub">
                  {t('page.enrolledAt')} <Timestamp iso={e.enrolledAt} />
                  {e.leftAt ? (
                    <>
                      {' · '}
                      {t('page.leftAt')} <Timestamp iso={e.leftAt} />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
