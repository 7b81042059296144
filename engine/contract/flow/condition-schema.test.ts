import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConditionParams, conditionSpec } from '../nodes/logic/condition.spec.ts';
import { ConditionTree, MAX_CONDITION_DEPTH, operatorsByRuleType } from './condition.ts';

/** "Order total ≥ 2,000,000 and at least one line item whose sku starts with PRE-". */
const example = {
  id: 'root',
  join: 'all',
  rules: [
    { id: 'total', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 2000000 },
    {
      id: 'preorder', quantifier: 'any', list: 'order.lineItems',
      where: { id: 'preorder-item', join: 'all', rules: [{ id: 'sku', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' }] },
    },
  ],
};

const withRule = (rule: object) => ({ id: 'root', join: 'all', rules: [{ id: 'r', field: 'order.x', ...rule }] });
const issues = (value: unknown) => {
  const parsed = ConditionTree.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the condition schema', () => {
  it('parses the example and fills the text flags', () => {
    const tree = ConditionTree.parse(example);
    expect(tree.rules[1]).toMatchObject({ where: { rules: [{ caseSensitive: false, ignoreDiacritics: false }] } });
  });

  it.each([
    ['a text rule without a value', { type: 'text', operator: 'equals' }, 'rules.0.value: enter a value'],
    ['a blank text value', { type: 'text', operator: 'contains', value: '  ' }, 'rules.0.value: enter a value'],
    ['an invalid regex', { type: 'text', operator: 'matches_regex', value: '([' }, 'rules.0.value: invalid regular expression'],
    // A node that is no rule, group or quantifier fails the union as a whole; the builder only offers valid operators.
    ['an operator of another type', { type: 'text', operator: 'gt', value: '1' }, 'rules.0: Invalid input'],
    ['a number rule without a number', { type: 'number', operator: 'gt' }, 'rules.0.value: enter a number'],
    ['between without its upper bound', { type: 'number', operator: 'between', value: 1 }, 'rules.0.value2: enter the upper bound'],
    ['a date that is not ISO', { type: 'date', operator: 'before', value: '31/01/2026' }, 'rules.0.value: enter a date'],
    ['a date-time without an offset is a wall time: accepted', { type: 'date', operator: 'after', value: '2026-01-31T08:00' }, null],
    ['a relative date without a count', { type: 'date', operator: 'within_last_days', value: '3' }, 'rules.0.value: enter a number of days'],
    ['a negative count', { type: 'date', operator: 'more_than_days_ago', value: -1 }, 'rules.0.value: enter a number of days'],
    ['a list rule without values', { type: 'list', operator: 'includes_any', value: [] }, 'rules.0.value: enter at least one value'],
    ['is_empty needs no value', { type: 'text', operator: 'is_empty' }, null],
    ['a boolean rule', { type: 'boolean', operator: 'is_true' }, null],
    ['a bad field path', { field: 'order..x', type: 'boolean', operator: 'is_true' }, 'rules.0.field'],
  ])('%s', (_label, rule, expected) => {
    const found = issues(withRule(rule));
    if (expected === null) expect(found).toEqual([]);
    else expect(found.some((i) => i.startsWith(expected))).toBe(true);
  });

  it('refuses an id used twice, since the trace is keyed by id', () => {
    const tree = { id: 'root', join: 'any', rules: [{ id: 'root', join: 'all', rules: [] }] };
    expect(issues(tree)).toEqual(['rules.0.id: the id "root" is used twice']);
  });

  it(`refuses nesting deeper than ${MAX_CONDITION_DEPTH} levels`, () => {
    let tree: object = { id: 'g0', join: 'all', rules: [] };
    for (let i = 1; i <= MAX_CONDITION_DEPTH + 1; i++) tree = { id: `g${i}`, join: 'all', rules: [tree] };
    expect(issues(tree).some((i) => i.includes('nested deeper'))).toBe(true);
  });

  it('offers operators by type', () => {
    expect(operatorsByRuleType.boolean).toEqual(['is_true', 'is_false']);
    expect(operatorsByRuleType.number).toContain('between');
  });
});

describe('the logic.condition node spec', () => {
  it('defaults to an empty all group', () => {
    expect(ConditionParams.parse({})).toEqual({ condition: { id: 'root', join: 'all', rules: [] } });
  });

  it('has yes and no ports and a params schema that turns into JSON Schema', () => {
    expect(conditionSpec.outputs.map((p) => p.id)).toEqual(['yes', 'no']);
    expect(conditionSpec.category).toBe('condition');
    // The API sends params as JSON Schema (registry.ts): the recursion must survive that.
    const json = z.toJSONSchema(conditionSpec.params, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(json.properties.condition).toMatchObject({ type: 'object', default: { id: 'root', join: 'all', rules: [] } });
  });
});
