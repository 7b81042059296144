import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketplaceOrderDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { Field } from '../../components/Field.tsx';

type Outcome = { ok: true } | { ok: false; message: string } | null;

/** "Record a return": how many of each SKU came back; recording restocks them, once. */
export function RecordReturnForm({ dto, record }: { dto: MarketplaceOrderDto; record: (lines: { sku: string; quantity: number }[]) => Promise<void> }) {
  const { t } = useTranslation('marketplace');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const lines = dto.lines.map((l) => ({ ...l, max: l.returnable }));
  const returnable = lines.filter((l) => l.max > 0);
  if (dto.lines.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const asked = returnable.map((l) => ({ sku: l.sku, quantity: Number(quantities[l.sku] ?? '0') })).filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
    if (asked.length === 0) {
      setOutcome({ ok: false, message: t('record.nothing') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await record(asked);
      setOutcome({ ok: true });
      setQuantities({});
      setOpen(false);
    } catch (error) {
      setOutcome({ ok: false, message: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mp-return">
      {returnable.length === 0 ? (
        lines.some((l) => l.returnedRecorded > 0) ? <p className="mp-help">{t('record.allReturned')}</p> : null
      ) : (
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('record.open')}
        </button>
      )}
      {open && returnable.length > 0 ? (
        <form className="mp-form" aria-label={t('record.title')} onSubmit={(e) => void submit(e)}>
          {returnable.map((l) => (
            <Field key={l.sku} label={t('record.quantity', { sku: l.sku, max: l.max })}>
              {(id) => (
                <input id={id} type="number" inputMode="numeric" min={0} max={l.max} step={1} value={quantities[l.sku] ?? ''} onChange={(e) => setQuantities({ ...quantities, [l.sku]: e.target.value })} />
              )}
            </Field>
          ))}
          <div className="mp-form-buttons">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t('record.sending') : t('record.submit')}
            </button>
            <button type="button" onClick={() => setOpen(false)} disabled={busy}>
              {t('record.close')}
            </button>
          </div>
        </form>
      ) : null}
      {outcome?.ok === false ? (
        <p className="mp-outcome mp-outcome-bad" role="alert">
          {t('record.failed', { message: outcome.message })}
        </p>
      ) : null}
      {outcome?.ok ? (
        <p className="mp-outcome" role="status">
          {t('record.done')}
        </p>
      ) : null}
    </div>
  );
}
