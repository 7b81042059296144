import type { z } from 'zod';
import {
  operatorsByRuleType,
  relativeDateOperators,
  ruleTypeForField,
  valuelessOperators,
  type ConditionField,
  type ConditionGroupInput,
  type ConditionNodeInput,
  type ConditionRule,
  type RuleType,
} from '../../../../engine/contract/index.ts';

/**
 * Rules as the builder edits them: which operators a field offers, what value input an operator
 * takes, and how a rule changes shape when its field or operator changes. Pure, so it is tested
 * without a screen.
 */

export type RuleInput = z.input<typeof ConditionRule>;
export type QuantifierInput = Extract<ConditionNodeInput, { quantifier: unknown }>;
export type GroupInput = ConditionGroupInput;

export const isGroup = (n: ConditionNodeInput): n is GroupInput => 'join' in n;
export const isQuantifier = (n: ConditionNodeInput): n is QuantifierInput => 'quantifier' in n;
export const isRule = (n: ConditionNodeInput): n is RuleInput => !isGroup(n) && !isQuantifier(n);

/** How operators are worded: a list of objects (line items) only knows "has none / has some". */
export type OperatorFamily = RuleType | 'items';

export function operatorFamily(field: ConditionField | undefined, type: RuleType): OperatorFamily {
  return type === 'list' && field?.itemFields ? 'items' : type;
}

/** A field with fixed values (payment status) is compared whole: "is", "is not", empty or not. */
const choiceOperators = ['equals', 'not_equals', 'is_empty', 'is_not_empty'] as const;
const itemsOperators = ['is_not_empty', 'is_empty'] as const;

/** The operators a rule on this field may use, in the order the select shows them. */
export function operatorsFor(field: ConditionField | undefined, type: RuleType = field ? ruleTypeForField(field.type) : 'text'): readonly string[] {
  if (type === 'text' && field?.options) return choiceOperators;
  if (type === 'list' && field?.itemFields) return itemsOperators;
  return operatorsByRuleType[type];
}

/** The value input an operator needs. */
export type ValueShape = 'none' | 'text' | 'choice' | 'number' | 'range' | 'date' | 'relative' | 'list';

export function valueShape(rule: RuleInput, field: ConditionField | undefined): ValueShape {
  if (valuelessOperators.includes(rule.operator)) return 'none';
  switch (rule.type) {
    case 'text':
      return field?.options ? 'choice' : 'text';
    case 'number':
      return rule.operator === 'between' ? 'range' : 'number';
    case 'date':
      return relativeDateOperators.includes(rule.operator) ? 'relative' : 'date';
    case 'list':
      return 'list';
    case 'boolean':
      return 'none';
  }
}

/** The operator a new rule on this field starts with: the one most flows want. */
function firstOperator(field: ConditionField, type: RuleType): string {
  if (type === 'number') return 'gte';
  if (type === 'date') return 'within_last_days';
  if (type === 'list' && !field.itemFields) return 'includes_any';
  return operatorsFor(field, type)[0]!;
}

/** A rule with no field yet: the picker opens on it. It reads as text until a field is picked. */
export function blankRule(id: string): RuleInput {
  return { id, field: '', type: 'text', operator: 'equals' };
}

/**
 * The rule after picking `field`. A rule that keeps its type keeps its operator and value (a
 * different SKU-like field, same test); otherwise it starts over with the type's first operator.
 */
export function ruleForField(previous: RuleInput, field: ConditionField): RuleInput {
  const type = ruleTypeForField(field.type);
  const keep = previous.field !== '' && previous.type === type && operatorsFor(field, type).includes(previous.operator);
  if (keep) {
    const kept = { ...previous, field: field.path } as RuleInput;
    // A value typed for a free-text field is no choice of a fixed-values one, and the reverse.
    if (kept.type === 'text' && (field.options ? !field.options.includes(kept.value ?? '') : false)) delete kept.value;
    return kept;
  }
  return withOperator({ id: previous.id, field: field.path, type, operator: 'equals' } as RuleInput, firstOperator(field, type));
}

/** The rule with another operator; the value is kept where it still fits, dropped where it does not. */
export function withOperator(rule: RuleInput, operator: string): RuleInput {
  const next: Record<string, unknown> = { ...rule, operator };
  if (valuelessOperators.includes(operator)) {
    delete next['value'];
    delete next['value2'];
    delete next['unit'];
    return next as RuleInput;
  }
  if (next['type'] === 'number' && operator !== 'between') delete next['value2'];
  if (next['type'] === 'date') {
    const relative = relativeDateOperators.includes(operator);
    // A count of days is no date and a date no count: switching between them starts the value over.
    if (relative !== (typeof next['value'] === 'number')) delete next['value'];
    if (relative) next['unit'] = (next['unit'] as string | undefined) ?? 'days';
    else delete next['unit'];
  }
  return next as RuleInput;
}

/** A typed number as the rule stores it: a number, or nothing while the input is blank or half typed. */
export function numberFromInput(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The node a picked field becomes: a rule on it, or, for a field of a list's items picked outside
 * a check on that list (a line item's SKU at the top), "at least one line item where SKU …".
 */
export function nodeForPick(
  entry: { field: ConditionField; via?: ConditionField | undefined },
  newId: (prefix: 'r' | 'g' | 'q') => string,
): RuleInput | QuantifierInput {
  const rule = ruleForField(blankRule(newId('r')), entry.field);
  if (!entry.via) return rule;
  return { id: newId('q'), quantifier: 'any', list: entry.via.path, where: { id: newId('g'), join: 'all', rules: [rule] } };
}
