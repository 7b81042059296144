import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketplaceOrderDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { formatMoney } from '../../app/format.ts';
import { LoadNotice } from '../../components/LoadNotice.tsx';
import { RecordReturnForm } from './RecordReturnForm.tsx';
import { useMarketplaceOrder, type MarketplaceOrder } from './useMarketplaceOrder.ts';
import './marketplace.css';

/**
 * The order page's marketplace card (seed 002): the sales channel and store status, a return the
 * marketplace reported (payment Returned / Partially returned, the refund), "Process at the
 * store", the stock of the order's SKUs, and "Record a return". Shown for marketplace orders only.
 */
export function MarketplaceCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation('marketplace');
  const q = useMarketplaceOrder(orderId);
  const dto = q.data;
  if (dto && !dto.marketplace) return null;
  return (
    <section className="order-card mp-card" aria-labelledby="mp-card-heading">
      <h2 id="mp-card-heading">{t('card.title')}</h2>
      <LoadNotice
        loading={q.loading && !dto}
        error={dto ? null : q.error}
        empty={dto === null}
        texts={{ loading: t('card.loading'), empty: '', failed: (message) => t('card.failed', { message }), retry: t('record.close') }}
        onRetry={q.reload}
      />
      {dto ? <CardBody dto={dto} q={q} /> : null}
    </section>
  );
}

function CardBody({ dto, q }: { dto: MarketplaceOrderDto; q: MarketplaceOrder }) {
  const { t } = useTranslation('marketplace');
  const none = t('card.none');
  return (
    <>
      <dl className="mp-facts">
        <dt>{t('card.salesChannel')}</dt>
        <dd>{dto.salesChannel ?? none}</dd>
        <dt>{t('card.storeStatus')}</dt>
        <dd data-testid="mp-store-status">{dto.storeStatus ?? none}</dd>
        <dt>{t('card.platformStatus')}</dt>
        <dd>
          <code>{dto.platformStatus ?? none}</code>
        </dd>
        {dto.returns ? (
          <>
            <dt>{t('card.payment')}</dt>
            <dd>
              <span className="badge badge-warn" data-testid="mp-payment">
                {t(`payment.${dto.returns.status}`)}
              </span>
            </dd>
            <dt>{t('card.refunded')}</dt>
            <dd>{formatMoney(dto.returns.refundedAmount, dto.currency)}</dd>
          </>
        ) : null}
      </dl>
      {dto.returns ? <p className="mp-note">{t('returnNote')}</p> : null}
      <ProcessAtStore on={dto.processAtStore} set={q.setProcessAtStore} />
      <StockTable dto={dto} />
      <RecordReturnForm dto={dto} record={q.recordReturn} />
    </>
  );
}

function ProcessAtStore({ on, set }: { on: boolean; set: (on: boolean) => Promise<void> }) {
  const { t } = useTranslation('marketplace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(next: boolean) {
    setBusy(true);
    setError(null);
    try {
      await set(next);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="mp-option">
      <label className="mp-check">
        <input type="checkbox" checked={on} disabled={busy} aria-describedby="mp-process-help" onChange={(e) => void toggle(e.target.checked)} />
        {t('processAtStore.label')}
      </label>
      <p id="mp-process-help" className="mp-help">
        {t('processAtStore.help')}
      </p>
      {error ? (
        <p className="mp-outcome mp-outcome-bad" role="alert">
          {t('processAtStore.failed', { message: error })}
        </p>
      ) : null}
    </div>
  );
}

function StockTable({ dto }: { dto: MarketplaceOrderDto }) {
  const { t } = useTranslation('marketplace');
  return (
    <>
      <h3 className="mp-subhead">
        {t('stock.title')} <span className="mp-location">{t('stock.location', { location: dto.location })}</span>
      </h3>
      {dto.lines.length === 0 ? (
        <p className="mp-help">{t('stock.noSku')}</p>
      ) : (
        <table className="order-items mp-stock" aria-label={t('stock.title')}>
          <thead>
            <tr>
              <th scope="col">{t('stock.sku')}</th>
              <th scope="col" className="num">
                {t('stock.ordered')}
              </th>
              <th scope="col" className="num">
                {t('stock.returned')}
              </th>
              <th scope="col" className="num">
                {t('stock.onHand')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dto.lines.map((l) => (
              <tr key={l.sku}>
                <td>
                  <code>{l.sku}</code>
                  <div className="sub">{l.title}</div>
                </td>
                <td className="num">{l.quantity}</td>
                <td className="num">{l.returnedRecorded}</td>
                <td className={l.onHand < 0 ? 'num mp-short' : 'num'}>{l.onHand}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dto.stockTaken ? <p className="mp-help">{dto.restockedOnCancel ? t('stock.restocked') : t('stock.taken')}</p> : null}
    </>
  );
}
