import { useId } from 'react';
import { DateUnit, type ConditionField } from '../../../../engine/contract/index.ts';
import { LocalNumberInput } from '../../../components/LocalNumberInput.tsx';
import { TagListInput } from '../TagListInput.tsx';
import { useConditionBuilder } from './builder-context.ts';
import type { IssueSlot, RuleIssue } from './condition-issues.ts';
import { isRule, numberFromInput, type RuleInput, type ValueShape } from './rule-model.ts';
import { formatNumber, optionWord } from './summarize.ts';

interface RuleValueProps {
  rule: RuleInput;
  field: ConditionField | undefined;
  shape: Exclude<ValueShape, 'none'>;
  issueAt: (slot: IssueSlot) => RuleIssue | undefined;
  describedBy: string | undefined;
}

const numberText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const isBareDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The value input an operator calls for: text, a choice, a number or two, a date, a count and unit, a list. */
export function RuleValue({ rule, field, shape, issueAt, describedBy }: RuleValueProps) {
  const { words, change } = useConditionBuilder();
  const { t, lang } = words;
  const id = useId();
  /** Sets (or, for undefined, removes) one key of the rule. */
  const set = (key: 'value' | 'value2' | 'unit', value: unknown) =>
    change(rule.id, (node) => {
      if (!isRule(node)) return node;
      const next = { ...node } as RuleInput & Record<string, unknown>;
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const common = (slot: IssueSlot, label: string) => ({
    'aria-label': label,
    'aria-invalid': issueAt(slot) ? true : undefined,
    'aria-describedby': issueAt(slot) ? describedBy : undefined,
  });
  const value = 'value' in rule ? rule.value : undefined;

  switch (shape) {
    case 'text':
      return (
        <input type="text" className="cond-value" {...common('value', t('builder.value'))} value={typeof value === 'string' ? value : ''} onChange={(e) => set('value', e.target.value === '' ? undefined : e.target.value)} />
      );
    case 'choice':
      return (
        <select className="cond-value" {...common('value', t('builder.value'))} value={typeof value === 'string' ? value : ''} onChange={(e) => set('value', e.target.value === '' ? undefined : e.target.value)}>
          {typeof value !== 'string' || !field?.options?.includes(value) ? <option value="">{t('builder.choose')}</option> : null}
          {(field?.options ?? []).map((o) => (
            <option key={o} value={o}>
              {optionWord(field, o, t)}
            </option>
          ))}
        </select>
      );
    case 'number':
    case 'range': {
      const money = field?.type === 'money' && typeof value === 'number' && Number.isFinite(value);
      return (
        <>
          <LocalNumberInput className="cond-value" {...common('value', t('builder.value'))} value={typeof value === 'number' ? value : undefined} onChange={(n) => set('value', n)} />
          {shape === 'range' ? (
            <>
              <span className="cond-and">{t('builder.and')}</span>
              <LocalNumberInput
                className="cond-value"
                {...common('value2', t('builder.value2'))}
                value={'value2' in rule && typeof rule.value2 === 'number' ? rule.value2 : undefined}
                onChange={(n) => set('value2', n)}
              />
            </>
          ) : null}
          {money && shape === 'number' ? <span className="cond-hint">{t('builder.moneyHint', { amount: formatNumber(value, lang) })}</span> : null}
        </>
      );
    }
    case 'date':
      // A date-time typed by hand (or from a file) stays editable as text; a bare date gets a date input.
      return value === undefined || value === '' || isBareDate(value) ? (
        <input type="date" className="cond-value" {...common('value', t('builder.date'))} value={typeof value === 'string' ? value : ''} onChange={(e) => set('value', e.target.value === '' ? undefined : e.target.value)} />
      ) : (
        <input type="text" className="cond-value" {...common('value', t('builder.date'))} value={String(value)} onChange={(e) => set('value', e.target.value === '' ? undefined : e.target.value)} />
      );
    case 'relative': {
      const count = typeof value === 'number' ? value : undefined;
      return (
        <>
          <input type="number" min={0} step="any" inputMode="numeric" className="cond-count" {...common('value', t('builder.count'))} value={numberText(count)} onChange={(e) => set('value', numberFromInput(e.target.value))} />
          <select className="cond-unit" aria-label={t('builder.unit')} value={'unit' in rule && rule.unit ? rule.unit : 'days'} onChange={(e) => set('unit', e.target.value)}>
            {DateUnit.options.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`, { count: count ?? 2 })}
              </option>
            ))}
          </select>
        </>
      );
    }
    case 'list':
      return (
        <div className="cond-value cond-tags">
          <label htmlFor={id} className="fe-sr-only">
            {t('builder.values')}
          </label>
          <TagListInput id={id} value={Array.isArray(value) ? value : []} onChange={(list) => set('value', list.length === 0 ? undefined : list)} describedBy={issueAt('value') ? describedBy : undefined} invalid={Boolean(issueAt('value'))} />
        </div>
      );
  }
}
