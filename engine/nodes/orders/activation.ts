import type { ConditionGroup, ConditionNode, ConditionTraceEntry, ConditionVerdict } from '../../contract/index.ts';
import { evaluateCondition } from '../../contract/flow/evaluate-condition.ts';
import type { StepResult } from '../node-type.ts';

/** The words a run that did not enter says, first on its trigger step and then on the run itself. */
export const NOT_MET = 'did not meet the activation conditions';

/**
 * A trigger's activation conditions, checked by its own step with the evaluator the editor
 * uses. When they hold (or there are none): null, and the trigger goes on. When they do not:
 * the step is `skipped` with the rules that failed, and takes no port, so nothing after it
 * runs; the run store then records the run as `skipped` for the same reason, which is what the
 * runs list and the order's timeline show ("skipped: did not meet the activation conditions").
 * Skipped rather than failed: nothing went wrong, this order was not meant to enter. And a run
 * rather than no trace at all: a shop owner asking "why did my flow not run on #1001?" finds it.
 */
export function activationVerdict(when: ConditionGroup, data: unknown, nowMs: number, input: Record<string, unknown>): { verdict: ConditionVerdict | null; skip: StepResult | null } {
  if (when.rules.length === 0) return { verdict: null, skip: null };
  const verdict = evaluateCondition(when, data, new Date(nowMs));
  if (verdict.result) return { verdict, skip: null };
  const failed = failedRules(when, verdict);
  const shown = failed.slice(0, 3).join('; ') + (failed.length > 3 ? `; and ${failed.length - 3} more` : '');
  return {
    verdict,
    skip: { status: 'skipped', reason: shown ? `${NOT_MET}: ${shown}` : NOT_MET, code: 'activation_not_met', ...(shown ? { args: { rules: shown } } : {}), input: { ...input, when, verdict } },
  };
}

/** The rules that made the tree false, in tree order, each in a few words. */
function failedRules(tree: ConditionGroup, verdict: ConditionVerdict): string[] {
  const byId = new Map(verdict.trace.map((e) => [e.id, e]));
  const out: string[] = [];
  const walk = (node: ConditionNode): void => {
    const entry = byId.get(node.id);
    if (!entry || entry.result) return;
    if ('join' in node) node.rules.forEach(walk);
    else if ('quantifier' in node) out.push(`${node.quantifier === 'any' ? 'at least one' : node.quantifier} of ${node.list} where …`);
    else out.push(describeRule(node, entry));
  };
  walk(tree);
  return out;
}

function describeRule(rule: Extract<ConditionNode, { operator: string }>, entry: ConditionTraceEntry): string {
  const value = 'value' in rule && rule.value !== undefined ? ` ${Array.isArray(rule.value) ? rule.value.join(', ') : String(rule.value)}` : '';
  const upper = 'value2' in rule && rule.value2 !== undefined ? ` and ${rule.value2}` : '';
  const actual = entry.actual === undefined ? '' : ` (it is ${shown(entry.actual)})`;
  return `${rule.field} ${rule.operator.replaceAll('_', ' ')}${value}${upper}${actual}`;
}

function shown(value: unknown): string {
  if (value === null) return 'missing';
  if (value === '') return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'empty' : value.map(shown).join(', ');
  return String(value);
}
