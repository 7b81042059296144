import './condition-trace.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionNodeInput, ConditionTraceEntry, StepDto } from '../../../engine/contract/index.ts';
import { findField, langOf, rootScope, type FieldScope } from '../form/condition/field-catalog.ts';
import { isGroup, isQuantifier } from '../form/condition/rule-model.ts';
import { listNoun, ruleSentence, scopeWithin, type SummaryWords } from '../form/condition/summarize.ts';
import { actualText, recordedCondition, type RecordedCondition } from './condition-trace-view.ts';

/** Which rules of a Conditions step held in this run, each with the value it read and why. */
export function ConditionTrace({ step }: { step: StepDto }) {
  const { t, i18n } = useTranslation('conditions');
  const words: SummaryWords = useMemo(() => ({ lang: langOf(i18n.language), t }), [t, i18n.language]);
  const recorded = useMemo(() => recordedCondition(step.input, step.output), [step.input, step.output]);
  if (!recorded) return step.status === 'done' ? <p className="muted">{t('trace.unreadable')}</p> : null;

  return (
    <section className="cond-trace" aria-label={t('trace.label')}>
      <h3>{t('trace.label')}</h3>
      <p className={`cond-trace-result ${recorded.result ? 'is-held' : 'is-not'}`}>{t(recorded.result ? 'trace.resultYes' : 'trace.resultNo')}</p>
      <TraceNode node={recorded.tree} scope={rootScope} recorded={recorded} words={words} />
    </section>
  );
}

interface TraceNodeProps {
  node: ConditionNodeInput;
  scope: FieldScope;
  recorded: RecordedCondition;
  words: SummaryWords;
}

function Verdict({ entry, words }: { entry: ConditionTraceEntry | undefined; words: SummaryWords }) {
  const held = entry?.result === true;
  return <span className={`badge ${held ? 'badge-good' : 'badge-bad'} cond-verdict`}>{words.t(held ? 'trace.held' : 'trace.notHeld')}</span>;
}

function Tally({ entry, quantifier, words }: { entry: ConditionTraceEntry | undefined; quantifier: boolean; words: SummaryWords }) {
  if (!entry?.tally) return null;
  return <span className="cond-tally">{words.t(quantifier ? 'trace.tally' : 'trace.heldFor', entry.tally)}</span>;
}

function Note({ entry }: { entry: ConditionTraceEntry | undefined }) {
  return entry?.note ? <p className="cond-trace-note">{entry.note}</p> : null;
}

function TraceNode({ node, scope, recorded, words }: TraceNodeProps) {
  const { t } = words;
  const entry = recorded.byId.get(node.id);
  if (isGroup(node)) {
    const title = t(node.join === 'all' ? 'trace.groupAll' : 'trace.groupAny');
    return (
      <div className="cond-trace-group" role="group" aria-label={title}>
        <div className="cond-trace-row">
          <Verdict entry={entry} words={words} />
          <span className="cond-trace-title">{title}</span>
          <Tally entry={entry} quantifier={false} words={words} />
        </div>
        <Note entry={entry} />
        <ol className="cond-trace-list">
          {node.rules.map((child) => (
            <li key={child.id}>
              <TraceNode node={child} scope={scope} recorded={recorded} words={words} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  if (isQuantifier(node)) {
    const list = findField(scope, node.list);
    const title = `${t(`quantifier.${node.quantifier}`)} ${list ? listNoun(list, words) : node.list} ${t('builder.where')}`;
    return (
      <div className="cond-trace-check" role="group" aria-label={title}>
        <div className="cond-trace-row">
          <Verdict entry={entry} words={words} />
          <span className="cond-trace-title">{title}</span>
          <Tally entry={entry} quantifier words={words} />
        </div>
        <Note entry={entry} />
        <TraceNode node={node.where} scope={scopeWithin(node, scope)} recorded={recorded} words={words} />
      </div>
    );
  }
  const sentence = ruleSentence(node, scope, words);
  const field = findField(scope, node.field);
  return (
    <div className="cond-trace-rule" role="group" aria-label={sentence}>
      <div className="cond-trace-row">
        <Verdict entry={entry} words={words} />
        <span className="cond-trace-title">{sentence}</span>
        <Tally entry={entry} quantifier={false} words={words} />
      </div>
      {entry && 'actual' in entry ? (
        <p className="cond-trace-actual">
          <span className="muted">{t('trace.actual')}: </span>
          {actualText(entry.actual, field, words)}
        </p>
      ) : null}
      <Note entry={entry} />
    </div>
  );
}
