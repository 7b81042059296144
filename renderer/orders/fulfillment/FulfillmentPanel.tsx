import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type OrderFulfillmentDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { pageHref } from '../../app/routes.ts';
import { LoadNotice } from '../../components/LoadNotice.tsx';
import { FoCard } from './FoCard.tsx';
import { OrderActions } from './OrderActions.tsx';
import { Shipments } from './Shipments.tsx';
import { orderParcels } from './fo-panel-view.ts';
import { useOrderFulfillment } from './useOrderFulfillment.ts';
import './fulfillment.css';

/**
 * The order page's fulfilment panel (issue 14): for Shopify, one card per fulfillment order
 * with the actions its state allows; for the platforms that fulfil whole orders, "mark as
 * fulfilled" with tracking; for Lazada, Ready to ship and Cancel; and every model's parcels.
 * Kept live from the order's timeline.
 */
export function FulfillmentPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation('fulfillment');
  const q = useOrderFulfillment(orderId);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const dto = q.data;
  const platform = dto ? platformLabels[dto.platform] : '';

  async function refresh() {
    setRefreshing(true);
    setRefreshError(null);
    try {
      await q.refresh();
    } catch (e) {
      setRefreshError(toApiError(e).message);
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <section className="order-card fo-panel" aria-labelledby="fo-panel-heading">
      <div className="fo-panel-head">
        <h2 id="fo-panel-heading">{t('panel.title')}</h2>
        {dto && dto.model !== 'none' ? (
          <button type="button" className="fo-refresh" disabled={refreshing} onClick={() => void refresh()}>
            {refreshing ? t('panel.refreshing') : t('panel.refresh', { platform })}
          </button>
        ) : null}
      </div>
      <LoadNotice
        loading={q.loading && !dto}
        error={dto ? null : q.error}
        empty={dto === null}
        texts={{ loading: t('panel.loading'), empty: '', failed: (message) => t('panel.failed', { message }), retry: t('panel.retry') }}
        onRetry={q.reload}
      />
      {refreshError ? (
        <p className="fo-outcome fo-outcome-bad" role="alert">
          {t('error.refresh', { platform })} <q lang="en">{refreshError}</q>
        </p>
      ) : null}
      {dto ? <PanelBody dto={dto} platform={platform} act={q.act} orderAct={q.orderAct} locations={q.locations} /> : null}
    </section>
  );
}

function PanelBody({ dto, platform, act, orderAct, locations }: { dto: OrderFulfillmentDto; platform: string } & Pick<ReturnType<typeof useOrderFulfillment>, 'act' | 'orderAct' | 'locations'>) {
  const { t } = useTranslation('fulfillment');
  const notRead = dto.model === 'fulfillment_orders' && dto.fulfillmentOrders.length === 0;
  // The engine's note is English; the cases it covers are said here in the user's words. Its
  // note is shown as it came only when it may say more (why the FOs could not be read).
  const known = !dto.writeBack || dto.model === 'none';
  return (
    <>
      {!dto.writeBack && dto.model !== 'none' ? (
        <p className="fo-note fo-note-off">
          {t('note.writeBackOff', { platform })} <a href={pageHref('connections')}>{t('note.connections')}</a>
        </p>
      ) : null}
      {dto.model === 'none' ? <p className="fo-note">{t('note.none', { platform })}</p> : null}
      {notRead ? <p className="fo-note">{t('note.notRead', { platform })}</p> : null}
      {dto.note && !known ? (
        <p className="fo-note" lang="en">
          {dto.note}
        </p>
      ) : null}
      {dto.shipped && dto.fulfillmentOrders.length > 0 ? (
        <p className="fo-shipped">
          {t('shipped.label')} <span className={`badge badge-${dto.shipped === 'fulfilled' ? 'good' : 'neutral'}`} data-testid="fo-order-shipped">{t(`shipped.${dto.shipped}`)}</span>
        </p>
      ) : null}
      {dto.fulfillmentOrders.length > 0 ? (
        <ul className="fo-list" aria-label={t('panel.fos')}>
          {dto.fulfillmentOrders.map((view) => (
            <FoCard key={view.fo.id} view={view} writeBack={dto.writeBack} act={act} locations={locations} />
          ))}
        </ul>
      ) : null}
      {dto.model === 'order' || dto.model === 'marketplace' ? <OrderActions dto={dto} writeBackOff={t('writeBackReason')} send={orderAct} /> : null}
      <Shipments shipments={orderParcels(dto)} />
    </>
  );
}
