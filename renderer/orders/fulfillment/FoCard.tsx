import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import type { FoAction, FoMoveLocation, FoView } from '../../../engine/contract/index.ts';
import { formatTime } from '../../app/format.ts';
import { foShortId } from '../../timeline/fulfillment-sentences.ts';
import { FoActions } from './FoActions.tsx';
import { TrackingLink } from './Shipments.tsx';
import { foButtons, foLineRows, holdReasonKey, foStateTone, foStateWords } from './fo-panel-view.ts';

/**
 * One fulfillment order: where it ships from and who ships it, its state in seed 003's words,
 * its items, holds, the last message the service (or the merchant) left, its parcels, and the
 * actions the merchant may take now.
 */
interface Props {
  view: FoView;
  writeBack: boolean;
  act: (foId: string, action: FoAction) => Promise<string | null>;
  locations: (foId: string) => Promise<FoMoveLocation[]>;
}

export function FoCard({ view, writeBack, act, locations }: Props) {
  const { t } = useTranslation('fulfillment');
  const { fo, display } = view;
  const headingId = `fo-${fo.id.replace(/\W+/g, '-')}`;
  const location = fo.locationName?.trim() || t('fo.location', { id: fo.locationId.split('/').pop() });
  const state = foStateWords(t, display);
  const lines = foLineRows(fo, t('fo.untitled'));
  const buttons = foButtons(view.actions, writeBack, t('writeBackReason'));
  const shipped = fo.fulfillments.filter((f) => f.status === 'success');
  const foId = fo.id;
  const movesTo = useCallback(() => locations(foId), [locations, foId]);

  return (
    <li className="fo-card" aria-labelledby={headingId}>
      <div className="fo-head">
        <h3 id={headingId} className="fo-title">
          {location} <span className="fo-id">{foShortId(fo.id)}</span>
        </h3>
        <span className={`badge badge-${foStateTone(display)} fo-state`} data-testid="fo-state">
          {state}
        </span>
      </div>
      <p className="fo-managed muted">{t(`fo.managedBy.${fo.managedBy}`)}</p>
      {fo.managedBy === 'service' && fo.workflow === 'legacy' ? <p className="fo-legacy">{t('fo.legacy')}</p> : null}
      {display.state === 'scheduled' && fo.fulfillAt ? <p className="fo-managed">{t('fo.fulfillAt', { time: formatTime(fo.fulfillAt) })}</p> : null}
      {display.detail === 'cancellation_rejected' ? <p className="fo-goes-on">{t('fo.goesOn')}</p> : null}
      {fo.message?.trim() ? (
        <figure className="fo-message">
          <figcaption>{t('fo.message')}</figcaption>
          <blockquote lang="en">{fo.message.trim()}</blockquote>
        </figure>
      ) : null}
      {fo.holds.length > 0 ? (
        <ul className="fo-holds" aria-label={t('fo.holds')}>
          {fo.holds.map((h, i) => (
            <li key={`${h.reason}-${i}`}>
              {t('fo.hold', { reason: t(holdReasonKey(h.reason), { defaultValue: h.reason }) })}
              {h.note?.trim() ? <span className="muted"> — {h.note.trim()}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="fo-lines" aria-label={t('fo.lines', { fo: foShortId(fo.id) })}>
        <thead>
          <tr>
            <th scope="col">{t('fo.item')}</th>
            <th scope="col">{t('fo.shipped')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.title}
                {l.sku ? <span className="fo-sku muted">{t('fo.sku', { sku: l.sku })}</span> : null}
              </td>
              <td className={l.done ? 'fo-qty fo-qty-done' : 'fo-qty'}>{l.progress}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shipped.length > 0 ? (
        <ul className="fo-parcels" aria-label={t('fo.parcels')}>
          {shipped.map((f) => (
            <li key={f.id}>
              {t(`fo.parcelBy.${f.by}`)}
              {f.trackingNumber ? (
                <>
                  {' · '}
                  <TrackingLink number={f.trackingNumber} url={f.trackingUrl} carrier={f.carrier} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FoActions fo={fo} buttons={buttons} act={(action) => act(fo.id, action)} locations={movesTo} />
    </li>
  );
}
