import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoAction, FoMoveLocation, FulfillmentOrder } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { FoActionForm } from './FoActionForm.tsx';
import { emptyFoForm, foActionFrom } from './fo-action-input.ts';
import { actionFailure, type ActionFailure, type FoButton, type MerchantFoAction } from './fo-panel-view.ts';
import { foShortId } from '../../timeline/fulfillment-sentences.ts';

/** `at`: the FO's state when the action was done; a later change (a webhook) makes "Done." old news. */
type Outcome = { kind: 'done'; warning: string | null; at?: string } | { kind: 'failed'; failure: ActionFailure } | null;

/**
 * One FO's actions: every merchant action shown, allowed ones first. A refused one stays in
 * place, focusable (aria-disabled rather than disabled), its reason in a tooltip, read out with
 * it (aria-describedby) and shown under the buttons while it has focus or the pointer.
 * Actions that need words or a location open a small form; the others are sent at once.
 */
export function FoActions({ fo, buttons, act, locations }: { fo: FulfillmentOrder; buttons: FoButton[]; act: (action: FoAction) => Promise<string | null>; locations: () => Promise<FoMoveLocation[]> }) {
  const { t } = useTranslation('fulfillment');
  const base = useId();
  const [open, setOpen] = useState<MerchantFoAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [hint, setHint] = useState<FoButton | null>(null);
  const ordered = [...buttons.filter((b) => b.allowed), ...buttons.filter((b) => !b.allowed)];
  const reasonId = (kind: string) => `${base}-${kind}-why`;
  const stateKey = `${fo.status}/${fo.requestStatus}`;
  useEffect(() => {
    setOutcome((o) => {
      if (o?.kind !== 'done') return o;
      if (o.at === undefined) return { ...o, at: stateKey };
      return o.at === stateKey ? o : null;
    });
  }, [stateKey, outcome]);
  // The state machine's refusal in the user's words; any other reason (API access off) as given.
  const why = (b: FoButton) => (b.refusal ? t(`refusal.${b.refusal.code}`, { ...b.refusal.args, defaultValue: b.reason ?? '' }) : (b.reason ?? t('action.notNow')));

  async function send(action: FoAction) {
    setBusy(true);
    setOutcome(null);
    try {
      const warning = await act(action);
      setOpen(null);
      setOutcome({ kind: 'done', warning });
    } catch (e) {
      setOutcome({ kind: 'failed', failure: actionFailure(toApiError(e)) });
    } finally {
      setBusy(false);
    }
  }

  function press(b: FoButton) {
    if (!b.allowed || busy) return;
    setOutcome(null);
    if (b.form) setOpen((o) => (o === b.kind ? null : b.kind));
    else {
      // Cancel request, release hold, fulfil now: nothing to ask, sent at once.
      const built = foActionFrom(b.kind, emptyFoForm(fo));
      if ('action' in built) void send(built.action);
    }
  }

  return (
    <div className="fo-actions-wrap">
      <div className="fo-actions" role="group" aria-label={t('fo.actions', { fo: foShortId(fo.id) })}>
        {ordered.map((b) => (
          <button
            key={b.kind}
            type="button"
            className={b.allowed ? 'fo-action' : 'fo-action fo-action-refused'}
            aria-disabled={b.allowed && !busy ? undefined : 'true'}
            aria-expanded={b.form && b.allowed ? open === b.kind : undefined}
            aria-describedby={b.allowed ? undefined : reasonId(b.kind)}
            title={b.allowed ? undefined : why(b)}
            onClick={() => press(b)}
            onFocus={() => setHint(b.allowed ? null : b)}
            onMouseEnter={() => setHint(b.allowed ? null : b)}
            onBlur={() => setHint(null)}
            onMouseLeave={() => setHint(null)}
          >
            {t(`action.${b.kind}`)}
          </button>
        ))}
      </div>
      {/* Outside the buttons, so a reason describes its button without becoming part of its name. */}
      <div hidden>
        {ordered
          .filter((b) => !b.allowed)
          .map((b) => (
            <span key={b.kind} id={reasonId(b.kind)}>
              {why(b)}
            </span>
          ))}
      </div>
      {/* The reason of the refused action under the pointer or focus, for those who cannot wait for a tooltip. */}
      {hint ? (
        <p className="fo-hint muted" aria-hidden="true">
          {t(`action.${hint.kind}`)}: {why(hint)}
        </p>
      ) : null}
      {/* A form whose action the FO no longer allows (it moved on meanwhile) closes by itself. */}
      {open && buttons.some((b) => b.kind === open && b.allowed) ? <FoActionForm key={open} kind={open} fo={fo} busy={busy} locations={locations} onSubmit={(a) => void send(a)} onClose={() => setOpen(null)} /> : null}
      <ActionOutcome outcome={outcome} />
    </div>
  );
}

/** The answer to the last action, inline: the engine's English reason framed in the user's language. */
export function ActionOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('fulfillment');
  if (!outcome) return null;
  if (outcome.kind === 'failed') {
    return (
      <p className="fo-outcome fo-outcome-bad" role="alert">
        {t(outcome.failure.refused ? 'error.refused' : 'error.failed')} <q lang="en">{outcome.failure.reason}</q>
      </p>
    );
  }
  return (
    <p className="fo-outcome" role="status">
      {t('form.done')}
      {outcome.warning ? (
        <>
          {' '}
          {t('error.warning')} <q lang="en">{outcome.warning}</q>
        </>
      ) : null}
    </p>
  );
}
