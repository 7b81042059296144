import { describe, expect, it } from 'vitest';
import { findConditionField, lineItemFields, type ConditionField } from '../../../../engine/contract/index.ts';
import { itemScope, pickEntries, quantifiableLists, rootScope, searchEntries } from './field-catalog.ts';
import { blankRule, nodeForPick, numberFromInput, operatorsFor, ruleForField, valueShape, withOperator, type RuleInput } from './rule-model.ts';

const field = (path: string): ConditionField => findConditionField(path)!;
const sku = lineItemFields.find((f) => f.path === 'sku')!;

describe('operatorsFor: the operators a field offers, by its type', () => {
  it('offers text, number (money too), date, yes/no and list operators', () => {
    expect(operatorsFor(field('order.note'))).toEqual(['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty', 'matches_regex']);
    expect(operatorsFor(field('order.totalPrice'))).toEqual(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'is_empty', 'is_not_empty']);
    expect(operatorsFor(field('order.createdAt'))).toContain('within_last_days');
    expect(operatorsFor(field('order.test'))).toEqual(['is_true', 'is_false']);
    expect(operatorsFor(field('order.tags'))).toEqual(['includes_any', 'includes_all', 'excludes_all', 'is_empty', 'is_not_empty']);
  });

  it('compares fixed-value fields whole, and lists of line items only by whether they have any', () => {
    expect(operatorsFor(field('order.financialStatus'))).toEqual(['equals', 'not_equals', 'is_empty', 'is_not_empty']);
    expect(operatorsFor(field('order.lineItems'))).toEqual(['is_not_empty', 'is_empty']);
  });
});

describe('rules as the builder edits them', () => {
  it('starts a rule on a picked field with the operator most flows want', () => {
    expect(ruleForField(blankRule('r1'), field('order.totalPrice'))).toEqual({ id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte' });
    expect(ruleForField(blankRule('r1'), field('order.createdAt'))).toEqual({ id: 'r1', field: 'order.createdAt', type: 'date', operator: 'within_last_days', unit: 'days' });
    expect(ruleForField(blankRule('r1'), field('order.tags'))).toMatchObject({ type: 'list', operator: 'includes_any' });
  });

  it('keeps operator and value when the new field has the same type, and starts over when not', () => {
    const rule: RuleInput = { id: 'r1', field: 'order.subtotalPrice', type: 'number', operator: 'between', value: 1, value2: 2 };
    expect(ruleForField(rule, field('order.totalPrice'))).toEqual({ ...rule, field: 'order.totalPrice' });
    expect(ruleForField(rule, field('order.note'))).toEqual({ id: 'r1', field: 'order.note', type: 'text', operator: 'equals' });
    // A typed text is no payment status.
    const text: RuleInput = { id: 'r2', field: 'order.note', type: 'text', operator: 'equals', value: 'gấp' };
    expect(ruleForField(text, field('order.financialStatus'))).toEqual({ id: 'r2', field: 'order.financialStatus', type: 'text', operator: 'equals' });
  });

  it('drops values an operator does not take, and swaps a date for a count between absolute and relative', () => {
    const between: RuleInput = { id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'between', value: 1, value2: 2 };
    expect(withOperator(between, 'gte')).toEqual({ id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 1 });
    expect(withOperator(between, 'is_empty')).toEqual({ id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'is_empty' });
    const after: RuleInput = { id: 'r2', field: 'order.createdAt', type: 'date', operator: 'after', value: '2026-01-31' };
    expect(withOperator(after, 'before')).toEqual({ ...after, operator: 'before' });
    expect(withOperator(after, 'within_last_days')).toEqual({ id: 'r2', field: 'order.createdAt', type: 'date', operator: 'within_last_days', unit: 'days' });
  });

  it('asks for the value input the operator needs', () => {
    const shape = (rule: RuleInput) => valueShape(rule, field(rule.field));
    expect(shape({ id: 'a', field: 'order.totalPrice', type: 'number', operator: 'between' })).toBe('range');
    expect(shape({ id: 'a', field: 'order.createdAt', type: 'date', operator: 'within_next_days' })).toBe('relative');
    expect(shape({ id: 'a', field: 'order.createdAt', type: 'date', operator: 'on_day' })).toBe('date');
    expect(shape({ id: 'a', field: 'order.financialStatus', type: 'text', operator: 'equals' })).toBe('choice');
    expect(shape({ id: 'a', field: 'order.tags', type: 'list', operator: 'includes_all' })).toBe('list');
    expect(shape({ id: 'a', field: 'order.note', type: 'text', operator: 'is_empty' })).toBe('none');
  });

  it('makes a picked line item field into a check over the line items', () => {
    let n = 0;
    const newId = (p: string) => `${p}${++n}`;
    expect(nodeForPick({ field: field('order.totalPrice') }, newId)).toEqual({ id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte' });
    expect(nodeForPick({ field: sku, via: field('order.lineItems') }, newId)).toEqual({
      id: 'q3',
      quantifier: 'any',
      list: 'order.lineItems',
      where: { id: 'g4', join: 'all', rules: [{ id: 'r2', field: 'sku', type: 'text', operator: 'equals' }] },
    });
  });

  it('reads typed numbers, leaving blanks and half-typed input out', () => {
    expect(numberFromInput('2000000')).toBe(2000000);
    expect(numberFromInput(' 12.5 ')).toBe(12.5);
    expect(numberFromInput('')).toBeUndefined();
    expect(numberFromInput('abc')).toBeUndefined();
  });
});

describe('the field picker’s catalog', () => {
  it('groups the trigger data into sections and offers line item fields through a check', () => {
    const entries = pickEntries(rootScope);
    const skuRow = entries.find((e) => e.field.path === 'sku');
    expect(skuRow).toMatchObject({ section: 'lineItems', via: { path: 'order.lineItems' } });
    expect(entries.find((e) => e.field.path === 'order.totalPrice')?.section).toBe('order');
    expect(entries.find((e) => e.field.path === 'customer.tags')?.section).toBe('customer');
    expect(entries.find((e) => e.field.path === 'order.shippingAddress.province')?.section).toBe('shipping');
    expect(entries.find((e) => e.field.path === 'event.type')?.section).toBe('event');
    // Sections keep their order: the order first.
    expect(entries[0]!.section).toBe('order');
  });

  it('finds fields by Vietnamese or English words, without accents', () => {
    const found = (q: string) => searchEntries(pickEntries(rootScope), q).map((e) => e.field.path);
    expect(found('tong tien')).toContain('order.totalPrice');
    expect(found('order total')).toContain('order.totalPrice');
    expect(found('sku')).toEqual(['sku']);
    expect(found('zzz')).toEqual([]);
  });

  it('offers an item’s own fields inside a check, and its lists for a nested one', () => {
    const lineItems = field('order.lineItems');
    expect(quantifiableLists(rootScope).map((f) => f.path)).toEqual(['order.lineItems']);
    const inside = itemScope(lineItems);
    expect(inside.fields).toContain(sku);
    expect(quantifiableLists(inside).map((f) => f.path)).toEqual(['properties']);
    // A list of plain values is seen item by item through `$`.
    expect(itemScope(field('order.tags')).fields.map((f) => f.path)).toEqual(['$']);
  });
});
