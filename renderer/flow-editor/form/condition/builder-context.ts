import { createContext, useContext } from 'react';
import type { ConditionNodeInput } from '../../../../engine/contract/index.ts';
import type { RuleIssue } from './condition-issues.ts';
import type { SummaryWords } from './summarize.ts';

/**
 * What every part of one condition builder shares: the words, the problems by node, and the
 * edits, each of which hands a whole new tree to the node's param (so the editor store records
 * it for undo and the canvas card follows).
 */
export interface ConditionBuilderApi {
  words: SummaryWords;
  issues: ReadonlyMap<string, RuleIssue[]>;
  /** Replaces a node (null removes it); `newId` makes ids unique across the tree for nodes it adds. */
  change: (id: string, change: (node: ConditionNodeInput, newId: NewId) => ConditionNodeInput | null, focusRule?: string) => void;
  remove: (id: string) => void;
  /** Adds a node to a group; focus goes to the operator of its first rule. */
  append: (groupId: string, make: (newId: NewId) => ConditionNodeInput) => void;
  /** The rule whose operator takes focus once the tree has re-rendered: one just added or moved. */
  focusRule: string | null;
  focused: () => void;
}

export type NewId = (prefix: 'r' | 'g' | 'q') => string;

export const ConditionBuilderContext = createContext<ConditionBuilderApi | null>(null);

export function useConditionBuilder(): ConditionBuilderApi {
  const api = useContext(ConditionBuilderContext);
  if (!api) throw new Error('useConditionBuilder outside a ConditionBuilder');
  return api;
}
