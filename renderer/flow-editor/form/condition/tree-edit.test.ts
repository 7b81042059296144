import { describe, expect, it } from 'vitest';
import { conditionIssues } from './condition-issues.ts';
import type { GroupInput } from './rule-model.ts';
import { appendTo, asTree, changeNode, depthOf, freshId, removeNode, treeIds } from './tree-edit.ts';

const tree: GroupInput = {
  id: 'root',
  join: 'all',
  rules: [
    { id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 2000000 },
    { id: 'q1', quantifier: 'any', list: 'order.lineItems', where: { id: 'g1', join: 'all', rules: [{ id: 'r2', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' }] } },
  ],
};

describe('tree edits by id', () => {
  it('changes a rule deep in a check and leaves the other branches as they were', () => {
    const next = changeNode(tree, 'r2', (n) => ({ ...n, value: 'BACK-' }) as typeof n);
    expect(JSON.stringify(next)).toContain('BACK-');
    expect(next.rules[0]).toBe(tree.rules[0]);
    expect(JSON.stringify(tree)).toContain('PRE-');
  });

  it('adds to and removes from any group, never the root', () => {
    const added = appendTo(tree, 'g1', { id: 'r3', field: 'quantity', type: 'number', operator: 'gte', value: 2 });
    expect([...treeIds(added)]).toEqual(['root', 'r1', 'q1', 'g1', 'r2', 'r3']);
    expect([...treeIds(removeNode(added, 'q1'))]).toEqual(['root', 'r1']);
    expect(removeNode(tree, 'root')).toBe(tree);
  });

  it('makes ids unique across the tree and knows how deep a node sits', () => {
    const taken = treeIds(tree);
    const a = freshId(taken, 'r');
    const b = freshId(taken, 'r');
    expect(a).not.toBe(b);
    expect(treeIds(tree).has(a)).toBe(false);
    expect(depthOf(tree, 'r2')).toBe(3);
    expect(depthOf(tree, 'nope')).toBe(-1);
  });

  it('reads a missing or broken param as an empty condition', () => {
    expect(asTree(undefined)).toEqual({ id: 'root', join: 'all', rules: [] });
    expect(asTree({ id: 'x' })).toEqual({ id: 'root', join: 'all', rules: [] });
    expect(asTree(tree)).toBe(tree);
  });
});

describe('conditionIssues: the schema’s problems pinned to their rule and input', () => {
  it('names the rule and the input the contract schema complains about', () => {
    const draft: GroupInput = {
      id: 'root',
      join: 'all',
      rules: [
        { id: 'r1', field: '', type: 'text', operator: 'equals' },
        { id: 'q1', quantifier: 'any', list: 'order.lineItems', where: { id: 'g1', join: 'all', rules: [{ id: 'r2', field: 'price', type: 'number', operator: 'between', value: 1 }] } },
        { id: 'r3', field: 'order.createdAt', type: 'date', operator: 'after', value: 'tomorrow' },
        { id: 'r4', field: 'order.note', type: 'text', operator: 'matches_regex', value: '([' },
      ],
    };
    const issues = conditionIssues(draft);
    expect(issues.get('r1')?.map((i) => [i.slot, i.key])).toEqual([
      ['field', 'chooseField'],
      ['value', 'enterValue'],
    ]);
    expect(issues.get('r2')?.map((i) => [i.slot, i.key])).toEqual([['value2', 'enterUpperBound']]);
    expect(issues.get('r3')?.map((i) => [i.slot, i.key])).toEqual([['value', 'enterDate']]);
    expect(issues.get('r4')?.map((i) => [i.slot, i.key])).toEqual([['value', 'badRegex']]);
    expect(conditionIssues(tree).size).toBe(0);
  });
});
