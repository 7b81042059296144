import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../engine/contract/index.ts';
import { formatTime } from '../app/format.ts';

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * What flows keep on the customer beyond their contact: their own fields (`customer.fields`),
 * the sequences they are in now, and when they last wrote on Zalo or Messenger. Nothing when
 * there is none of it.
 */
export function CustomerExtras({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer-actions');
  const fields = Object.entries(customer.fields);
  const channels = [
    customer.zaloInteractedAt ? { key: 'zalo', at: customer.zaloInteractedAt } : null,
    customer.messengerInteractedAt ? { key: 'messenger', at: customer.messengerInteractedAt } : null,
  ].filter((c): c is { key: string; at: string } => c !== null);
  if (fields.length === 0 && customer.sequences.length === 0 && channels.length === 0) return null;
  const shown = (v: string | number | boolean | null) =>
    typeof v === 'boolean' ? t(v ? 'customerCard.yes' : 'customerCard.no') : typeof v === 'string' && isoTime.test(v) ? formatTime(v) : String(v ?? '');
  return (
    <>
      {fields.length > 0 ? (
        <>
          <h3>{t('customerCard.fields')}</h3>
          <dl className="order-facts" aria-label={t('customerCard.fields')}>
            {fields.map(([name, value]) => (
              <Fragment key={name}>
                <dt>{name}</dt>
                <dd>{shown(value)}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}
      {customer.sequences.length > 0 ? (
        <>
          <h3>{t('customerCard.sequences')}</h3>
          <ul className="tags" aria-label={t('customerCard.sequences')}>
            {customer.sequences.map((s) => (
              <li key={s} className="tag">
                {s}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {channels.length > 0 ? (
        <dl className="order-facts">
          {channels.map((c) => (
            <Fragment key={c.key}>
              <dt>{t(`customerCard.${c.key}`)}</dt>
              <dd>{formatTime(c.at)}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </>
  );
}
