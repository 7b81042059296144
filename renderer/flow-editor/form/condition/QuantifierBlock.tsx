import { QuantifierKind } from '../../../../engine/contract/index.ts';
import { useConditionBuilder } from './builder-context.ts';
import { findField, type FieldScope } from './field-catalog.ts';
import { GroupView } from './GroupView.tsx';
import { isQuantifier, type QuantifierInput } from './rule-model.ts';
import { listNoun, scopeWithin } from './summarize.ts';

/** "At least one / None / All of the line items where …": a check over a list, each item tested alone. */
export function QuantifierBlock({ node, scope, depth }: { node: QuantifierInput; scope: FieldScope; depth: number }) {
  const { words, change, remove } = useConditionBuilder();
  const { t } = words;
  const list = findField(scope, node.list);
  const noun = list ? listNoun(list, words) : node.list;
  const setKind = (quantifier: QuantifierInput['quantifier']) => change(node.id, (n) => (isQuantifier(n) ? { ...n, quantifier } : n));

  return (
    <div className="cond-check" role="group" aria-label={`${t(`quantifier.${node.quantifier}`)} ${noun}`}>
      <div className="cond-check-head">
        <select aria-label={t('builder.checkLabel', { list: noun })} value={node.quantifier} onChange={(e) => setKind(e.target.value as QuantifierInput['quantifier'])}>
          {QuantifierKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`quantifier.${kind}`)}
            </option>
          ))}
        </select>
        <strong>{noun}</strong>
        <span>{t('builder.where')}</span>
        <button type="button" className="cond-remove" aria-label={t('builder.removeCheck', { list: noun })} title={t('builder.removeCheck', { list: noun })} onClick={() => remove(node.id)}>
          ×
        </button>
      </div>
      <GroupView group={node.where} scope={scopeWithin(node, scope)} depth={depth + 1} embedded />
    </div>
  );
}
