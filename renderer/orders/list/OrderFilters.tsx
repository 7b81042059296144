import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type OrderListDto, type Platform } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { Field } from '../../components/Field.tsx';
import { DayInput } from './DayInput.tsx';
import { storeStatusCell } from './order-status-cells.ts';
import { activeFilters, facetOptions, knownValues, noFilters, type FacetName, type OrderListFilters } from './order-list-filter.ts';

interface Props {
  filters: OrderListFilters;
  counts: OrderListDto['counts'] | null;
  onChange: (next: OrderListFilters) => void;
}

type SelectKey = 'financialStatus' | 'fulfillmentStatus' | 'deliveryStatus' | 'storeStatus' | 'platform' | 'connectionId';

/** The list's filters: a select per status with the number of orders beside each option, given the other filters. */
export function OrderFilters({ filters, counts, onChange }: Props) {
  const { t, i18n } = useTranslation('orders');
  const names = useConnectionNames();
  const set = <K extends keyof OrderListFilters>(key: K, value: OrderListFilters[K]) => onChange({ ...filters, [key]: value });
  const n = (count: number) => count.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US');

  const select = (key: SelectKey, facet: FacetName, known: readonly string[], word: (value: string) => string) => {
    const picked = key === 'storeStatus' ? filters.storeStatus : filters[key] || null;
    const options = facetOptions(counts?.[facet], known, picked);
    return (
      <Field label={t(`filters.${key}`)}>
        {(id) => (
          <select
            id={id}
            value={picked === null ? '*' : `=${picked}`}
            onChange={(e) => {
              const v = e.target.value;
              if (key === 'storeStatus') set('storeStatus', v === '*' ? null : v.slice(1));
              else set(key, (v === '*' ? '' : v.slice(1)) as never);
            }}
          >
            <option value="*">{t('filters.any')}</option>
            {options.map((o) => (
              <option key={o.value} value={`=${o.value}`}>
                {word(o.value)} ({n(o.count)})
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };

  const cancelled = counts?.cancelled ?? {};
  const active = activeFilters(filters);
  return (
    <div className="order-filters" role="group" aria-label={t('filters.label')}>
      {select('financialStatus', 'financialStatus', knownValues.financialStatus, (v) => t(`list.status.payment.${v}`, { defaultValue: v }))}
      {select('fulfillmentStatus', 'fulfillmentStatus', knownValues.fulfillmentStatus, (v) => t(`list.status.fulfillment.${v}`, { defaultValue: v }))}
      {select('deliveryStatus', 'deliveryStatus', knownValues.deliveryStatus, (v) => t(`list.status.delivery.${v}`, { defaultValue: v }))}
      {select('storeStatus', 'storeStatus', [], (v) => {
        // The same words as the column: a platform's own payment word ("pending") in the user's language.
        const cell = v === '' ? null : storeStatusCell({ storeStatus: v, cancelledAt: null });
        return cell === null ? t('filters.noStoreStatus') : 'key' in cell ? t(cell.key) : cell.text;
      })}
      <Field label={t('filters.cancelled')}>
        {(id) => (
          <select id={id} value={filters.cancelled} onChange={(e) => set('cancelled', e.target.value as OrderListFilters['cancelled'])}>
            <option value="all">{t('filters.any')}</option>
            <option value="no">{t('filters.notCancelled')} ({n(cancelled['no'] ?? 0)})</option>
            <option value="yes">{t('filters.onlyCancelled')} ({n(cancelled['yes'] ?? 0)})</option>
          </select>
        )}
      </Field>
      {select('platform', 'platform', knownValues.platform, (v) => platformLabels[v as Platform] ?? v)}
      {select('connectionId', 'connectionId', [], (v) => names[v] ?? v)}
      <Field label={t('filters.tag')}>
        {(id) => <input id={id} type="search" value={filters.tag} onChange={(e) => set('tag', e.target.value)} />}
      </Field>
      <Field label={t('filters.from')}>
        {(id) => <DayInput id={id} value={filters.from} onChange={(day) => set('from', day)} />}
      </Field>
      <Field label={t('filters.to')}>
        {(id) => <DayInput id={id} value={filters.to} onChange={(day) => set('to', day)} />}
      </Field>
      <button type="button" className="order-filters-clear" disabled={active === 0} onClick={() => onChange(noFilters)}>
        {active === 0 ? t('filters.clearNone') : t('filters.clear', { count: active })}
      </button>
    </div>
  );
}

/** Connection names by id, for the store select (the counts name connections by id). */
function useConnectionNames(): Record<string, string> {
  const client = useApiClient();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    client.call('connections.list', {}).then(
      (list) => live && setNames(Object.fromEntries(list.map((c) => [c.id, c.name]))),
      // Without the names the select shows the connections' ids: still usable.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return names;
}
