import { useTranslation } from 'react-i18next';
import { InboxVerdict, Platform, platformLabels } from '../../engine/contract/index.ts';
import { DayInput } from '../orders/list/DayInput.tsx';
import { Field } from '../components/Field.tsx';
import { emptyFilterForm, type FilterForm } from './inbox-filter.ts';
import './bench.css';

interface InboxFiltersProps {
  form: FilterForm;
  onChange: (form: FilterForm) => void;
  /** Connection ids with their names, for the connection picker. */
  connections: readonly { id: string; name: string }[];
}

/** The Inbox's filters: which connection, platform, topic, verdict, duplicates, when, and free text. */
export function InboxFilters({ form, onChange, connections }: InboxFiltersProps) {
  const { t } = useTranslation('bench');
  const { t: ti } = useTranslation('inbox');
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const changed = Object.entries(form).some(([k, v]) => emptyFilterForm[k as keyof FilterForm] !== v);

  return (
    <form className="bench-filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('filters.search')}>
        {(id) => (
          <input id={id} type="search" className="bench-search" value={form.query} placeholder={t('filters.searchHint')} onChange={(e) => set('query', e.target.value)} />
        )}
      </Field>
      <Field label={t('filters.connection')}>
        {(id) => (
          <select id={id} value={form.connectionId} onChange={(e) => set('connectionId', e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.platform')}>
        {(id) => (
          <select id={id} value={form.platform} onChange={(e) => set('platform', e.target.value as FilterForm['platform'])}>
            <option value="">{t('filters.any')}</option>
            {Platform.options.map((p) => (
              <option key={p} value={p}>
                {platformLabels[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.topic')}>
        {(id) => <input id={id} className="bench-topic mono" value={form.topic} onChange={(e) => set('topic', e.target.value)} />}
      </Field>
      <Field label={ti('filter.label')}>
        {(id) => (
          <select id={id} value={form.verdict} onChange={(e) => set('verdict', e.target.value as FilterForm['verdict'])}>
            <option value="">{ti('filter.all')}</option>
            {InboxVerdict.options.map((v) => (
              <option key={v} value={v}>
                {ti(`verdict.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.duplicates')}>
        {(id) => (
          <select id={id} value={form.duplicate} onChange={(e) => set('duplicate', e.target.value as FilterForm['duplicate'])}>
            <option value="">{t('filters.duplicatesAny')}</option>
            <option value="only">{t('filters.duplicatesOnly')}</option>
            <option value="none">{t('filters.duplicatesNone')}</option>
          </select>
        )}
      </Field>
      <Field label={t('filters.since')}>
        {(id) => <DayInput id={id} withTime value={form.since} onChange={(v) => set('since', v)} />}
      </Field>
      <Field label={t('filters.until')}>
        {(id) => <DayInput id={id} withTime value={form.until} onChange={(v) => set('until', v)} />}
      </Field>
      {changed ? (
        <button type="button" className="link-button bench-clear" onClick={() => onChange(emptyFilterForm)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </form>
  );
}
