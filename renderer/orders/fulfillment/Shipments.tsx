import { useTranslation } from 'react-i18next';
import type { OrderShipment } from '../../../engine/contract/index.ts';
import { safeTrackingUrl } from './fo-panel-view.ts';

/** A tracking number, a link when the platform gave a web address for it, with its carrier. */
export function TrackingLink({ number, url, carrier }: { number: string; url?: string | null | undefined; carrier?: string | null | undefined }) {
  const { t } = useTranslation('fulfillment');
  const href = safeTrackingUrl(url);
  const label = t('tracking', { number });
  return (
    <span className="fo-tracking">
      {href ? (
        <a href={href} target="_blank" rel="noreferrer">
          {label}
        </a>
      ) : (
        label
      )}
      {carrier?.trim() ? <span className="muted"> ({carrier.trim()})</span> : null}
    </span>
  );
}

/** The order's parcels with their tracking numbers, whatever the platform's model (fo-panel-view.ts orderParcels). */
export function Shipments({ shipments }: { shipments: OrderShipment[] }) {
  const { t } = useTranslation('fulfillment');
  const tracked = shipments;
  return (
    <div className="fo-shipments">
      <h3>{t('panel.shipments')}</h3>
      {tracked.length === 0 ? (
        <p className="muted fo-empty">{t('panel.noShipments')}</p>
      ) : (
        <ul aria-label={t('panel.shipments')}>
          {tracked.map((s, i) => (
            <li key={s.id ?? i}>
              {s.trackingNumber ? <TrackingLink number={s.trackingNumber} url={s.trackingUrl} carrier={s.carrier} /> : <span className="muted">{t('noTracking')}</span>}
              {s.deliveryStatus ? <span className="muted"> · {t(`deliveryStatus.${s.deliveryStatus}`, { ns: 'orders', defaultValue: s.deliveryStatus })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
