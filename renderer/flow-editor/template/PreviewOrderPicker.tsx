import './template.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummaryDto } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { formatMoney } from '../../app/format.ts';
import { useDebounced } from '../../orders/useDebounced.ts';
import { choosePreviewOrder } from './preview-order-store.ts';
import { usePreviewSource } from './usePreviewSource.ts';

/**
 * "Order for preview": which past order the step's templates render with (remembered per
 * flow). Searches the stored orders by number, email or phone; the built-in sample is the
 * fallback when none is chosen or the shop has none yet.
 */
export function PreviewOrderPicker() {
  const { t } = useTranslation('templates');
  const { flowKey, order } = usePreviewSource();
  const [open, setOpen] = useState(false);
  const id = useId();

  return (
    <section className="tpl-order" aria-labelledby={`${id}-label`}>
      <div className="tpl-order-row">
        <div className="tpl-order-text">
          <span id={`${id}-label`} className="tpl-order-label">
            {t('order.label')}
          </span>
          {order ? (
            <span className="tpl-order-current">
              <strong>{order.number}</strong>
              {order.email ? <span className="muted"> · {order.email}</span> : null}
            </span>
          ) : (
            <span className="tpl-order-current">
              <strong>{t('order.sample')}</strong>
              <span className="muted"> · {t('order.sampleNote')}</span>
            </span>
          )}
        </div>
        <button type="button" className="tpl-order-change" aria-expanded={open} aria-controls={open ? `${id}-search` : undefined} onClick={() => setOpen(!open)}>
          {open ? t('order.close') : t('order.change')}
        </button>
      </div>
      {open ? (
        <OrderSearch
          id={`${id}-search`}
          chosenId={order?.id ?? null}
          onPick={(picked) => {
            choosePreviewOrder(flowKey, picked && { id: picked.id, number: picked.number, email: picked.email });
            setOpen(false);
          }}
        />
      ) : null}
    </section>
  );
}

function OrderSearch({ id, chosenId, onPick }: { id: string; chosenId: string | null; onPick: (order: OrderSummaryDto | null) => void }) {
  const { t } = useTranslation('templates');
  const client = useApiClient();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; orders: OrderSummaryDto[] } | { status: 'failed'; message: string }>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    client
      .call('orders.list', { limit: 8, ...(query ? { query } : {}) })
      .then((list) => live && setState({ status: 'ready', orders: list.rows }))
      .catch((error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [client, query]);

  return (
    <div className="tpl-order-search" id={id}>
      <input type="search" aria-label={t('order.search')} placeholder={t('order.searchPlaceholder')} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      {state.status === 'loading' ? <p className="tpl-variables-note">{t('order.loading')}</p> : null}
      {state.status === 'failed' ? <p className="tpl-failed">{t('order.failed', { message: state.message })}</p> : null}
      {state.status === 'ready' && state.orders.length === 0 ? <p className="tpl-variables-note">{t('order.none')}</p> : null}
      {state.status === 'ready' && state.orders.length > 0 ? (
        <ul className="tpl-order-results" aria-label={t('order.results')}>
          {state.orders.map((o) => (
            <li key={o.id}>
              <button type="button" aria-pressed={o.id === chosenId} onClick={() => onPick(o)}>
                <strong>{o.number}</strong>
                <span className="tpl-order-who">{o.customerName ?? o.email ?? o.phone ?? ''}</span>
                <span className="tpl-order-total">{formatMoney(o.totalPrice, o.currency)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="tpl-order-sample" aria-pressed={chosenId === null} onClick={() => onPick(null)}>
        {t('order.useSample')}
      </button>
    </div>
  );
}
