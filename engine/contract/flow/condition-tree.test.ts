import { describe, expect, it } from 'vitest';
import type { ConditionGroupInput, ConditionNodeInput } from './condition.ts';
import { evaluateCondition } from './evaluate-condition.ts';

/** Groups, quantifiers and the trace: the shape of a condition, not its operators. */

const NOW = new Date('2026-02-10T12:00:00+07:00');

const lineItems = [
  {
    title: 'Áo dài lụa', sku: 'PRE-AO-01', quantity: 1, price: '1500000', tags: ['pre-order', 'Lụa'],
    properties: [{ name: 'Khắc tên', value: 'Lan' }, { name: 'Gói quà', value: 'Có' }],
  },
  { title: 'Nón lá', sku: 'NON-02', quantity: 3, price: '250000', tags: [], properties: [] },
];
const order = (extra: object = {}) => ({
  order: { totalPrice: '2000000', tags: ['VIP', 'pre-order'], cashOnDelivery: true, shippingAddress: { province: 'Hồ Chí Minh' }, lineItems, ...extra },
});

let n = 0;
const id = () => `n${++n}`;
const all = (...rules: ConditionNodeInput[]): ConditionGroupInput => ({ id: id(), join: 'all', rules });
const any = (...rules: ConditionNodeInput[]): ConditionGroupInput => ({ id: id(), join: 'any', rules });
const q = (quantifier: 'any' | 'none' | 'all', list: string, where: ConditionGroupInput): ConditionNodeInput => ({ id: id(), quantifier, list, where });
const rule = (field: string, type: string, operator: string, value?: unknown, extra: object = {}) =>
  ({ id: id(), field, type, operator, value, ...extra }) as ConditionNodeInput;

const PRE = () => all(rule('sku', 'text', 'starts_with', 'pre-'));
const run = (tree: ConditionGroupInput, data: unknown = order()) => evaluateCondition(tree, data, NOW);
const entry = (v: ReturnType<typeof run>, nodeId: string) => v.trace.find((t) => t.id === nodeId)!;

describe('quantifiers over line items', () => {
  it.each([
    ['any', true, 1],
    ['none', false, 1],
    ['all', false, 1],
  ] as const)('%s line item whose sku starts with PRE-', (kind, expected, held) => {
    const node = q(kind, 'order.lineItems', PRE());
    const v = run(all(node));
    expect(v.result).toBe(expected);
    expect(entry(v, node.id)).toMatchObject({ result: expected, tally: { held, of: 2 } });
  });

  it('all line items where quantity ≥ 1 and price < 2,000,000 (money as numbers)', () => {
    const where = all(rule('quantity', 'number', 'gte', 1), rule('price', 'number', 'lt', 2000000));
    expect(run(all(q('all', 'order.lineItems', where))).result).toBe(true);
  });

  // Empty lists: "any" has nothing to find; "none" and "all" hold (vacuous truth: no item fails).
  it.each([
    ['any', false],
    ['none', true],
    ['all', true],
  ] as const)('%s over an empty list', (kind, expected) => {
    const where = PRE();
    const node = q(kind, 'order.lineItems', where);
    const v = run(all(node), order({ lineItems: [] }));
    expect(v.result).toBe(expected);
    expect(entry(v, node.id)).toMatchObject({ tally: { held: 0, of: 0 } });
    // The rules inside never ran, and the trace says why rather than leaving them out.
    expect(entry(v, where.rules[0]!.id)).toEqual({ id: where.rules[0]!.id, result: false, note: 'not evaluated: order.lineItems is empty' });
  });

  it.each([
    ['any', false],
    ['none', true],
    ['all', true],
  ] as const)('%s over a missing list reads it as empty, with a note', (kind, expected) => {
    const node = q(kind, 'order.fulfillmentLines', PRE());
    const v = run(all(node));
    expect(v.result).toBe(expected);
    expect(entry(v, node.id).note).toBe('order.fulfillmentLines is missing (read as an empty list)');
  });

  it.each(['any', 'none', 'all'] as const)('%s over something that is not a list is false', (kind) => {
    const node = q(kind, 'order.totalPrice', PRE());
    const v = run(all(node));
    expect(v.result).toBe(false);
    expect(entry(v, node.id).note).toBe('order.totalPrice is not a list');
  });

  it('checks every criterion on the same item', () => {
    // Item 1 starts with PRE- but has quantity 1; item 2 has quantity 3 but another sku.
    const where = all(rule('sku', 'text', 'starts_with', 'PRE-'), rule('quantity', 'number', 'gte', 3));
    expect(run(all(q('any', 'order.lineItems', where))).result).toBe(false);
  });

  it('quantifies over plain values with $ (tags) and notes paths per item', () => {
    const r = rule('$', 'text', 'starts_with', 'PRE');
    const v = run(all(q('any', 'order.tags', all(r))));
    expect(v.result).toBe(true);
    expect(entry(v, r.id)).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
    const missing = rule('vendor', 'text', 'equals', 'Lụa Hà Đông');
    const v2 = run(all(q('any', 'order.lineItems', all(missing))));
    expect(entry(v2, missing.id)).toMatchObject({ result: false, note: 'order.lineItems[].vendor is missing', tally: { held: 0, of: 2 } });
  });

  it('uses list rules on an item list (line item tags)', () => {
    const where = all(rule('tags', 'list', 'includes_any', ['lụa']));
    expect(run(all(q('any', 'order.lineItems', where))).result).toBe(true);
    expect(run(all(q('all', 'order.lineItems', where))).result).toBe(false);
  });
});

