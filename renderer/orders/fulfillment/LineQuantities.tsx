import { useTranslation } from 'react-i18next';
import type { FulfillmentOrder } from '../../../engine/contract/index.ts';
import { foShortId } from '../../timeline/fulfillment-sentences.ts';
import { foLineRows } from './fo-panel-view.ts';

interface Props {
  fo: FulfillmentOrder;
  quantities: Record<string, number>;
  remaining: Record<string, number>;
  onChange: (lineId: string, quantity: number) => void;
}

/**
 * Which items, and how many of each, a request or "mark as fulfilled" covers: every line with
 * something left, all of it by default (issue 14: partial fulfilment). Zero leaves a line out.
 */
export function LineQuantities({ fo, quantities, remaining, onChange }: Props) {
  const { t } = useTranslation('fulfillment');
  const rows = foLineRows(fo, t('fo.untitled')).filter((r) => (remaining[r.id] ?? 0) > 0);
  if (rows.length === 0) return null;
  return (
    <fieldset className="fo-qty-chooser">
      <legend>{t('form.items')}</legend>
      <table className="fo-lines" aria-label={t('form.itemsOf', { fo: foShortId(fo.id) })}>
        <thead>
          <tr>
            <th scope="col">{t('fo.item')}</th>
            <th scope="col">{t('form.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const left = remaining[r.id] ?? 0;
            return (
              <tr key={r.id}>
                <td>
                  {r.title}
                  {r.sku ? <span className="fo-sku muted">{t('fo.sku', { sku: r.sku })}</span> : null}
                </td>
                <td className="fo-qty">
                  <input
                    type="number"
                    className="fo-qty-input"
                    min={0}
                    max={left}
                    step={1}
                    inputMode="numeric"
                    aria-label={t('form.quantityOf', { item: r.title, left })}
                    value={Number.isNaN(quantities[r.id]) ? '' : (quantities[r.id] ?? left)}
                    onChange={(e) => onChange(r.id, e.target.value === '' ? Number.NaN : Number(e.target.value))}
                  />
                  <span className="muted"> / {left}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
