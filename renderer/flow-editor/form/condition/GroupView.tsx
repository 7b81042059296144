import { useRef, useState } from 'react';
import { MAX_CONDITION_DEPTH, type ConditionField, type ConditionNodeInput } from '../../../../engine/contract/index.ts';
import { useConditionBuilder } from './builder-context.ts';
import { itemScope, quantifiableLists, type FieldScope, type PickEntry } from './field-catalog.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { QuantifierBlock } from './QuantifierBlock.tsx';
import { isGroup, isQuantifier, nodeForPick, type GroupInput } from './rule-model.ts';
import { RuleRow } from './RuleRow.tsx';
import { listNoun } from './summarize.ts';

interface GroupViewProps {
  group: GroupInput;
  scope: FieldScope;
  /** 0 for the root; the schema refuses trees deeper than MAX_CONDITION_DEPTH. */
  depth: number;
  /** The "where" of a check: drawn inside the check's frame, removed with it. */
  embedded?: boolean;
}

/** What an add button started: a picker whose field becomes the new rule (nothing is added until then). */
type Adding = { kind: 'rule' } | { kind: 'group' } | { kind: 'check'; list: ConditionField };

/** A group: its All of / Any of toggle, its rules, groups and checks, and the buttons that add them. */
export function GroupView({ group, scope, depth, embedded = false }: GroupViewProps) {
  const { words, append, remove } = useConditionBuilder();
  const { t } = words;
  const [adding, setAdding] = useState<Adding | null>(null);
  const addBar = useRef<HTMLDivElement>(null);
  const root = depth === 0;
  // A new group holds a rule two levels down; a new check holds one three levels down.
  const canGroup = depth + 2 <= MAX_CONDITION_DEPTH;
  const canCheck = depth + 3 <= MAX_CONDITION_DEPTH;
  const lists = canCheck ? quantifiableLists(scope) : [];

  function add(entry: PickEntry) {
    const what = adding;
    setAdding(null);
    if (!what) return;
    append(group.id, (newId) => {
      if (what.kind === 'rule') return nodeForPick(entry, newId);
      // A group inside an AND is most often an OR, and the other way round.
      if (what.kind === 'group') return { id: newId('g'), join: group.join === 'all' ? 'any' : 'all', rules: [nodeForPick(entry, newId)] };
      return { id: newId('q'), quantifier: 'any', list: what.list.path, where: { id: newId('g'), join: 'all', rules: [nodeForPick(entry, newId)] } };
    });
  }

  function cancel() {
    const kind = adding?.kind;
    setAdding(null);
    // Back to the button that opened the picker.
    if (kind) addBar.current?.querySelector<HTMLButtonElement>(`[data-add="${kind}"]`)?.focus();
  }

  const classes = ['cond-group', root ? 'cond-root' : '', embedded ? 'cond-embedded' : '', !root && !embedded ? 'cond-nested' : ''];

  return (
    <div className={classes.filter(Boolean).join(' ')} role="group" aria-label={t(group.join === 'all' ? 'trace.groupAll' : 'trace.groupAny')}>
      <div className="cond-group-head">
        <JoinToggle group={group} />
        {!root && !embedded ? (
          <button type="button" className="cond-remove" aria-label={t('builder.removeGroup')} title={t('builder.removeGroup')} onClick={() => remove(group.id)}>
            ×
          </button>
        ) : null}
      </div>
      {group.rules.length === 0 ? (
        <p className="cond-empty">{t(root ? 'builder.rootEmpty' : 'builder.groupEmpty')}</p>
      ) : (
        <ol className="cond-list">
          {group.rules.map((child, i) => (
            <li key={child.id}>
              {i > 0 ? (
                <span className="cond-joiner" aria-hidden="true">
                  {t(`join.${group.join}`)}
                </span>
              ) : null}
              <NodeView node={child} scope={scope} depth={depth + 1} />
            </li>
          ))}
        </ol>
      )}
      {adding ? (
        <div className="cond-rule cond-adding">
          <FieldPicker scope={adding.kind === 'check' ? itemScope(adding.list) : scope} field={undefined} path="" invalid={false} describedBy={undefined} autoOpen onPick={add} onCancel={cancel} />
        </div>
      ) : null}
      <div className="cond-add" ref={addBar}>
        <button type="button" data-add="rule" aria-label={t('builder.addRuleLabel')} onClick={() => setAdding({ kind: 'rule' })}>
          <span aria-hidden="true">+ </span>
          {t('builder.addRule')}
        </button>
        {canGroup ? (
          <button type="button" data-add="group" aria-label={t('builder.addGroupLabel')} onClick={() => setAdding({ kind: 'group' })}>
            <span aria-hidden="true">+ </span>
            {t('builder.addGroup')}
          </button>
        ) : null}
        {lists.map((list) => {
          const noun = listNoun(list, words);
          return (
            <button
              key={list.path}
              type="button"
              data-add="check"
              aria-label={t('builder.addCheckLabel', { list: noun })}
              title={t('builder.addCheckHint', { list: noun })}
              onClick={() => setAdding({ kind: 'check', list })}
            >
              <span aria-hidden="true">+ </span>
              {t('builder.addCheck', { list: noun })}
            </button>
          );
        })}
      </div>
    </div>
  );
}

function NodeView({ node, scope, depth }: { node: ConditionNodeInput; scope: FieldScope; depth: number }) {
  if (isGroup(node)) return <GroupView group={node} scope={scope} depth={depth} />;
  if (isQuantifier(node)) return <QuantifierBlock node={node} scope={scope} depth={depth} />;
  return <RuleRow rule={node} scope={scope} />;
}

/** "All of / Any of these": two pressed-or-not buttons, so each is one Tab stop with its own name. */
function JoinToggle({ group }: { group: GroupInput }) {
  const { words, change } = useConditionBuilder();
  const { t } = words;
  const set = (join: 'all' | 'any') => change(group.id, (node) => (isGroup(node) ? { ...node, join } : node));
  const prefix = t('builder.joinPrefix', { defaultValue: '' });
  return (
    <div className="cond-join" role="group" aria-label={t('builder.joinLabel')}>
      {prefix ? <span>{prefix}</span> : null}
      <span className="cond-seg">
        <button type="button" aria-pressed={group.join === 'all'} onClick={() => set('all')}>
          {t('builder.joinAll')}
        </button>
        <button type="button" aria-pressed={group.join === 'any'} onClick={() => set('any')}>
          {t('builder.joinAny')}
        </button>
      </span>
      <span>{t('builder.joinSuffix')}</span>
    </div>
  );
}