describe('nested quantifiers: line item → properties', () => {
  it('any line item with any property "Gói quà" = "có"', () => {
    const prop = all(rule('name', 'text', 'equals', 'gói quà'), rule('value', 'text', 'equals', 'CÓ'));
    const inner = q('any', 'properties', prop);
    const outer = q('any', 'order.lineItems', all(inner));
    const v = run(all(outer));
    expect(v.result).toBe(true);
    expect(entry(v, outer.id)).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
    // Inside: the inner quantifier ran once per line item and held for one of them.
    expect(entry(v, inner.id)).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
    // Its group ran once per property of every line item: two properties in all.
    expect(entry(v, prop.id)).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
  });

  it('matches without diacritics only when asked', () => {
    const named = (flags: object) => q('any', 'order.lineItems', all(q('any', 'properties', all(rule('name', 'text', 'equals', 'goi qua', flags)))));
    expect(run(all(named({}))).result).toBe(false);
    expect(run(all(named({ ignoreDiacritics: true }))).result).toBe(true);
  });

  it('a line item with no properties has none of them (vacuous truth inside)', () => {
    const none = q('none', 'properties', all(rule('name', 'text', 'equals', 'Khắc tên')));
    const outer = q('any', 'order.lineItems', all(none));
    const v = run(all(outer));
    expect(v.result).toBe(true);
    expect(entry(v, none.id)).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
  });

  it('notes nested paths', () => {
    const r = rule('label', 'text', 'is_not_empty');
    const v = run(all(q('any', 'order.lineItems', all(q('any', 'properties', all(r))))));
    expect(entry(v, r.id).note).toBe('order.lineItems[].properties[].label is missing');
  });
});

describe('groups', () => {
  const total = () => rule('order.totalPrice', 'number', 'gte', 2000000);
  const hanoi = () => rule('order.shippingAddress.province', 'text', 'equals', 'Hà Nội');
  const vip = () => rule('order.tags', 'list', 'includes_any', ['vip']);
  const cod = () => rule('order.cashOnDelivery', 'boolean', 'is_true');

  it('an OR of ANDs: (total ≥ 2M and Hà Nội) or (VIP and COD)', () => {
    const g1 = all(total(), hanoi());
    const g2 = all(vip(), cod());
    const root = any(g1, g2);
    const v = run(root);
    expect(v.result).toBe(true);
    expect(entry(v, g1.id).result).toBe(false);
    expect(entry(v, g2.id).result).toBe(true);
    expect(run(root, order({ cashOnDelivery: false })).result).toBe(false);
  });

  it('an AND of ORs, three levels deep', () => {
    const root = all(any(hanoi(), all(total(), any(vip(), hanoi()))), cod());
    expect(run(root).result).toBe(true);
    expect(run(root, order({ tags: [] })).result).toBe(false);
  });

  it('an empty all holds and an empty any does not', () => {
    expect(run(all()).result).toBe(true);
    expect(run(any()).result).toBe(false);
    expect(run(all(any())).result).toBe(false);
  });
});

describe('the trace', () => {
  it('has one entry per rule, group and quantifier, by id, in tree order', () => {
    const tree: ConditionGroupInput = {
      id: 'root', join: 'any', rules: [
        { id: 'big', join: 'all', rules: [
          { id: 'total', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 5000000 },
          { id: 'pre', quantifier: 'any', list: 'order.lineItems', where: { id: 'pre-item', join: 'all', rules: [
            { id: 'pre-sku', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' },
          ] } },
        ] },
        { id: 'hcm', field: 'order.shippingAddress.province', type: 'text', operator: 'contains', value: 'hồ chí minh' },
      ],
    };
    const v = run(tree);
    expect(v).toEqual({
      result: true,
      trace: [
        { id: 'root', result: true },
        { id: 'big', result: false },
        { id: 'total', result: false, actual: '2000000' },
        // Every rule runs, even after a false one, so the run view shows each verdict.
        { id: 'pre', result: true, tally: { held: 1, of: 2 } },
        { id: 'pre-item', result: true, tally: { held: 1, of: 2 } },
        { id: 'pre-sku', result: true, tally: { held: 1, of: 2 } },
        { id: 'hcm', result: true, actual: 'Hồ Chí Minh' },
      ],
    });
  });

  it('never throws on a draft the editor has not finished', () => {
    const draft = all(
      rule('order.totalPrice', 'number', 'gte'),
      rule('order.createdAt', 'date', 'within_last_days', 'soon'),
      rule('order.createdAt', 'date', 'within_last_days', 1, { unit: 'fortnights' }),
      rule('order.tags', 'list', 'includes_any'),
    );
    const v = run(draft, order({ createdAt: '2026-02-08T09:30:00+07:00' }));
    expect(v.result).toBe(false);
    expect(v.trace.map((t) => t.note)).toEqual([
      undefined,
      'the rule has no number to compare with',
      'the rule has no number of days',
      'unknown unit fortnights',
      undefined,
    ]);
  });
});
