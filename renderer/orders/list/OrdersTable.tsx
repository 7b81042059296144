import { useTranslation } from 'react-i18next';
import { platformLabels, type OrderSummaryDto } from '../../../engine/contract/index.ts';
import { formatMoney } from '../../app/format.ts';
import { pageHref } from '../../app/routes.ts';
import { Timestamp } from '../../components/Timestamp.tsx';
import { OrderTags } from '../OrderTags.tsx';
import { statusCells, storeStatusCell, type StatusWord } from './order-status-cells.ts';

/** A status pill with its word; the full word is on hover when the cell elides it. */
function Word({ word }: { word: StatusWord | null }) {
  const { t } = useTranslation('orders');
  if (!word) return <span className="muted">—</span>;
  const text = t(word.key);
  return (
    <span className={`badge badge-${word.tone}`} title={text}>
      {text}
    </span>
  );
}

/** Text that may be long (a name, a store status): clamped to two lines, whole on hover. */
function Clamp({ text }: { text: string | null }) {
  if (!text) return <span className="muted">—</span>;
  return (
    <span className="clamp" title={text}>
      {text}
    </span>
  );
}

function StoreStatus({ row }: { row: OrderSummaryDto }) {
  const { t } = useTranslation('orders');
  const cell = storeStatusCell(row);
  return <Clamp text={cell === null ? null : 'key' in cell ? t(cell.key) : cell.text} />;
}

/** The orders of one or more pages, with the statuses a shop owner reads. */
export function OrdersTable({ rows, busy }: { rows: OrderSummaryDto[]; busy: boolean }) {
  const { t } = useTranslation('orders');
  return (
    <div className="table-wrap orders-list-wrap">
      <table className="orders-table orders-list" aria-label={t('list.label')} aria-busy={busy}>
        <colgroup>
          <col className="c-order" />
          <col className="c-customer" />
          <col className="c-store" />
          <col className="c-total" />
          <col className="c-status" />
          <col className="c-status" />
          <col className="c-status" />
          <col className="c-store-status" />
          <col className="c-tags" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('columns.order')}</th>
            <th scope="col">{t('columns.customer')}</th>
            <th scope="col">{t('columns.store')}</th>
            <th scope="col" className="num">
              {t('columns.total')}
            </th>
            <th scope="col">{t('columns.payment')}</th>
            <th scope="col">{t('columns.fulfilment')}</th>
            <th scope="col">{t('columns.delivery')}</th>
            <th scope="col">{t('columns.storeStatus')}</th>
            <th scope="col">{t('columns.tags')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = pageHref('orders', row.id);
            const cells = statusCells(row);
            const who = row.customerName ?? row.email ?? row.phone;
            return (
              <tr
                key={row.id}
                className={row.cancelledAt ? 'row-link row-cancelled' : 'row-link'}
                onClick={(e) => {
                  // The number is the row's link for keyboards and screen readers; a click anywhere else follows it too.
                  if (!(e.target as Element).closest('a, button, input, select')) window.location.hash = href;
                }}
              >
                <td>
                  <a href={href} className="mono" aria-label={t('list.open', { number: row.number })}>
                    {row.number}
                  </a>
                  <div className="sub">
                    <Timestamp iso={row.placedAt} />
                  </div>
                </td>
                <td>
                  <Clamp text={who} />
                  {row.customerName && (row.email ?? row.phone) ? <div className="sub clamp" title={row.email ?? row.phone ?? ''}>{row.email ?? row.phone}</div> : null}
                </td>
                <td>
                  <Clamp text={row.connectionName} />
                  <div className="sub">{platformLabels[row.platform]}</div>
                </td>
                <td className="num">{formatMoney(row.totalPrice, row.currency)}</td>
                <td className="status-cell">
                  <Word word={cells.payment} />
                  {cells.paymentBeside ? <Word word={cells.paymentBeside} /> : null}
                </td>
                <td className="status-cell">
                  <Word word={cells.fulfillment} />
                </td>
                <td className="status-cell">
                  <Word word={cells.delivery} />
                </td>
                <td>
                  <StoreStatus row={row} />
                </td>
                <td>
                  <OrderTags tags={row.tags} localTags={row.localTags} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
