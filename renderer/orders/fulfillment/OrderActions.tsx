import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFulfillmentDto, WriteAction, WriteRequest, WriteRequestOf } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { Field } from '../../components/Field.tsx';
import { actionFailure, orderLevelActions, type ActionFailure } from './fo-panel-view.ts';

type Outcome = { kind: 'done'; answer: string | null } | { kind: 'failed'; failure: ActionFailure } | null;
type DeliveryType = WriteRequestOf<'marketplace.ready_to_ship'>['deliveryType'];
const deliveryTypes: readonly DeliveryType[] = ['dropship', 'pickup', 'send_to_warehouse'];
interface OrderForm {
  trackingNumber: string;
  carrier: string;
  trackingUrl: string;
  notifyCustomer: boolean;
  shipmentProvider: string;
  deliveryType: DeliveryType;
  reasonId: string;
}

/**
 * The order-level actions: "mark as fulfilled" with tracking (Haravan, Sapo Web…), Lazada's
 * Ready to ship and Cancel. Each opens a small form; a refused one stays, saying why.
 */
export function OrderActions({ dto, writeBackOff, send }: { dto: OrderFulfillmentDto; writeBackOff: string; send: (r: WriteRequest) => Promise<string | null> }) {
  const { t } = useTranslation('fulfillment');
  const base = useId();
  const [open, setOpen] = useState<WriteAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [f, setF] = useState<OrderForm>({ trackingNumber: '', carrier: '', trackingUrl: '', notifyCustomer: false, shipmentProvider: '', deliveryType: 'dropship', reasonId: '' });
  const actions = orderLevelActions(dto).map((a) => (dto.writeBack ? a : { ...a, allowed: false, reason: writeBackOff }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    let request: WriteRequest;
    if (open === 'order.fulfil') request = { action: open, trackingNumber: f.trackingNumber.trim(), carrier: f.carrier.trim(), trackingUrl: f.trackingUrl.trim(), notifyCustomer: f.notifyCustomer };
    else if (open === 'marketplace.ready_to_ship') request = { action: open, shipmentProvider: f.shipmentProvider.trim(), deliveryType: f.deliveryType };
    else if (open === 'marketplace.cancel' && f.reasonId.trim()) request = { action: open, reasonId: f.reasonId.trim() };
    else return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', answer: await send(request) });
      setOpen(null);
    } catch (error) {
      setOutcome({ kind: 'failed', failure: actionFailure(toApiError(error)) });
    } finally {
      setBusy(false);
    }
  }

  const input = (key: 'trackingNumber' | 'carrier' | 'trackingUrl' | 'shipmentProvider' | 'reasonId', label: string, required = false) => (
    <Field label={label}>{(id) => <input id={id} required={required} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />}</Field>
  );

  // Why an action cannot be taken now, in the user's words (by the engine's code), else as the engine said it.
  const whyNot = (a: (typeof actions)[number]) =>
    a.refusal ? t(`orderRefusal.${a.refusal.code}`, { ...a.refusal.args, defaultValue: a.reason ?? '' }) : (a.reason ?? t('action.notNow'));

  return (
    <div className="fo-actions-wrap">
      <div className="fo-actions" role="group" aria-label={t('order.actions')}>
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            className={a.allowed ? 'fo-action' : 'fo-action fo-action-refused'}
            aria-disabled={a.allowed && !busy ? undefined : 'true'}
            aria-expanded={a.allowed ? open === a.action : undefined}
            aria-describedby={a.allowed ? undefined : `${base}-${a.action}`}
            title={a.allowed ? undefined : whyNot(a)}
            onClick={() => a.allowed && !busy && setOpen((o) => (o === a.action ? null : a.action))}
          >
            {t(`order.action.${a.action}`)}
          </button>
        ))}
      </div>
      <div hidden>
        {actions
          .filter((a) => !a.allowed)
          .map((a) => (
            <span key={a.action} id={`${base}-${a.action}`}>
              {whyNot(a)}
            </span>
          ))}
      </div>
      {open ? (
        <form className="fo-form" aria-label={t(`order.action.${open}`)} onSubmit={(e) => void submit(e)}>
          {open === 'order.fulfil' ? (
            <>
              {input('trackingNumber', t('form.trackingNumber'))}
              {input('carrier', t('form.carrier'))}
              {input('trackingUrl', t('form.trackingUrl'))}
              <label className="fo-check">
                <input type="checkbox" checked={f.notifyCustomer} onChange={(e) => setF({ ...f, notifyCustomer: e.target.checked })} />
                {t('form.notifyCustomer')}
              </label>
            </>
          ) : null}
          {open === 'marketplace.ready_to_ship' ? (
            <>
              {input('shipmentProvider', t('order.shipmentProvider'))}
              <Field label={t('order.deliveryType')}>
                {(id) => (
                  <select id={id} value={f.deliveryType} onChange={(e) => setF({ ...f, deliveryType: e.target.value as DeliveryType })}>
                    {deliveryTypes.map((d) => (
                      <option key={d} value={d}>
                        {t(`order.delivery.${d}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          ) : null}
          {open === 'marketplace.cancel' ? input('reasonId', t('order.reasonId'), true) : null}
          <div className="fo-form-buttons">
            <button type="submit" className={open === 'marketplace.cancel' ? 'button-danger' : 'button-primary'} disabled={busy}>
              {busy ? t('form.sending') : t(`order.action.${open}`)}
            </button>
            <button type="button" onClick={() => setOpen(null)} disabled={busy}>
              {t('form.close')}
            </button>
          </div>
        </form>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <p className="fo-outcome fo-outcome-bad" role="alert">
          {t(outcome.failure.refused ? 'error.refused' : 'error.failed')} <q lang="en">{outcome.failure.reason}</q>
        </p>
      ) : null}
      {outcome?.kind === 'done' ? (
        <p className="fo-outcome" role="status">
          {t('form.done')} {outcome.answer ? <q lang="en">{outcome.answer}</q> : null}
        </p>
      ) : null}
    </div>
  );
}
