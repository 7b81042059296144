import './condition-builder.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionNodeInput } from '../../../../engine/contract/index.ts';
import { ConditionBuilderContext, type ConditionBuilderApi } from './builder-context.ts';
import { conditionIssues } from './condition-issues.ts';
import { langOf } from './field-catalog.ts';
import { useCustomFieldScope } from './useCustomFieldScope.ts';
import { GroupView } from './GroupView.tsx';
import { isGroup, isQuantifier, isRule } from './rule-model.ts';
import { appendTo, asTree, changeNode, freshId, removeNode, treeIds } from './tree-edit.ts';

interface ConditionBuilderProps {
  id: string;
  title: string;
  help: string | null;
  value: unknown;
  /** Hands the whole new tree to the node's param: one store action, so undo/redo covers it. */
  onChange: (value: unknown) => void;
  /** A problem with the param as a whole (the rules' own problems show beside each rule). */
  problem: string | null;
}

/** The first rule of a node just added, to put focus on its operator. */
function firstRuleIn(node: ConditionNodeInput): string | null {
  if (isRule(node)) return node.id;
  const children = isGroup(node) ? node.rules : isQuantifier(node) ? [node.where] : [];
  for (const child of children) {
    const found = firstRuleIn(child);
    if (found) return found;
  }
  return null;
}

/** The `condition` param of a Conditions step: groups of rules, checks over line items, problems by rule. */
export function ConditionBuilder({ id, title, help, value, onChange, problem }: ConditionBuilderProps) {
  const { t, i18n } = useTranslation('conditions');
  const tree = asTree(value);
  const [focusRule, setFocusRule] = useState<string | null>(null);
  const words = useMemo(() => ({ lang: langOf(i18n.language), t }), [t, i18n.language]);
  const issues = useMemo(() => conditionIssues(tree), [tree]);
  const scope = useCustomFieldScope();
  const focused = useCallback(() => setFocusRule(null), []);
  const helpId = help ? `${id}-help` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;

  const api: ConditionBuilderApi = {
    words,
    issues,
    change(nodeId, change, focus) {
      const taken = treeIds(tree);
      onChange(changeNode(tree, nodeId, (node) => change(node, (prefix) => freshId(taken, prefix))));
      if (focus) setFocusRule(focus);
    },
    remove(nodeId) {
      onChange(removeNode(tree, nodeId));
    },
    append(groupId, make) {
      const taken = treeIds(tree);
      const node = make((prefix) => freshId(taken, prefix));
      onChange(appendTo(tree, groupId, node));
      setFocusRule(firstRuleIn(node));
    },
    focusRule,
    focused,
  };

  return (
    <ConditionBuilderContext.Provider value={api}>
      <fieldset className="param cond-builder" id={id} aria-describedby={[helpId, problemId].filter(Boolean).join(' ') || undefined}>
        <legend>{title}</legend>
        {help ? (
          <p className="param-help" id={helpId}>
            {help}
          </p>
        ) : null}
        <GroupView group={tree} scope={scope} depth={0} />
        {problem ? (
          <p className="param-problem" id={problemId}>
            {problem}
          </p>
        ) : null}
      </fieldset>
    </ConditionBuilderContext.Provider>
  );
}
