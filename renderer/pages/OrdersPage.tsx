import { useCallback, useEffect, useState } from 'react';
import { platformLabels, type FinancialStatus, type FulfillmentStatus } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useLiveList } from '../api/useLiveList.ts';
import { formatMoney } from '../app/format.ts';
import { Badge, type BadgeTone } from '../components/Badge.tsx';
import { Field } from '../components/Field.tsx';
import { ListStatus } from '../components/ListStatus.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

const limit = 200;

const paymentTone: Record<FinancialStatus, BadgeTone> = {
  paid: 'good',
  authorized: 'neutral',
  pending: 'warn',
  partially_paid: 'warn',
  partially_refunded: 'neutral',
  refunded: 'neutral',
  voided: 'bad',
  expired: 'bad',
  unknown: 'neutral',
};

const fulfillmentTone: Record<FulfillmentStatus, BadgeTone> = {
  fulfilled: 'good',
  partial: 'warn',
  unfulfilled: 'neutral',
  restocked: 'neutral',
  unknown: 'neutral',
};

/** Orders from every connected shop, kept current as their webhooks arrive. */
export function OrdersPage() {
  const client = useApiClient();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const load = useCallback(
    () => client.call('orders.list', { limit, ...(query ? { query } : {}) }),
    [client, query],
  );
  // While searching, a new order may not match: update the rows shown, add none.
  const acceptNew = useCallback(() => query === '', [query]);
  const list = useLiveList({ load, event: 'order.changed', key: (row) => row.id, acceptNew, limit });
  const rows = list.rows ?? [];

  return (
    <>
      <PageHeader title="Orders">
        <Field label="Search orders">
          {(id) => (
            <input
              id={id}
              type="search"
              value={text}
              placeholder="Number, email, phone or platform"
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
      </PageHeader>
      <ListStatus
        what="orders"
        loading={list.loading}
        error={list.error}
        empty={rows.length === 0}
        emptyText={query ? 'No orders match this search.' : 'No orders yet. They appear here as your shops send webhooks.'}
        onRetry={list.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="Orders" aria-busy={list.loading}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Platform</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Payment</th>
                <th scope="col">Fulfillment</th>
                <th scope="col">Tags</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="mono nowrap">{row.number}</td>
                  <td>
                    <div>{row.customerName ?? row.email ?? row.phone ?? <span className="muted">—</span>}</div>
                    {row.customerName && row.email ? <div className="sub">{row.email}</div> : null}
                  </td>
                  <td>{platformLabels[row.platform]}</td>
                  <td className="num nowrap">{formatMoney(row.totalPrice, row.currency)}</td>
                  <td>
                    <Badge value={row.financialStatus} tone={paymentTone[row.financialStatus]} />
                  </td>
                  <td>
                    <Badge value={row.fulfillmentStatus} tone={fulfillmentTone[row.fulfillmentStatus]} />
                  </td>
                  <td>
                    <ul className="tags" aria-label="Tags">
                      {row.tags.map((tag) => (
                        <li key={tag} className={row.localTags.includes(tag) ? 'tag tag-local' : 'tag'}>
                          {tag}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="nowrap">
                    <Timestamp iso={row.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
