import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoAction, FoMoveLocation, FulfillmentOrder } from '../../../engine/contract/index.ts';
import { Field } from '../../components/Field.tsx';
import { emptyFoForm, foActionFrom, holdReasons, type FoFormValues } from './fo-action-input.ts';
import { revertable, type MerchantFoAction } from './fo-panel-view.ts';
import { LineQuantities } from './LineQuantities.tsx';
import { MoveLocation } from './MoveLocation.tsx';

interface Props {
  kind: MerchantFoAction;
  fo: FulfillmentOrder;
  busy: boolean;
  /** Where this FO can be moved, read from the platform when the move form opens. */
  locations: () => Promise<FoMoveLocation[]>;
  onSubmit: (action: FoAction) => void;
  onClose: () => void;
}

/**
 * The small form an FO action asks for before it is sent: a message for the service, a
 * cancellation note (never sent to the customer), a move's location and reason, a hold's
 * reason, tracking for "mark as fulfilled", and, before a revert, its warning.
 */
export function FoActionForm({ kind, fo, busy, locations, onSubmit, onClose }: Props) {
  const { t } = useTranslation('fulfillment');
  const [v, setV] = useState<FoFormValues>(() => emptyFoForm(fo));
  const [missing, setMissing] = useState<string | null>(null);
  const set = <K extends keyof FoFormValues>(key: K, value: FoFormValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const chooser = <LineQuantities fo={fo} quantities={v.quantities} remaining={v.remaining} onChange={(lineId, q) => setV((old) => ({ ...old, quantities: { ...old.quantities, [lineId]: q } }))} />;
  const text = (key: 'message' | 'note' | 'reason' | 'trackingNumber' | 'carrier' | 'trackingUrl', label: string, multiline = false) => (
    <Field label={label}>
      {(id) =>
        multiline ? (
          <textarea id={id} rows={2} value={v[key]} maxLength={5000} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input id={id} value={v[key]} onChange={(e) => set(key, e.target.value)} />
        )
      }
    </Field>
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const built = foActionFrom(kind, v);
    if ('missing' in built) setMissing(t(`form.missing.${built.missing}`));
    else onSubmit(built.action);
  }

  return (
    <form className="fo-form" aria-label={t(`action.${kind}`)} onSubmit={submit}>
      {kind === 'request_fulfillment' ? (
        <>
          {chooser}
          {text('message', t('form.message'), true)}
        </>
      ) : null}
      {kind === 'request_cancellation' ? (
        <>
          {text('note', t('form.note'), true)}
          <p className="fo-form-hint">{t('form.noteHint')}</p>
        </>
      ) : null}
      {kind === 'move' ? (
        <>
          <MoveLocation
            load={locations}
            value={v.locationId}
            onChoose={(l) => setV((old) => ({ ...old, locationId: l?.id ?? '', locationName: l?.name ?? '', managedBy: l?.managedBy ?? 'merchant' }))}
          />
          {text('reason', t('form.moveReason'))}
        </>
      ) : null}
      {kind === 'hold' ? (
        <>
          <Field label={t('form.holdReason')}>
            {(id) => (
              <select id={id} value={v.holdReason} onChange={(e) => set('holdReason', e.target.value as FoFormValues['holdReason'])}>
                {holdReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`holdReason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('note', t('form.holdNote'), true)}
        </>
      ) : null}
      {kind === 'fulfil' ? (
        <>
          {chooser}
          {text('trackingNumber', t('form.trackingNumber'))}
          {text('carrier', t('form.carrier'))}
          {text('trackingUrl', t('form.trackingUrl'))}
          <label className="fo-check">
            <input type="checkbox" checked={v.notifyCustomer} onChange={(e) => set('notifyCustomer', e.target.checked)} />
            {t('form.notifyCustomer')}
          </label>
          <p className="fo-form-hint">{t('form.fulfilHint')}</p>
        </>
      ) : null}
      {kind === 'revert_fulfillment' ? (
        <>
          <Field label={t('form.fulfillment')}>
            {(id) => (
              <select id={id} value={v.fulfillmentId} onChange={(e) => set('fulfillmentId', e.target.value)}>
                {revertable(fo).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.trackingNumber ? t('form.fulfillmentTracked', { id: `#${f.id.split('/').pop()}`, tracking: f.trackingNumber }) : `#${f.id.split('/').pop()}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="fo-form-warning" role="note">
            {t('form.revertWarning')}
          </p>
        </>
      ) : null}
      {missing ? (
        <p className="fo-outcome fo-outcome-bad" role="alert">
          {missing}
        </p>
      ) : null}
      <div className="fo-form-buttons">
        <button type="submit" className={kind === 'revert_fulfillment' ? 'button-danger' : 'button-primary'} disabled={busy}>
          {busy ? t('form.sending') : t(`form.submit.${kind}`)}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('form.close')}
        </button>
      </div>
    </form>
  );
}
