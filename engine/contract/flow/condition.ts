import { z } from 'zod';
import { Id } from './flow-document.ts';
import { isIsoDate } from './condition-dates.ts';
import { compileRuleRegex } from './condition-values.ts';

/**
 * A condition tree: groups joined by all (AND) / any (OR), nestable, holding typed rules and
 * list quantifiers ("at least one line item where …"). The editor builds it, the engine and the
 * editor evaluate it with the same pure function (evaluate-condition.ts).
 */

export const RuleType = z.enum(['text', 'number', 'date', 'boolean', 'list']);
export type RuleType = z.infer<typeof RuleType>;

export const TextOperator = z.enum([
  'equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty', 'matches_regex',
]);
export const NumberOperator = z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'is_empty', 'is_not_empty']);
export const DateOperator = z.enum([
  'before', 'after', 'on_day', 'within_last_days', 'within_next_days', 'more_than_days_ago', 'is_empty', 'is_not_empty',
]);
export const BooleanOperator = z.enum(['is_true', 'is_false']);
export const ListOperator = z.enum(['includes_any', 'includes_all', 'excludes_all', 'is_empty', 'is_not_empty']);

/** Which operators the editor offers for each rule type. */
export const operatorsByRuleType = {
  text: TextOperator.options,
  number: NumberOperator.options,
  date: DateOperator.options,
  boolean: BooleanOperator.options,
  list: ListOperator.options,
} as const satisfies Record<RuleType, readonly string[]>;

/** Operators that take no value: the editor hides the value input for them. */
export const valuelessOperators: readonly string[] = ['is_empty', 'is_not_empty', 'is_true', 'is_false'];

/** Date operators whose value is a count of `unit`s back or forward from the run's time. */
export const relativeDateOperators: readonly string[] = ['within_last_days', 'within_next_days', 'more_than_days_ago'];

/** The unit of a relative date rule; rolling periods (a day is 24 hours), not calendar days. */
export const DateUnit = z.enum(['hours', 'days', 'weeks']);
export type DateUnit = z.infer<typeof DateUnit>;

/**
 * A path over the trigger data (`order.totalPrice`, `customer.tags`), or, inside a quantifier,
 * over the item (`sku`, `properties`); `$` is the item itself, for lists of plain values (tags).
 */
export const FieldPath = z
  .string()
  .max(200)
  // Letters of any script after the root: a customer's own fields are named in Vietnamese (customer.fields.hạng).
  .regex(/^(\$|[A-Za-z_][A-Za-z0-9_]*(\.[\p{L}\p{N}_]+)*)$/u, 'a field path such as order.totalPrice');

const ruleBase = { id: Id, field: FieldPath };
/** Text and list values compare case-insensitively unless asked; diacritics count unless asked. */
const textFlags = {
  caseSensitive: z.boolean().default(false),
  /** "ho chi minh" matches "Hồ Chí Minh" (and "đ" matches "d") only when this is on. */
  ignoreDiacritics: z.boolean().default(false),
};

export const TextRule = z.object({
  ...ruleBase,
  type: z.literal('text'),
  operator: TextOperator,
  value: z.string().max(1000).optional(),
  ...textFlags,
});
export const NumberRule = z.object({
  ...ruleBase,
  type: z.literal('number'),
  operator: NumberOperator,
  value: z.number().optional(),
  /** The upper bound of `between` (inclusive; the bounds may come in either order). */
  value2: z.number().optional(),
});
export const DateRule = z.object({
  ...ruleBase,
  type: z.literal('date'),
  operator: DateOperator,
  /** A date ("2026-01-31") or ISO date-time with offset for before/after/on_day; a count for the relative ones. */
  value: z.union([z.string().max(40), z.number()]).optional(),
  unit: DateUnit.optional(),
});
export const BooleanRule = z.object({ ...ruleBase, type: z.literal('boolean'), operator: BooleanOperator });
export const ListRule = z.object({
  ...ruleBase,
  type: z.literal('list'),
  operator: ListOperator,
  value: z.array(z.string().max(1000)).max(200).optional(),
  ...textFlags,
});

type AnyRule = z.infer<typeof TextRule | typeof NumberRule | typeof DateRule | typeof BooleanRule | typeof ListRule>;

