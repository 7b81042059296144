import { ConditionVerdict, type ConditionTraceEntry } from '../../../engine/contract/index.ts';
import { asNumber } from '../../../engine/contract/flow/condition-values.ts';
import type { ConditionField } from '../../../engine/contract/index.ts';
import { formatNumber, optionWord, type SummaryWords } from '../form/condition/summarize.ts';
import type { GroupInput } from '../form/condition/rule-model.ts';
import { asTree } from '../form/condition/tree-edit.ts';

/**
 * A `logic.condition` step as the run view shows it: the tree it ran (the step's input) beside
 * the verdict of each node (the step's output trace, keyed by node id). Pure.
 */
export interface RecordedCondition {
  tree: GroupInput;
  result: boolean;
  byId: ReadonlyMap<string, ConditionTraceEntry>;
}

/** The recorded condition, or null when the step recorded none (it failed before evaluating). */
export function recordedCondition(input: unknown, output: unknown): RecordedCondition | null {
  const raw = (input as { condition?: unknown } | null)?.condition;
  const verdict = ConditionVerdict.safeParse(output);
  if (!raw || !verdict.success) return null;
  const tree = asTree(raw);
  return { tree, result: verdict.data.result, byId: new Map(verdict.data.trace.map((e) => [e.id, e])) };
}

/** How the value a rule read is shown: money and numbers in the user's format, lists joined. */
export function actualText(actual: unknown, field: ConditionField | undefined, words: SummaryWords): string {
  if (actual === null) return words.t('trace.none');
  if (Array.isArray(actual)) return actual.length === 0 ? words.t('trace.none') : actual.map((v) => actualText(v, field, words)).join(', ');
  if (typeof actual === 'boolean') return words.t(actual ? 'trace.yes' : 'trace.no');
  if (field && (field.type === 'money' || field.type === 'number')) {
    const n = asNumber(actual);
    if (n !== null) return formatNumber(n, words.lang);
  }
  if (typeof actual === 'string' && field?.options) return optionWord(field, actual, words.t);
  return String(actual);
}
