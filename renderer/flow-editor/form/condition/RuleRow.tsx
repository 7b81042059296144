import { useEffect, useId, useRef } from 'react';
import { useConditionBuilder } from './builder-context.ts';
import type { IssueSlot, RuleIssue } from './condition-issues.ts';
import { findField, type FieldScope, type PickEntry } from './field-catalog.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { isRule, operatorFamily, operatorsFor, ruleForField, valueShape, withOperator, type RuleInput } from './rule-model.ts';
import { RuleValue } from './RuleValue.tsx';
import { ruleSentence, type Translate } from './summarize.ts';

/** The words for a rule's problem: the locale's where there are some, else the schema's own. */
export function issueWords(issue: RuleIssue, t: Translate): string {
  return issue.key ? t(`problem.${issue.key}`) : issue.message;
}

/** One rule: field, operator, value, the text options, and what is wrong with it. */
export function RuleRow({ rule, scope }: { rule: RuleInput; scope: FieldScope }) {
  const { words, issues, change, remove, focusRule, focused } = useConditionBuilder();
  const { t } = words;
  const id = useId();
  const operatorRef = useRef<HTMLSelectElement>(null);
  const field = findField(scope, rule.field);
  const picked = rule.field !== '';
  const sentence = ruleSentence(rule, scope, words);
  // Until a field is picked, only that is asked for.
  const ruleIssues = (issues.get(rule.id) ?? []).filter((i) => picked || i.slot === 'field' || i.slot === 'node');
  const issueAt = (slot: IssueSlot) => ruleIssues.find((i) => i.slot === slot);
  const problemId = ruleIssues.length > 0 ? `${id}-problem` : undefined;
  const shape = valueShape(rule, field);
  const family = operatorFamily(field, rule.type);
  const textFlags = (shape === 'text' || shape === 'list') && rule.type !== 'number';

  const focusOperator = focusRule === rule.id;
  useEffect(() => {
    if (!focusOperator) return;
    operatorRef.current?.focus();
    focused();
  }, [focusOperator, focused]);

  function pick(entry: PickEntry) {
    const via = entry.via;
    if (!via) {
      change(rule.id, (node) => (isRule(node) ? ruleForField(node, entry.field) : node), rule.id);
      return;
    }
    // A line item's field is read on each line item: the rule moves into "at least one line item where …".
    change(
      rule.id,
      (node, newId) => ({
        id: newId('q'),
        quantifier: 'any',
        list: via.path,
        where: { id: newId('g'), join: 'all', rules: [ruleForField({ id: node.id, field: '', type: 'text', operator: 'equals' }, entry.field)] },
      }),
      rule.id,
    );
  }

  const setFlag = (flag: 'caseSensitive' | 'ignoreDiacritics', on: boolean) =>
    change(rule.id, (node) => {
      if (!isRule(node)) return node;
      const next = { ...node } as RuleInput & Record<string, unknown>;
      if (on) next[flag] = true;
      else delete next[flag];
      return next;
    });

  return (
    <div className={`cond-rule${ruleIssues.length > 0 ? ' has-problem' : ''}`} role="group" aria-label={sentence}>
      <div className="cond-rule-line">
        <FieldPicker
          scope={scope}
          field={field}
          path={rule.field}
          invalid={Boolean(issueAt('field'))}
          describedBy={issueAt('field') ? problemId : undefined}
          onPick={pick}
        />
        <button type="button" className="cond-remove" aria-label={t('builder.removeRule', { rule: sentence })} title={t('builder.removeRule', { rule: sentence })} onClick={() => remove(rule.id)}>
          ×
        </button>
      </div>
      {picked ? (
        <div className={`cond-rule-line cond-shape-${shape}`}>
          <select
            ref={operatorRef}
            className="cond-operator"
            aria-label={t('builder.operator')}
            value={rule.operator}
            onChange={(e) => change(rule.id, (node) => (isRule(node) ? withOperator(node, e.target.value) : node))}
          >
            {operatorsFor(field, rule.type).map((op) => (
              <option key={op} value={op}>
                {t(`operator.${family}.${op}`)}
              </option>
            ))}
          </select>
          {shape !== 'none' ? <RuleValue rule={rule} field={field} shape={shape} issueAt={issueAt} describedBy={problemId} /> : null}
        </div>
      ) : null}
      {picked && textFlags ? (
        <div className="cond-flags">
          <label>
            <input type="checkbox" checked={'caseSensitive' in rule && rule.caseSensitive === true} onChange={(e) => setFlag('caseSensitive', e.target.checked)} />
            {t('builder.matchCase')}
          </label>
          <label>
            <input type="checkbox" checked={'ignoreDiacritics' in rule && rule.ignoreDiacritics === true} onChange={(e) => setFlag('ignoreDiacritics', e.target.checked)} />
            {t('builder.ignoreAccents')}
          </label>
        </div>
      ) : null}
      {ruleIssues.length > 0 ? (
        <p className="param-problem cond-problem" id={problemId}>
          {ruleIssues.map((i) => issueWords(i, t)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