/** The value each operator needs, checked at save so the editor can point at the input. */
function checkRuleValue(rule: AnyRule, ctx: z.RefinementCtx): void {
  const fail = (message: string, path = 'value') => ctx.addIssue({ code: 'custom', path: [path], message });
  if (valuelessOperators.includes(rule.operator)) return;
  switch (rule.type) {
    case 'text':
      if (rule.value === undefined || rule.value.trim() === '') return fail('enter a value');
      if (rule.operator === 'matches_regex') {
        const compiled = compileRuleRegex(rule.value, rule);
        if (typeof compiled === 'string') fail(compiled);
      }
      return;
    case 'number':
      if (rule.value === undefined || !Number.isFinite(rule.value)) return fail('enter a number');
      if (rule.operator === 'between' && (rule.value2 === undefined || !Number.isFinite(rule.value2))) fail('enter the upper bound', 'value2');
      return;
    case 'date':
      if (relativeDateOperators.includes(rule.operator)) {
        if (typeof rule.value !== 'number' || !Number.isFinite(rule.value) || rule.value < 0) fail('enter a number of days (0 or more)');
      } else if (typeof rule.value !== 'string' || !isIsoDate(rule.value)) {
        fail('enter a date such as 2026-01-31 or 2026-01-31T08:00:00+07:00');
      }
      return;
    case 'list':
      if (!rule.value || rule.value.length === 0) fail('enter at least one value');
      return;
  }
}

export const ConditionRule = z
  .discriminatedUnion('type', [TextRule, NumberRule, DateRule, BooleanRule, ListRule])
  .superRefine(checkRuleValue);
export type ConditionRule = z.infer<typeof ConditionRule>;

export const GroupJoin = z.enum(['all', 'any']);
export const QuantifierKind = z.enum(['any', 'none', 'all']);

export const ConditionGroup = z.object({
  id: Id,
  /** all = AND, any = OR. An empty `all` group holds (nothing failed); an empty `any` group does not. */
  join: GroupJoin,
  get rules(): z.ZodArray<typeof ConditionNode> {
    return z.array(ConditionNode).max(100);
  },
});
export type ConditionGroup = z.infer<typeof ConditionGroup>;

/** "At least one / none / all of the items of `list` where `where` holds", on each item alone. */
export const ConditionQuantifier = z.object({
  id: Id,
  quantifier: QuantifierKind,
  list: FieldPath,
  get where(): typeof ConditionGroup {
    return ConditionGroup;
  },
});
export type ConditionQuantifier = z.infer<typeof ConditionQuantifier>;

export const ConditionNode = z.union([ConditionRule, ConditionGroup, ConditionQuantifier]);
export type ConditionNode = z.infer<typeof ConditionNode>;

/** What the evaluator accepts: a parsed tree, or an editor draft with defaults left out. */
export type ConditionGroupInput = z.input<typeof ConditionGroup>;
export type ConditionNodeInput = z.input<typeof ConditionNode>;

/** Groups and quantifiers nested deeper than this are refused (the editor cannot show them anyway). */
export const MAX_CONDITION_DEPTH = 8;

/** Trace entries are keyed by id, so ids must be unique across the whole tree. */
function checkTree(root: ConditionGroup, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const walk = (node: ConditionNode, path: (string | number)[], depth: number): void => {
    if (seen.has(node.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `the id "${node.id}" is used twice` });
    seen.add(node.id);
    if (depth > MAX_CONDITION_DEPTH) {
      ctx.addIssue({ code: 'custom', path, message: `conditions nested deeper than ${MAX_CONDITION_DEPTH} levels` });
      return;
    }
    if ('join' in node) node.rules.forEach((child, i) => walk(child, [...path, 'rules', i], depth + 1));
    else if ('quantifier' in node) walk(node.where, [...path, 'where'], depth + 1);
  };
  walk(root, [], 0);
}

/** The root of a condition: a group whose ids are unique and whose nesting is bounded. */
export const ConditionTree = ConditionGroup.superRefine(checkTree);

export const emptyConditionTree = (): ConditionGroup => ({ id: 'root', join: 'all', rules: [] });

/** One entry per rule, group and quantifier of the tree, in tree order, for the run view. */
export const ConditionTraceEntry = z.object({
  id: z.string(),
  result: z.boolean(),
  /** The value the rule read (plain values and lists of them; omitted for objects). */
  actual: z.unknown().optional(),
  note: z.string().optional(),
  /**
   * For a quantifier: how many items matched, of how many. For a rule or group inside one:
   * for how many items it held, of how many it was checked on (`result` = held for at least one).
   */
  tally: z.object({ held: z.number().int(), of: z.number().int() }).optional(),
});
export type ConditionTraceEntry = z.infer<typeof ConditionTraceEntry>;

export const ConditionVerdict = z.object({ result: z.boolean(), trace: z.array(ConditionTraceEntry) });
export type ConditionVerdict = z.infer<typeof ConditionVerdict>;
